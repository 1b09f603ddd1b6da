"""An organisation picked (from the search, a partner in the details, or sel=org:<id>): its
shown records outlined, its details with its records over time and its partners, its name in
the map's sentence; and the search that finds it by any of its names."""

from __future__ import annotations

import pytest

from dashboard.core.choices import Language
from dashboard.core.localize import localized
from dashboard.core.refs import Selection
from dashboard.core.scene import compose_scene
from dashboard.core.search import (
    SearchIndex,
    find,
    is_milestone,
    milestone_years,
    search_entries,
)
from dashboard.core.sources import source_catalog
from dashboard.core.url import decode, domain_of
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map.bounds import view_bounds
from dashboard.map.layer_data import layer_index
from dashboard.map.map_state import map_state
from dashboard.map.summary import map_summary
from dashboard.panels.details import describe

TOYOTA_TSUSHO = Selection("org", "org-toyota-tsusho")


def test_a_link_opens_an_organisation(real_world: World) -> None:
    view, ignored = decode({"sel": ["org:org-irel"]}, domain_of(real_world, 2026))
    assert view.selection == Selection("org", "org-irel")
    assert ignored == []
    assert decode({"sel": ["org:org-nobody"]}, domain_of(real_world, 2026))[1] == ["sel"]


def test_its_shown_records_are_outlined_for_the_year(real_world: World) -> None:
    view = View(2026, selection=TOYOTA_TSUSHO)
    scene = compose_scene(real_world, view)
    assert {"site:site-trei", "link:link-toyota-tsusho-trei"} <= scene.highlight
    assert "link:link-pensana-longonjo-trei" in scene.highlight  # TREI's Angolan feed
    index = layer_index(real_world)
    state = map_state(scene, index, view_bounds(real_world, view.map_view))
    highlight = state["highlight"]
    assert isinstance(highlight, list)
    assert ["sites", index.sites["site-trei"]] in highlight
    # Before TREI existed, nothing of it is outlined.
    assert (
        "site:site-trei"
        not in compose_scene(real_world, View(2005, selection=TOYOTA_TSUSHO)).highlight
    )


def test_its_details_list_its_records_over_time_and_its_partners(real_world: World) -> None:
    view = View(2026, selection=TOYOTA_TSUSHO)
    scene = compose_scene(real_world, view)
    details = describe(
        TOYOTA_TSUSHO, scene, real_world, source_catalog(real_world.dataset, Language.EN)
    )
    assert details is not None
    assert details.title == "Toyota Tsusho Corporation"
    records, partners = details.sections
    years = [int(e.title[:4]) for e in records.entries if e.title[:4].isdigit()]
    assert years == sorted(years)
    assert any("Toyotsu Rare Earths India" in e.title for e in records.entries)
    assert "org:org-trei" in {e.ref for e in partners.entries}
    assert "Toyota Tsusho Corporation" in map_summary(scene, real_world)


@pytest.mark.parametrize("typed", ["豊田", "Toyotsu", "Toyota Tsusho", "TTC"])
def test_any_of_its_names_finds_it_in_either_language(real_world: World, typed: str) -> None:
    for language in Language:
        other = next(o for o in Language if o is not language)
        entries = search_entries(
            localized(real_world, language), localized(real_world, other), language
        )
        found = [e.ref for e in find(SearchIndex(entries), typed).entries]
        assert "org:org-toyota-tsusho" in found, (language, typed)


def test_a_milestone_result_moves_the_year_and_selects_what_it_concerns(
    real_world: World,
) -> None:
    entries = search_entries(real_world, localized(real_world, Language.JA), Language.EN)
    years = milestone_years(entries)
    year, target = years["milestone:ms-2009-trei-established"]
    assert year == 2009
    assert target == "site:site-trei"
    assert is_milestone("milestone:ms-2009-trei-established")
    assert not is_milestone("site:site-trei")
