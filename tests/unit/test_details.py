"""The details panel: what a district, site, zone or link shows, and that it is escaped."""

from dataclasses import replace

import pandas as pd
import pytest

from dashboard.core.choices import Language
from dashboard.core.refs import Selection
from dashboard.core.scene import Scene, compose_scene
from dashboard.core.sources import source_catalog
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.data.boundaries import Boundaries
from dashboard.panels.details import Details, describe, district_list
from dashboard.panels.details_markdown import details_markdown


@pytest.fixture
def at_2020(good_world: World) -> Scene:
    return compose_scene(good_world, View(2020))


def details(ref: str, scene: Scene, world: World) -> Details:
    kind, key = ref.split(":", 1)
    result = describe(
        Selection(kind, key), scene, world, source_catalog(world.dataset, Language.EN)
    )
    assert result is not None
    return result


def test_a_district_lists_its_facts_sites_zones_links_and_milestones(
    at_2020: Scene, good_world: World
) -> None:
    ganjam = details("district:lgd-354", at_2020, good_world)
    assert ganjam.title == "Ganjam"
    facts = dict(ganjam.facts)
    assert facts["State"] == "Odisha"
    assert facts["LGD code"] == "354"
    assert facts["Census 2011 district code"] == "388"
    assert ganjam.sources[0].title.startswith("All Districts Of India")
    assert facts["Area"].endswith("km²")
    sections = {s.title: s for s in ganjam.sections}
    assert [e.title for e in sections["Sites in this district"].entries] == [
        "IREL Odisha Sands Complex (OSCOM)"
    ]
    assert sections["Sites in this district"].entries[0].sources[0].title.startswith("IREL")
    assert len(sections["Zones touching this district"].entries) == 2
    assert [e.title for e in sections["Partner links"].entries] == ["OSCOM output to Japan"]


def test_a_site_shows_its_location_caveat_and_sources(at_2020: Scene, good_world: World) -> None:
    oscom = details("site:site-oscom", at_2020, good_world)
    facts = dict(oscom.facts)
    assert facts["Location"].startswith("Town proxy (not the site itself): Chhatrapur")
    assert oscom.evidence == "disputed"
    assert oscom.evidence_note == "Start year: 1984 or 1986."
    url = oscom.sources[0].url
    assert url is not None
    assert url.startswith("https://www.business-standard.com/")


def test_a_record_outside_the_year_says_so(good_world: World) -> None:
    scene = compose_scene(good_world, View(1980))
    assert not details("site:site-oscom", scene, good_world).shown
    assert details("zone:zone-coast", scene, good_world).shown is False


def test_a_link_names_its_ends_and_its_status_in_the_year(
    at_2020: Scene, good_world: World
) -> None:
    link = details("link:link-jpn-ind-2012", at_2020, good_world)
    facts = dict(link.facts)
    assert facts["Status"] == "Active"
    assert facts["Location"] == "From Japan to India"
    milestones = {s.title: s for s in link.sections}["Milestones"].entries
    assert [m.title for m in milestones] == ["2012-11-16: India-Japan rare-earth MoU"]


def test_unknown_records_have_no_details(at_2020: Scene, good_world: World) -> None:
    catalog = source_catalog(good_world.dataset, Language.EN)
    assert describe(Selection("site", "site-nowhere"), at_2020, good_world, catalog) is None
    assert describe(Selection("district", "lgd-999"), at_2020, good_world, catalog) is None


def test_the_markdown_escapes_data_and_links_sources(at_2020: Scene, good_world: World) -> None:
    oscom = details("site:site-oscom", at_2020, good_world)
    hostile = Details(**{**oscom.__dict__, "description": "[x](javascript:alert(1)) <b>"})
    text = details_markdown(hostile, Language.EN)
    assert "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\<b\\>" in text
    assert "](https://www.business-standard.com/" in text
    assert ":red-badge[Disputed]" in text


def test_sites_in_a_district_cite_their_sources(at_2020: Scene, good_world: World) -> None:
    text = details_markdown(details("district:lgd-354", at_2020, good_world), Language.EN)
    assert (
        "\n    - [IREL chalks out Rs 138 cr expansion plan](https://www.business-standard" in text
    )


def test_a_whole_state_is_named_not_listed(boundaries: Boundaries) -> None:
    odisha = tuple(
        boundaries.districts.loc[boundaries.districts["state"] == "Odisha", "district_lgd"]
    )
    districts = boundaries.districts.assign(state_name=boundaries.districts["state"])
    assert district_list((*odisha, 519), districts, Language.EN) == (
        "Srikakulam; all of Odisha (30 districts)"
    )


def test_a_long_list_of_sites_is_cut_with_a_count(at_2020: Scene, good_world: World) -> None:
    oscom = at_2020.sites[at_2020.sites["id"] == "site-oscom"]
    many = pd.concat([oscom] * 60, ignore_index=True)
    scene = replace(at_2020, sites=many.assign(id=[f"s-{i}" for i in range(60)]))
    ganjam = details("district:lgd-354", scene, good_world)
    sites = {s.title: s for s in ganjam.sections}["Sites in this district"]
    assert (len(sites.entries), sites.more) == (50, 10)
    assert "and 10 more" in details_markdown(ganjam, Language.EN)


def test_a_district_formed_in_2022_has_no_census_code(at_2020: Scene, good_world: World) -> None:
    anakapalli = details("district:lgd-744", at_2020, good_world)
    facts = dict(anakapalli.facts)
    assert facts["LGD code"] == "744"
    assert facts["Census 2011 district code"] == "none (formed after 2011)"
    assert facts["About the codes"] == "Formed on 4 Apr 2022; no Census 2011 code."
    assert [s.publisher for s in anakapalli.sources] == [
        "The Hans India",
        "ARTPARK, IISc (dsih-artpark/acestor), from the LGD portal export",
    ]


def test_a_site_shows_its_status_in_the_year_and_its_history(good_world: World) -> None:
    scene = compose_scene(good_world, View(2020))
    oscom = details("site:site-oscom", scene, good_world)
    assert dict(oscom.facts)["Status in 2020"] == "Operating (1984–)"
    history = {s.title: s for s in oscom.sections}["Status over time"].entries
    assert [(e.title, e.upcoming) for e in history] == [("1984– Operating", False)]
    assert history[0].sources[0].title.startswith("IREL chalks out")


def test_a_block_shows_what_an_investor_asks_and_its_dated_steps(good_world: World) -> None:
    scene = compose_scene(good_world, View(2025))
    block = details("site:site-salepali-graphite-block", scene, good_world)
    facts = dict(block.facts)
    assert block.subtitle == "Mineral block (auction or licence)"
    assert facts["Minerals"] == "Graphite"
    assert facts["Offered in"] == "Tranche V of the Centre's critical-mineral auctions"
    assert facts["Licence"] == "Mining lease"
    assert facts["Area"] == "1,223 ha"
    assert facts["Winner"] == "Vinmir Resources"
    assert facts["Status in 2025"] == "Preferred bidder named (2025-05-27)"
    history = {s.title: s for s in block.sections}["Status over time"].entries
    assert [e.title for e in history] == [
        "2025-01 Offered for auction",
        "2025-05-27 Preferred bidder named",
    ]


def test_a_block_is_counted_in_its_district(good_world: World) -> None:
    districts = compose_scene(good_world, View(2025)).districts.set_index("district_lgd")
    assert districts.at[345, "block_count"] == 1
    assert districts.at[345, "site_count"] == 1
    assert compose_scene(good_world, View(2024)).districts["block_count"].sum() == 0
