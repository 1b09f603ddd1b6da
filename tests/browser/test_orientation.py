"""A map a reader can find their way on: place names in the page's language on every size of
window, none over another or over a marker, and the credits off the scale bar; every district
reachable by a click at the default zoom; sites that would overlap drawn as a counted group
that spreads on a click, each site then reachable."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
import shapely
from playwright.sync_api import Browser, Page, ViewportSize, expect

from dashboard.core.choices import Language
from dashboard.core.refs import district_ref
from dashboard.data.boundaries import load_boundaries
from dashboard.data.dataset import load_dataset

from .pages import feature_at, map_frame, map_point, open_map

pytestmark = pytest.mark.browser

SIZES: dict[str, ViewportSize] = {
    "laptop": {"width": 1366, "height": 768},
    "embed": {"width": 900, "height": 600},
    "phone": {"width": 390, "height": 844},
}
# Points tried per district before the test gives up finding one where the district is on top.
ATTEMPTS = 40
SEED = 21

Box = tuple[float, float, float, float]  # x, y, width, height


def fresh_page(browser: Browser, size: str, language: str) -> Page:
    locale = "ja-JP" if language == "ja" else "en-US"
    return browser.new_context(viewport=SIZES[size], locale=locale).new_page()


def boxes(page: Page, selector: str) -> list[tuple[str, Box]]:
    return map_frame(page).eval_on_selector_all(
        selector,
        """(nodes) => nodes
            .filter((n) => !n.hidden && n.getBoundingClientRect().width > 0)
            .map((n) => {
                const r = n.getBoundingClientRect();
                return [n.textContent, [r.left, r.top, r.width, r.height]];
            })""",
    )


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("size", list(SIZES))
def test_place_names_show_in_the_language_and_overlap_nothing(
    browser: Browser, app_url: str, artifacts: Path, size: str, language: str
) -> None:
    page = fresh_page(browser, size, language)
    try:
        embed = "&embed=true" if size == "embed" else ""
        open_map(page, f"{app_url}/?lang={language}{embed}", Language(language))
        page.wait_for_timeout(500)  # the names are placed once the map has settled
        labels = boxes(page, ".map-label")
        names = {name for name, _ in labels}
        states = {
            "en": {"Odisha", "Andhra Pradesh"},
            "ja": {"オディシャ州", "アーンドラ・プラデーシュ州"},
        }
        assert states[language] <= names, names
        for (one, a), (other, b) in itertools.combinations(labels, 2):
            assert not overlap(a, b), f"{one!r} overlaps {other!r}"
        markers = boxes(page, ".leaflet-sites-pane path, .site-group, .map-label-dot")
        for name, label in labels:
            for _, marker in markers:
                assert not overlap(label, marker), f"{name!r} covers a marker"
        # The credits, however they wrap or fold, leave the scale bar readable.
        [(_, scale)] = boxes(page, ".leaflet-control-scale")
        for _, credits in boxes(page, ".leaflet-control-attribution, .map-credits-toggle"):
            assert not overlap(scale, credits), "the credits cover the scale bar"
        page.screenshot(path=artifacts / f"orientation-{size}-{language}.png")
    finally:
        page.context.close()


def test_every_district_is_on_top_somewhere_at_the_default_zoom(
    browser: Browser, app_url: str
) -> None:
    page = fresh_page(browser, "laptop", "en")
    try:
        open_map(page, app_url)
        rng = random.Random(SEED)
        missing = []
        for row in load_boundaries().districts.itertuples():
            ref = district_ref(row.district_lgd)
            if not any(
                feature_at(page, *map_point(page, point.y, point.x)) == ref
                for point in _inside(row.geometry, rng)
            ):
                missing.append(row.district)
        assert missing == []
    finally:
        page.context.close()


def _inside(shape: shapely.Geometry, rng: random.Random) -> list[shapely.Point]:
    west, south, east, north = shape.bounds
    points: list[shapely.Point] = []
    while len(points) < ATTEMPTS:
        point = shapely.Point(rng.uniform(west, east), rng.uniform(south, north))
        if shape.contains(point):
            points.append(point)
    return points


def test_a_group_of_sites_spreads_and_each_site_can_then_be_picked(
    browser: Browser, app_url: str
) -> None:
    page = fresh_page(browser, "laptop", "en")
    try:
        frame = open_map(page, app_url)
        group = frame.locator(".site-group").first
        expect(group).to_be_visible()
        count = int(group.text_content() or "0")
        assert count >= 2
        shown = frame.locator(".leaflet-sites-pane path.site:not(.site-grouped)")
        alone = set(shown.evaluate_all("(nodes) => nodes.map((n) => n.dataset.ref)"))
        group.click()
        legs = frame.locator(".site-leg")
        expect(legs).to_have_count(count)
        # The group's sites are those that came out; a click on one selects it.
        spread = [n for n in shown.element_handles() if n.get_attribute("data-ref") not in alone]
        assert len(spread) == count
        names = load_dataset().sites.set_index("id")["name"]
        site = spread[-1]
        ref = site.get_attribute("data-ref") or ""
        box = site.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        name = names[ref.removeprefix("site:")]
        details = page.locator('[data-testid="stMainBlockContainer"]')
        expect(details.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=20_000)
        # The group stays spread while the details show.
        expect(legs).to_have_count(count)
    finally:
        page.context.close()
