"""WCAG 2.2 AA, checked by axe-core in real Chromium, in both languages and at three window
sizes, for the four states a reader meets: the page as it opens, a selected district, the
partners' view and a hostile link's notice. The page and the map's own frame are each checked
as the documents they are. Any violation fails the test unless it is listed in EXPLAINED with
the reason it cannot be met; and the page is checked for what axe cannot see: the language of
the page, the map's title and its summary as text, and reflow at 200 % zoom."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Frame, Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text

from .pages import MAP_IFRAME, map_frame, wait_until_settled

pytestmark = pytest.mark.browser

AXE = Axe()
# Every WCAG 2.0-2.2 A and AA rule, and axe's best practices (landmarks, heading order).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
STATES = {
    "default": "/?lang={lang}",
    "district": "/?year=2012&sel=district:lgd-354&lang={lang}",
    "partners": "/?view=partners&lang={lang}",
    "hostile": "/?lang={lang}&year=%3Cscript%3Ealert(1)%3C/script%3E&sel=javascript:alert(1)",
}
SIZES = {"laptop": (1366, 768), "desktop": (1920, 1080), "phone": (390, 844)}
LOCALES = {Language.EN: "en-US", Language.JA: "ja-JP"}
# Violations that cannot be fixed from this project, each with the reason: (rule id, a part
# of the offending element's HTML) -> why.
EXPLAINED: dict[tuple[str, str], str] = {}


def unexplained(document: Page | Frame) -> list[str]:
    """axe's violations in one document, less the explained ones, one line per element."""
    found = []
    for violation in AXE.run(document, options=AXE_OPTIONS).response["violations"]:
        for node in violation["nodes"]:
            if any(rule == violation["id"] and part in node["html"] for rule, part in EXPLAINED):
                continue
            found.append(f"{violation['id']} ({violation['impact']}): {node['html'][:200]}")
    return found


@pytest.fixture(params=list(STATES))
def state(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_axe_finds_nothing_unexplained(
    browser: Browser, app_url: str, state: str, size: str, language: Language
) -> None:
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale=LOCALES[language]
    )
    page = context.new_page()
    try:
        page.goto(app_url + STATES[state].format(lang=language.value))
        ready(page, language)
        problems = [f"page: {p}" for p in unexplained(page)]
        problems += [f"map frame: {p}" for p in unexplained(map_frame(page))]
        assert problems == [], "\n".join(problems)
    finally:
        context.close()


def ready(page: Page, language: Language) -> None:
    """The page settled, in its language (the map's frame sets the page's ``lang``)."""
    wait_until_settled(page)
    expect(page.locator("html")).to_have_attribute("lang", language.value)


@pytest.mark.parametrize("language", list(Language), ids=lambda lang: lang.value)
def test_the_map_frame_has_a_title_and_says_what_it_shows(
    browser: Browser, app_url: str, language: Language
) -> None:
    context = browser.new_context(locale=LOCALES[language])
    page = context.new_page()
    try:
        page.goto(app_url + STATES["district"].format(lang=language.value))
        ready(page, language)
        frame = page.locator(MAP_IFRAME)
        expect(frame).to_have_attribute("title", text("map_frame_title", language))
        summary = page.frame_locator(MAP_IFRAME).locator("#map-summary")
        expect(summary).to_have_attribute("aria-live", "polite")
        shown = summary.inner_text()
        assert "2012" in shown
        assert ("Ganjam" if language is Language.EN else "ガンジャム県") in shown
        # The same summary is text on the page, beside the map, for every reader.
        expect(page.get_by_text(shown, exact=True).first).to_be_visible()
    finally:
        context.close()


def test_at_200_percent_zoom_nothing_is_cut_off(browser: Browser, app_url: str) -> None:
    # A 1366 x 768 window at 200 % zoom lays the page out in 683 x 384 CSS pixels.
    context = browser.new_context(
        viewport={"width": 683, "height": 384}, device_scale_factor=2, locale="en-US"
    )
    page = context.new_page()
    try:
        page.goto(app_url + STATES["district"].format(lang="en"))
        ready(page, Language.EN)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow} px"
        details = page.get_by_role("heading", name="Ganjam", exact=True)
        details.scroll_into_view_if_needed()
        expect(details).to_be_in_viewport()
        link = page.get_by_role("link", name=text("download_csv", Language.EN))
        link.scroll_into_view_if_needed()
        expect(link).to_be_in_viewport()
    finally:
        context.close()


def test_phones_can_pinch_zoom_the_page_and_the_map(browser: Browser, app_url: str) -> None:
    width, height = SIZES["phone"]
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    try:
        page.goto(app_url + STATES["default"].format(lang="en"))
        ready(page, Language.EN)
        read = "() => [...document.querySelectorAll('meta[name=viewport]')].map(m => m.content)"
        for document in (page, map_frame(page)):
            for content in document.evaluate(read):
                settings = dict(
                    part.strip().split("=", 1) for part in content.split(",") if "=" in part
                )
                assert settings.get("user-scalable", "yes") not in ("no", "0"), content
                assert float(settings.get("maximum-scale", "5")) >= 2, content
    finally:
        context.close()
