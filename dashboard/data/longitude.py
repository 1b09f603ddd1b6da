"""The map is centred on the Indo-Pacific: the Americas are drawn east of the date line, so a
link from Japan to Canada crosses the Pacific as it does on the globe, not the whole map.

Longitudes west of the seam (in the mid-Atlantic) are shifted by +360 degrees; Leaflet draws
longitudes beyond 180 without complaint.
"""

from __future__ import annotations

import shapely

SEAM = -25.0


def map_longitude(lon: float) -> float:
    """The longitude on a map centred on the Indo-Pacific: west of the seam, add 360°."""
    return lon + 360.0 if lon < SEAM else lon


def shift_to_map(geom: shapely.Geometry) -> shapely.Geometry:
    """Shift each part as a whole (by its centroid), so no polygon is torn at the seam."""
    parts = []
    for part in shapely.get_parts(geom):
        if part.centroid.x < SEAM:
            part = shapely.affinity.translate(part, xoff=360.0)
        parts.append(part)
    return shapely.union_all(parts) if len(parts) > 1 else parts[0]
