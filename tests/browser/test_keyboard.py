"""The whole journey with the keyboard alone, in real Chromium: into the page, the year and the
evidence level, a district and its details, the other view, the share link copied, the data
downloaded. At every step the test says where the focus is and checks it can be seen; the
map is one stop that Tab leaves, and Tab follows the page's reading order."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FloatRect, Frame, Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import label, text

from .pages import MAP_IFRAME, TYPING_DELAY_MS, map_frame, wait_until_idle, wait_until_settled

pytestmark = pytest.mark.browser

EN = Language.EN
THIS_YEAR = dt.date.today().year
MAX_STOPS = 400  # the timeline holds a few hundred source links
STEP_MS = 20_000  # a step's rerun, on a busy machine
# The focused element, in the page or in the map's frame: what a screen reader would name.
FOCUSED = """() => {
    let element = document.activeElement;
    let inFrame = false;
    if (element && element.tagName === "IFRAME") {
        element = element.contentDocument.activeElement;
        inFrame = true;
    }
    const name = element.getAttribute("aria-label") || element.getAttribute("title")
        || (element.labels && element.labels[0] && element.labels[0].innerText)
        || (element.innerText || "").trim();
    return {
        inFrame: inFrame,
        tag: element.tagName.toLowerCase(),
        role: element.getAttribute("role") || "",
        name: name.replace(/\\s+/g, " ").trim().slice(0, 80),
        testid: (element.closest("[data-testid]") || {dataset: {}}).dataset.testid || "",
    };
}"""


class Keyboard:
    """A keyboard user on the page: Tab and Shift+Tab, and where the focus is."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def focused(self) -> dict[str, object]:
        return self.page.evaluate(FOCUSED)

    def document(self) -> Page | Frame:
        return map_frame(self.page) if self.focused()["inFrame"] else self.page

    def tab_until(
        self, wanted: Callable[[dict[str, object]], bool], backwards: bool = False
    ) -> list[dict[str, object]]:
        """Press Tab (or Shift+Tab) until the focus is on what ``wanted`` accepts; the stops
        on the way, the last one included."""
        stops = []
        for _ in range(MAX_STOPS):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            stops.append(self.focused())
            if wanted(stops[-1]):
                return stops
        raise AssertionError(f"never reached it; the last stops: {stops[-8:]}")

    def assert_focus_visible(self) -> None:
        """The focused element looks different with the focus than without it."""
        document = self.document()
        handle = document.evaluate_handle("document.activeElement").as_element()
        assert handle is not None, self.focused()
        box = handle.bounding_box()
        assert box is not None, self.focused()
        assert min(box["width"], box["height"]) > 0, self.focused()
        margin = 6
        clip: FloatRect = {
            "x": max(0.0, box["x"] - margin),
            "y": max(0.0, box["y"] - margin),
            "width": box["width"] + 2 * margin,
            "height": box["height"] + 2 * margin,
        }
        focused = self.page.screenshot(clip=clip)
        document.evaluate("document.activeElement.blur()")
        self.page.wait_for_timeout(150)
        unfocused = self.page.screenshot(clip=clip)
        handle.focus()
        self.page.wait_for_timeout(150)
        if focused == unfocused:
            raise AssertionError(f"no visible focus on {self.focused()}")


def named(name: str, role: str | None = None) -> Callable[[dict[str, object]], bool]:
    return lambda stop: stop["name"] == name and (role is None or stop["role"] == role)


def address(page: Page) -> str:
    return page.evaluate("location.search")


@pytest.fixture
def keyboard_page(browser: Browser, app_url: str) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="en-US", accept_downloads=True
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    page.goto(app_url + "/?lang=en")
    wait_until_settled(page)
    yield page
    context.close()


def test_the_whole_journey_from_the_keyboard(keyboard_page: Page, tmp_path: Path) -> None:
    page, keys = keyboard_page, Keyboard(keyboard_page)

    # Into the page: the first stop skips to the content, then the filters in reading order.
    first = keys.tab_until(lambda stop: True)
    assert first[-1]["name"] == "Skip to main content"
    keys.assert_focus_visible()
    on_the_way = keys.tab_until(named(text("year", EN)))
    assert [stop["testid"] for stop in on_the_way] == [
        "stRadioOption",  # the language
        "stRadioOption",  # the view
        "stSlider",
    ]
    keys.assert_focus_visible()

    # The year, two steps back.
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(rf"year={THIS_YEAR - 2}"), timeout=STEP_MS)
    marked = page.frame_locator(MAP_IFRAME).locator(f"[data-year='{THIS_YEAR - 2}']")
    expect(marked.first).to_be_attached(timeout=STEP_MS)

    # The evidence level: the radio group holds one stop; the arrows choose within it.
    keys.tab_until(named(label("evidence_filter", "all", EN)))
    keys.assert_focus_visible()
    page.keyboard.press("ArrowUp")
    reported = page.get_by_role("radio", name=label("evidence_filter", "reported", EN))
    expect(reported).to_be_checked(timeout=STEP_MS)
    expect(page).to_have_url(re.compile(r"evidence=reported"), timeout=STEP_MS)

    # A district, found by typing its name (Enter lists the matches) and chosen with Space on
    # the first match; its details are text on the page.
    keys.tab_until(named(text("search", EN)))
    keys.assert_focus_visible()
    page.keyboard.type("Ganjam", delay=TYPING_DELAY_MS)
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name=re.compile(r"^Ganjam \("))).to_be_attached(
        timeout=STEP_MS
    )
    page.keyboard.press("Tab")
    keys.assert_focus_visible()
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"sel=district%3Algd-354"), timeout=STEP_MS)
    details = page.locator('[data-testid="stMainBlockContainer"]')
    expect(details.get_by_role("heading", name="Ganjam", exact=True)).to_be_visible(timeout=STEP_MS)
    expect(details.get_by_text("LGD code:")).to_be_visible(timeout=STEP_MS)

    # The other view: back up to the view's radio group and choose with the arrows.
    keys.tab_until(named(label("view", "states", EN)), backwards=True)
    keys.assert_focus_visible()
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"view=partners"), timeout=STEP_MS)
    wait_until_idle(page)

    # Up to the skip link and into the content: the map is one stop (and its two buttons and
    # its credit), and the next Tab leaves it.
    keys.tab_until(named("Skip to main content"), backwards=True)
    page.keyboard.press("Enter")
    in_map = keys.tab_until(lambda stop: bool(stop["inFrame"]))
    keys.assert_focus_visible()
    assert in_map[-1]["tag"] == "div"  # the map itself: arrows pan it
    inside = keys.tab_until(lambda stop: not stop["inFrame"])
    assert [stop["name"] for stop in inside[:2]] == [text("zoom_in", EN), text("zoom_out", EN)]
    assert len(inside) <= 4, inside  # the two buttons, Leaflet's credit, then out

    # The downloads come right after the map, then the details and the share link.
    assert inside[-1]["name"] == text("download_geojson", EN)
    keys.assert_focus_visible()
    keys.tab_until(named(text("download_csv", EN)))
    keys.assert_focus_visible()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / "data.zip"
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        assert "india-japan-rare-earths/sites.csv" in archive.namelist()
    assert "view=partners" in download.value.url

    # The share box: its switch shows it, and the link's copy button comes next.
    keys.tab_until(named(text("share", EN)))
    keys.assert_focus_visible()
    page.keyboard.press("Space")
    expect(page.locator('[data-testid="stCode"]')).to_have_count(2, timeout=STEP_MS)
    keys.tab_until(named("Copy to clipboard"))
    keys.assert_focus_visible()
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.evaluate("location.href")
    assert "view=partners" in copied
    assert "sel=district%3Algd-354" in copied


def test_every_kind_of_stop_shows_where_the_focus_is(browser: Browser, app_url: str) -> None:
    """Once round the whole page with Tab (a district selected, so its details' links are
    there too): the first stop of each kind (its element, role and Streamlit part) is seen to
    take the focus, and the round comes back to the start."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(app_url + "/?year=2012&sel=district:lgd-354&lang=en")
        wait_until_settled(page)
        keys, kinds = Keyboard(page), set()
        for _ in range(MAX_STOPS):
            page.keyboard.press("Tab")
            stop = keys.focused()
            if stop["tag"] == "body":  # past the last stop: the next Tab starts again
                break
            # Buttons of one Streamlit part differ by what they do ("Copy to clipboard", a
            # chart's "Show data"): told apart by their name, less its numbers.
            name = re.sub(r"\d", "", str(stop["name"])) if stop["tag"] == "button" else ""
            kind = (stop["inFrame"], stop["tag"], stop["role"], stop["testid"], name)
            if kind not in kinds:
                kinds.add(kind)
                keys.assert_focus_visible()
        else:
            raise AssertionError("Tab never came round")
        assert len(kinds) > 10, kinds
    finally:
        context.close()
