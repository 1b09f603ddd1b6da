"""The page in Japanese, in a real browser: a Japanese browser opens it in Japanese, a click
on Ganjam shows its details in Japanese, switching to English keeps the view, and a shared
``lang=ja`` link opens in Japanese in an English browser."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import label, text
from tests.browser.conftest import Traffic
from tests.browser.pages import DRAW_TIMEOUT_MS, MAP_IFRAME, district_point, wait_until_idle
from tests.paths import DISTRICTS

DETAILS = '[data-testid="stMainBlockContainer"]'


def open_in(page: Page, url: str, language: Language) -> None:
    page.goto(url)
    title = text("title", language)
    expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    districts = page.frame_locator(MAP_IFRAME).locator("path.district")
    expect(districts).to_have_count(DISTRICTS, timeout=DRAW_TIMEOUT_MS)
    wait_until_idle(page)


def test_a_japanese_browser_gets_japanese_details_and_can_switch_to_english(
    browser: Browser, app_url: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="ja-JP")
    page = context.new_page()
    traffic = Traffic(origin=app_url)
    page.on("request", lambda request: traffic.requests.append(request.url))
    try:
        open_in(page, f"{app_url}/?year=2020", Language.JA)
        page.mouse.click(*district_point(page, "Ganjam"))
        details = page.locator(DETAILS)
        heading = details.get_by_role("heading", name="ガンジャム県", exact=True)
        expect(heading).to_be_visible(timeout=20_000)
        expect(details).to_contain_text("オディシャ州")
        # a site and its operator
        expect(details).to_contain_text("IREL（旧インディアン・レアアース社）")
        expect(details).to_contain_text(label("evidence", "verified", Language.JA))
        source = details.get_by_role("link", name="IREL chalks out Rs 138 cr expansion plan")
        expect(source.first).to_have_attribute("target", "_blank")  # titles keep their language
        expect(details).to_contain_text("2011年4月20日")
        page.screenshot(path=artifacts / "japanese-ganjam.png")

        page.get_by_text(label("language", "en", Language.JA), exact=True).click()
        english = details.get_by_role("heading", name="Ganjam", exact=True)
        expect(english).to_be_visible(timeout=20_000)
        expect(page.get_by_role("heading", name=text("title", Language.EN))).to_be_visible()
        wait_until_idle(page)
        assert "lang=en" in page.url
        assert "sel=district%3Algd-354" in page.url or "sel=district:lgd-354" in page.url
        assert "year=2020" in page.url
        assert traffic.off_site() == []
    finally:
        context.close()


def test_a_shared_japanese_link_opens_in_japanese_in_an_english_browser(
    page: Page, app_url: str, traffic: Traffic, artifacts: Path
) -> None:
    open_in(page, f"{app_url}/?lang=ja&sel=district:lgd-354", Language.JA)
    details = page.locator(DETAILS)
    expect(details.get_by_role("heading", name="ガンジャム県", exact=True)).to_be_visible()
    tooltip_host = page.frame_locator(MAP_IFRAME)
    page.mouse.move(*district_point(page, "Ganjam"))
    expect(tooltip_host.locator(".leaflet-tooltip")).to_contain_text("ガンジャム県")
    zoom_in = tooltip_host.locator(".leaflet-control-zoom-in")
    expect(zoom_in).to_have_attribute("title", text("zoom_in", Language.JA))
    page.screenshot(path=artifacts / "japanese-link.png")
    assert traffic.off_site() == []
