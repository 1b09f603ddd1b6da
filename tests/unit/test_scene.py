"""A scene is the dataset as it stood in one year, with district counts to match."""

from dataclasses import replace

from dashboard.core.choices import EvidenceLevel, MapView
from dashboard.core.scene import Scene, compose_scene
from dashboard.core.view import View
from dashboard.core.world import World, derive_geography

GANJAM, PURI = 354, 369


def counts(scene: Scene, column: str) -> dict[int, int]:
    frame = scene.districts.set_index("district_lgd")[column]
    return {code: int(frame[code]) for code in (GANJAM, PURI)}


def test_district_counts_follow_the_year(good_world: World) -> None:
    early = compose_scene(good_world, View(1990))
    late = compose_scene(good_world, View(2020))
    # OSCOM (1984) and the undated Brahmagiri deposit exist in both years.
    assert counts(early, "site_count") == {GANJAM: 1, PURI: 1}
    # The Ganjam belt zone (1984) touches Ganjam; the Ganjam-Puri coast zone starts in 2017.
    assert counts(early, "zone_count") == {GANJAM: 1, PURI: 0}
    assert counts(late, "zone_count") == {GANJAM: 2, PURI: 1}


def test_evidence_filter_reaches_the_counts(good_world: World) -> None:
    verified = compose_scene(good_world, View(2020, EvidenceLevel.VERIFIED))
    # OSCOM is 'disputed' in the fixture, so only Brahmagiri is left.
    assert counts(verified, "site_count") == {GANJAM: 0, PURI: 1}


def test_links_carry_the_path_their_view_draws(good_world: World) -> None:
    # The partners view draws each whole geodesic; the states view what is left of it off
    # the districts it does not touch (a line in pieces, or none).
    partners = compose_scene(good_world, View(2020, map_view=MapView.PARTNERS))
    assert set(partners.links["id"]) == {"link-jpn-ind-2012", "link-oscom-japan"}
    assert all(line.geom_type == "LineString" for line in partners.links.geometry)
    states = compose_scene(good_world, View(2020)).links.set_index("id").geometry
    whole = partners.links.set_index("id").geometry
    for link_id, line in states.items():
        assert line.geom_type in ("LineString", "MultiLineString")
        assert whole[link_id].buffer(1e-9).covers(line)


def test_district_areas_are_real(good_world: World) -> None:
    # Ganjam is about 8,200 km2 (Census 2011: 8,206 km2).
    assert 7_900 < good_world.geography.district_area_km2[GANJAM] < 8_600


def test_a_zone_without_an_outline_is_listed_but_not_counted(good_world: World) -> None:
    zones = good_world.dataset.zones.copy()
    zones.loc[zones["id"] == "zone-coast", "geometry"] = None
    dataset = replace(good_world.dataset, zones=zones)
    geography = derive_geography(good_world.boundaries, dataset, good_world.endpoints)
    # It names Puri and Ganjam, so it concerns them, but it covers no ground.
    assert geography.zone_districts["zone-coast"] == (GANJAM, PURI)
    world = replace(good_world, dataset=dataset, geography=geography)
    scene = compose_scene(world, View(2020))
    assert counts(scene, "zone_count") == {GANJAM: 1, PURI: 0}
