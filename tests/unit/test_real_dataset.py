"""The committed dataset validates clean, is complete where the brief and the research base
say it must be, and its zones are exactly what their definitions build."""

import pytest

from dashboard.boundaries import Boundaries
from dashboard.build_zones import zones_text
from dashboard.dataset import Dataset, load_dataset
from dashboard.paths import GEODATA_DIR
from dashboard.validate import check_folder

# The "Key Facts" lines of the project brief, and the grade the evidence supports.
BRIEF_KEY_FACTS = {
    "2021: Technical consultations begin between India’s Ministry of Mines and Japan’s METI.": (
        "claimed"
    ),
    "2023: MoU signed on critical-mineral exploration and processing.": "disputed",
    "2024–25: JOGMEC undertakes surveys in Andhra Pradesh and Odisha; investment mapping "
    "continues.": "claimed",
    "2025: The 15th India–Japan Annual Summit reaffirms joint work on critical minerals as part "
    "of Indo-Pacific economic-security cooperation.": "verified",
}


@pytest.fixture(scope="module")
def dataset(boundaries: Boundaries) -> Dataset:
    return load_dataset(GEODATA_DIR, boundaries)


def test_the_dataset_validates_clean(boundaries: Boundaries) -> None:
    assert [str(p) for p in check_folder(GEODATA_DIR, boundaries).problems] == []


def test_zones_file_is_what_the_definitions_build(boundaries: Boundaries) -> None:
    checked = check_folder(GEODATA_DIR, boundaries)
    committed = (GEODATA_DIR / "zones.geojson").read_text(encoding="utf-8")
    assert zones_text(checked, boundaries) == committed


@pytest.mark.parametrize("line", list(BRIEF_KEY_FACTS))
def test_every_key_fact_of_the_brief_is_present_with_its_grade(line: str, dataset: Dataset) -> None:
    brief = dataset.milestones[dataset.milestones["origin"] == "brief"]
    normalise = str.maketrans({"’": "'", "‘": "'"})
    matches = brief[
        brief["brief_text"].map(lambda t: line.translate(normalise) in str(t).translate(normalise))
    ]
    assert len(matches) == 1, line
    row = matches.iloc[0]
    assert row["evidence"] == BRIEF_KEY_FACTS[line]
    assert "japancalling-brief" in row["sources"]
    assert len(row["sources"]) >= 2  # the brief and the evidence beside it


def test_the_processing_sites_of_the_research_base_are_present(dataset: Dataset) -> None:
    names = " | ".join(dataset.sites["name"])
    for expected in ("Odisha Sands Complex", "Monazite", "Permanent Magnet", "Toyotsu"):
        assert expected in names


def test_the_beach_sand_districts_have_sites(dataset: Dataset) -> None:
    districts = {code for codes in dataset.sites["district_lgd"] for code in codes}
    ganjam, puri, srikakulam, kakinada = 388, 387, 542, 686
    assert {ganjam, puri, srikakulam, kakinada} <= districts


def test_links_reach_japans_partner_countries(dataset: Dataset) -> None:
    places = dict(zip(dataset.places["id"], dataset.places["country"], strict=True))
    ends = {places.get(ref, ref) for ref in (*dataset.links["from_ref"], *dataset.links["to_ref"])}
    assert {"JPN", "IND", "AUS", "VNM", "CAN"} <= ends


def test_every_record_cites_a_source(dataset: Dataset) -> None:
    for layer in (dataset.sites, dataset.zones, dataset.links, dataset.milestones):
        assert layer["sources"].map(len).min() >= 1
