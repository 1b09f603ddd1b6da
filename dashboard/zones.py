"""Derive a zone's indicative outline from its definition, so no outline is ever hand-drawn."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd
import shapely

from dashboard.geometry import as_multipolygon, round_geometry
from dashboard.schema import ZONE_DEFINITIONS

ZONE_FIELDS = ZONE_DEFINITIONS.names

# WGS 84 / India NSF LCC: metres, fit for buffers along India's east coast.
METRIC_CRS = "EPSG:7755"
DECIMALS = 5
SIMPLIFY_M = 100.0


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
    districts: gpd.GeoDataFrame,
    site_points: Mapping[str, shapely.Point],
) -> shapely.MultiPolygon:
    if definition["geometry_basis"] == "district_union":
        return _district_union(definition, districts)
    return _buffer(definition, districts, site_points)


def _district_union(
    definition: Mapping[str, object], districts: gpd.GeoDataFrame
) -> shapely.MultiPolygon:
    codes: Sequence[int] = definition.get("district_lgd") or ()  # type: ignore[assignment]
    if not codes:
        raise ZoneDefinitionError("district_lgd", "a district_union zone needs district codes")
    chosen = districts[districts["district_lgd"].isin(codes)]
    return _finish(shapely.coverage_union_all(chosen.geometry.values))


def _buffer(
    definition: Mapping[str, object],
    districts: gpd.GeoDataFrame,
    site_points: Mapping[str, shapely.Point],
) -> shapely.MultiPolygon:
    anchors: Sequence[str] = definition.get("anchor_ids") or ()  # type: ignore[assignment]
    radius_km = definition.get("buffer_km")
    if not anchors:
        raise ZoneDefinitionError("anchor_ids", "a buffer zone needs anchor sites")
    if not isinstance(radius_km, float) or radius_km <= 0:
        raise ZoneDefinitionError("buffer_km", "a buffer zone needs a positive buffer_km")
    missing = [a for a in anchors if a not in site_points]
    if missing:
        raise ZoneDefinitionError(
            "anchor_ids", f"{', '.join(missing)}: not a site with a point location"
        )
    points = gpd.GeoSeries([site_points[a] for a in anchors], crs="EPSG:4326").to_crs(METRIC_CRS)
    hull = shapely.convex_hull(shapely.MultiPoint(list(points))).buffer(radius_km * 1000)
    land = districts.to_crs(METRIC_CRS).geometry.union_all()
    outline = shapely.simplify(shapely.intersection(hull, land), SIMPLIFY_M)
    return _finish(gpd.GeoSeries([outline], crs=METRIC_CRS).to_crs("EPSG:4326").iloc[0])


def _finish(geom: shapely.Geometry) -> shapely.MultiPolygon:
    return as_multipolygon(shapely.make_valid(round_geometry(geom, DECIMALS)))
