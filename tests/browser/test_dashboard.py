"""The dashboard as an analyst uses it, in real Chromium: move the year, click a district,
read its details, switch to the partners' view, and never leave the app's own server."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.core.choices import Language
from dashboard.core.filters import existing_in_year
from dashboard.core.messages import label
from dashboard.core.view import View
from dashboard.core.world import load_world
from tests.paths import DISTRICTS
from tests.support.page_runs import PageRuns

from .conftest import Traffic
from .pages import (
    district_point,
    map_view,
    open_map,
    search,
    set_year_with_keyboard,
    wait_for_zoom_below,
    wait_until_idle,
    wait_until_settled,
)

pytestmark = pytest.mark.browser

THIS_YEAR = dt.date.today().year
EARLY_YEAR = 2010


def located_sites(year: int) -> int:
    sites = existing_in_year(load_world().dataset.sites, View(year))
    return int(sites.geometry.notna().sum())


def test_moving_the_year_updates_the_map_without_resetting_it(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    frame = open_map(page, app_url)
    sites = frame.locator("path.site")
    expect(sites).to_have_count(located_sites(THIS_YEAR))
    frame.locator(".leaflet-control-zoom-in").click()  # a view the user chose
    page.wait_for_timeout(500)
    before = map_view(page)
    set_year_with_keyboard(page, THIS_YEAR, EARLY_YEAR)
    expect(sites).to_have_count(located_sites(EARLY_YEAR), timeout=20_000)
    assert map_view(page) == before
    page.screenshot(path=artifacts / f"year-{EARLY_YEAR}.png")
    assert traffic.failed == []
    assert traffic.off_site() == []


def test_clicking_ganjam_shows_its_sites(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    runs = PageRuns(page)
    open_map(page, app_url)
    wait_until_settled(page)
    before = runs.runs
    x, y = district_point(page, "Ganjam")
    page.mouse.click(x, y)
    details = page.locator('[data-testid="stMainBlockContainer"]')
    expect(details.get_by_role("heading", name="Ganjam")).to_be_visible(timeout=20_000)
    expect(details).to_contain_text("Odisha Sands Complex")
    wait_until_idle(page)
    assert runs.runs - before == 1  # one click, one run
    dataset = load_world().dataset
    oscom = dataset.sites.set_index("id").loc["site-oscom"]
    title = dataset.sources.set_index("id").loc[oscom["sources"][0], "title"]
    source = details.get_by_role("link", name=title).first
    expect(source).to_have_attribute("target", "_blank")
    # The search, asked for it, marks it among its matches.
    chosen = search(page, "Ganjam").get_by_role("radio", name=re.compile(r"^Ganjam \(Odisha\)"))
    expect(chosen).to_be_checked()
    page.screenshot(path=artifacts / "details-ganjam.png")
    assert traffic.failed == []
    assert traffic.off_site() == []


def test_the_partners_view_reaches_every_partner(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    frame = open_map(page, app_url)
    page.get_by_text(label("view", "partners", Language.EN), exact=True).click()
    links = load_world().dataset.links
    expect(frame.locator("path.link")).to_have_count(len(links), timeout=20_000)
    wait_for_zoom_below(page, 4)
    expect(frame.locator("path.district")).to_have_count(DISTRICTS)
    page.screenshot(path=artifacts / "partners.png")
    assert traffic.failed == []
    assert traffic.off_site() == []
