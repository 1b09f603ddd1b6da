"""The state the map receives on every rerun: what is visible, each status in the year, the
counts, the selection and the named view; small enough to send on every year change."""

import json
from dataclasses import replace

import pandas as pd
import pytest
import shapely
from streamlit_folium import generate_leaflet_string

from dashboard.core.choices import Layer, MapView, Measure
from dashboard.core.refs import Selection
from dashboard.core.scene import compose_scene
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map.bounds import view_bounds
from dashboard.map.layer_data import LayerIndex, layer_index
from dashboard.map.layers import state_overlay
from dashboard.map.map_state import map_state, site_cells
from tests.paths import DISTRICTS

# The budget for what a year change sends in all (issue 11) is 25 KB; the map's state is
# only part of it.
STATE_BYTES_BUDGET = 8_000


@pytest.fixture(scope="module")
def index(good_world: World) -> LayerIndex:
    return layer_index(good_world)


def state_for(world: World, index: LayerIndex, view: View) -> dict:
    scene = compose_scene(world, view)
    return map_state(scene, index, view_bounds(world, view.map_view))


def test_the_state_names_the_year_layers_and_measure(good_world: World, index: LayerIndex) -> None:
    state = state_for(good_world, index, View(2020))
    assert (state["year"], state["measure"], state["view"]) == ("2020", "sites", "states")
    assert state["layers"] == ["districts", "zones", "links", "sites"]
    only_sites = state_for(good_world, index, View(None, layers=frozenset({Layer.SITES})))
    assert (only_sites["year"], only_sites["layers"]) == ("all", ["sites"])


def test_district_counts_follow_what_is_shown(good_world: World, index: LayerIndex) -> None:
    ganjam = index.districts[354]
    state = state_for(good_world, index, View(2020))
    assert state["counts"]["sites"][ganjam] == 1
    assert state["counts"]["zones"][ganjam] == 2
    assert state_for(good_world, index, View(1990))["counts"]["zones"][ganjam] == 1
    assert len(state["counts"]["sites"]) == DISTRICTS


def test_visible_records_and_their_status_in_the_year(good_world: World, index: LayerIndex) -> None:
    state = state_for(good_world, index, View(2020))
    assert state["zones"] == sorted(index.zones.values())
    assert state["sites"] == [[index.sites["site-oscom"], "operating"]]
    assert [index.links["link-oscom-japan"], "active"] in state["links"]
    before = state_for(good_world, index, View(2000))
    assert before["links"] == []
    assert before["zones"] == [index.zones["zone-ganjam-belt"]]


def test_a_site_without_a_recorded_status_says_so(good_world: World, index: LayerIndex) -> None:
    scene = compose_scene(good_world, View(2020))
    sites = scene.sites.assign(status_in_year=None)
    state = map_state(replace(scene, sites=sites), index, ((0, 0), (1, 1)))
    assert state["sites"] == [[index.sites["site-oscom"], "unknown"]]


def test_the_selection_and_the_named_view_travel(good_world: World, index: LayerIndex) -> None:
    view = View(2020, selection=Selection("district", "lgd-354"), map_view=MapView.PARTNERS)
    state = state_for(good_world, index, view)
    assert state["selection"] == "district:lgd-354"
    assert state["view"] == "partners"
    (_, west), (_, east) = state["fit"]
    assert west < 80 < 138 < east  # India to Japan
    assert state_for(good_world, index, View(2020, measure=Measure.NONE))["selection"] is None


def test_many_sites_are_counted_per_cell(good_world: World) -> None:
    lon = [84.90, 84.95, 84.99, 86.50]
    lat = [19.30, 19.31, 19.35, 20.10]
    cells = site_cells(pd.Series(lon).to_numpy(), pd.Series(lat).to_numpy())
    assert cells == [[84.9467, 19.32, 3], [86.5, 20.1, 1]]
    assert site_cells(pd.Series([], dtype=float).to_numpy(), pd.Series([], dtype=float)) == []
    cells_index = replace(layer_index(good_world), sites={}, cells=True)
    scene = compose_scene(good_world, View(2020))
    state = map_state(scene, cells_index, ((0, 0), (1, 1)))
    (oscom,) = scene.sites.dropna(subset=["geometry"]).geometry
    assert state["cells"] == [[round(oscom.x, 4), round(oscom.y, 4), 1]]
    assert "sites" not in state


def test_the_real_state_is_small(real_world: World) -> None:
    index = layer_index(real_world)
    for view in (View(2026), View(None), View(2012, measure=Measure.ZONES)):
        size = len(json.dumps(state_for(real_world, index, view), separators=(",", ":")))
        assert size < STATE_BYTES_BUDGET, (view, size)


def test_the_overlay_applies_the_state_and_renders_the_same_every_time(
    good_world: World, index: LayerIndex
) -> None:
    state = state_for(good_world, index, View(2020))
    first = generate_leaflet_string(state_overlay(state))
    assert "RareEarthMap.apply(" in first
    assert '"year": "2020"' in first
    assert first == generate_leaflet_string(state_overlay(state))
    assert shapely.Point(0, 0).wkt not in first  # no geometry travels with the state
