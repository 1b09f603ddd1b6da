"""Load the running dashboard in real Chromium: districts drawn, tooltips work, nothing leaves
the app's own server."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from dashboard.boundaries import load_boundaries
from dashboard.messages import text

from .conftest import Traffic

pytestmark = pytest.mark.browser

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
DRAW_TIMEOUT_MS = 30_000


def open_map(page: Page, url: str) -> FrameLocator:
    page.goto(url)
    expect(page.get_by_role("heading", name=text("title"))).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator("path.district")).to_have_count(56, timeout=DRAW_TIMEOUT_MS)
    return frame


def district_point(page: Page, name: str) -> tuple[float, float]:
    """Page coordinates of a point inside the named district, found with Leaflet's own
    projection so the test does not depend on the window size."""
    districts = load_boundaries().districts
    inside = districts.loc[districts["district"] == name, "geometry"].iloc[0].representative_point()
    iframe = page.locator(MAP_IFRAME)
    box = iframe.bounding_box()
    assert box is not None
    frame = iframe.element_handle().content_frame()
    assert frame is not None
    x, y = frame.evaluate(
        """([lat, lng]) => {
            const p = map_div.latLngToContainerPoint([lat, lng]);
            const r = map_div.getContainer().getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        [inside.y, inside.x],
    )
    return box["x"] + x, box["y"] + y


def test_page_draws_all_districts_offline(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    open_map(page, app_url)
    page.wait_for_load_state("networkidle")
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
