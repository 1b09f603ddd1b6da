"""The map as people open it: on a 1366x768 laptop the whole map is in view and the very first
click on a fresh page selects the district under the pointer, at random points inside
districts near and far, edges included; on a 1920x1080 screen the map uses the space; on a
390x844 phone a shared link opens fitted to the two states and a tap selects."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import shapely
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from dashboard.core.refs import district_ref
from dashboard.data.boundaries import load_boundaries

from .pages import MAP_IFRAME, feature_at, in_viewport, map_frame, map_point, open_map

pytestmark = pytest.mark.browser

LAPTOP: ViewportSize = {"width": 1366, "height": 768}
DESKTOP: ViewportSize = {"width": 1920, "height": 1080}
PHONE: ViewportSize = {"width": 390, "height": 844}
# Far apart and of every shape: north and south ends, inland and coast, small and large.
DISTRICTS = (
    "Mayurbhanj",
    "Sundargarh",
    "Malkangiri",
    "Ganjam",
    "Srikakulam",
    "Ananthapuramu",
    "Tirupati",
)
SEED = 11
# A site, zone edge or link may lie over a random point: the test takes the first of this many
# points where the district itself is what a pointer reaches.
ATTEMPTS = 20
EDGE_DEGREES = 0.03  # "near an edge": inside the district, this close to its boundary


def random_inside(shape: shapely.Geometry, rng: random.Random) -> shapely.Point:
    west, south, east, north = shape.bounds
    while True:
        point = shapely.Point(rng.uniform(west, east), rng.uniform(south, north))
        if shape.contains(point):
            return point


def near_edge(shape: shapely.Geometry, rng: random.Random) -> shapely.Point:
    inner = shape.buffer(-EDGE_DEGREES)
    ring = shape.difference(inner.buffer(-EDGE_DEGREES / 3))
    return random_inside(ring, rng)


def candidates(name: str, where: str) -> list[shapely.Point]:
    """Random points inside the district (or inside and near its edge), the same on every run."""
    rng = random.Random(f"{SEED}-{name}-{where}")
    shape = load_boundaries().districts.set_index("district").loc[name, "geometry"]
    pick = random_inside if where == "inside" else near_edge
    return [pick(shape, rng) for _ in range(ATTEMPTS)]


def point_on_top(page: Page, district: str, where: str, ref: str) -> tuple[float, float]:
    """The first candidate point where the district is what a pointer reaches; looked for
    again after a moment if the map was still settling (a glide moves every point)."""
    for _ in range(3):
        points = (map_point(page, p.y, p.x) for p in candidates(district, where))
        found = next(((x, y) for x, y in points if feature_at(page, x, y) == ref), None)
        if found is not None:
            return found
        page.wait_for_timeout(1000)
    raise AssertionError(f"no point of {district} ({where}) where the district is on top")


def fresh_page(
    browser: Browser,
    viewport: ViewportSize,
    *,
    has_touch: bool | None = None,
    is_mobile: bool | None = None,
    device_scale_factor: float | None = None,
) -> Page:
    return browser.new_context(
        viewport=viewport,
        locale="en-US",
        has_touch=has_touch,
        is_mobile=is_mobile,
        device_scale_factor=device_scale_factor,
    ).new_page()


def details_heading(page: Page, district: str) -> Locator:
    details = page.locator('[data-testid="stMainBlockContainer"]')
    return details.get_by_role("heading", name=district, exact=True)


@pytest.mark.parametrize("where", ["inside", "edge"])
@pytest.mark.parametrize("district", DISTRICTS)
def test_the_first_click_on_a_laptop_selects_the_district_under_it(
    browser: Browser, app_url: str, district: str, where: str
) -> None:
    code = int(load_boundaries().districts.set_index("district").loc[district, "district_lgd"])
    page = fresh_page(browser, LAPTOP)
    try:
        open_map(page, app_url)
        assert in_viewport(page, MAP_IFRAME), "the whole map is in view at load"
        x, y = point_on_top(page, district, where, district_ref(code))
        scrolled = page.evaluate("window.scrollY")
        page.mouse.click(x, y)
        expect(details_heading(page, district)).to_be_visible(timeout=20_000)
        assert page.evaluate("window.scrollY") == scrolled, "the page jumped"
    finally:
        page.context.close()


def test_a_large_screen_gives_the_map_the_space(
    browser: Browser, app_url: str, artifacts: Path
) -> None:
    page = fresh_page(browser, DESKTOP)
    try:
        open_map(page, app_url)
        assert in_viewport(page, MAP_IFRAME)
        box = page.locator(MAP_IFRAME).bounding_box()
        assert box is not None
        assert box["height"] >= 850  # the window less the header
        assert box["width"] >= 900  # two thirds of the page beside the sidebar
        page.screenshot(path=artifacts / "desktop-1920.png")
    finally:
        page.context.close()


def test_a_shared_link_on_a_phone_fits_the_states_and_a_tap_selects(
    browser: Browser, app_url: str, artifacts: Path
) -> None:
    page = fresh_page(browser, PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    try:
        open_map(page, f"{app_url}/?year=2019&sel=district:lgd-354")
        assert in_viewport(page, MAP_IFRAME)
        states = load_boundaries().states.total_bounds
        shown = map_frame(page).evaluate(
            "() => { const b = map_div.getBounds(); "
            "return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }"
        )
        west, south, east, north = states
        assert shown[0] <= west
        assert shown[1] <= south
        assert shown[2] >= east
        assert shown[3] >= north
        page.screenshot(path=artifacts / "phone-390.png")
        districts = load_boundaries().districts.set_index("district")
        point = districts.loc["Puri", "geometry"].representative_point()
        x, y = map_point(page, point.y, point.x)
        assert feature_at(page, x, y) == district_ref(int(districts.loc["Puri", "district_lgd"]))
        page.touchscreen.tap(x, y)
        expect(details_heading(page, "Puri")).to_be_attached(timeout=20_000)
    finally:
        page.context.close()
