"""Where partner links are drawn: endpoints resolved from their references and joined by the
geodesic (the shortest path on the globe). Direction is shown by the map's end markers
(dashboard.map.layers), which keep their size in pixels at every zoom."""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from dashboard.data.longitude import map_longitude

GEOD = pyproj.Geod(ellps="WGS84")
SEGMENTS = 64


@dataclass(frozen=True)
class Endpoint:
    """A link end on the map: ``precision`` says whether it is a site, a place or a country
    (drawn at its national capital, from geodata/labels.csv, or for a country without one
    there at a point inside its polygon)."""

    ref: str
    name: str
    lon: float
    lat: float
    precision: str


def resolve_endpoints(
    sites: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    world: gpd.GeoDataFrame,
    labels: pd.DataFrame,
) -> dict[str, Endpoint]:
    """Every place a link may start or end, by reference: each country (its national capital
    among the labels, else a point inside it), each located site and each place. A link
    between two governments then runs between their capitals, not from an arbitrary point of
    a large country (India's inner point lies in Madhya Pradesh)."""
    capitals = labels[labels["kind"] == "national_capital"].set_index("country")
    endpoints: dict[str, Endpoint] = {}
    for row in world.itertuples():
        if row.iso_a3 in capitals.index:
            capital = capitals.loc[row.iso_a3]
            lon, lat = float(capital["lon"]), float(capital["lat"])
        else:
            inside = row.geometry.representative_point()
            lon, lat = _real_longitude(inside.x), inside.y
        endpoints[row.iso_a3] = Endpoint(row.iso_a3, row.name, lon, lat, "country")
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
