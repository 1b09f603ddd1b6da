"""map_setup.js: Leaflet places what it draws with plain 2D positions, so the map is one
layer for the compositor, and panning and zooming still move it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from dashboard.core.view import View
from dashboard.core.world import World
from tests.js.driver import apply, create, state_of

pytestmark = pytest.mark.browser

THREE_D = """() => [...document.querySelectorAll("#map *")]
    .filter((e) => getComputedStyle(e).transform.startsWith("matrix3d")
        || (e.style.transform || "").includes("3d")).length"""


def test_nothing_in_the_map_is_placed_in_3d(page: Page, document: dict, good_world: World) -> None:
    create(page, document)
    apply(page, state_of(good_world, View(2020)))
    assert page.evaluate("() => L.Browser.any3d") is False
    assert page.locator("path.district").count() > 0
    assert page.evaluate(THREE_D) == 0


def test_panning_and_zooming_still_move_the_map(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    apply(page, state_of(good_world, View(2020)))
    district = page.locator("path.district").first
    before = district.bounding_box()
    page.evaluate("() => map.panBy([120, 0], { animate: false })")
    after = district.bounding_box()
    assert before is not None
    assert after is not None
    assert after["x"] == pytest.approx(before["x"] - 120, abs=1)
    zoom = page.evaluate("() => map.getZoom()")
    page.evaluate("() => map.zoomIn(1)")
    assert page.evaluate("() => map.getZoom()") == zoom + 1
    assert page.evaluate(THREE_D) == 0
