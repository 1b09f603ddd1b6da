"""One search for everything, as readers use it: by a company's short name (its sites and
links outlined on the map, its subsidiary among its records), and by a Japanese word on the
Japanese page."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.paths import REPO_ROOT

from .pages import map_frame, open_map, search, wait_until_idle

pytestmark = pytest.mark.browser


def test_choosing_toyota_tsusho_outlines_its_records_and_lists_its_subsidiary(
    page: Page, app_url: str
) -> None:
    open_map(page, app_url)
    matches = search(page, "Toyota")
    option = matches.get_by_text(re.compile(r"^Toyota Tsusho Corporation \("))
    expect(option).to_be_visible()
    option.click()
    expect(page).to_have_url(re.compile(r"sel=org%3Aorg-toyota-tsusho"), timeout=20_000)
    details = page.locator('[data-testid="stMainBlockContainer"]')
    heading = details.get_by_role("heading", name="Toyota Tsusho Corporation", exact=True)
    expect(heading).to_be_visible(timeout=20_000)
    expect(details).to_contain_text("Toyotsu Rare Earths India")
    wait_until_idle(page)
    frame = map_frame(page)
    # Its site (TREI) and its links in the year, each outlined.
    outlined = frame.locator(".leaflet-selection-pane .selected")
    expect(outlined.first).to_be_attached()
    assert outlined.count() >= 3
    # DOCS_SCREENSHOTS=1 also writes the README's picture of an organisation picked.
    if os.environ.get("DOCS_SCREENSHOTS"):
        page.screenshot(path=REPO_ROOT / "docs" / "screenshot-organisation.png")


def test_a_japanese_word_finds_the_monazite_records_on_the_japanese_page(
    page: Page, app_url: str
) -> None:
    page.context.clear_cookies()
    open_map(page, f"{app_url}/?lang=ja", Language.JA)
    matches = search(page, "モナザイト", Language.JA)
    options = matches.get_by_role("radio")
    expect(options.first).to_be_attached()
    names = matches.locator("[role=radiogroup] label").all_inner_texts()
    assert any("OSCOMモナザイト処理プラント" in name for name in names), names
    assert all("モナザイト" in name for name in names), names
    expect(matches).to_contain_text(text("search_found_all", Language.JA).format(total=len(names)))
    # From the keyboard: into the list of matches, and the first one chosen.
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"sel="), timeout=20_000)
