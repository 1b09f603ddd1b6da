"""The committed dataset validates clean, is complete where the brief and the research base
say it must be, and its zones are exactly what their definitions build."""

import pytest

from dashboard.core.filters import site_status_in_year
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.data.boundaries import Boundaries
from dashboard.data.build_zones import zones_text
from dashboard.data.dataset import Dataset
from dashboard.data.validate import check_folder
from dashboard.map.layer_data import layer_document
from dashboard.paths import GEODATA_DIR

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
def dataset(real_world: World) -> Dataset:
    return real_world.dataset


def test_the_dataset_validates_clean(boundaries: Boundaries) -> None:
    assert [str(p) for p in check_folder(GEODATA_DIR, boundaries).problems] == []


def test_zones_file_is_what_the_definitions_build(boundaries: Boundaries) -> None:
    checked = check_folder(GEODATA_DIR, boundaries)
    committed = (GEODATA_DIR / "zones.geojson").read_text(encoding="utf-8")
    assert zones_text(checked, boundaries) == committed


@pytest.mark.parametrize("line", list(BRIEF_KEY_FACTS))
def test_every_key_fact_of_the_brief_is_present_with_its_grade(line: str, dataset: Dataset) -> None:
    brief = dataset.milestones[dataset.milestones["origin"] == "brief_key_fact"]
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
    ganjam, puri, srikakulam, kakinada = 354, 369, 519, 746
    assert {ganjam, puri, srikakulam, kakinada} <= districts


def test_links_reach_japans_partner_countries(dataset: Dataset) -> None:
    places = dict(zip(dataset.places["id"], dataset.places["country"], strict=True))
    ends = {places.get(ref, ref) for ref in (*dataset.links["from_ref"], *dataset.links["to_ref"])}
    assert {"JPN", "IND", "AUS", "VNM", "CAN"} <= ends


def test_every_record_cites_a_source(dataset: Dataset) -> None:
    for layer in (dataset.sites, dataset.zones, dataset.links, dataset.milestones):
        assert layer["sources"].map(len).min() >= 1


# Claims of the brief's body text, with the grade the evidence supports (the Key Facts are above).
BRIEF_BODY_CLAIMS = {
    "India and Japan signed a Memorandum to strengthen collaboration": "verified",
    "India holds sizeable reserves of rare-earth elements": "verified",
    "Japan, meanwhile, relies heavily on imports": "verified",
    "the supply disruption of 2010": "verified",
    "In 2023, India's Ministry of Mines and Japan's Ministry of Economy": "disputed",
    "Since 2010, Japan has methodically developed ties": "verified",
    "Japanese officials describe the collaboration": "claimed",
    "METI and JOGMEC have already conducted technical assessments": "claimed",
    "Japanese commentary calls this not dependence": "claimed",
    "Both governments are mapping investment prospects": "claimed",
    "lists Japan as a preferred collaborator": "claimed",
    "Trading houses such as Sojitz and Mitsui": "claimed",
    "complements ongoing Quad initiatives": "verified",
}


@pytest.mark.parametrize("words", list(BRIEF_BODY_CLAIMS))
def test_every_claim_of_the_brief_body_is_graded(words: str, dataset: Dataset) -> None:
    body = dataset.milestones[dataset.milestones["origin"] == "brief_body"]
    normalise = str.maketrans({"’": "'", "‘": "'"})
    matches = body[body["brief_text"].map(lambda t: words in str(t).translate(normalise))]
    assert len(matches) == 1, words
    row = matches.iloc[0]
    assert row["evidence"] == BRIEF_BODY_CLAIMS[words]
    assert row["sources"][0] == "japancalling-brief"
    assert len(row["sources"]) >= 2


def test_srikurmam_changes_status_across_2019(dataset: Dataset) -> None:
    def status(year: int) -> str:
        sites = site_status_in_year(dataset.sites, dataset.site_status, View(year))
        return sites.set_index("id").at["site-srikurmam-bhavanapadu", "status_in_year"]

    assert [status(y) for y in (2017, 2018, 2019, 2026)] == [
        "operating",
        "suspended",
        "lease_ended",
        "lease_ended",
    ]


def test_corrected_years_and_districts(dataset: Dataset) -> None:
    sites = dataset.sites.set_index("id")
    statuses = dataset.site_status.set_index("id")
    # The monazite plant produced from 2015, TREI from 2016: earlier dates were forecasts.
    assert statuses.at["status-mopp-operating", "start_year"] == 2015
    assert statuses.at["status-trei-operating", "start_year"] == 2016
    anakapalli, visakhapatnam = 744, 520
    assert sites.at["site-irel-repm-plant", "district_lgd"] == (anakapalli,)
    assert sites.at["site-trei", "district_lgd"] == (visakhapatnam,)
    assert "670" not in sites.at["site-kalingapatnam", "description"]  # Gara's figures


def test_the_rushikulya_belt_reaches_the_river_mouth(dataset: Dataset) -> None:
    belt = dataset.zones.set_index("id").at["zone-gopalpur-rushikulya-belt", "geometry"]
    mouth = dataset.places.set_index("id").at["place-rushikulya-mouth", "geometry"]
    assert belt.bounds[2] >= mouth.x - 0.005  # reaches about 85.07° E


def test_a_claim_is_never_drawn_as_a_mapped_zone(real_world: World) -> None:
    """A claimed or disputed zone has no outline, or one the map draws dotted without a fill."""
    zones = real_world.dataset.zones
    claims = set(zones.loc[zones["evidence"].isin(("claimed", "disputed")), "id"])
    assert "zone-rare-earth-corridor-andhra-pradesh" in claims  # officials disagree on its extent
    drawn = layer_document(real_world)["zones"]["features"]  # type: ignore[index]
    for feature in drawn:
        properties = feature["properties"]
        assert properties["claimed"] == (properties["ref"].removeprefix("zone:") in claims)
