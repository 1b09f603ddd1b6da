"""Zone outlines are derived from their definitions: districts, points, the coast, or none."""

import geopandas as gpd
import pytest
import shapely

from dashboard.data.boundaries import Boundaries
from dashboard.data.zones import METRIC_CRS, ZoneDefinitionError, coastline, zone_geometry

GOPALPUR = shapely.Point(84.92, 19.27)
RUSHIKULYA_MOUTH = shapely.Point(85.06667, 19.36667)
BERHAMPUR = shapely.Point(84.79, 19.31)  # a city about 12 km inland
ANCHORS = {"gopalpur": GOPALPUR, "mouth": RUSHIKULYA_MOUTH}


def strip(width_km: float, anchors: str = "gopalpur;mouth") -> dict[str, object]:
    return {
        "geometry_basis": "coastal_strip",
        "anchor_ids": tuple(anchors.split(";")),
        "buffer_km": width_km,
    }


def km(geom: shapely.Geometry, other: shapely.Geometry) -> float:
    frame = gpd.GeoSeries([geom, other], crs="EPSG:4326").to_crs(METRIC_CRS)
    return float(frame.iloc[0].distance(frame.iloc[1])) / 1000


def test_the_coastline_is_the_sea_edge_only(boundaries: Boundaries) -> None:
    land = shapely.coverage_union_all(boundaries.districts.to_crs(METRIC_CRS).geometry.values)
    coast = gpd.GeoSeries([coastline(land, boundaries.india)], crs=METRIC_CRS)
    # Andhra Pradesh's and Odisha's coasts together run about 1,450 km; the simplified
    # outline adds wiggles, but no land border (hundreds of km more) may be counted.
    assert 1_200 < coast.length.iloc[0] / 1000 < 2_600
    west, _, _, _ = coast.to_crs("EPSG:4326").total_bounds
    assert west > 79.8  # the states' western borders, near 77° E, are not coast


def test_a_coastal_strip_runs_between_its_two_anchors(boundaries: Boundaries) -> None:
    belt = zone_geometry(strip(2.0), boundaries, ANCHORS)
    assert belt is not None
    assert belt.bounds[2] > 85.05  # reaches the Rushikulya mouth
    assert km(belt, RUSHIKULYA_MOUTH) < 1.5
    assert km(belt, GOPALPUR) < 1.5
    assert km(belt, BERHAMPUR) > 8  # inland places stay outside
    area_km2 = gpd.GeoSeries([belt], crs="EPSG:4326").to_crs("EPSG:6933").area.iloc[0] / 1e6
    assert 15 < area_km2 < 60  # about 18 km of coast, 2 km deep


def test_a_zone_without_an_outline_has_no_geometry(boundaries: Boundaries) -> None:
    assert zone_geometry({"geometry_basis": "none"}, boundaries, {}) is None


@pytest.mark.parametrize(
    ("definition", "field"),
    [
        (strip(2.0, "gopalpur"), "anchor_ids"),
        (strip(2.0, "gopalpur;nowhere"), "anchor_ids"),
        (strip(0.0), "buffer_km"),
        (strip(2.0, "gopalpur;gopalpur"), "anchor_ids"),
    ],
)
def test_a_strip_that_cannot_be_drawn_names_its_field(
    boundaries: Boundaries, definition: dict[str, object], field: str
) -> None:
    with pytest.raises(ZoneDefinitionError) as error:
        zone_geometry(definition, boundaries, ANCHORS)
    assert error.value.field == field
