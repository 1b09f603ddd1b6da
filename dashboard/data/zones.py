"""Derive a zone's indicative outline from its definition, so no outline is ever hand-drawn.

Four bases (``geometry_basis``): the union of named districts; the area around named points
(their convex hull, buffered); a coastal strip (the land within a distance of the sea, between
two named points on the coast); or no outline at all, for a zone whose sources name no area.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd
import numpy as np
import shapely

from dashboard.data.boundaries import Boundaries
from dashboard.data.geometry import METRIC_CRS, WGS84, as_multipolygon, round_geometry
from dashboard.data.schema import ZONE_DEFINITIONS

ZONE_FIELDS = ZONE_DEFINITIONS.names

DECIMALS = 5
SIMPLIFY_M = 100.0
# The sea is what lies outside India's outline, which is simplified more coarsely (about 2 km)
# than the districts: a district edge within this distance of it faces the sea.
OUTLINE_TOLERANCE_M = 3000.0
SEA_MARGIN_M = 100_000.0
# How far the strip's ends reach across the coast, so a strip clipped between two points on a
# curving coast keeps all of its width.
ACROSS_M = 200_000.0


def zone_properties(definition: Mapping[str, object]) -> dict[str, object]:
    """A definition as zones.geojson properties: lists as arrays, empty cells left out."""
    properties: dict[str, object] = {}
    for name in ZONE_FIELDS:
        value = definition.get(name)
        if isinstance(value, (tuple, list)):
            value = list(value) or None
        if value is not None:
            properties[name] = value
    return properties


class ZoneDefinitionError(ValueError):
    """A definition that cannot produce an outline; the message names the field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def zone_geometry(
    definition: Mapping[str, object],
    boundaries: Boundaries,
    anchors: Mapping[str, shapely.Point],
) -> shapely.MultiPolygon | None:
    """The zone's outline by its basis; None for a zone drawn without one. ``anchors`` are the
    named points (sites and places with a point) that buffers and strips are drawn from."""
    basis = definition["geometry_basis"]
    if basis == "district_union":
        return _district_union(definition, boundaries.districts)
    if basis == "buffer":
        return _buffer(definition, boundaries.districts, anchors)
    if basis == "coastal_strip":
        return _coastal_strip(definition, boundaries, anchors)
    return None


def _district_union(
    definition: Mapping[str, object], districts: gpd.GeoDataFrame
) -> shapely.MultiPolygon:
    codes: Sequence[int] = definition.get("district_lgd") or ()  # type: ignore[assignment]
    if not codes:
        raise ZoneDefinitionError("district_lgd", "a district_union zone needs district codes")
    chosen = districts[districts["district_lgd"].isin(codes)]
    return _finish(shapely.coverage_union_all(chosen.geometry.values))


def _anchor_points(
    definition: Mapping[str, object], anchors: Mapping[str, shapely.Point], count: int | None
) -> list[shapely.Point]:
    """The definition's anchors in metres; ``count``: how many the basis needs (None: any)."""
    names: Sequence[str] = definition.get("anchor_ids") or ()  # type: ignore[assignment]
    basis = definition["geometry_basis"]
    if not names:
        raise ZoneDefinitionError("anchor_ids", f"a {basis} zone needs anchor points")
    if count is not None and len(names) != count:
        raise ZoneDefinitionError("anchor_ids", f"a {basis} zone needs exactly {count} anchors")
    missing = [a for a in names if a not in anchors]
    if missing:
        raise ZoneDefinitionError(
            "anchor_ids", f"{', '.join(missing)}: not a site or place with a point location"
        )
    points = gpd.GeoSeries([anchors[a] for a in names], crs=WGS84).to_crs(METRIC_CRS)
    return list(points)


def _distance_m(definition: Mapping[str, object]) -> float:
    radius_km = definition.get("buffer_km")
    if not isinstance(radius_km, float) or radius_km <= 0:
        basis = definition["geometry_basis"]
        raise ZoneDefinitionError("buffer_km", f"a {basis} zone needs a positive buffer_km")
    return radius_km * 1000


def _land(districts: gpd.GeoDataFrame) -> shapely.Geometry:
    return shapely.coverage_union_all(districts.to_crs(METRIC_CRS).geometry.values)


def _buffer(
    definition: Mapping[str, object],
    districts: gpd.GeoDataFrame,
    anchors: Mapping[str, shapely.Point],
) -> shapely.MultiPolygon:
    points = _anchor_points(definition, anchors, None)
    hull = shapely.convex_hull(shapely.MultiPoint(points)).buffer(_distance_m(definition))
    return _to_wgs84(shapely.intersection(hull, _land(districts)))


def _coastal_strip(
    definition: Mapping[str, object],
    boundaries: Boundaries,
    anchors: Mapping[str, shapely.Point],
) -> shapely.MultiPolygon:
    """The land of the two states within ``buffer_km`` of the sea, between the lines through
    the two anchors at right angles to the line joining them."""
    start, end = _anchor_points(definition, anchors, 2)
    land = _land(boundaries.districts)
    strip = shapely.intersection(
        land, coastline(land, boundaries.india).buffer(_distance_m(definition))
    )
    a, b = np.array(start.coords[0]), np.array(end.coords[0])
    along = b - a
    if not np.any(along):
        raise ZoneDefinitionError("anchor_ids", "a coastal_strip needs two different points")
    across = np.array([-along[1], along[0]]) / np.linalg.norm(along) * ACROSS_M
    between = shapely.Polygon([a + across, b + across, b - across, a - across])
    return _to_wgs84(shapely.intersection(strip, between))


def coastline(land: shapely.Geometry, india: gpd.GeoDataFrame) -> shapely.Geometry:
    """The edges of ``land`` (metres) that face the sea: the parts of its boundary near the
    water outside India's outline. Lagoons the outline leaves open (Chilika) count as sea."""
    outline = shapely.union_all(india.to_crs(METRIC_CRS).geometry.values)
    sea = shapely.difference(land.envelope.buffer(SEA_MARGIN_M), outline)
    return shapely.intersection(land.boundary, sea.buffer(OUTLINE_TOLERANCE_M))


def _to_wgs84(outline: shapely.Geometry) -> shapely.MultiPolygon:
    outline = shapely.simplify(outline, SIMPLIFY_M)
    return _finish(gpd.GeoSeries([outline], crs=METRIC_CRS).to_crs(WGS84).iloc[0])


def _finish(geom: shapely.Geometry) -> shapely.MultiPolygon:
    return as_multipolygon(shapely.make_valid(round_geometry(geom, DECIMALS)))
