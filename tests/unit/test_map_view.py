"""The base map is offline, deterministic, fitted to its view, and holds only the basemap."""

import re

import folium
from streamlit_folium import generate_leaflet_string

from dashboard.boundaries import Boundaries
from dashboard.map_view import bounds_of, build_base_map
from dashboard.static_assets import asset_urls


def base_map(boundaries: Boundaries) -> folium.Map:
    return build_base_map(boundaries, asset_urls(), bounds_of(boundaries.states.total_bounds))


def test_the_page_loads_only_local_assets(boundaries: Boundaries) -> None:
    html = base_map(boundaries).get_root().render()
    links = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert links
    assert all(link.startswith("/app/static/") for link in links), links


def test_no_tile_layer_by_default(boundaries: Boundaries) -> None:
    children = base_map(boundaries)._children.values()
    assert not any(isinstance(child, folium.TileLayer) for child in children)


def test_the_map_script_is_the_same_on_every_build(boundaries: Boundaries) -> None:
    assert generate_leaflet_string(base_map(boundaries)) == generate_leaflet_string(
        base_map(boundaries)
    )


def test_the_base_map_holds_only_the_basemap(boundaries: Boundaries) -> None:
    layers = [c for c in base_map(boundaries)._children.values() if isinstance(c, folium.GeoJson)]
    assert [layer.layer_name for layer in layers] == ["Countries", "India"]
    assert all(not layer.options.get("interactive", True) for layer in layers)


def test_the_view_is_fitted_to_the_bounds(boundaries: Boundaries) -> None:
    fit = next(
        c for c in base_map(boundaries)._children.values() if isinstance(c, folium.FitBounds)
    )
    (south, west), (north, east) = fit.bounds
    assert 12 < south < 13.5
    assert 22 < north < 23
    assert 76 < west < 78
    assert 87 < east < 88.5
