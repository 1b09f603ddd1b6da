"""The changing layers: what they draw, how they are styled, and that data text is escaped."""

import folium
import pandas as pd
import pytest
from streamlit_folium import generate_leaflet_string

from dashboard.core.filters import Filters
from dashboard.core.refs import Selection
from dashboard.core.scene import Geography, Layer, Measure, Scene, compose_scene
from dashboard.data.boundaries import Boundaries
from dashboard.data.dataset import Dataset
from dashboard.map import theme
from dashboard.map.layers import SITE_POINT_LIMIT, build_overlays, count_colour


@pytest.fixture
def scene(boundaries: Boundaries, good: Dataset, geography: Geography) -> Scene:
    return compose_scene(boundaries, good, geography, Filters(2020))


def rendered(groups: list[folium.FeatureGroup]) -> str:
    fmap = folium.Map(tiles=None)
    for group in groups:
        group.add_to(fmap)
    return fmap.get_root().render()


def geojson_layers(group: folium.FeatureGroup) -> list[folium.GeoJson]:
    return [c for c in group._children.values() if isinstance(c, folium.GeoJson)]


def test_every_layer_is_drawn_in_order(scene: Scene) -> None:
    names = [g.layer_name for g in build_overlays(scene, None)]
    assert names == ["Year", "Districts", "Investment zones", "Partner links", "Sites"]


def test_layers_can_be_switched_off(scene: Scene) -> None:
    only_sites = Scene(**{**scene.__dict__, "layers": frozenset({Layer.SITES})})
    assert [g.layer_name for g in build_overlays(only_sites, None)] == ["Year", "Sites"]


def test_the_map_says_which_year_it_shows(scene: Scene) -> None:
    assert 'c.dataset.year = "2020"' in rendered(build_overlays(scene, None))
    all_years = Scene(**{**scene.__dict__, "filters": Filters(None)})
    assert 'c.dataset.year = "all"' in rendered(build_overlays(all_years, None))


def test_only_sites_with_a_point_are_drawn(scene: Scene) -> None:
    sites = build_overlays(scene, None)[-1]
    features = geojson_layers(sites)[0].data["features"]
    assert [f["properties"]["ref"] for f in features] == ["site:site-oscom"]


def test_every_clickable_feature_says_what_it_is(scene: Scene) -> None:
    refs = {
        feature["properties"]["ref"].split(":")[0]
        for group in build_overlays(scene, None)
        for layer in geojson_layers(group)
        for feature in layer.data["features"]
        if "ref" in feature["properties"]
    }
    assert refs == {"district", "zone", "link", "site"}


def test_choropleth_colours_follow_the_measure(scene: Scene) -> None:
    districts = geojson_layers(build_overlays(scene, None)[1])[0].data["features"]
    ganjam = next(f for f in districts if f["properties"]["district"] == "Ganjam")
    assert ganjam["properties"]["fill"] == count_colour(1)
    by_state = Scene(**{**scene.__dict__, "measure": Measure.NONE})
    districts = geojson_layers(build_overlays(by_state, None)[1])[0].data["features"]
    ganjam = next(f for f in districts if f["properties"]["district"] == "Ganjam")
    assert ganjam["properties"]["fill"] == theme.STATE_FILL["Odisha"]
    assert count_colour(9) == theme.COUNT_COLOURS[-1]


def test_data_text_is_escaped_for_tooltips(scene: Scene) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    sites = scene.sites.copy()
    sites.loc[sites["id"] == "site-oscom", "name"] = hostile
    groups = build_overlays(Scene(**{**scene.__dict__, "sites": sites}), None)
    assert hostile not in rendered(groups)
    (feature,) = geojson_layers(groups[-1])[0].data["features"]
    assert feature["properties"]["name"] == "&lt;img src=x onerror=alert(1)&gt;"


def test_a_selection_is_outlined_on_top(scene: Scene) -> None:
    groups = build_overlays(scene, Selection("district", "lgd-354"))
    assert groups[-1].layer_name == "Selected"
    assert build_overlays(scene, Selection("site", "site-missing"))[-1].layer_name == "Sites"


def test_overlays_render_the_same_every_time(scene: Scene) -> None:
    first = "".join(generate_leaflet_string(g) for g in build_overlays(scene, None))
    second = "".join(generate_leaflet_string(g) for g in build_overlays(scene, None))
    assert first == second


def test_many_sites_are_counted_per_cell(scene: Scene) -> None:
    oscom = scene.sites[scene.sites["id"] == "site-oscom"]
    many = pd.concat([oscom] * (SITE_POINT_LIMIT + 1), ignore_index=True)
    many = many.assign(id=[f"site-{i}" for i in range(len(many))])
    groups = build_overlays(Scene(**{**scene.__dict__, "sites": many}), None)
    (cell,) = geojson_layers(groups[-1])[0].data["features"]
    assert cell["properties"]["count"] == SITE_POINT_LIMIT + 1
    assert "1,501 sites here" in cell["properties"]["label"]
    assert "ref" not in cell["properties"]  # a cell is not a selectable record


def test_a_site_is_styled_and_labelled_by_its_status_in_the_year(scene: Scene) -> None:
    sites = geojson_layers(build_overlays(scene, None)[-1])[0]
    (feature,) = sites.data["features"]
    assert feature["properties"]["status_label"] == "Operating"
    style = sites.style_function(feature)
    assert style["className"] == "site status-operating"
    stopped = scene.sites.assign(status_in_year=["lease_ended"] * len(scene.sites))
    groups = build_overlays(Scene(**{**scene.__dict__, "sites": stopped}), None)
    layer = geojson_layers(groups[-1])[0]
    (feature,) = layer.data["features"]
    assert feature["properties"]["status_label"] == "Lease ended"
    assert layer.style_function(feature)["fillColor"] == "#ffffff"  # stopped: hollow


def test_a_claimed_zone_is_an_outline_only_and_a_zone_without_one_is_not_drawn(
    scene: Scene,
) -> None:
    zones = scene.zones.copy()
    zones.loc[zones["id"] == "zone-coast", "evidence"] = "claimed"
    zones.loc[zones["id"] == "zone-ganjam-belt", "geometry"] = None
    groups = build_overlays(Scene(**{**scene.__dict__, "zones": zones}), None)
    (layer,) = geojson_layers(groups[2])  # no wash: a claim must not look like a survey
    assert [f["properties"]["ref"] for f in layer.data["features"]] == ["zone:zone-coast"]
    style = layer.style_function(layer.data["features"][0])
    assert (style["fill"], style["className"]) == (False, "zone zone-claimed")
