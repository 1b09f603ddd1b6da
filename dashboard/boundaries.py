"""Load the committed boundary layers (built by dashboard.build_geodata) as GeoDataFrames."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from dashboard.paths import GEODATA_DIR

CRS = "EPSG:4326"


@dataclass(frozen=True)
class Boundaries:
    """The four boundary layers the map draws; districts are the unit everything else joins to."""

    districts: gpd.GeoDataFrame
    states: gpd.GeoDataFrame
    india: gpd.GeoDataFrame
    world: gpd.GeoDataFrame


def load_boundaries(folder: Path = GEODATA_DIR) -> Boundaries:
    return Boundaries(
        districts=_read(folder / "districts.geojson"),
        states=_read(folder / "states.geojson"),
        india=_read(folder / "india.geojson"),
        world=_read(folder / "world.geojson"),
    )


def _read(path: Path) -> gpd.GeoDataFrame:
    frame = gpd.read_file(path)
    # GeoJSON is WGS 84 by definition (RFC 7946); say so even if a reader leaves it unset.
    return frame.set_crs(CRS) if frame.crs is None else frame.to_crs(CRS)
