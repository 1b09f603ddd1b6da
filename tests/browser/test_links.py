"""Shared links in real Chromium: a link reopens its view, the address follows every change,
a hostile link is harmless, and the downloaded map works from disk."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.data.validate import check_folder
from tests.paths import DISTRICTS

from .conftest import Traffic
from .pages import (
    MAP_IFRAME,
    map_view,
    open_map,
    open_share_box,
    set_year_with_keyboard,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

THIS_YEAR = dt.date.today().year


def address(page: Page) -> dict[str, list[str]]:
    # page.url misses history.replaceState; the document's own location does not.
    return parse_qs(urlsplit(page.evaluate("location.href")).query)


def test_a_deep_link_reopens_its_view(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    link = f"{app_url}/?year=2012&sel=district:388&layers=districts,sites&at=19.3,84.8,8"
    page.goto(link)
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator("path.district")).to_have_count(DISTRICTS, timeout=30_000)
    main = page.locator('[data-testid="stMainBlockContainer"]')
    expect(main.get_by_role("heading", name="Ganjam")).to_be_visible(timeout=20_000)
    slider = page.locator('[data-testid="stSlider"] input[type="range"]').first
    expect(slider).to_have_attribute("aria-valuetext", "2012")
    expect(frame.locator("path.link")).to_have_count(0)  # links layer off
    expect(frame.locator("path.zone")).to_have_count(0)  # zones layer off
    page.wait_for_timeout(1000)
    zoom, lat, lng = map_view(page)
    assert (zoom, round(lat, 1), round(lng, 1)) == (8, 19.3, 84.8)
    page.screenshot(path=artifacts / "deep-link.png")
    assert traffic.failed == []
    assert traffic.off_site() == []


def test_the_address_follows_the_year(page: Page, app_url: str) -> None:
    open_map(page, app_url)
    assert address(page) == {"lang": ["en"]}  # a bare link: only the language is written
    set_year_with_keyboard(page, THIS_YEAR, THIS_YEAR - 3)
    page.wait_for_function(
        f"new URLSearchParams(location.search).get('year') === '{THIS_YEAR - 3}'", timeout=20_000
    )
    link = open_share_box(page).first
    expect(link).to_contain_text(f"year={THIS_YEAR - 3}")


def test_a_hostile_link_shows_a_notice_and_the_default_view(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    hostile = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
    page.goto(f"{app_url}/?year={hostile}&sel=site:{hostile}&{hostile}=1&view={'x' * 400}")
    notice = page.get_by_text(text("url_ignored", Language.EN).format(keys="year, sel, ?, view"))
    expect(notice).to_be_visible(timeout=30_000)
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator("path.district")).to_have_count(DISTRICTS, timeout=30_000)
    expect(page.get_by_text(text("details_hint", Language.EN))).to_be_visible()
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == []
    page.screenshot(path=artifacts / "hostile-link.png")
    assert traffic.off_site() == []


def test_the_downloaded_map_works_from_disk(
    page: Page, browser: Browser, app_url: str, tmp_path: Path
) -> None:
    open_map(page, app_url)
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("link", name=text("download_html", Language.EN)).click()
    saved = tmp_path / "map.html"
    download.value.save_as(saved)
    offline = browser.new_context()
    try:
        disk = offline.new_page()
        loads: list[str] = []
        disk.on("request", lambda r: loads.append(r.url))
        disk.goto(saved.as_uri())
        expect(disk.locator("path.district")).to_have_count(DISTRICTS, timeout=10_000)
        expect(
            disk.get_by_role("heading", name=text("details_sources", Language.EN))
        ).to_be_visible()
        # The same place names as the live map.
        expect(disk.locator(".map-label:not([hidden])", has_text="Odisha")).to_have_count(1)
        assert [url for url in loads if not url.startswith("file:")] == []
    finally:
        offline.close()


def test_the_downloaded_data_is_a_valid_dataset(page: Page, app_url: str, tmp_path: Path) -> None:
    open_map(page, app_url)
    set_year_with_keyboard(page, THIS_YEAR, 2012)
    page.wait_for_function("new URLSearchParams(location.search).get('year') === '2012'")
    # A click during a rerun lands on a button that is about to be replaced.
    wait_until_idle(page)
    for label_key in ("download_geojson", "download_csv"):
        with page.expect_download(timeout=30_000) as download:
            page.get_by_role("link", name=text(label_key, Language.EN)).click()
        download.value.save_as(tmp_path / f"{label_key}.zip")
    with zipfile.ZipFile(tmp_path / "download_geojson.zip") as archive:
        archive.extractall(tmp_path / "geojson")
    folder = tmp_path / "geojson" / "india-japan-rare-earths"
    assert [str(p) for p in check_folder(folder).problems] == []
    with (folder / "milestones.csv").open(encoding="utf-8") as handle:
        years = {int(row["date"][:4]) for row in csv.DictReader(handle)}
    assert max(years) <= 2012  # nothing after the chosen year
    with zipfile.ZipFile(tmp_path / "download_csv.zip") as archive:
        assert "india-japan-rare-earths/sites.csv" in archive.namelist()
