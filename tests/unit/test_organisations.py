"""Organisations: names found in a text the way a reader would find them (the longest name
first, Latin names as whole words, Japanese names anywhere), parent cycles found once each, and
the organisations frame loaded with its lists as tuples and its texts localized."""

import pytest

from dashboard.core.choices import Language
from dashboard.core.localize import localized
from dashboard.core.world import World
from dashboard.data.checks.organisations import name_matcher, parent_cycles
from dashboard.data.dataset import Dataset

MATCHER = name_matcher(
    {
        "org-irel": ("IREL (India) Limited", "IREL", "IREL (India) Ltd", "IRE", "IREL（インド）社"),
        "org-irel-idcol": ("IREL-IDCOL Limited", "IREL-IDCOL Ltd", "IREL-IDCOL社"),
        "org-toyota-tsusho": ("Toyota Tsusho Corp.", "Toyota Tsusho", "豊田通商"),
        "org-toyota-motor": ("Toyota Motor Corp.", "Toyota", "トヨタ"),
        "org-trei": ("TREI", "Toyotsu Rare Earths India Pvt Ltd"),
        "org-amd": ("AMD", "原子力鉱物探査研究局（AMD）"),
    }
)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("IREL (India) Ltd", [("IREL (India) Ltd", "org-irel")]),
        ("IREL-IDCOL Ltd", [("IREL-IDCOL Ltd", "org-irel-idcol")]),  # not also IREL
        ("IREL-IDCOL社", [("IREL-IDCOL社", "org-irel-idcol")]),
        ("IRELのOSCOM", [("IREL", "org-irel")]),  # a Japanese letter ends a Latin word
        ("IREL's plant", [("IREL", "org-irel")]),
        ("IRENE and FIRE", []),  # IRE only as a whole word
        ("Toyota Tsusho Corp.", [("Toyota Tsusho Corp.", "org-toyota-tsusho")]),
        (
            "Toyotsu Rare Earths India Pvt Ltd (Toyota Tsusho Corp.)",
            [
                ("Toyotsu Rare Earths India Pvt Ltd", "org-trei"),
                ("Toyota Tsusho Corp.", "org-toyota-tsusho"),
            ],
        ),
        ("豊田通商のTREI", [("豊田通商", "org-toyota-tsusho"), ("TREI", "org-trei")]),
        ("AMD; APMDC", [("AMD", "org-amd")]),
        (
            "原子力鉱物探査研究局（AMD）海浜砂・沖合調査グループ",
            [("原子力鉱物探査研究局（AMD）", "org-amd")],
        ),
        ("toyota tsusho", []),  # names are matched as written
        ("", []),
    ],
)
def test_a_text_names_the_organisations_a_reader_would_find(
    text: str, named: list[tuple[str, str]]
) -> None:
    assert MATCHER.named(text) == named


def test_each_parent_cycle_is_found_once_from_its_smallest_id() -> None:
    parents = {
        "org-c": ["org-a"],
        "org-a": ["org-b"],
        "org-b": ["org-c", "org-d"],
        "org-d": [],
        "org-e": ["org-e"],
        "org-f": ["org-a"],  # leads into the cycle without being on it
    }
    assert parent_cycles(parents) == [("org-a", "org-b", "org-c"), ("org-e",)]


def test_a_tree_with_shared_parents_has_no_cycle() -> None:
    parents = {
        "org-kabil": ["org-nalco", "org-hcl"],
        "org-nalco": ["org-mom"],
        "org-hcl": ["org-mom"],
    }
    assert parent_cycles(parents) == []


def test_organisations_are_loaded_with_lists_as_tuples(good: Dataset) -> None:
    organisations = good.organisations.set_index("id")
    mines = organisations.loc["org-ministry-of-mines-india"]
    assert mines["parent"] == ("org-government-of-india",)
    assert mines["aliases"] == ("Mines Ministry",)
    assert mines["aliases_ja"] == ("鉱山省",)
    assert organisations.loc["org-vinmir-resources", "aliases_ja"] == ()
    assert organisations.loc["org-irel", "website"] is None


def test_the_records_carry_their_organisations_by_role(good: Dataset) -> None:
    sites = good.sites.set_index("id")
    assert sites.loc["site-oscom", "operator_ids"] == ("org-irel",)
    assert sites.loc["site-oscom", "owner_ids"] == ()
    assert sites.loc["site-salepali-graphite-block", "winner_ids"] == ("org-vinmir-resources",)
    links = good.links.set_index("id")
    assert links.loc["link-jpn-ind-2012", "from_party_ids"] == ("org-government-of-japan",)
    assert links.loc["link-jpn-ind-2012", "to_party_ids"] == ("org-government-of-india",)


def test_a_japanese_reader_sees_names_in_japanese_and_keeps_both_alias_lists(
    good_world: World,
) -> None:
    japanese = localized(good_world, Language.JA).dataset.organisations.set_index("id")
    mines = japanese.loc["org-ministry-of-mines-india"]
    assert mines["name"] == "インド鉱山省"
    assert mines["description"] == "重要鉱物の鉱区の入札を実施している。"
    assert mines["aliases"] == ("Mines Ministry",)
    assert mines["aliases_ja"] == ("鉱山省",)
