"""The map as of its last review, in real Chromium: Andhra Pradesh's 28 districts in the
picker and in links, the Minerals Security Partnership ending as FORGE begins, the review date
under the title, and the feed of changes the app serves."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.data.changelog import read_changelog
from dashboard.paths import GEODATA_DIR
from tests.paths import DISTRICTS

from .conftest import Traffic
from .pages import open_map, search, set_year_with_keyboard, wait_until_idle

pytestmark = pytest.mark.browser

EN = Language.EN
ATOM = {"a": "http://www.w3.org/2005/Atom"}
# The districts formed on 31 Dec 2025, their LGD codes and a source each must cite.
NEW_DISTRICTS = {
    "Markapuram": (790, "Sakshi"),
    "Polavaram": (791, "Andhra Jyothy"),
}


def details(page: Page) -> Locator:
    return page.locator('[data-testid="stMainBlockContainer"]')


@pytest.mark.parametrize("name", list(NEW_DISTRICTS))
def test_a_new_district_is_picked_with_its_code_and_sources(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path, name: str
) -> None:
    code, publisher = NEW_DISTRICTS[name]
    open_map(page, f"{app_url}/")
    search(page, name).get_by_text(re.compile(rf"^{name} \(Andhra Pradesh\)")).click()
    expect(page).to_have_url(re.compile(rf"sel=district%3Algd-{code}"), timeout=20_000)
    panel = details(page)
    expect(panel.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=20_000)
    expect(panel).to_contain_text(f"LGD code: {code}")
    expect(panel).to_contain_text("Census 2011 district code: none (formed after 2011)")
    expect(panel).to_contain_text("31 Dec 2025")  # formed then, as its note says
    expect(panel).to_contain_text("assembly-constituency lines")  # how it is drawn
    expect(panel.get_by_role("link", name=re.compile("ap_district.csv"))).to_be_visible()
    expect(panel).to_contain_text(publisher)
    wait_until_idle(page)
    page.screenshot(path=artifacts / f"district-{code}.png")
    assert traffic.failed == []
    assert traffic.off_site() == []


def test_a_link_to_markapuram_opens_it_and_the_map_draws_all_28_districts(
    page: Page, app_url: str, traffic: Traffic
) -> None:
    frame = open_map(page, f"{app_url}/?sel=district:lgd-790")
    expect(frame.locator("path.district")).to_have_count(DISTRICTS)
    expect(details(page).get_by_role("heading", name="Markapuram", exact=True)).to_be_visible(
        timeout=20_000
    )
    expect(details(page)).to_contain_text("LGD code: 790")
    assert traffic.failed == []


def test_the_minerals_security_partnership_ends_as_forge_begins(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    frame = open_map(page, f"{app_url}/?year=2025&view=partners&sel=link:link-msp-jpn-ind")
    panel = details(page)
    expect(panel).to_contain_text("Status: Active", timeout=20_000)
    links_2025 = frame.locator("path.link").count()

    set_year_with_keyboard(page, 2025, 2026)
    expect(panel).to_contain_text("Status: Ended", timeout=20_000)
    expect(panel).to_contain_text("FORGE launched as the Minerals Security Partnership's successor")
    # FORGE's own line joins the map in 2026; the partnership's stays, drawn as ended.
    expect(frame.locator("path.link")).to_have_count(links_2025 + 1, timeout=20_000)
    wait_until_idle(page)
    page.screenshot(path=artifacts / "msp-ends-forge-begins.png")
    assert traffic.failed == []
    assert traffic.off_site() == []


def test_the_page_says_when_the_data_were_reviewed(page: Page, app_url: str) -> None:
    open_map(page, f"{app_url}/")
    line = page.get_by_text("Data reviewed against the sources on")
    expect(line).to_be_visible()
    expect(line).to_contain_text("newest event")
    feed = page.get_by_role("link", name=text("feed_link", EN))
    expect(feed).to_have_attribute("href", "/changes.atom")


def test_the_app_serves_the_feed_of_changes(page: Page, app_url: str) -> None:
    response = page.request.get(f"{app_url}/changes.atom")
    assert response.ok
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.body())  # well-formed XML, or this raises
    entries = feed.findall("a:entry", ATOM)
    changes, problems = read_changelog(GEODATA_DIR)
    assert problems == []
    assert len(entries) == len(changes)
    assert entries[0].findtext("a:title", namespaces=ATOM) == (
        f"{changes[0].date.isoformat()}: {changes[0].title}"
    )
    japanese = ET.fromstring(page.request.get(f"{app_url}/changes.atom?lang=ja").body())
    assert japanese.findtext("a:title", namespaces=ATOM) == text("feed_title", Language.JA)
