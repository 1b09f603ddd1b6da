"""Where partner links are drawn: endpoints resolved from their references and joined by the
geodesic (the shortest path on the globe). Direction is shown by the map's end markers
(dashboard.map.layers), which keep their size in pixels at every zoom."""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pyproj
import shapely

from dashboard.data.longitude import map_longitude

GEOD = pyproj.Geod(ellps="WGS84")
SEGMENTS = 64


@dataclass(frozen=True)
class Endpoint:
    """A link end on the map: ``precision`` says whether it is a site, a place or a country
    (drawn at a point inside the country's polygon)."""

    ref: str
    name: str
    lon: float
    lat: float
    precision: str


def resolve_endpoints(
    sites: gpd.GeoDataFrame, places: gpd.GeoDataFrame, world: gpd.GeoDataFrame
) -> dict[str, Endpoint]:
    """Every place a link may start or end, by reference: each country (a point inside it), each
    located site and each place."""
    endpoints: dict[str, Endpoint] = {}
    for row in world.itertuples():
        inside = row.geometry.representative_point()
        endpoints[row.iso_a3] = Endpoint(
            row.iso_a3, row.name, _real_longitude(inside.x), inside.y, "country"
        )
    for frame in (sites, places):
        located = frame[frame.geometry.notna()]
        for row in located.itertuples():
            endpoints[row.id] = Endpoint(
                row.id, row.name, row.geometry.x, row.geometry.y, row.location_precision
            )
    return endpoints


def _real_longitude(x: float) -> float:
    return x - 360.0 if x > 180.0 else x


def geodesic_line(start: Endpoint, end: Endpoint) -> shapely.LineString:
    """The geodesic in map longitudes, unwrapped so it never jumps across the map."""
    middle = GEOD.npts(start.lon, start.lat, end.lon, end.lat, SEGMENTS - 1)
    lons = np.unwrap(np.radians([start.lon, *(p[0] for p in middle), end.lon]), discont=math.pi)
    lons = np.degrees(lons)
    lats = [start.lat, *(p[1] for p in middle), end.lat]
    offset = map_longitude(float(lons.min())) - float(lons.min())
    return shapely.LineString(np.column_stack([lons + offset, lats]))
