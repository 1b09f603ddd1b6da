"""The map's summary says in words what the map shows: the year, the counts of what is drawn,
and the selected record, in the view's language."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from dashboard.core.choices import Language, Layer
from dashboard.core.localize import localized
from dashboard.core.refs import parse_ref
from dashboard.core.scene import compose_scene
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map.summary import map_summary


@pytest.fixture(scope="module")
def japanese(real_world: World) -> World:
    return localized(real_world, Language.JA)


def summary(world: World, view: View) -> tuple[str, int, int, int]:
    scene = compose_scene(world, view)
    return map_summary(scene, world), len(scene.sites), len(scene.zones), len(scene.links)


def test_it_names_the_year_the_counts_and_the_selection(real_world: World) -> None:
    view = View(year=2012, selection=parse_ref("district:lgd-354"))
    text, sites, zones, links = summary(real_world, view)
    assert text == (
        f"The map shows 2012: {sites} sites, {zones} investment zones, {links} partner links."
        " Selected: Ganjam."
    )


def test_one_of_a_kind_is_singular(good_world: World) -> None:
    singular = 0
    for year in range(1984, 2027):
        text, *counts = summary(good_world, View(year=year))
        for count, noun in zip(counts, ("site", "investment zone", "partner link"), strict=True):
            written = re.search(rf"(?<!\d){count} {noun}(s?)\b", text)
            assert written is not None, text
            assert written.group(1) == ("" if count == 1 else "s"), text
            singular += count == 1
    assert singular  # some year has exactly one of something


def test_only_the_layers_shown_are_counted(real_world: World) -> None:
    text, *_ = summary(real_world, View(year=2020, layers=frozenset({Layer.DISTRICTS})))
    assert text == "The map shows 2020: no layer shown."


def test_all_years_and_a_selection_the_year_does_not_show(real_world: World) -> None:
    text, *_ = summary(real_world, View(year=None))
    assert text.startswith("The map shows all years: ")
    hidden = View(year=2015, selection=parse_ref("site:site-irel-repm-plant"))  # from 2021
    assert "Selected" not in summary(real_world, hidden)[0]


def test_in_japanese(japanese: World) -> None:
    view = View(year=2012, selection=parse_ref("district:lgd-354"), language=Language.JA)
    text, sites, zones, links = summary(japanese, view)
    assert text == (
        f"2012年の地図：拠点{sites}件、投資ゾーン{zones}件、パートナーとの連携{links}件。"
        "選択中：ガンジャム県。"
    )
    assert summary(japanese, replace(view, year=None))[0].startswith("全期間の地図：")
