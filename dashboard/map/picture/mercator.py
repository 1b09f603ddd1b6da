"""Web Mercator as Leaflet draws it (EPSG:3857 on a sphere, without wrapping longitudes, so
the Americas east of the date line stay there), the extent a picture's map frame shows, the
Leaflet zoom that extent stands for, and a scale bar for it.

Leaflet's zoom z draws the whole world 256 x 2^z CSS pixels wide; a frame ``w`` pixels wide
showing ``e`` metres of Mercator x therefore stands for z = log2(w x world / (256 e)). Labels
that the live map would show from some zoom on are shown or hidden by this zoom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from dashboard.map.bounds import Bounds

EARTH_RADIUS = 6378137.0  # metres, Leaflet's L.Projection.SphericalMercator.R
WORLD = 2 * math.pi * EARTH_RADIUS  # the width of the world in Mercator metres
MAX_LATITUDE = 85.0511287798  # Leaflet's limit: the world is square
WEB_MERCATOR = "EPSG:3857"
TILE = 256


def mercator_xy(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mercator metres of WGS 84 degrees (Leaflet's formula, longitudes not wrapped)."""
    phi = np.radians(np.clip(lat, -MAX_LATITUDE, MAX_LATITUDE))
    return EARTH_RADIUS * np.radians(lon), EARTH_RADIUS * np.log(np.tan(np.pi / 4 + phi / 2))


def to_mercator(frame: gpd.GeoDataFrame | gpd.GeoSeries) -> gpd.GeoSeries:
    """The geometries of a WGS 84 frame in Web Mercator metres."""

    def project(coords: np.ndarray) -> np.ndarray:
        x, y = mercator_xy(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    geometry = frame.geometry if isinstance(frame, gpd.GeoDataFrame) else frame
    return gpd.GeoSeries(shapely.transform(geometry.to_numpy(), project), crs=WEB_MERCATOR)


@dataclass(frozen=True)
class Extent:
    """What a map frame shows, in Mercator metres."""

    west: float
    south: float
    east: float
    north: float

    @property
    def width(self) -> float:
        """Its width in metres."""
        return self.east - self.west

    @property
    def height(self) -> float:
        """Its height in metres."""
        return self.north - self.south

    def centre_latitude(self) -> float:
        """The latitude of its centre, in degrees."""
        y = (self.south + self.north) / 2
        return math.degrees(2 * math.atan(math.exp(y / EARTH_RADIUS)) - math.pi / 2)


def fit(bounds: Bounds, width_px: float, height_px: float, padding_px: float) -> Extent:
    """The extent a ``width_px`` x ``height_px`` frame shows when it fits ``bounds`` (Leaflet's
    ((south, west), (north, east))) with ``padding_px`` to spare on every side, as Leaflet's
    fitBounds does: centred, at one scale in both directions."""
    (south, west), (north, east) = bounds
    xs, ys = mercator_xy(np.array([west, east]), np.array([south, north]))
    span_x, span_y = float(xs[1] - xs[0]), float(ys[1] - ys[0])
    metres_per_px = max(
        span_x / max(width_px - 2 * padding_px, 1), span_y / max(height_px - 2 * padding_px, 1)
    )
    centre_x, centre_y = float(xs.mean()), float(ys.mean())
    half_w, half_h = width_px * metres_per_px / 2, height_px * metres_per_px / 2
    return Extent(centre_x - half_w, centre_y - half_h, centre_x + half_w, centre_y + half_h)


def leaflet_zoom(extent: Extent, width_px: float) -> float:
    """The Leaflet zoom at which ``width_px`` CSS pixels show the extent's width."""
    return math.log2(width_px * WORLD / (TILE * extent.width))


# Leaflet's scale control: the longest round length (1, 2, 3 or 5 times a power of ten) that
# fits in this many pixels, measured at the frame's centre latitude.
SCALE_MAX_PX = 110


def scale_bar(extent: Extent, width_px: float) -> tuple[float, float]:
    """(kilometres, pixels) of a scale bar for the frame, as Leaflet's scale control draws
    one: ground distance at the centre latitude, a round number of kilometres."""
    ground_per_px = extent.width / width_px * math.cos(math.radians(extent.centre_latitude()))
    longest_km = ground_per_px * SCALE_MAX_PX / 1000
    power = 10 ** math.floor(math.log10(longest_km))
    step = max(s for s in (1, 2, 3, 5, 10) if s * power <= longest_km)
    km = step * power
    return km, km * 1000 / ground_per_px


def aspect(bounds: Bounds) -> float:
    """How many times wider than tall ``bounds`` are on the map."""
    (south, west), (north, east) = bounds
    xs, ys = mercator_xy(np.array([west, east]), np.array([south, north]))
    return float(xs[1] - xs[0]) / max(float(ys[1] - ys[0]), 1.0)
