"""Everything the map draws that does not change with the user's choices, as one JSON document:
every district, zone, link and site with its geometry and the codes its style and tooltip need,
the map's styles and the labels of each language.

The browser fetches it once (the app publishes it as a static file) or finds it inlined (the
downloaded page); after that, a change of year or filter only sends the small state of
dashboard.map.map_state, which names features by their position in these lists.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.core.choices import Language
from dashboard.core.localize import localized
from dashboard.core.messages import CATALOGS, text, year_span
from dashboard.core.refs import district_ref, ref
from dashboard.core.world import World
from dashboard.data.geometry import round_geometry
from dashboard.data.longitude import map_longitude
from dashboard.data.schema import CLAIM_GRADES
from dashboard.map import theme

# Beyond this many located sites in the dataset, single markers would swamp the browser (and
# the map): sites are then drawn as counts per grid cell, and listed in the district details.
SITE_POINT_LIMIT = 1500
# Link paths are drawn at map scale: 4 decimals (about 10 m) are far finer than a pixel.
LINK_DECIMALS = 4

# The label groups and sentences the map's tooltips use, looked up by the browser.
LABEL_GROUPS = (
    "evidence",
    "site_kind",
    "zone_kind",
    "geometry_basis",
    "location_precision",
    "site_status",
    "link_status",
)
LABEL_KEYS = (
    "site_group",
    "tooltip_district",
    "tooltip_state",
    "tooltip_sites",
    "tooltip_zones",
    "tooltip_zone",
    "tooltip_site",
    "tooltip_link",
    "tooltip_kind",
    "tooltip_evidence",
    "tooltip_outline",
    "tooltip_status",
    "tooltip_years",
    "tooltip_location",
    "site_cell",
    "zoom_in",
    "zoom_out",
    "map_frame_title",
)

FeatureCollection = dict[str, object]
Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True)
class LayerIndex:
    """Where each record sits in the document's lists, so the state can name it by number.
    ``cells`` says the sites are too many for markers and travel as counts per cell."""

    districts: Mapping[int, int]  # LGD code -> position
    zones: Mapping[str, int]
    links: Mapping[str, int]
    sites: Mapping[str, int]
    cells: bool


def layer_index(world: World) -> LayerIndex:
    """The position of every drawn record in the document ``layer_document`` builds."""
    located = world.dataset.sites[world.dataset.sites.geometry.notna()]
    outlined = world.dataset.zones[world.dataset.zones.geometry.notna()]
    cells = len(located) > SITE_POINT_LIMIT
    return LayerIndex(
        districts=_positions(int(c) for c in world.boundaries.districts["district_lgd"]),
        zones=_positions(outlined["id"]),
        links=_positions(world.geography.link_paths["id"]),
        sites={} if cells else _positions(located["id"]),
        cells=cells,
    )


def _positions(keys: Iterable[Key]) -> dict[Key, int]:
    return {key: position for position, key in enumerate(keys)}


def layer_document(world: World) -> dict[str, object]:
    """The static document: features in ``layer_index`` order, styles and labels. Each data
    text comes in every language ({"en": ..., "ja": ...}), so one document serves every
    reader. Data text stays plain text here; the browser only ever sets it as text, never as
    HTML."""
    dataset, index = world.dataset, layer_index(world)
    texts = _texts_by_language(world)
    districts = world.boundaries.districts
    zones = dataset.zones[dataset.zones["id"].isin(list(index.zones))]
    paths = world.geography.link_paths.set_index("id")
    states_paths = world.geography.states_link_paths.set_index("id").geometry
    links = dataset.links.set_index("id").loc[list(index.links)].reset_index()
    sites = dataset.sites[dataset.sites["id"].isin(list(index.sites))]
    return {
        "districts": _collection(
            districts,
            lambda r: {
                "ref": district_ref(r.district_lgd),
                "name": texts(("district", r.district_lgd)),
                "state": r.state,
                "state_name": texts(("state", r.district_lgd)),
                # Where its name is written: a point inside it, far from its edges.
                "label": _latlng(r.geometry.representative_point()),
            },
        ),
        "zones": _collection(
            zones,
            lambda r: {
                "ref": ref("zone", r.id),
                "name": texts(("name", r.id)),
                "kind": r.kind,
                "evidence": r.evidence,
                "basis": r.geometry_basis,
                "claimed": r.evidence in CLAIM_GRADES,
            },
        ),
        "links": _collection(
            gpd.GeoDataFrame(
                links,
                geometry=[
                    round_geometry(paths.loc[i, "geometry"], LINK_DECIMALS) for i in links["id"]
                ],
                crs=world.geography.link_paths.crs,
            ),
            lambda r: {
                "ref": ref("link", r.id),
                "name": texts(("name", r.id)),
                "years": texts(("years", r.id)),
                "evidence": r.evidence,
                # The line in the states view: [[lat, lon], ...] per piece.
                "states": _latlng_pieces(states_paths[r.id]),
            },
        ),
        "sites": _collection(
            sites,
            lambda r: {
                "ref": ref("site", r.id),
                "name": texts(("name", r.id)),
                "kind": r.kind,
                "evidence": r.evidence,
                "precision": r.location_precision,
            },
        ),
        "placeLabels": _place_labels(world, texts),
        "cells": index.cells,
        "theme": theme.client_theme(),
        "labels": {language.value: client_labels(language) for language in Language},
    }


def _texts_by_language(world: World) -> Callable[[tuple[str, object]], dict[str, str]]:
    """A lookup of each displayed text in every language, by (field, key)."""
    table: dict[tuple[str, object], dict[str, str]] = {}
    for language in Language:
        shown = localized(world, language)
        entries: list[tuple[tuple[str, object], str]] = []
        for row in shown.boundaries.districts.itertuples():
            entries += [(("district", row.district_lgd), row.district)]
            entries += [(("state", row.district_lgd), row.state_name)]
        data = shown.dataset
        for frame in (data.zones, data.links, data.sites):
            entries += [
                (("name", key), name) for key, name in zip(frame["id"], frame["name"], strict=True)
            ]
        entries += [
            (("label", key), name)
            for key, name in zip(data.labels["id"], data.labels["name"], strict=True)
        ]
        for link in data.links.itertuples():
            entries += [(("years", link.id), year_span(link.start_year, link.end_year, language))]
        for key, value in entries:
            table.setdefault(key, {})[language.value] = str(value)
    return table.__getitem__


def client_labels(language: Language) -> dict[str, object]:
    """The texts the map's tooltips show, in one language."""
    catalog = CATALOGS[language.value]
    groups: dict[str, dict[str, str]] = {group: {} for group in LABEL_GROUPS}
    for key, value in catalog.items():
        group, _, name = key.partition(".")
        if name and group in groups:
            groups[group][name] = value
    return {"text": {key: text(key, language) for key in LABEL_KEYS}, "groups": groups}


def _place_labels(
    world: World, texts: Callable[[tuple[str, object]], dict[str, str]]
) -> list[dict[str, object]]:
    """The orientation labels (geodata/labels.csv) the map writes, each with the zooms it shows
    at; points west of the map's seam moved east like the countries they name."""
    return [
        {
            "name": texts(("label", row.id)),
            "kind": row.kind,
            "at": [
                round(float(row.lat), LINK_DECIMALS),
                round(map_longitude(row.lon), LINK_DECIMALS),
            ],
            "minZoom": int(row.min_zoom),
            "maxZoom": None if pd.isna(row.max_zoom) else int(row.max_zoom),
        }
        for row in world.dataset.labels.itertuples()
    ]


def _latlng(point: shapely.Point) -> list[float]:
    return [round(point.y, LINK_DECIMALS), round(point.x, LINK_DECIMALS)]


def _latlng_pieces(line: shapely.Geometry) -> list[list[list[float]]]:
    """A (multi)line as Leaflet's latitude-longitude lists, one per piece."""
    pieces = getattr(line, "geoms", [line]) if not line.is_empty else []
    return [
        [[round(y, LINK_DECIMALS), round(x, LINK_DECIMALS)] for x, y in piece.coords]
        for piece in pieces
    ]


def _collection(frame: gpd.GeoDataFrame, properties: object) -> FeatureCollection:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": properties(row),  # type: ignore[operator]
                "geometry": shapely.geometry.mapping(row.geometry),
            }
            for row in frame.itertuples()
        ],
    }
