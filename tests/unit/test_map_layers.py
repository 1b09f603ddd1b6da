"""The changing layers: what they draw, how they are styled, and that data text is escaped."""

from dataclasses import replace

import folium
import pandas as pd
import pytest
from streamlit_folium import generate_leaflet_string

from dashboard.core.choices import Layer, Measure
from dashboard.core.refs import Selection
from dashboard.core.scene import Scene, compose_scene
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map import theme
from dashboard.map.layers import SITE_POINT_LIMIT, build_overlays, count_colour


@pytest.fixture
def scene(good_world: World) -> Scene:
    return compose_scene(good_world, View(2020))


def with_view(scene: Scene, **choices: object) -> Scene:
    return replace(scene, view=replace(scene.view, **choices))


def rendered(groups: list[folium.FeatureGroup]) -> str:
    fmap = folium.Map(tiles=None)
    for group in groups:
        group.add_to(fmap)
    return fmap.get_root().render()


def geojson_layers(group: folium.FeatureGroup) -> list[folium.GeoJson]:
    return [c for c in group._children.values() if isinstance(c, folium.GeoJson)]


def test_every_layer_is_drawn_in_order(scene: Scene) -> None:
    names = [g.layer_name for g in build_overlays(scene)]
    assert names == ["Year", "Districts", "Investment zones", "Partner links", "Sites"]


def test_layers_can_be_switched_off(scene: Scene) -> None:
    only_sites = with_view(scene, layers=frozenset({Layer.SITES}))
    assert [g.layer_name for g in build_overlays(only_sites)] == ["Year", "Sites"]


def test_the_map_says_which_year_it_shows(scene: Scene) -> None:
    assert 'c.dataset.year = "2020"' in rendered(build_overlays(scene))
    assert 'c.dataset.year = "all"' in rendered(build_overlays(with_view(scene, year=None)))


def test_only_sites_with_a_point_are_drawn(scene: Scene) -> None:
    sites = build_overlays(scene)[-1]
    features = geojson_layers(sites)[0].data["features"]
    assert [f["properties"]["ref"] for f in features] == ["site:site-oscom"]


def test_every_clickable_feature_says_what_it_is(scene: Scene) -> None:
    refs = {
        feature["properties"]["ref"].split(":")[0]
        for group in build_overlays(scene)
        for layer in geojson_layers(group)
        for feature in layer.data["features"]
        if "ref" in feature["properties"]
    }
    assert refs == {"district", "zone", "link", "site"}


def test_choropleth_colours_follow_the_measure(scene: Scene) -> None:
    districts = geojson_layers(build_overlays(scene)[1])[0].data["features"]
    ganjam = next(f for f in districts if f["properties"]["district"] == "Ganjam")
    assert ganjam["properties"]["fill"] == count_colour(1)
    by_state = with_view(scene, measure=Measure.NONE)
    districts = geojson_layers(build_overlays(by_state)[1])[0].data["features"]
    ganjam = next(f for f in districts if f["properties"]["district"] == "Ganjam")
    assert ganjam["properties"]["fill"] == theme.STATE_FILL["Odisha"]
    assert count_colour(9) == theme.COUNT_COLOURS[-1]


def test_data_text_is_escaped_for_tooltips(scene: Scene) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    sites = scene.sites.copy()
    sites.loc[sites["id"] == "site-oscom", "name"] = hostile
    groups = build_overlays(replace(scene, sites=sites))
    assert hostile not in rendered(groups)
    (feature,) = geojson_layers(groups[-1])[0].data["features"]
    assert feature["properties"]["name"] == "&lt;img src=x onerror=alert(1)&gt;"


def test_a_selection_is_outlined_on_top(scene: Scene) -> None:
    groups = build_overlays(with_view(scene, selection=Selection("district", "lgd-354")))
    assert groups[-1].layer_name == "Selected"
    missing = with_view(scene, selection=Selection("site", "site-missing"))
    assert build_overlays(missing)[-1].layer_name == "Sites"


def test_overlays_render_the_same_every_time(scene: Scene) -> None:
    first = "".join(generate_leaflet_string(g) for g in build_overlays(scene))
    second = "".join(generate_leaflet_string(g) for g in build_overlays(scene))
    assert first == second


def test_many_sites_are_counted_per_cell(scene: Scene) -> None:
    oscom = scene.sites[scene.sites["id"] == "site-oscom"]
    many = pd.concat([oscom] * (SITE_POINT_LIMIT + 1), ignore_index=True)
    many = many.assign(id=[f"site-{i}" for i in range(len(many))])
    groups = build_overlays(replace(scene, sites=many))
    (cell,) = geojson_layers(groups[-1])[0].data["features"]
    assert cell["properties"]["count"] == SITE_POINT_LIMIT + 1
    assert "1,501 sites here" in cell["properties"]["label"]
    assert "ref" not in cell["properties"]  # a cell is not a selectable record


def test_a_site_is_styled_and_labelled_by_its_status_in_the_year(scene: Scene) -> None:
    sites = geojson_layers(build_overlays(scene)[-1])[0]
    (feature,) = sites.data["features"]
    assert feature["properties"]["status_label"] == "Operating"
    style = sites.style_function(feature)
    assert style["className"] == "site status-operating"
    stopped = scene.sites.assign(status_in_year=["lease_ended"] * len(scene.sites))
    groups = build_overlays(replace(scene, sites=stopped))
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
    groups = build_overlays(replace(scene, zones=zones))
    (layer,) = geojson_layers(groups[2])  # no wash: a claim must not look like a survey
    assert [f["properties"]["ref"] for f in layer.data["features"]] == ["zone:zone-coast"]
    style = layer.style_function(layer.data["features"][0])
    assert (style["fill"], style["className"]) == (False, "zone zone-claimed")
