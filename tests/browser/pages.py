"""Helpers that drive the dashboard page the way a user does."""

from __future__ import annotations

import time

from playwright.sync_api import Error, Frame, FrameLocator, Locator, Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.data.boundaries import load_boundaries
from dashboard.shell.state import SHARE, results_key
from harness.serving import MAP_FRAME as MAP_IFRAME
from tests.paths import DISTRICTS

DRAW_TIMEOUT_MS = 30_000
# Typing into the search at a fast typist's pace, as a reader does.
TYPING_DELAY_MS = 60
# The page, or the dashboard's document in an article's frame (tests/browser/test_embed.py).
Target = Page | Frame


def open_map(page: Page, url: str, language: Language = Language.EN) -> FrameLocator:
    page.goto(url)
    expect(page.get_by_role("heading", name=text("title", language))).to_be_visible(
        timeout=DRAW_TIMEOUT_MS
    )
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator("path.district")).to_have_count(DISTRICTS, timeout=DRAW_TIMEOUT_MS)
    wait_until_idle(page)
    return frame


def wait_until_settled(page: Page) -> None:
    """The page as a reader finds it once it has settled: the map drawn, the charts shown
    (they follow the map), and no run going on."""
    districts = page.frame_locator(MAP_IFRAME).locator("path.district")
    expect(districts).to_have_count(DISTRICTS, timeout=DRAW_TIMEOUT_MS)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    expect(chart).to_be_attached(timeout=DRAW_TIMEOUT_MS)
    wait_until_idle(page)


def map_frame(page: Target) -> Frame:
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None
    return frame


def map_view(page: Page) -> tuple[float, float, float]:
    """Zoom and centre of the Leaflet map, to tell whether a rerun reset the view."""
    return tuple(
        map_frame(page).evaluate(
            "() => { const c = map_div.getCenter(); return [map_div.getZoom(), c.lat, c.lng]; }"
        )
    )


def wait_until_idle(page: Target, quiet_ms: int = 700) -> None:
    """Wait until no script run is going on, and none starts for ``quiet_ms`` (the map reports
    its position after drawing, which can start one more run)."""
    idle = "document.querySelector('[data-testid=stApp]')?.dataset.testScriptState !== 'running'"
    deadline = time.monotonic() + DRAW_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        page.wait_for_function(idle, timeout=DRAW_TIMEOUT_MS)
        page.wait_for_timeout(quiet_ms)
        if page.evaluate(idle):
            return
    raise AssertionError("the app kept rerunning")


def wait_for_zoom_below(page: Page, limit: float, timeout_ms: int = DRAW_TIMEOUT_MS) -> float:
    """Wait until the map (possibly a new iframe, after a view change) is zoomed out below
    ``limit``; return its zoom."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            zoom = map_view(page)[0]
        except Error:  # the iframe is being replaced
            zoom = None
        if zoom is not None and zoom < limit:
            return zoom
        if time.monotonic() > deadline:
            raise AssertionError(f"the map stayed at zoom {zoom}, not below {limit}")
        page.wait_for_timeout(200)


def district_point(page: Page, name: str) -> tuple[float, float]:
    """Page coordinates of a point inside the named district."""
    districts = load_boundaries().districts
    inside = districts.loc[districts["district"] == name, "geometry"].iloc[0].representative_point()
    return map_point(page, inside.y, inside.x)


def map_point(page: Target, lat: float, lng: float) -> tuple[float, float]:
    """Page coordinates of a place on the map, found with Leaflet's own projection so the
    test does not depend on the window size."""
    box = page.locator(MAP_IFRAME).bounding_box()
    assert box is not None
    x, y = map_frame(page).evaluate(
        """([lat, lng]) => {
            const p = map_div.latLngToContainerPoint([lat, lng]);
            const r = map_div.getContainer().getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        [lat, lng],
    )
    return box["x"] + x, box["y"] + y


def set_year_with_keyboard(page: Page, current: int, target: int) -> None:
    """Focus the year slider and press the arrow keys, as a keyboard user would."""
    slider = page.locator('[data-testid="stSlider"] input[type="range"]').first
    slider.focus()
    key = "ArrowLeft" if target < current else "ArrowRight"
    for _ in range(abs(current - target)):
        page.keyboard.press(key)
    expect(slider).to_have_attribute("aria-valuetext", str(target))


def feature_at(page: Target, x: float, y: float) -> str | None:
    """The reference of the map feature a pointer at page point (x, y) would reach, found as
    the browser does (elementFromPoint) and named by Leaflet's own layer: None when nothing
    clickable is there."""
    box = page.locator(MAP_IFRAME).bounding_box()
    assert box is not None
    return map_frame(page).evaluate(
        """([x, y]) => {
            const element = document.elementFromPoint(x, y);
            for (const id in map_div._layers) {
                const layer = map_div._layers[id];
                if (layer._path === element && layer.feature) return layer.feature.properties.ref;
            }
            return null;
        }""",
        [x - box["x"], y - box["y"]],
    )


def in_viewport(page: Page, selector: str) -> bool:
    """Whether the element is wholly inside the window, with nothing to scroll."""
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    assert box is not None
    assert size is not None
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def search(page: Page, typed: str, language: Language = Language.EN) -> Locator:
    """Type into the sidebar's search and press Enter; returns its list of matches."""
    page.get_by_role("textbox", name=text("search", language), exact=True).click()
    page.keyboard.type(typed, delay=TYPING_DELAY_MS)
    page.keyboard.press("Enter")
    # Streamlit gives a keyed widget's container the class st-key-<key>.
    matches = page.locator(f".st-key-{results_key(language)}")
    expect(matches).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    return matches


def open_share_box(page: Page, language: Language = Language.EN) -> Locator:
    """Turn on the "Share this view" switch under the details; returns the share box's code
    boxes (the link, then the ``<iframe>`` snippet)."""
    switch = page.get_by_role("switch", name=text("share", language))
    page.locator(f".st-key-{SHARE} label").click()  # the label takes the pointer, as for a reader
    expect(switch).to_be_checked()
    codes = page.locator('[data-testid="stCode"]')
    expect(codes).to_have_count(2, timeout=DRAW_TIMEOUT_MS)
    return codes
