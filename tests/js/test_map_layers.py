"""map_layers.js: what a state shows, hides and styles, with the layer document and the states
the app builds, in real Chromium without Streamlit."""

from __future__ import annotations

import copy
import json

import pytest
from playwright.sync_api import Page

from dashboard.core.choices import Layer, MapView, Measure
from dashboard.core.refs import Selection
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map.layer_data import layer_index
from tests.js.driver import apply, attribute, count, create, state_of
from tests.paths import DISTRICTS

pytestmark = pytest.mark.browser

DISTRICT_PATHS = ".leaflet-districts-pane path.district"
SITES = ".leaflet-sites-pane path.site"
LINKS = ".leaflet-links-pane path.link"
ZONES = ".leaflet-zones-pane path.zone"
SELECTED = ".leaflet-selection-pane path.selected"


def test_every_district_is_drawn_once_and_a_state_shows_what_it_lists(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    assert count(page, DISTRICT_PATHS) == DISTRICTS
    assert count(page, SITES) == 0  # nothing but districts before a state arrives
    state = state_of(good_world, View(2020))
    apply(page, state)
    assert count(page, SITES) == len(state["sites"]) == 1
    assert count(page, LINKS) == len(state["links"]) == 2
    assert count(page, ZONES) == len(state["zones"]) == 2
    assert page.evaluate("map.getContainer().dataset.year") == "2020"
    before = state_of(good_world, View(2000))
    apply(page, before)
    assert (count(page, LINKS), count(page, ZONES)) == (0, len(before["zones"]))
    assert count(page, DISTRICT_PATHS) == DISTRICTS


def test_a_state_that_arrives_before_the_document_is_drawn_when_it_comes(
    page: Page, document: dict, good_world: World
) -> None:
    apply(page, state_of(good_world, View(2020)))  # no controller yet: nothing to do
    page.evaluate(
        """([doc, state]) => {
            window.map = L.map("map").setView([19, 84], 6);
            window.controller = RareEarthMap.create(map, {
                data: "/data/none", language: "en", view: "states" });
            RareEarthMap.apply(state);
            controller.load(doc);
        }""",
        [document, state_of(good_world, View(2020))],
    )
    assert count(page, SITES) == 1


def test_district_fills_follow_the_measure_and_the_count(
    page: Page, document: dict, good_world: World
) -> None:
    theme = document["theme"]
    create(page, document)
    state = state_of(good_world, View(2020, measure=Measure.ZONES))
    apply(page, state)
    position = layer_index(good_world).districts[354]  # Ganjam: two zones in 2020
    fills = attribute(page, DISTRICT_PATHS, "fill")
    assert state["counts"]["zones"][position] == 2
    assert fills[position] == theme["countColours"][2]
    apply(page, state_of(good_world, View(2020, measure=Measure.NONE)))
    fills = attribute(page, DISTRICT_PATHS, "fill")
    states = [f["properties"]["state"] for f in document["districts"]["features"]]
    assert fills == [theme["stateFill"][state] for state in states]


def test_district_shapes_stay_the_same_nodes_across_years(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    apply(page, state_of(good_world, View(2020)))
    page.evaluate(
        f"document.querySelectorAll('{DISTRICT_PATHS}').forEach((n) => (n.dataset.seen = 1))"
    )
    for year in (2000, 2012, None):
        apply(page, state_of(good_world, View(year)))
    assert count(page, f"{DISTRICT_PATHS}[data-seen]") == DISTRICTS


def test_a_hidden_layer_leaves_the_map_and_comes_back(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    apply(page, state_of(good_world, View(2020)))
    only_districts = View(2020, layers=frozenset({Layer.DISTRICTS}))
    apply(page, state_of(good_world, only_districts))
    assert (count(page, SITES), count(page, LINKS), count(page, ZONES)) == (0, 0, 0)
    assert count(page, ".leaflet-links-pane path.link-to") == 0  # the ends go with the lines
    apply(page, state_of(good_world, View(2020)))
    assert (count(page, SITES), count(page, LINKS), count(page, ZONES)) == (1, 2, 2)
    assert count(page, ".leaflet-links-pane path.link-to") == 2


def test_sites_and_links_carry_their_status_in_the_year(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    state = state_of(good_world, View(2020))
    apply(page, state)
    assert attribute(page, SITES, "class") == ["site status-operating leaflet-interactive"]
    statuses = sorted(status for _, status in state["links"])
    classes = sorted(c or "" for c in attribute(page, LINKS, "class"))
    assert classes == [f"link link-status-{s} leaflet-interactive" for s in statuses]
    # The status's fill: a stopped site is drawn white.
    stopped = copy.deepcopy(state)
    stopped["sites"] = [[state["sites"][0][0], "closed"]]
    apply(page, stopped)
    assert attribute(page, SITES, "fill") == [
        document["theme"]["statusFills"]["stopped"]["fillColor"]
    ]
    assert attribute(page, SITES, "class") == ["site status-closed leaflet-interactive"]


def test_the_selection_is_outlined_only_while_it_is_visible(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    district = Selection("district", "lgd-354")
    apply(page, state_of(good_world, View(2020, selection=district)))
    assert count(page, SELECTED) == 1
    site = Selection("site", "site-oscom")
    apply(page, state_of(good_world, View(2020, selection=site)))
    assert count(page, SELECTED) == 1
    assert page.evaluate("controller.selection.getLayers()[0] instanceof L.CircleMarker")
    hidden = View(2020, selection=site, layers=frozenset({Layer.DISTRICTS}))
    apply(page, state_of(good_world, hidden))
    assert count(page, SELECTED) == 0


def test_many_sites_are_drawn_as_counted_cells(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    state = state_of(good_world, View(2020))
    cells = dict(state)
    del cells["sites"]
    cells["cells"] = [[84.9, 19.3, 1200], [86.5, 20.1, 3]]
    apply(page, cells)
    cell_class = document["theme"]["siteCell"]["className"]
    radii = page.eval_on_selector_all(
        f".leaflet-sites-pane path.{cell_class}",
        "(nodes) => nodes.map((n) => n.getBoundingClientRect().width)",
    )
    assert len(radii) == 2
    assert radii[0] > radii[1]  # the area grows with the count
    assert count(page, SITES) == 0
    text = page.evaluate("controller.cells[0].getTooltip()._content().textContent")
    assert "1,200" in text
    apply(page, state)  # back to markers: the cells go
    assert count(page, f".leaflet-sites-pane path.{cell_class}") == 0
    assert count(page, SITES) == 1


def test_links_follow_the_named_view(page: Page, document: dict, good_world: World) -> None:
    create(page, document)
    drawn = "controller.links.map((l) => JSON.stringify(l.line.getLatLngs()))"
    apply(page, state_of(good_world, View(2020)))
    pieces = [f["properties"]["states"] for f in document["links"]["features"]]
    as_latlngs = [
        [[{"lat": lat, "lng": lon} for lat, lon in piece] for piece in link] for link in pieces
    ]
    assert [json.loads(s) for s in page.evaluate(drawn)] == as_latlngs
    apply(page, state_of(good_world, View(2020, map_view=MapView.PARTNERS)))
    whole = [
        [{"lat": lat, "lng": lon} for lon, lat in f["geometry"]["coordinates"]]
        for f in document["links"]["features"]
    ]
    assert [json.loads(s) for s in page.evaluate(drawn)] == whole
