"""Load the running dashboard in real Chromium: districts drawn, tooltips work, nothing leaves
the app's own server."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.paths import DISTRICTS

from .conftest import Traffic
from .pages import district_point, open_map

pytestmark = pytest.mark.browser


def test_page_draws_all_districts_offline(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    open_map(page, app_url)
    traffic.wait_quiet(page)
    page.screenshot(path=artifacts / "map.png", full_page=True)
    assert traffic.failed == []
    assert traffic.off_site() == []


def test_hovering_a_district_shows_its_name_and_state(
    page: Page, app_url: str, artifacts: Path
) -> None:
    frame = open_map(page, app_url)
    x, y = district_point(page, "Ganjam")
    page.mouse.move(x, y)
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_contain_text("Ganjam", timeout=10_000)
    expect(tooltip).to_contain_text("Odisha")
    page.screenshot(path=artifacts / "tooltip-ganjam.png")


# Polls the page from its first moment: when the map's districts are all drawn, when the first
# chart and the first milestone entry appear.
RECORD_ARRIVALS = """
window.arrivals = {};
const seen = (name, found) => { if (found && !(name in window.arrivals))
    window.arrivals[name] = performance.now(); };
const poll = () => {
    const frame = document.querySelector('iframe[src*="/component/streamlit_folium.st_folium/"]');
    const inside = frame && frame.contentDocument;
    seen("map", inside && inside.querySelectorAll("path.district").length === %d);
    seen("chart", document.querySelector('[data-testid="stVegaLiteChart"]'));
    seen("timeline", document.querySelector('[class*="st-key-go-"]'));
    if (Object.keys(window.arrivals).length < 3) setTimeout(poll, 10);
};
poll();
"""


def test_the_map_draws_before_the_charts_and_the_timeline(page: Page, app_url: str) -> None:
    page.add_init_script(RECORD_ARRIVALS % DISTRICTS)
    open_map(page, app_url)
    page.wait_for_function("Object.keys(window.arrivals).length === 3", timeout=30_000)
    arrivals = page.evaluate("window.arrivals")
    assert arrivals["map"] < arrivals["chart"], arrivals
    assert arrivals["map"] < arrivals["timeline"], arrivals
