"""Load the running dashboard in real Chromium: districts drawn, tooltips work, nothing leaves
the app's own server."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import Traffic
from .pages import district_point, open_map

pytestmark = pytest.mark.browser


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
