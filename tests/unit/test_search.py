"""The search's matching, on the server: what a reader types finds the records whose text
holds every word of it, however the reader's keyboard wrote it, best matches first, and only
a few of them are sent to the page."""

from __future__ import annotations

from dashboard.core.search import RESULTS_SHOWN, Entry, SearchIndex, find, folded


def index(*labels: str) -> SearchIndex:
    return SearchIndex([Entry(f"site:s{n}", label) for n, label in enumerate(labels)])


def labels(found_in: SearchIndex, typed: str) -> list[str]:
    return [e.label for e in find(found_in, typed).entries]


def test_every_word_typed_must_be_in_the_text_in_any_order() -> None:
    sites = index("Toyota Tsusho Corporation", "Toyota Motor", "Tsusho Holdings")
    assert labels(sites, "tsusho toyota") == ["Toyota Tsusho Corporation"]
    assert labels(sites, "  TOYOTA ") == ["Toyota Tsusho Corporation", "Toyota Motor"]


def test_full_width_letters_and_half_width_katakana_find_their_common_forms() -> None:
    sites = index("IREL (India) Limited", "モナザイト処理プラント")
    assert folded("ＩＲＥＬ") == "irel"
    assert labels(sites, "ＩＲＥＬ") == ["IREL (India) Limited"]
    assert labels(sites, "ﾓﾅｻﾞｲﾄ") == ["モナザイト処理プラント"]


def test_a_text_beginning_with_the_query_comes_first_then_a_word_beginning_with_it() -> None:
    sites = index("Kalinganagar steel", "Sands at Ganjam", "Ganjam (Odisha)")
    assert labels(sites, "ganjam") == ["Ganjam (Odisha)", "Sands at Ganjam"]
    assert labels(sites, "gan") == ["Ganjam (Odisha)", "Sands at Ganjam", "Kalinganagar steel"]


def test_within_a_rank_the_index_keeps_its_order() -> None:
    sites = index("Puri", "Purba", "Purulia")
    assert labels(sites, "pur") == ["Puri", "Purba", "Purulia"]


def test_only_the_first_few_are_sent_with_the_count_of_all() -> None:
    sites = index(*(f"Site {n}" for n in range(1000)))
    found = find(sites, "site")
    assert len(found.entries) == RESULTS_SHOWN
    assert found.total == 1000


def test_nothing_typed_or_nothing_matching_finds_nothing() -> None:
    sites = index("Puri")
    assert find(sites, "   ").total == 0
    assert find(sites, "Khordha").entries == ()
