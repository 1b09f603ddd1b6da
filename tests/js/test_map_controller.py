"""map_controller.js: the layer document fetched once; when it cannot be had, the reader is
told on the map in the page's language, can try again, and the server is told; the
component's start waits for the document."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from dashboard.core.view import View
from dashboard.core.world import World
from tests.js.conftest import Answer, ScriptServer
from tests.js.driver import apply, count, create, state_of
from tests.paths import DISTRICTS

pytestmark = pytest.mark.browser

PROBLEM = ".map-problem"
DISTRICT_PATHS = ".leaflet-districts-pane path.district"
MESSAGES = {"failed": "地図を読み込めませんでした。", "retry": "再読み込み"}


def test_the_document_is_fetched_once_and_drawn(
    page: Page, server: ScriptServer, document: dict, good_world: World
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/data/" in r.url else None)
    url = server.answer("layers.json", Answer(200, json.dumps(document).encode()))
    create(page, url, report="/events")
    for year in (2000, 2020, None):
        apply(page, state_of(good_world, View(year)))
    assert count(page, DISTRICT_PATHS) == DISTRICTS
    assert len(requests) == 1
    assert server.reports == []
    assert count(page, PROBLEM) == 0


@pytest.mark.parametrize(
    ("answer", "problem"),
    [(Answer(503, b"busy"), "HTTP 503"), (Answer(200, b"{not json"), "JSON")],
)
def test_a_failed_fetch_is_shown_reported_and_can_be_retried(
    page: Page,
    server: ScriptServer,
    document: dict,
    good_world: World,
    answer: Answer,
    problem: str,
) -> None:
    good = Answer(200, json.dumps(document).encode())
    url = server.answer("layers.json", answer, good)
    create(page, url, report="/events", messages=MESSAGES)
    apply(page, state_of(good_world, View(2020)))
    notice = page.locator(PROBLEM)
    assert notice.get_attribute("role") == "alert"
    assert notice.locator("p").text_content() == MESSAGES["failed"]
    assert count(page, DISTRICT_PATHS) == 0
    page.wait_for_function("() => true")  # let the report's request leave
    page.wait_for_timeout(200)
    (report,) = server.reports
    assert report["event"] == "layers-failed"
    assert report["url"] == url
    assert problem in str(report["problem"])
    notice.get_by_role("button", name=MESSAGES["retry"]).click()
    page.wait_for_selector(DISTRICT_PATHS)
    assert count(page, DISTRICT_PATHS) == DISTRICTS
    assert count(page, PROBLEM) == 0
    assert count(page, ".leaflet-sites-pane path.site") == 1  # the waiting state is drawn


def test_a_failed_fetch_without_a_report_address_only_tells_the_reader(
    page: Page, server: ScriptServer
) -> None:
    url = server.answer("layers.json", Answer(404, b""))
    create(page, url)
    assert page.locator(f"{PROBLEM} p").text_content()
    page.wait_for_timeout(200)
    assert server.reports == []


def test_the_component_starts_only_once_the_document_is_drawn(
    page: Page, server: ScriptServer, document: dict
) -> None:
    url = server.answer("slow.json", Answer(200, json.dumps(document).encode(), delay_s=0.5))
    page.evaluate(
        """(url) => {
            window.started = [];
            window.initComponent = (map) => window.started.push(
                document.querySelectorAll(".leaflet-districts-pane path").length);
            window.map = L.map("map").setView([19, 84], 6);
            const options = { data: url, language: "en", view: "states" };
            window.controller = RareEarthMap.create(map, options);
            // streamlit-folium calls it right after the map's script
            window.initComponent(map, false);
        }""",
        url,
    )
    assert page.evaluate("window.started") == []
    page.wait_for_function("window.started.length === 1")
    assert page.evaluate("window.started") == [DISTRICTS]
