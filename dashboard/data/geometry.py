"""The coordinate systems the project uses, and small geometry helpers shared by the builds,
the validator and the scene."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

# GeoJSON is WGS 84 longitude/latitude by definition (RFC 7946).
WGS84 = "EPSG:4326"
# NSIDC EASE-Grid 2.0 Global: equal-area, for every area in km².
EQUAL_AREA_CRS = "EPSG:6933"
# WGS 84 / India NSF LCC: metres, conformal, for distances and buffers along India's east coast.
METRIC_CRS = "EPSG:7755"


def area_km2(geometries: shapely.Geometry | gpd.GeoSeries) -> float | gpd.GeoSeries:
    """Area in km² of one WGS 84 geometry (a float) or of each in a series (a series)."""
    if isinstance(geometries, gpd.GeoSeries):
        return geometries.to_crs(EQUAL_AREA_CRS).area / 1e6
    if geometries.is_empty:
        return 0.0
    return float(gpd.GeoSeries([geometries], crs=WGS84).to_crs(EQUAL_AREA_CRS).area.iloc[0]) / 1e6


def round_geometry(geom: shapely.Geometry, decimals: int) -> shapely.Geometry:
    """The geometry with every coordinate rounded, so a rebuilt file compares byte for byte."""
    return shapely.transform(geom, lambda xy: np.round(xy, decimals))


def as_multipolygon(geom: shapely.Geometry) -> shapely.MultiPolygon:
    """Keep only the polygons: make_valid and clipping can leave stray lines and points."""
    polygons: list[shapely.Polygon] = []
    for part in shapely.get_parts(geom):
        if part.geom_type == "Polygon" and not part.is_empty:
            polygons.append(part)
        elif part.geom_type in ("MultiPolygon", "GeometryCollection"):
            polygons.extend(as_multipolygon(part).geoms)
    return shapely.MultiPolygon(polygons)
