"""The static layer document: every drawable record once, in the order the state refers to,
with what its style and tooltip need, and data text kept as plain text."""

import json
from collections.abc import Mapping
from dataclasses import replace

import pandas as pd
import pytest
from streamlit_folium import generate_leaflet_string

from dashboard.core.choices import Language
from dashboard.core.messages import label
from dashboard.core.world import World
from dashboard.map import theme
from dashboard.map.assets import asset_urls
from dashboard.map.base import build_base_map
from dashboard.map.bounds import bounds_of
from dashboard.map.layer_data import SITE_POINT_LIMIT, layer_document, layer_index
from tests.paths import DISTRICTS


@pytest.fixture(scope="module")
def document(good_world: World) -> dict:
    return layer_document(good_world)


def refs(document: dict, layer: str) -> list[str]:
    return [f["properties"]["ref"] for f in document[layer]["features"]]


def features(document: Mapping[str, object], layer: str) -> list[dict]:
    collection = document[layer]
    assert isinstance(collection, dict), layer
    return collection["features"]


def test_every_feature_says_what_it_is_in_the_order_of_the_index(
    good_world: World, document: dict
) -> None:
    index = layer_index(good_world)
    districts = refs(document, "districts")
    assert len(districts) == DISTRICTS
    assert [districts[p] for p in (index.districts[354], index.districts[369])] == [
        "district:lgd-354",
        "district:lgd-369",
    ]
    assert refs(document, "zones") == [f"zone:{z}" for z in index.zones]
    assert refs(document, "links") == [f"link:{k}" for k in index.links]
    assert refs(document, "sites") == [f"site:{s}" for s in index.sites]


def test_only_sites_with_a_point_are_drawn(document: dict) -> None:
    assert refs(document, "sites") == ["site:site-oscom"]  # site-brahmagiri has no point
    (site,) = document["sites"]["features"]
    assert site["properties"] == {
        "ref": "site:site-oscom",
        "name": {
            "en": "IREL Odisha Sands Complex (OSCOM)",
            "ja": "IREL（旧インディアン・レアアース社）オディシャ・サンズ・コンプレックス（OSCOM）",
        },
        "kind": "mine",
        "evidence": "disputed",
        "precision": "town_proxy",
    }


def test_a_claimed_zone_is_marked_and_a_zone_without_an_outline_is_left_out(
    good_world: World,
) -> None:
    zones = good_world.dataset.zones.copy()
    zones.loc[zones["id"] == "zone-coast", "evidence"] = "claimed"
    zones.loc[zones["id"] == "zone-ganjam-belt", "geometry"] = None
    world = replace(good_world, dataset=replace(good_world.dataset, zones=zones))
    (zone,) = features(layer_document(world), "zones")
    assert (zone["properties"]["ref"], zone["properties"]["claimed"]) == ("zone:zone-coast", True)


def test_links_carry_their_path_and_years(document: dict) -> None:
    link = next(
        f for f in document["links"]["features"] if f["properties"]["ref"].endswith("japan")
    )
    assert link["geometry"]["type"] == "LineString"
    assert link["properties"]["years"] == {"en": "2012–", "ja": "2012年～"}
    (lon, lat), *_ = link["geometry"]["coordinates"]
    assert (lon, lat) == (84.98, 19.35)  # the OSCOM end


def test_styles_and_labels_come_from_the_theme_and_the_catalog(document: dict) -> None:
    assert document["theme"]["siteColours"] == theme.SITE_COLOURS
    labels = document["labels"]["en"]
    assert labels["groups"]["site_status"]["lease_ended"] == label(
        "site_status", "lease_ended", Language.EN
    )
    assert labels["groups"]["evidence"]["claimed"] == label("evidence", "claimed", Language.EN)
    assert "{count}" in labels["text"]["site_cell"]
    assert document["labels"]["ja"]["groups"]["evidence"]["claimed"] == "主張のみ（未確認）"


def test_districts_carry_their_names_in_both_languages(document: dict) -> None:
    ganjam = next(
        f["properties"]
        for f in document["districts"]["features"]
        if f["properties"]["ref"] == "district:lgd-354"
    )
    assert ganjam["name"] == {"en": "Ganjam", "ja": "ガンジャム県"}
    assert ganjam["state"] == "Odisha"  # the key the map's colours use
    assert ganjam["state_name"] == {"en": "Odisha", "ja": "オディシャ州"}


def test_many_sites_travel_as_cells_not_markers(good_world: World) -> None:
    sites = good_world.dataset.sites
    oscom = sites[sites["id"] == "site-oscom"]
    many = pd.concat([oscom] * (SITE_POINT_LIMIT + 1), ignore_index=True)
    many = many.assign(id=[f"site-{i}" for i in range(len(many))])
    world = replace(good_world, dataset=replace(good_world.dataset, sites=many))
    assert layer_index(world).cells
    document = layer_document(world)
    assert document["cells"] is True
    assert features(document, "sites") == []


def test_hostile_data_text_stays_text(good_world: World) -> None:
    hostile = "</script><img src=x onerror=alert(1)>"
    sites = good_world.dataset.sites.copy()
    sites.loc[sites["id"] == "site-oscom", "name"] = hostile
    world = replace(good_world, dataset=replace(good_world.dataset, sites=sites))
    document = layer_document(world)
    assert features(document, "sites")[0]["properties"]["name"]["en"] == hostile
    # Inlined in a page, it cannot end the script or start a tag.
    fmap = build_base_map(
        world.boundaries,
        asset_urls(),
        bounds_of(world.boundaries.states.total_bounds),
        document=document,
    )
    script = generate_leaflet_string(fmap)
    assert hostile not in script
    assert "\\u003c/script\\u003e" in script


def test_the_document_is_the_same_every_time(good_world: World, document: dict) -> None:
    assert json.dumps(layer_document(good_world)) == json.dumps(document)
