"""In the states view no link line crosses a district it does not touch, and a link between
governments ends at their capitals, not at an inner point of India in Madhya Pradesh."""

from __future__ import annotations

import pytest
import shapely

from dashboard.core.choices import MapView
from dashboard.core.scene import compose_scene
from dashboard.core.view import View
from dashboard.core.world import World


def test_no_line_of_the_states_view_crosses_a_district_it_does_not_touch(
    real_world: World,
) -> None:
    districts = real_world.boundaries.districts.set_index("district_lgd").geometry
    paths = real_world.geography.states_link_paths.set_index("id").geometry
    for link in real_world.dataset.links.itertuples():
        others = shapely.union_all(list(districts.drop(list(link.district_lgd))))
        crossed = paths[link.id].intersection(others)
        assert crossed.length == pytest.approx(0, abs=1e-9), link.id


def test_the_partners_view_keeps_the_whole_line(real_world: World) -> None:
    partners_view = View(None, map_view=MapView.PARTNERS)
    whole = shapely.length(compose_scene(real_world, partners_view).links.geometry.array)
    states = shapely.length(compose_scene(real_world, View(None)).links.geometry.array)
    assert (whole >= states - 1e-9).all()
    assert (whole > states).any()


def test_links_between_governments_run_between_capitals(real_world: World) -> None:
    ends = real_world.endpoints
    assert (ends["IND"].lat, ends["IND"].lon) == (28.6, 77.2)  # New Delhi
    assert (ends["JPN"].lat, ends["JPN"].lon) == (35.687, 139.7495)  # Tokyo
