"""The committed boundary layers are a clean, complete and small coverage of the two states."""

import itertools

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.data.boundaries import Boundaries
from dashboard.data.build_geodata import OUTPUT_NAMES
from dashboard.data.geometry import EQUAL_AREA_CRS
from dashboard.paths import GEODATA_DIR

EQUAL_AREA = "EPSG:6933"
# Yanam, a Puducherry enclave of ~30 km2 between Kakinada and Konaseema districts.
YANAM = shapely.Point(82.2135, 16.7275)


def test_district_counts_match_the_current_lgd_vintage(boundaries: Boundaries) -> None:
    counts = boundaries.districts["state"].value_counts().to_dict()
    assert counts == {"Andhra Pradesh": 28, "Odisha": 30}


def test_the_2025_districts_tile_their_2022_parents(boundaries: Boundaries) -> None:
    """Markapuram and Polavaram (LGD 790, 791, in force 31 Dec 2025) are carved out of
    Prakasam and Alluri Sitharama Raju, and the four together cover what the two covered."""
    districts = boundaries.districts.set_index("district_lgd").to_crs(EQUAL_AREA_CRS)
    assert districts.at[790, "district"] == "Markapuram"
    assert districts.at[791, "district"] == "Polavaram"
    assert pd.isna(districts.at[790, "old_url_code"])  # no older link named them
    areas = districts.geometry.area / 1e6
    # Markapuram is most of Prakasam's 2022 area (its four constituencies: about 10,100 km²)
    assert 9_500 < areas[790] < 10_700
    assert 5_700 < areas[791] < 6_500
    for new, parent in ((790, 517), (791, 745)):
        shared = districts.at[new, "geometry"].intersection(districts.at[parent, "geometry"])
        assert shared.area / 1e6 < 0.01  # neighbours, not overlapping
        assert districts.at[new, "geometry"].touches(districts.at[parent, "geometry"])


def test_the_2022_andhra_pradesh_districts_carry_their_lgd_codes(boundaries: Boundaries) -> None:
    # LGD codes 743-755, assigned on 2022-04-06 (geodata/district_codes.csv cites the list).
    districts = boundaries.districts.set_index("district")
    assert districts.loc["Parvathipuram Manyam", "district_lgd"] == 743
    assert districts.loc["Anakapalli", "district_lgd"] == 744
    assert districts.loc["Nandyal", "district_lgd"] == 755
    new = districts[districts["district_lgd"].between(743, 755)]
    assert len(new) == 13
    assert new["district_census2011"].isna().all()  # formed after the census


def test_codes_are_labelled_for_what_they_are(boundaries: Boundaries) -> None:
    districts = boundaries.districts.set_index("district")
    ganjam = districts.loc["Ganjam"]
    assert (ganjam["district_lgd"], ganjam["district_census2011"]) == (354, 388)
    census = boundaries.districts["district_census2011"].dropna().astype(int)
    odisha = boundaries.districts["state"] == "Odisha"
    assert set(census[odisha]) == set(range(370, 400))
    assert set(census[~odisha]) == set(range(542, 555))


def test_codes_are_unique(boundaries: Boundaries) -> None:
    for column in ("district_lgd", "district_census2011", "old_url_code"):
        assert boundaries.districts[column].dropna().is_unique, column


def test_every_layer_is_wgs84_and_valid(boundaries: Boundaries) -> None:
    for layer in (boundaries.districts, boundaries.states, boundaries.india, boundaries.world):
        assert layer.crs.to_epsg() == 4326
        assert layer.is_valid.all()
        assert not layer.is_empty.any()


def test_state_codes_match_lgd(boundaries: Boundaries) -> None:
    pairs = set(
        boundaries.districts[["state", "state_lgd"]].drop_duplicates().itertuples(index=False)
    )
    assert pairs == {("Andhra Pradesh", 28), ("Odisha", 21)}


def test_districts_do_not_overlap(boundaries: Boundaries) -> None:
    projected = boundaries.districts.to_crs(EQUAL_AREA)
    worst = max(
        a.intersection(b).area / 1e6
        for a, b in itertools.combinations(projected.geometry, 2)
        if a.intersects(b)
    )
    assert worst <= 0.01
    assert shapely.coverage_is_valid(boundaries.districts.geometry.values)


def test_states_are_the_union_of_their_districts(boundaries: Boundaries) -> None:
    districts = boundaries.districts.to_crs(EQUAL_AREA)
    states = boundaries.states.to_crs(EQUAL_AREA).set_index("state")
    for state, group in districts.groupby("state"):
        union = shapely.union_all(group.geometry.values)
        assert union.symmetric_difference(states.geometry[state]).area / 1e6 < 0.01


def test_the_only_hole_between_districts_is_yanam(boundaries: Boundaries) -> None:
    union = shapely.coverage_union_all(boundaries.districts.geometry.values)
    holes = [shapely.Polygon(ring) for part in union.geoms for ring in part.interiors]
    assert len(holes) == 1
    assert holes[0].contains(YANAM)
    hole_km2 = gpd.GeoSeries(holes, crs=4326).to_crs(EQUAL_AREA).area.iloc[0] / 1e6
    assert 25 < hole_km2 < 35


def test_world_basemap_draws_india_with_the_official_outline(boundaries: Boundaries) -> None:
    world = boundaries.world.set_index("iso_a3")
    assert world.geometry["IND"].equals(boundaries.india.geometry.iloc[0])
    neighbours = world.drop(index="IND").to_crs(EQUAL_AREA)
    india = boundaries.india.to_crs(EQUAL_AREA).geometry.iloc[0]
    overlap_km2 = neighbours.intersection(india).area.sum() / 1e6
    assert overlap_km2 < 50
    assert {"JPN", "AUS", "VNM", "CAN", "CHN"} <= set(world.index)


def test_boundary_files_fit_the_size_budget() -> None:
    total = sum((GEODATA_DIR / name).stat().st_size for name in OUTPUT_NAMES)
    assert total <= 600 * 1024


def test_the_basemap_is_centred_on_the_indo_pacific(boundaries: Boundaries) -> None:
    world = boundaries.world.set_index("iso_a3")
    west = world.total_bounds[0]
    assert west >= -25
    assert world.geometry["CAN"].bounds[0] > 180
    assert world.geometry["JPN"].bounds[0] < 180
    assert "ATA" not in world.index
