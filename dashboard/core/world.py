"""Everything the dashboard knows, loaded once: the boundaries, the validated dataset, where
each link starts and ends, and what is derived from them (areas, which zones touch which
districts, the path of every link). The app, the benchmark and the tests all load it here."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import shapely

from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.dataset import Dataset, load_dataset
from dashboard.data.geometry import EQUAL_AREA_CRS, WGS84
from dashboard.data.link_paths import Endpoint, geodesic_line, resolve_endpoints
from dashboard.paths import GEODATA_DIR

# A zone "touches" a district when they share more than this area (not just an edge).
MIN_SHARED_KM2 = 1.0


@dataclass(frozen=True)
class Geography:
    """Everything derived once per dataset: areas, which zones touch which districts, and the
    drawn path of every link."""

    district_area_km2: Mapping[int, float]
    zone_districts: Mapping[str, tuple[int, ...]]
    link_paths: gpd.GeoDataFrame  # id, geometry (the geodesic line)
    # The same lines as the states view draws them: without their parts over the districts
    # of the two states they do not touch (empty when nothing is left), so a line between
    # partners never covers a district it has nothing to do with.
    states_link_paths: gpd.GeoDataFrame  # id, geometry


@dataclass(frozen=True)
class World:
    """The loaded data and what is derived from it; nothing in it depends on the user."""

    boundaries: Boundaries
    dataset: Dataset
    endpoints: Mapping[str, Endpoint]
    geography: Geography


def load_world(
    folder: Path = GEODATA_DIR,
    today: dt.date | None = None,
    boundaries: Boundaries | None = None,
) -> World:
    """Load and validate the data in ``folder`` (raising DatasetError with every problem)
    and derive its geography; ``today`` decides what counts as the future, and
    ``boundaries`` replace the folder's own (a test dataset without boundary files)."""
    boundaries = boundaries or load_boundaries(folder)
    dataset = load_dataset(folder, boundaries, today)
    endpoints = resolve_endpoints(dataset.sites, dataset.places, boundaries.world, dataset.labels)
    return World(boundaries, dataset, endpoints, derive_geography(boundaries, dataset, endpoints))


@functools.cache
def shared_world(folder: Path) -> World:
    """The world of ``folder``, loaded once per server process for everything that serves it
    (the Streamlit script and the export route), so it is held in memory once."""
    return load_world(folder)


def derive_geography(
    boundaries: Boundaries, dataset: Dataset, endpoints: Mapping[str, Endpoint]
) -> Geography:
    """Each district's area, the districts each zone touches (for a zone without an outline:
    those it names, else its whole states) and each link's geodesic path."""
    districts = boundaries.districts.to_crs(EQUAL_AREA_CRS)
    areas = dict(zip(districts["district_lgd"], districts.area / 1e6, strict=True))
    zone_districts: dict[str, tuple[int, ...]] = {}
    for zone in dataset.zones.to_crs(EQUAL_AREA_CRS).itertuples():
        if zone.geometry is None:
            named = districts["district_lgd"].isin(zone.district_lgd)
            touched = districts.loc[named if named.any() else districts["state"].isin(zone.state)]
        else:
            shared = districts.intersection(zone.geometry).area / 1e6
            touched = districts.loc[shared > MIN_SHARED_KM2]
        zone_districts[zone.id] = tuple(sorted(int(c) for c in touched["district_lgd"]))
    lines = [
        geodesic_line(endpoints[link.from_ref], endpoints[link.to_ref])
        for link in dataset.links.itertuples()
    ]
    paths = gpd.GeoDataFrame({"id": dataset.links["id"]}, geometry=lines, crs=WGS84)
    return Geography(areas, zone_districts, paths, _states_paths(boundaries, dataset, paths))


def _states_paths(
    boundaries: Boundaries, dataset: Dataset, paths: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    districts = boundaries.districts.set_index("district_lgd").geometry
    clipped = [
        line.difference(shapely.union_all(list(districts.drop(list(touched), errors="ignore"))))
        for line, touched in zip(paths.geometry, dataset.links["district_lgd"], strict=True)
    ]
    return gpd.GeoDataFrame({"id": paths["id"]}, geometry=clipped, crs=WGS84)


def first_year(world: World) -> int:
    """The earliest year any milestone, site or link begins: where the year slider starts."""
    dataset = world.dataset
    return int(
        min(
            dataset.milestones["year"].min(),
            dataset.sites["start_year"].min(),
            dataset.links["start_year"].min(),
        )
    )
