"""map_site_groups.js: sites that would overlap are one counted group; a click spreads them
around it, each then on top and clickable, and the app hears nothing of the group's click;
zooming in or a click elsewhere gathers them; a selected site's group shows spread."""

from __future__ import annotations

import copy

import pytest
from playwright.sync_api import Page

from dashboard.core.view import View
from dashboard.core.world import World
from tests.js.driver import apply, create, state_of

pytestmark = pytest.mark.browser

GROUP = ".site-group"
SHOWN_SITES = ".leaflet-sites-pane path.site:not(.site-grouped)"


def three_sites_in_one_town(document: dict, world: World) -> tuple[dict, dict]:
    """The document with two more sites a few hundred metres from the first, and a state
    showing all three."""
    crowded = copy.deepcopy(document)
    first = crowded["sites"]["features"][0]
    lon, lat = first["geometry"]["coordinates"]
    for n, (dx, dy) in enumerate([(0.004, 0.0), (0.0, 0.004)]):
        twin = copy.deepcopy(first)
        twin["geometry"]["coordinates"] = [lon + dx, lat + dy]
        twin["properties"]["ref"] = f"site:twin-{n}"
        crowded["sites"]["features"].append(twin)
    state = state_of(world, View(2020))
    state["sites"] = [[p, "operating"] for p in range(3)]
    return crowded, state


def test_close_sites_are_one_group_that_spreads_on_a_click(
    page: Page, document: dict, good_world: World
) -> None:
    crowded, state = three_sites_in_one_town(document, good_world)
    create(page, crowded)
    page.evaluate("map.setView([19.35, 84.98], 7, { animate: false })")
    apply(page, state)
    assert page.locator(GROUP).count() == 1
    assert page.locator(GROUP).text_content() == "3"
    assert page.locator(SHOWN_SITES).count() == 0
    page.evaluate("window.mapClicks = 0; map.on('click', () => window.mapClicks++)")
    page.locator(GROUP).click()
    assert page.evaluate("window.mapClicks") == 0  # the group's click is not the app's
    assert page.locator(SHOWN_SITES).count() == 3
    assert page.locator(".site-leg").count() == 3
    # Each spread site is on top somewhere: the pointer reaches it.
    for handle in page.locator(SHOWN_SITES).element_handles():
        box = handle.bounding_box()
        assert box is not None
        hit = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).dataset.ref",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert hit == handle.get_attribute("data-ref")
    # A state arriving while spread (the reader picked one) leaves it spread.
    apply(page, state)
    assert page.locator(".site-leg").count() == 3
    # A click on the map elsewhere gathers them.
    page.mouse.click(20, 300)
    assert page.locator(".site-leg").count() == 0
    assert page.locator(GROUP).count() == 1


def test_zooming_in_far_enough_draws_each_site_alone(
    page: Page, document: dict, good_world: World
) -> None:
    crowded, state = three_sites_in_one_town(document, good_world)
    create(page, crowded)
    page.evaluate("map.setView([19.35, 84.98], 7, { animate: false })")
    apply(page, state)
    page.evaluate("map.setZoom(15, { animate: false })")
    assert page.locator(GROUP).count() == 0
    assert page.locator(SHOWN_SITES).count() == 3


def test_the_grouping_joins_chains_of_close_points(page: Page) -> None:
    groups = page.evaluate(
        """() => RareEarthMapParts.clusters(
            [[0, 0], [10, 0], [20, 0], [100, 100]].map((p) => L.point(p)), 14)"""
    )
    assert sorted(sorted(g) for g in groups) == [[0, 1, 2], [3]]


def test_a_selected_site_in_a_group_is_shown_spread(
    page: Page, document: dict, good_world: World
) -> None:
    """A link or a search naming a site shows the site, not a count it hides in."""
    crowded, state = three_sites_in_one_town(document, good_world)
    create(page, crowded)
    page.evaluate("map.setView([19.35, 84.98], 7, { animate: false })")
    apply(page, {**state, "selection": "site:twin-1"})
    assert page.locator(".site-leg").count() == 3
    assert page.locator(GROUP).count() == 0
    assert page.locator(".leaflet-selection-pane .selected").count() == 1
    # Selecting something else leaves the group to gather on the next click elsewhere.
    apply(page, {**state, "selection": None})
    assert page.locator(".site-leg").count() == 3
