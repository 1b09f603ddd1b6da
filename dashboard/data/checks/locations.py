"""Site locations: a point lies in (or, on a simplified coast, within a few km of) the
district it names, which catches swapped longitude and latitude; a district-level site has no
point, and any other has one."""

from __future__ import annotations

import geopandas as gpd
import shapely

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.geometry import METRIC_CRS, WGS84
from dashboard.data.records import Checked, Record

# A coastal town on a simplified coastline may sit just off its district's polygon.
DISTRICT_TOLERANCE_KM = 5.0


def check(checked: Checked, boundaries: Boundaries) -> None:
    """A site's point agrees with its precision (none for a district-level site) and lies inside the
    district it names (within DISTRICT_TOLERANCE_KM, for the simplified boundaries)."""
    districts = boundaries.districts.set_index("district_lgd").to_crs(METRIC_CRS).geometry
    located: list[tuple[Record, shapely.Point, int]] = []
    for record in checked.of(schema.SITES):
        point = record.geometry
        precision = record.get("location_precision")
        if precision == "district":
            if point is not None:
                checked.add(
                    schema.SITES,
                    record,
                    "geometry",
                    "must be null when location_precision is district",
                )
            continue
        if point is None:
            if precision is not None and not record.geometry_reported:
                checked.add(
                    schema.SITES,
                    record,
                    "geometry",
                    f"is required when location_precision is {precision}",
                )
            continue
        codes = record.integers("district_lgd")
        if len(codes) == 1 and codes[0] in districts.index:
            located.append((record, point, codes[0]))
    if not located:
        return
    # One projection and one vectorised distance for all points: this check runs at start-up
    # on every site, and there may be a hundred thousand of them.
    points = gpd.GeoSeries([p for _, p, _ in located], crs=WGS84).to_crs(METRIC_CRS)
    homes = districts.loc[[code for _, _, code in located]].to_numpy()
    distances_km = shapely.distance(points.to_numpy(), homes) / 1000
    for (record, _, code), distance_km in zip(located, distances_km, strict=True):
        if distance_km > DISTRICT_TOLERANCE_KM:
            checked.add(
                schema.SITES,
                record,
                "geometry",
                f"lies {distance_km:.0f} km outside district {code} "
                "(are longitude and latitude swapped? GeoJSON is [lon, lat])",
            )
