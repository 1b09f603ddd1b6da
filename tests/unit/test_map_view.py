"""The base map is offline, deterministic and shows the districts with their tooltips."""

import re

import folium
import pytest
from streamlit_folium import generate_leaflet_string

from dashboard.boundaries import Boundaries, load_boundaries
from dashboard.map_view import build_base_map
from dashboard.static_assets import asset_urls


@pytest.fixture(scope="module")
def boundaries() -> Boundaries:
    return load_boundaries()


def test_the_page_loads_only_local_assets(boundaries: Boundaries) -> None:
    html = build_base_map(boundaries, asset_urls()).get_root().render()
    links = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert links
    assert all(link.startswith("/app/static/") for link in links), links
    assert "tile" not in html.lower().replace("tiles=none", "")


def test_no_tile_layer_by_default(boundaries: Boundaries) -> None:
    fmap = build_base_map(boundaries, asset_urls())
    assert not any(isinstance(child, folium.TileLayer) for child in fmap._children.values())


def test_the_map_script_is_the_same_on_every_build(boundaries: Boundaries) -> None:
    first = generate_leaflet_string(build_base_map(boundaries, asset_urls()))
    second = generate_leaflet_string(build_base_map(boundaries, asset_urls()))
    assert first == second


def test_districts_carry_codes_and_tooltip_fields(boundaries: Boundaries) -> None:
    fmap = build_base_map(boundaries, asset_urls())
    layers = [c for c in fmap._children.values() if isinstance(c, folium.GeoJson)]
    districts = next(layer for layer in layers if layer.layer_name == "Districts")
    features = districts.data["features"]
    assert len(features) == 56
    assert {"district_lgd", "district", "state"} <= set(features[0]["properties"])
    tooltip = next(c for c in districts._children.values() if isinstance(c, folium.GeoJsonTooltip))
    assert tooltip.fields == ["district", "state"]


def test_the_view_is_fitted_to_the_two_states(boundaries: Boundaries) -> None:
    fmap = build_base_map(boundaries, asset_urls())
    fit = next(c for c in fmap._children.values() if isinstance(c, folium.FitBounds))
    (south, west), (north, east) = fit.bounds
    assert 12 < south < 13.5
    assert 22 < north < 23
    assert 76 < west < 78
    assert 87 < east < 88.5
