"""The extents the map fits to: each named view's, in Leaflet's order of coordinates."""

from __future__ import annotations

from dashboard.core.choices import MapView
from dashboard.core.world import World

Bounds = tuple[tuple[float, float], tuple[float, float]]  # (south, west), (north, east)


def bounds_of(frame_bounds: tuple[float, float, float, float]) -> Bounds:
    """Leaflet's ((south, west), (north, east)) from geopandas' (west, south, east, north)."""
    west, south, east, north = (float(v) for v in frame_bounds)
    return (south, west), (north, east)


def view_bounds(world: World, map_view: MapView) -> Bounds:
    """What a named view shows: the two states, or every link and its ends."""
    if map_view is MapView.STATES:
        return bounds_of(world.boundaries.states.total_bounds)
    return bounds_of(world.geography.link_paths.total_bounds)
