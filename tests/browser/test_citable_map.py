"""What an analyst quotes, in real Chromium: official district codes (and links made before
them), and a site's status as it was in the chosen year, on the map and in its details."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import label
from tests.paths import DISTRICTS

from .conftest import Traffic
from .pages import MAP_IFRAME, set_year_with_keyboard, wait_until_idle

pytestmark = pytest.mark.browser

ANAKAPALLI_OLD_CODE = 685  # the number links carried before the dashboard used LGD codes


def main_text(page: Page) -> Locator:
    return page.locator('[data-testid="stMainBlockContainer"]')


def test_an_old_link_opens_anakapalli_with_its_official_codes(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    page.goto(f"{app_url}/?sel=district:{ANAKAPALLI_OLD_CODE}")
    expect(page.frame_locator(MAP_IFRAME).locator("path.district")).to_have_count(
        DISTRICTS, timeout=30_000
    )
    details = main_text(page)
    expect(details.get_by_role("heading", name="Anakapalli")).to_be_visible(timeout=20_000)
    expect(details).to_contain_text("LGD code: 744")
    expect(details).to_contain_text("Census 2011 district code: none (formed after 2011)")
    wait_until_idle(page)
    query = parse_qs(urlsplit(page.evaluate("location.href")).query)
    assert query["sel"] == ["district:lgd-744"]  # the link is rewritten in today's form
    page.screenshot(path=artifacts / "anakapalli-old-link.png")
    assert traffic.failed == []
    assert traffic.off_site() == []


def test_srikurmam_changes_status_across_2019(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    page.goto(f"{app_url}/?year=2018&sel=site:site-srikurmam-bhavanapadu")
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator("path.district")).to_have_count(DISTRICTS, timeout=30_000)
    expect(frame.locator("path.site.status-suspended")).to_have_count(1, timeout=20_000)
    details = main_text(page)
    expect(details).to_contain_text("Status in 2018: Suspended")
    wait_until_idle(page)

    set_year_with_keyboard(page, 2018, 2019)
    expect(frame.locator("path.site.status-lease_ended")).to_have_count(1, timeout=20_000)
    expect(frame.locator("path.site.status-suspended")).to_have_count(0)
    expect(details).to_contain_text("Status in 2019: Lease ended", timeout=20_000)
    wait_until_idle(page)

    # The tooltip on the map says the same, on the marker where the map draws it (spread out
    # of the group it shares with a nearby site, since it is the one selected).
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    box = frame.locator("path.site.status-lease_ended").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_contain_text(
        label("site_status", "lease_ended", Language.EN), timeout=10_000
    )
    page.screenshot(path=artifacts / "srikurmam-2019.png")
    assert traffic.failed == []
    assert traffic.off_site() == []
