"""One search over everything a reader may look for: districts, sites, zones, partner links,
organisations and milestones, by any of their names in either language.

Each entry is found by its text, which therefore carries the record's name in the page's
language, its other-language name and, for an organisation, every alias (typing 豊田,
Toyotsu or Toyota Tsusho finds the same company), then what kind of record it is. Entries
come grouped by kind, in the order of KINDS.

The matching runs here, on the server, and the page receives only the few best results: a
box holding every record as an option is drawn again, with all its options, at every run of
the page, which at 10,000 sites took most of a second per year step (bench/results.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dashboard.core.choices import Language
from dashboard.core.messages import date_text, label, text
from dashboard.core.refs import district_ref, ref
from dashboard.core.world import World

# The kinds in the order the results show them.
KINDS = ("district", "org", "site", "zone", "link", "milestone")
MILESTONE = "milestone"
# Results shown at once: enough for every match of a district's or a company's name, few
# enough to fit beside the map on a laptop's screen.
RESULTS_SHOWN = 8


@dataclass(frozen=True)
class Entry:
    """One search result: what choosing it selects (``ref``), the text it is found by and
    shown as, and for a milestone the year to show with the record it concerns (``ref`` is
    ``milestone:<id>``, not a selection)."""

    ref: str
    label: str
    year: int | None = None
    target: str | None = None


def search_entries(shown: World, other: World, language: Language) -> list[Entry]:
    """Every searchable record: ``shown`` is the world in the page's language, ``other`` in
    the other language (its names are searchable too)."""
    entries: list[Entry] = []
    for kind in KINDS:
        entries += sorted(_entries(kind, shown, other, language), key=lambda e: e.label.casefold())
    return entries


def _entries(kind: str, shown: World, other: World, language: Language) -> Iterable[Entry]:
    kind_name = label("record_kind", kind, language)
    if kind == "district":
        districts = shown.boundaries.districts
        others = dict(
            zip(districts["district_lgd"], other.boundaries.districts["district"], strict=True)
        )
        for row in districts.itertuples():
            name = text("district_option", language).format(
                district=row.district, state=row.state_name
            )
            names = [others[row.district_lgd]]
            yield Entry(district_ref(row.district_lgd), _text(name, names, kind_name, language))
        return
    if kind == MILESTONE:
        milestones = shown.dataset.milestones
        others = dict(
            zip(other.dataset.milestones["id"], other.dataset.milestones["name"], strict=True)
        )
        drawn = {*shown.dataset.sites["id"], *shown.dataset.zones["id"], *shown.dataset.links["id"]}
        for row in milestones.itertuples():
            related = next((r for r in row.related_ids if r in drawn), None)
            target = _ref_of(shown, related) if related else None
            name = f"{date_text(str(row.year), language)} {row.name}"
            option = _text(name, [others[row.id]], kind_name, language)
            yield Entry(ref(MILESTONE, row.id), option, int(row.year), target)
        return
    frame = getattr(shown.dataset, {"org": "organisations"}.get(kind, f"{kind}s"))
    other_frame = getattr(other.dataset, {"org": "organisations"}.get(kind, f"{kind}s"))
    others = dict(zip(other_frame["id"], other_frame["name"], strict=True))
    for row in frame.itertuples():
        extra = [others[row.id]]
        if kind == "org":
            extra += [*row.aliases, *_other_aliases(row)]
        yield Entry(ref(kind, row.id), _text(row.name, extra, kind_name, language))


def _other_aliases(row: object) -> list[str]:
    """Every non-English alias column of an organisation (aliases_ja, ...)."""
    return [
        alias
        for field, value in row._asdict().items()  # type: ignore[attr-defined]
        if field.startswith("aliases_") and isinstance(value, tuple)
        for alias in value
    ]


def _ref_of(world: World, key: str) -> str:
    for kind in ("site", "zone", "link"):
        if key in set(getattr(world.dataset, f"{kind}s")["id"]):
            return ref(kind, key)
    raise KeyError(key)


def _text(name: str, others: list[object], kind_name: str, language: Language) -> str:
    """The option's text: the name, then its other names (each once), then the kind."""
    extra = [str(o) for o in dict.fromkeys(others) if isinstance(o, str) and o and o != name]
    if not extra:
        return text("search_option", language).format(name=name, kind=kind_name)
    also = text("list_separator", language).join(extra)
    return text("search_option_aka", language).format(name=name, others=also, kind=kind_name)


def is_milestone(entry_ref: str | None) -> bool:
    """Whether a chosen option is a milestone (which moves the year, not the selection)."""
    return entry_ref is not None and entry_ref.startswith(f"{MILESTONE}:")


def milestone_years(entries: Iterable[Entry]) -> dict[str, tuple[int | None, str | None]]:
    """Each milestone option's year and the record to select with it."""
    return {e.ref: (e.year, e.target) for e in entries if is_milestone(e.ref)}


def folded(typed: str) -> str:
    """A text as it is compared: NFKC turns full-width Latin letters and digits and half-width
    katakana (as a Japanese keyboard may type them) into their common forms; case is folded."""
    return unicodedata.normalize("NFKC", typed).casefold()


@dataclass(frozen=True)
class SearchIndex:
    """The entries and their folded texts, folded once per dataset and language."""

    entries: Sequence[Entry]
    keys: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(folded(e.label) for e in self.entries))


@dataclass(frozen=True)
class Found:
    """The best matches of a query, and how many entries matched in all."""

    entries: tuple[Entry, ...]
    total: int


def find(index: SearchIndex, query: str, limit: int = RESULTS_SHOWN) -> Found:
    """The entries whose text holds every word of ``query``: first those whose text begins
    with the query, then those where it begins a word, then the rest; within each, in the
    index's order (by kind, then by name)."""
    whole = folded(query).strip()
    words = whole.split()
    if not words:
        return Found((), 0)
    starts_word = re.compile(rf"(?<![^\W_]){re.escape(words[0])}")
    longest, *others = sorted(words, key=len, reverse=True)
    # One plain test over every key first (100,000 keys in a few milliseconds), then the rest.
    holding = [p for p, key in enumerate(index.keys) if longest in key]
    matching = [p for p in holding if all(word in index.keys[p] for word in others)]
    ranked = sorted((_rank(index.keys[p], whole, starts_word), p) for p in matching)
    return Found(tuple(index.entries[p] for _, p in ranked[:limit]), len(ranked))


def _rank(key: str, whole: str, starts_word: re.Pattern[str]) -> int:
    """0 where the text begins with the query, 1 where the query begins one of its words."""
    if key.startswith(whole):
        return 0
    return 1 if starts_word.search(key) else 2
