"""The base map is offline, deterministic, fitted to its view, and carries no geometry of its
own: the basemap and the layer document are fetched (or, for the downloaded page, inlined)."""

import re

import folium
import pytest
from streamlit_folium import generate_leaflet_string

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.core.world import World
from dashboard.data.boundaries import Boundaries
from dashboard.map.assets import asset_urls, map_script_folder_name
from dashboard.map.base import BasemapLayer, build_base_map
from dashboard.map.bounds import bounds_of
from dashboard.map.layer_data import layer_document
from dashboard.map.layers import MapLayers


def base_map(
    boundaries: Boundaries,
    basemap_folder: str = "basemap-test",
    layers_folder: str = "layers-test",
    document: dict[str, object] | None = None,
    language: Language = Language.EN,
) -> folium.Map:
    assets = asset_urls(basemap_folder=basemap_folder, layers_folder=layers_folder)
    bounds = bounds_of(boundaries.states.total_bounds)
    return build_base_map(boundaries, assets, bounds, document=document, language=language)


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


def test_the_basemap_is_fetched_not_carried(boundaries: Boundaries) -> None:
    fmap = base_map(boundaries)
    layers = [c for c in fmap._children.values() if isinstance(c, BasemapLayer)]
    assert [layer.url for layer in layers] == [
        "/app/static/basemap-test/world.geojson",
        "/app/static/basemap-test/states.geojson",
    ]
    assert len(generate_leaflet_string(fmap)) < 10_000  # the polygons are not in the script


def test_without_a_served_basemap_the_polygons_are_inlined(good_world: World) -> None:
    fmap = base_map(good_world.boundaries, "", "", document=layer_document(good_world))
    script = generate_leaflet_string(fmap)
    assert '"iso_a3":"JPN"' in script
    assert '"state":"Odisha"' in script
    assert '"ref": "district:lgd-354"' in script  # the layer document too
    assert "fetch(" not in script


def test_the_layers_load_the_map_scripts_and_fetch_their_document(boundaries: Boundaries) -> None:
    fmap = base_map(boundaries)
    (layers,) = [c for c in fmap._children.values() if isinstance(c, MapLayers)]
    assert layers.options["data"] == "/app/static/layers-test/layers.json"
    assert layers.options["report"] == "/map-events"
    assert [url for _, url in layers.default_js] == [
        f"/app/static/{map_script_folder_name()}/map.js"
    ]
    assert "RareEarthMap.create(map_div" in generate_leaflet_string(fmap)


@pytest.mark.parametrize("language", list(Language))
def test_the_map_says_in_its_language_when_its_layers_cannot_be_loaded(
    boundaries: Boundaries, language: Language
) -> None:
    fmap = base_map(boundaries, language=language)
    (layers,) = [c for c in fmap._children.values() if isinstance(c, MapLayers)]
    assert layers.options["messages"] == {
        "failed": text("map_layers_failed", language),
        "retry": text("map_retry", language),
    }


def test_layers_need_their_document_served_or_inlined(boundaries: Boundaries) -> None:
    with pytest.raises(ValueError, match="served or inlined"):
        base_map(boundaries, layers_folder="")


def test_the_view_is_fitted_to_the_bounds(boundaries: Boundaries) -> None:
    fit = next(
        c for c in base_map(boundaries)._children.values() if isinstance(c, folium.FitBounds)
    )
    (south, west), (north, east) = fit.bounds
    assert 12 < south < 13.5
    assert 22 < north < 23
    assert 76 < west < 78
    assert 87 < east < 88.5


@pytest.mark.parametrize("language", list(Language))
def test_in_an_articles_frame_the_credits_fold_into_a_button_named_in_the_language(
    boundaries: Boundaries, language: Language
) -> None:
    assets = asset_urls(basemap_folder="basemap-test", layers_folder="layers-test")
    bounds = bounds_of(boundaries.states.total_bounds)
    framed = build_base_map(boundaries, assets, bounds, language=language, fold_credits=True)
    (layers,) = [c for c in framed._children.values() if isinstance(c, MapLayers)]
    assert layers.options["credits"] == text("map_credits", language)
    assert layers.options["foldCredits"] is True
    # The full page's map folds them only when it is narrow (the script measures it).
    full = base_map(boundaries, language=language)
    (layers,) = [c for c in full._children.values() if isinstance(c, MapLayers)]
    assert layers.options["foldCredits"] is False
    assert generate_leaflet_string(full) != generate_leaflet_string(framed)


def test_the_scale_is_in_kilometres_only(boundaries: Boundaries) -> None:
    script = generate_leaflet_string(base_map(boundaries))
    assert "L.control.scale({ imperial: false })" in script
    assert script.count("L.control.scale(") == 1
