"""private_api.js uses private parts of Leaflet and streamlit-folium: each is checked here
against the installed packages, so an upgrade that renames or moves one fails a test instead
of silently breaking the first click, the zoom buttons' names, the map's readiness or its
report to a restarted server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit_folium
from playwright.sync_api import Page

from dashboard.core.view import View
from dashboard.core.world import World
from tests.js.conftest import ScriptServer
from tests.js.driver import apply, create, state_of

pytestmark = pytest.mark.browser

FOLIUM_BUNDLE = Path(streamlit_folium.__file__).parent / "frontend" / "build" / "static" / "js"


def test_leaflet_still_has_the_parts_the_map_replaces(page: Page) -> None:
    # private_api.js replaces these two methods; without them the patch would add dead code.
    assert page.evaluate("typeof L.Map.Keyboard.prototype._onMouseDown") == "function"
    assert page.evaluate("typeof L.Control.prototype._refocusOnMap") == "function"
    # ... and it is the patched version the page runs.
    source = page.evaluate("L.Map.Keyboard.prototype._onMouseDown.toString()")
    assert "preventScroll" in source


def test_the_zoom_buttons_are_named_in_the_pages_language(page: Page, document: dict) -> None:
    create(page, document, language="ja")
    assert page.evaluate("map.zoomControl._zoomInButton.tagName") == "A"
    names = page.eval_on_selector_all(
        ".leaflet-control-zoom a", "(links) => links.map((a) => [a.title, a.ariaLabel])"
    )
    text = document["labels"]["ja"]["text"]
    assert names == [[text["zoom_in"]] * 2, [text["zoom_out"]] * 2]


def test_the_first_click_on_a_framed_map_does_not_scroll_the_page(
    page: Page, server: ScriptServer, document: dict
) -> None:
    # The map's frame starts below the window: the page is scrolled so only its top shows.
    page.set_viewport_size({"width": 1000, "height": 500})
    page.goto(f"{server.url}/framed/300")
    inner = page.frames[1]
    inner.wait_for_load_state()
    create(inner, document)
    page.evaluate("window.scrollTo(0, 100)")
    box = page.locator("#frame").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 400, box["y"] + 60)
    assert page.evaluate("window.scrollY") == 100
    assert inner.evaluate("document.activeElement === map.getContainer()")


def test_streamlit_folium_starts_its_component_after_the_maps_script() -> None:
    (bundle,) = [p for p in FOLIUM_BUNDLE.glob("main.*.js")]
    code = bundle.read_text(encoding="utf-8")
    # It defines a global window.initComponent, which private_api.js wraps ...
    assert re.search(r"window\.initComponent\s*=\s*\(", code)
    # ... and calls it in the same script, after the map's own script (the page's code).
    assert re.search(r'script\s*\+\s*"window\.map = map_div; window\.initComponent\(map_div', code)


def test_a_map_the_server_has_not_heard_from_reports_again(
    page: Page, document: dict, good_world: World
) -> None:
    """A page whose server restarted keeps its map; the new process waits for its report."""
    create(page, document)
    state = state_of(good_world, View(2020))
    page.evaluate("window.moves = 0; map.on('moveend', () => window.moves++)")
    before = page.evaluate("map.getCenter().lng")
    apply(page, {**state, "awaitingReport": True})
    assert page.evaluate("window.moves") == 0  # no report sent yet: the first is on its way
    page.evaluate("window.__GLOBAL_DATA__ = { previous_data: { zoom: 6 } }")
    apply(page, {**state, "awaitingReport": True})
    assert page.evaluate("window.moves") == 1
    assert page.evaluate("window.__GLOBAL_DATA__.previous_data") is None
    moved = page.evaluate("map.getCenter().lng") - before
    assert 0 < moved < 1e-8  # a new position to report, and nothing a reader sees
    apply(page, {**state, "awaitingReport": False})
    assert page.evaluate("window.moves") == 1


def test_streamlit_folium_reports_moves_that_differ_from_its_last_report() -> None:
    (bundle,) = [p for p in FOLIUM_BUNDLE.glob("main.*.js")]
    code = bundle.read_text(encoding="utf-8")
    # reportAgain fires "moveend", which streamlit-folium listens to ...
    assert re.search(r'\.on\("moveend",\s*onMapMove\)', code)
    # ... and forgets what it sent last, which streamlit-folium compares each report with.
    assert re.search(r"previous_data\s*=\s*\w+\s*,\s*\w+\.\w+\.setComponentValue", code)
    assert "window.__GLOBAL_DATA__" in code
