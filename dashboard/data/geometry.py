"""Small geometry helpers shared by the boundary and zone builds."""

from __future__ import annotations

import numpy as np
import shapely


def round_geometry(geom: shapely.Geometry, decimals: int) -> shapely.Geometry:
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
