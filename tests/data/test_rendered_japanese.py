"""The Japanese page as a reader reads it: every details panel (each district, site, zone,
link and organisation), every milestone of the timeline, the changes list and the context
lists, rendered in Japanese, with no half-width punctuation beside a Japanese character and
no English word outside proper names and cited titles."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from dashboard.core.choices import Language
from dashboard.core.localize import localized
from dashboard.core.refs import Selection, district_ref, parse_ref
from dashboard.core.scene import compose_scene
from dashboard.core.sources import source_catalog
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.data.checks.japanese import HALF_WIDTH
from dashboard.panels.changes import changes_markdown
from dashboard.panels.context import (
    group_shares_markdown,
    import_share_markdown,
    production_markdown,
    production_table,
)
from dashboard.panels.details import describe
from dashboard.panels.details_markdown import details_markdown
from dashboard.panels.milestones import milestone_markdown

JA = Language.JA
# A Markdown link's text (a cited title, in its own language) and its address; an escaped
# character; a badge's directive.
_LINK = re.compile(r"\[((?:\\.|[^\]])*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\(.)")
_BADGE = re.compile(r":[a-z]+-badge\[")
# An English word a Japanese reader should not meet: lower-case Latin letters (a proper name
# or a code starts with a capital, or is written in capitals).
_ENGLISH = re.compile(r"(?<![A-Za-z0-9./_-])[a-z]{3,}(?![A-Za-z0-9./_-])")
# An official name in its own language, given in brackets after the Japanese
# （Mines and Minerals (Development and Regulation) Amendment Bill）: a name, not prose.
_ORIGINAL_NAME = re.compile(r"（[A-Z][^（）]*）")


@pytest.fixture(scope="module")
def world(real_world: World) -> World:
    return localized(real_world, JA)


def readable(markdown: str, names: list[str] = ()) -> str:  # type: ignore[assignment]
    """What a reader reads outside cited titles and names: link texts (titles) and
    addresses removed, escapes resolved, then each of ``names`` removed."""
    text = _BADGE.sub("[", _ESCAPE.sub(r"\1", _LINK.sub("", markdown)))
    for name in names:
        text = text.replace(name, "")
    return _ORIGINAL_NAME.sub("", text)


def proper_names(world: World) -> list[str]:
    """Cited titles (shown unlinked when they have no address) and publishers: names a
    Japanese page keeps in their own letters. Longest first, so no part is left behind."""
    sources = world.dataset.sources
    names = {str(v) for column in ("title", "publisher") for v in sources[column] if v}
    return sorted(names, key=len, reverse=True)


def panels(world: World) -> Iterator[tuple[str, str]]:
    catalog = source_catalog(world.dataset, JA)
    dataset = world.dataset
    refs = [district_ref(code) for code in world.boundaries.districts["district_lgd"]]
    refs += [f"site:{key}" for key in dataset.sites["id"]]
    refs += [f"zone:{key}" for key in dataset.zones["id"]]
    refs += [f"link:{key}" for key in dataset.links["id"]]
    refs += [f"org:{key}" for key in dataset.organisations["id"]]
    for ref in refs:
        selection = parse_ref(ref)
        assert isinstance(selection, Selection)
        view = View(2026, selection=selection, language=JA)
        details = describe(selection, compose_scene(world, view), world, catalog)
        assert details is not None, ref
        yield ref, details_markdown(details, JA)
    for row in dataset.milestones.itertuples():
        yield row.id, milestone_markdown(dataset.milestones.loc[row.Index], catalog, JA)
    scene = compose_scene(world, View(2026, since=2010, language=JA))
    yield "changes", changes_markdown(scene.changes, 2010, 2026, catalog, JA)
    table = production_table(dataset)
    yield "shares", group_shares_markdown(table, JA)
    yield "production", production_markdown(table, JA)
    yield "imports", import_share_markdown(dataset.import_share, catalog, JA)


def test_no_half_width_punctuation_beside_japanese(world: World) -> None:
    names = proper_names(world)
    found = [
        f"{ref}: …{text[max(0, m.start() - 15) : m.end() + 15]}…"
        for ref, markdown in panels(world)
        for text in [readable(markdown, names)]
        for m in HALF_WIDTH.finditer(text)
    ]
    assert found == []


def test_no_english_word_outside_names_and_titles(world: World) -> None:
    names = proper_names(world)
    found = sorted(
        {
            f"{word} ({ref})"
            for ref, markdown in panels(world)
            for word in _ENGLISH.findall(readable(markdown, names))
        }
    )
    assert found == []
