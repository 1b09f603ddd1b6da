"""How current the data are: the line under the title, the changelog read as dated sections,
and the feed built from it, Atom an analyst can subscribe to (well-formed, one entry per
section, stable ids, text kept as text)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pandas as pd
from starlette.requests import Request

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.data.changelog import Change, parse_changelog, read_changelog
from dashboard.panels.changes_feed import ATOM, atom_feed, entry_id
from dashboard.panels.currency import as_of_markdown
from dashboard.paths import GEODATA_DIR
from dashboard.routes import feed_response

NS = {"a": ATOM}
CHANGELOG = """# Changes to the data

Intro text, not a section.

## 2026-12-02: the map as of today

- `link-msp-jpn-ind` ended in 2026.

## 2026-11-25: Japanese

- Every text in Japanese.
"""


def test_sections_are_read_with_their_dates_titles_and_text() -> None:
    changes, problems = parse_changelog(CHANGELOG)
    assert problems == []
    assert [(c.date, c.title) for c in changes] == [
        (dt.date(2026, 12, 2), "the map as of today"),
        (dt.date(2026, 11, 25), "Japanese"),
    ]
    assert changes[0].body == "- `link-msp-jpn-ind` ended in 2026."


def test_a_heading_without_a_date_is_a_problem_with_its_line() -> None:
    changes, problems = parse_changelog("## Japanese\n\ntext\n\n## 2026-13-01: x\n")
    assert changes == []
    assert problems == [
        (1, "a section heading must read '## YYYY-MM-DD: title'"),
        (5, "2026-13-01 is not a calendar date"),
    ]


def feed_of(changes: list[Change], language: Language = Language.EN) -> ET.Element:
    return ET.fromstring(atom_feed(changes, "/changes.atom", "/", language))


def test_the_feed_has_one_entry_per_section_newest_first() -> None:
    changes, _ = parse_changelog(CHANGELOG)
    feed = feed_of(list(reversed(changes)))
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == [
        "2026-12-02: the map as of today",
        "2026-11-25: Japanese",
    ]
    assert feed.findtext("a:updated", namespaces=NS) == "2026-12-02T00:00:00Z"
    assert entries[0].findtext("a:updated", namespaces=NS) == "2026-12-02T00:00:00Z"
    assert entries[0].findtext("a:content", namespaces=NS) == changes[0].body
    assert feed.find("a:link[@rel='self']", NS).get("href") == "/changes.atom"  # type: ignore[union-attr]


def test_every_element_atom_requires_is_there() -> None:
    changes, _ = parse_changelog(CHANGELOG)
    feed = feed_of(changes)
    for name in ("id", "title", "updated", "author/a:name"):
        assert feed.findtext(f"a:{name}", namespaces=NS), name
    for entry in feed.findall("a:entry", NS):
        for name in ("id", "title", "updated"):
            assert entry.findtext(f"a:{name}", namespaces=NS), name
    ids = [e.findtext("a:id", namespaces=NS) for e in feed.findall("a:entry", NS)]
    assert len(set(ids)) == len(ids)


def test_entry_ids_do_not_change_from_one_build_to_the_next() -> None:
    change = Change(dt.date(2026, 12, 2), "the map as of today", "body")
    assert entry_id(change) == entry_id(Change(change.date, change.title, "another body"))
    assert entry_id(change).startswith("urn:uuid:")


def test_hostile_text_stays_text() -> None:
    hostile = Change(dt.date(2026, 1, 1), "<script>alert(1)</script> & co", "</content><x/>")
    feed = feed_of([hostile])
    entry = feed.find("a:entry", NS)
    assert entry is not None
    assert entry.findtext("a:title", namespaces=NS) == "2026-01-01: <script>alert(1)</script> & co"
    assert entry.findtext("a:content", namespaces=NS) == "</content><x/>"
    assert entry.find("a:content", NS).get("type") == "text"  # type: ignore[union-attr]


def test_the_feed_speaks_the_asked_language() -> None:
    feed = feed_of([], Language.JA)
    assert feed.findtext("a:title", namespaces=NS) == text("feed_title", Language.JA)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ja"


def feed_request(query: str = "") -> Request:
    return Request(
        {
            "type": "http",
            "method": "GET",
            "path": "/minerals/changes.atom",
            "query_string": query.encode("ascii"),
            "headers": [(b"host", b"example.org")],
        }
    )


def test_the_route_serves_the_real_changelog_as_atom() -> None:
    response = feed_response(feed_request("lang=ja"), GEODATA_DIR, "minerals")
    assert response.status_code == 200
    assert response.media_type == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.body)
    changes, problems = read_changelog(GEODATA_DIR)
    assert problems == []
    assert len(feed.findall("a:entry", NS)) == len(changes) >= 2
    assert feed.find("a:link[@rel='self']", NS).get("href") == (  # type: ignore[union-attr]
        "/minerals/changes.atom?lang=ja"
    )
    assert feed.find("a:link[@rel='alternate']", NS).get("href") == "/minerals/"  # type: ignore[union-attr]


def test_the_as_of_line_names_both_dates_and_links_the_feed() -> None:
    review = pd.DataFrame([{"reviewed": "2026-12-02", "newest": "2026-11-29"}])
    assert as_of_markdown(review, Language.EN, "/minerals/changes.atom") == (
        "Data reviewed against the sources on 2026\\-12\\-02\\; newest event 2026\\-11\\-29\\. "
        "[Changes to the data \\(Atom feed\\)](/minerals/changes.atom)"
    )
    japanese = as_of_markdown(review, Language.JA, "/changes.atom")
    assert japanese.startswith(
        "データは2026年12月2日に出典と照合済みです（最新の出来事：2026年11月29日）。["
    )
    assert japanese.endswith("](/changes.atom)")
