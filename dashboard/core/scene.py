"""The state of the world the user asked to see: every layer filtered to one year and one
evidence level, with the district counts derived from exactly what is shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

import geopandas as gpd
import pandas as pd

from dashboard.core.filters import (
    Filters,
    existing_in_year,
    links_in_year,
    milestones_in_view,
    site_status_in_year,
)
from dashboard.data.boundaries import Boundaries
from dashboard.data.dataset import Dataset
from dashboard.data.link_paths import Endpoint, geodesic_line

EQUAL_AREA_CRS = "EPSG:6933"
# A zone "touches" a district when they share more than this area (not just an edge).
MIN_SHARED_KM2 = 1.0


class Layer(Enum):
    DISTRICTS = "districts"
    ZONES = "zones"
    LINKS = "links"
    SITES = "sites"


ALL_LAYERS = frozenset(Layer)


class Measure(Enum):
    """What the district choropleth counts."""

    SITES = "sites"
    ZONES = "zones"
    NONE = "none"


@dataclass(frozen=True)
class Geography:
    """Everything derived once per dataset: areas, which zones touch which districts, and the
    drawn path of every link."""

    district_area_km2: Mapping[int, float]
    zone_districts: Mapping[str, tuple[int, ...]]
    link_paths: gpd.GeoDataFrame  # id, geometry (the geodesic line)


def derive_geography(
    boundaries: Boundaries, dataset: Dataset, endpoints: Mapping[str, Endpoint]
) -> Geography:
    districts = boundaries.districts.to_crs(EQUAL_AREA_CRS)
    areas = dict(zip(districts["district_lgd"], districts.area / 1e6, strict=True))
    zone_districts: dict[str, tuple[int, ...]] = {}
    zones = dataset.zones.to_crs(EQUAL_AREA_CRS)
    for zone in zones.itertuples():
        if zone.geometry is None:
            # No outline: the zone concerns the districts it names, else its whole states.
            named = districts["district_lgd"].isin(zone.district_lgd)
            codes = districts.loc[named if named.any() else districts["state"].isin(zone.state)]
            zone_districts[zone.id] = tuple(sorted(int(c) for c in codes["district_lgd"]))
            continue
        shared = districts.intersection(zone.geometry).area / 1e6
        codes = districts.loc[shared > MIN_SHARED_KM2, "district_lgd"]
        zone_districts[zone.id] = tuple(sorted(int(c) for c in codes))
    lines = [
        geodesic_line(endpoints[link.from_ref], endpoints[link.to_ref])
        for link in dataset.links.itertuples()
    ]
    paths = gpd.GeoDataFrame({"id": dataset.links["id"]}, geometry=lines, crs="EPSG:4326")
    return Geography(areas, zone_districts, paths)


@dataclass(frozen=True)
class Scene:
    filters: Filters
    measure: Measure
    layers: frozenset[Layer]
    districts: gpd.GeoDataFrame  # with site_count and zone_count
    states: gpd.GeoDataFrame
    sites: gpd.GeoDataFrame  # includes district-level sites (no geometry); status_in_year
    zones: gpd.GeoDataFrame  # with touched_districts
    links: gpd.GeoDataFrame  # geodesic geometry, status_in_year
    milestones: pd.DataFrame  # with upcoming


def compose_scene(
    boundaries: Boundaries,
    dataset: Dataset,
    geography: Geography,
    filters: Filters,
    measure: Measure = Measure.SITES,
    layers: frozenset[Layer] = ALL_LAYERS,
) -> Scene:
    sites = site_status_in_year(
        existing_in_year(dataset.sites, filters), dataset.site_status, filters
    )
    zones = existing_in_year(dataset.zones, filters)
    zones = zones.assign(touched_districts=[geography.zone_districts[z] for z in zones["id"]])
    links = links_in_year(dataset.links, filters)
    paths = geography.link_paths.set_index("id")
    links = gpd.GeoDataFrame(
        links,
        geometry=list(paths.loc[links["id"]].geometry),
        crs="EPSG:4326",
    )
    site_counts = pd.Series(
        [codes[0] for codes in sites["district_lgd"] if codes], dtype="int64"
    ).value_counts()
    # A zone drawn without an outline concerns its districts but covers none of them.
    outlined = zones[zones.geometry.notna()]
    zone_counts = pd.Series(
        [code for codes in outlined["touched_districts"] for code in codes], dtype="int64"
    ).value_counts()
    districts = boundaries.districts.assign(
        site_count=boundaries.districts["district_lgd"].map(site_counts).fillna(0).astype(int),
        zone_count=boundaries.districts["district_lgd"].map(zone_counts).fillna(0).astype(int),
        area_km2=boundaries.districts["district_lgd"].map(geography.district_area_km2),
    )
    return Scene(
        filters=filters,
        measure=measure,
        layers=layers,
        districts=districts,
        states=boundaries.states,
        sites=sites,
        zones=zones,
        links=links,
        milestones=milestones_in_view(dataset.milestones, filters),
    )
