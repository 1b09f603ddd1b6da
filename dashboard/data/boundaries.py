"""Load the committed boundary layers (built by dashboard.data.build_geodata) as GeoDataFrames."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pyogrio

from dashboard.data.geometry import WGS84
from dashboard.data.problems import DatasetError, Problem
from dashboard.paths import GEODATA_DIR


@dataclass(frozen=True)
class Boundaries:
    """The four boundary layers the map draws; districts are the unit everything else joins to."""

    districts: gpd.GeoDataFrame
    states: gpd.GeoDataFrame
    india: gpd.GeoDataFrame
    world: gpd.GeoDataFrame


def load_boundaries(folder: Path = GEODATA_DIR) -> Boundaries:
    """The four boundary layers of ``folder`` in WGS84; raises DatasetError when a file cannot be
    read or lacks a required property."""
    return Boundaries(
        districts=_read(folder / "districts.geojson"),
        states=_read(folder / "states.geojson"),
        india=_read(folder / "india.geojson"),
        world=_read(folder / "world.geojson"),
    )


REQUIRED_COLUMNS = {
    "districts.geojson": (
        "district_lgd",
        "district_census2011",
        "old_url_code",
        "district",
        "state",
        "state_lgd",
    ),
    "states.geojson": ("state", "state_lgd"),
    "world.geojson": ("name", "iso_a3"),
}


def _read(path: Path) -> gpd.GeoDataFrame:
    try:
        frame = gpd.read_file(path)
    except (OSError, ValueError, pyogrio.errors.DataSourceError) as error:
        raise DatasetError([Problem(path.name, "-", "-", f"cannot be read ({error})")]) from None
    missing = [c for c in REQUIRED_COLUMNS.get(path.name, ()) if c not in frame.columns]
    if missing:
        problems = [Problem(path.name, "-", c, "required property is missing") for c in missing]
        raise DatasetError(problems)
    # GeoJSON is WGS 84 by definition (RFC 7946); say so even if a reader leaves it unset.
    return frame.set_crs(WGS84) if frame.crs is None else frame.to_crs(WGS84)
