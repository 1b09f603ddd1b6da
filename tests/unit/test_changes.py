"""What changed between two years: records that appeared, changed status or ended from the
start of the comparison year, with their dated steps, at the view's evidence level; the link
that carries it, the map's marks, the sentence, the list and the CSV."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.core.changes import ChangeKind, changes_between
from dashboard.core.choices import EvidenceLevel, Language
from dashboard.core.scene import compose_scene
from dashboard.core.sources import source_catalog
from dashboard.core.url import Domain, decode, encode
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map.bounds import view_bounds
from dashboard.map.layer_data import layer_index
from dashboard.map.map_state import map_state
from dashboard.map.summary import map_summary
from dashboard.panels.changes import changes_markdown
from dashboard.panels.downloads import csv_tables

DOMAIN = Domain(1980, 2026)


def test_the_comparison_travels_in_the_link() -> None:
    view = View(2026, since=2018)
    params = encode(view, DOMAIN)
    assert params["since"] == "2018"
    assert decode({k: [v] for k, v in params.items()}, DOMAIN)[0] == view


@pytest.mark.parametrize(
    "query",
    [
        {"since": ["2027"], "year": ["2026"]},  # after the year shown
        {"since": ["1980"]},  # the year before it is not on the timeline
        {"since": ["2019"], "year": ["all"]},  # nothing to compare all years with
        {"since": ["abc"]},
    ],
)
def test_a_comparison_that_cannot_be_made_is_dropped_and_said(query: dict) -> None:
    view, ignored = decode(query, DOMAIN)
    assert view.since is None
    assert "since" in ignored


def test_a_comparison_ends_where_the_year_shown_is(good_world: World) -> None:
    assert changes_between(good_world, View(2020)) == ()
    assert changes_between(good_world, View(None, since=2010)) == ()
    changes = changes_between(good_world, View(2020, since=2000))
    assert changes
    assert all(c.kind in ChangeKind for c in changes)


def test_a_step_in_the_comparison_year_itself_counts(real_world: World) -> None:
    (srikurmam,) = [
        c
        for c in changes_between(real_world, View(2026, since=2018))
        if c.ref == "site:site-srikurmam-bhavanapadu"
    ]
    assert srikurmam.kind is ChangeKind.CHANGED
    assert (srikurmam.before, srikurmam.after) == ("operating", "lease_ended")
    assert [(s.date, s.what) for s in srikurmam.steps] == [
        ("2018", "suspended"),
        ("2019", "lease_ended"),
    ]
    later = changes_between(real_world, View(2026, since=2020))
    assert "site:site-srikurmam-bhavanapadu" not in {c.ref for c in later}


def test_the_evidence_level_applies_to_records_and_steps(real_world: World) -> None:
    everything = changes_between(real_world, View(2026, since=2018))
    verified = changes_between(real_world, View(2026, since=2018, evidence=EvidenceLevel.VERIFIED))
    assert len(verified) < len(everything)
    grades = real_world.dataset.site_status.set_index("id")["evidence"]
    statuses = real_world.dataset.site_status
    for change in verified:
        for step in change.steps:
            if step.what not in ("started", "ended"):
                rows = statuses[
                    (statuses["site_id"] == change.ref.removeprefix("site:"))
                    & (statuses["status"] == step.what)
                ]
                assert (grades[rows["id"]] == "verified").any()


def test_the_map_marks_each_change_it_can_draw(real_world: World) -> None:
    view = View(2026, since=2018)
    scene = compose_scene(real_world, view)
    index = layer_index(real_world)
    state = map_state(scene, index, view_bounds(real_world, view.map_view))
    changes = state["changes"]
    assert isinstance(changes, list)
    marks = {(layer, position): kind for layer, position, kind in changes}
    assert marks[("sites", index.sites["site-srikurmam-bhavanapadu"])] == "changed"
    assert marks[("links", index.links["link-forge-jpn-ind"])] == "appeared"
    assert (
        map_state(compose_scene(real_world, View(2026)), index, ((0, 0), (1, 1)))["changes"] == []
    )


@pytest.mark.parametrize("language", list(Language))
def test_the_sentence_and_the_list_say_it_in_the_language(
    real_world: World, language: Language
) -> None:
    view = View(2026, since=2018, language=language)
    scene = compose_scene(real_world, view)
    sentence = map_summary(scene, real_world)
    listed = changes_markdown(
        scene.changes, 2018, 2026, source_catalog(real_world.dataset, language), language
    )
    if language is Language.JA:
        assert "2018年との比較" in sentence
        assert "2018年から2026年までの変化" in listed
        assert "2018年：" in listed
    else:
        assert "Compared with 2018" in sentence
        assert "What changed from 2018 to 2026" in listed
        assert "2018: Suspended" in listed
    assert "↻" in listed


def test_the_csv_carries_the_changes_with_their_steps(real_world: World) -> None:
    tables = csv_tables(compose_scene(real_world, View(2026, since=2018)), real_world)
    changes = tables["changes-2018-2026.csv"]
    assert changes.splitlines()[0] == (
        "ref,name,change,status_before,status_after,step_date,step,sources"
    )
    assert "site:site-srikurmam-bhavanapadu" in changes
    assert ",2019,lease_ended," in changes
    assert "changes-2018-2026.csv" not in csv_tables(
        compose_scene(real_world, replace(View(2026), since=None)), real_world
    )
