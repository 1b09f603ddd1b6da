"""Longitudes west of the mid-Atlantic seam move east of the date line, parts kept whole."""

import shapely

from dashboard.data.longitude import map_longitude, shift_to_map


def test_points_west_of_the_seam_move_east() -> None:
    assert map_longitude(-75.0) == 285.0
    assert map_longitude(-20.0) == -20.0
    assert map_longitude(139.7) == 139.7


def test_a_polygon_is_shifted_whole_by_its_centroid() -> None:
    greenland_like = shapely.box(-73, 60, -11, 83)
    assert shift_to_map(greenland_like).bounds == (287.0, 60.0, 349.0, 83.0)
    europe_like = shapely.box(-10, 35, 30, 60)
    assert shift_to_map(europe_like).equals(europe_like)
