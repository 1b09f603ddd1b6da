"""Organisations: every id a record gives in a role field (schema.ORG_ROLES) is in
organisations.csv; an organisation's id has its prefix, its parents exist and form no cycle, its
country is on the map, and no two organisations share a name. A site whose operator or winner
text names a known organisation must also list it in a role field, so the words a reader sees
and the ids the app follows agree."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.records import Checked, Record
from dashboard.data.schema import Kind, companion

# The texts of a site that name its operator or its winner, in every language.
NAMING_FIELDS = tuple(
    name
    for base in ("operator", "winner")
    for name in (base, *(companion(base, language) for language in schema.COMPANIONS))
)
# The columns of organisations.csv that name an organisation, in every language.
NAME_FIELDS = tuple(
    name
    for base in ("name", "aliases")
    for name in (base, *(companion(base, language) for language in schema.COMPANIONS))
)
# Of those, the lists of names (the aliases) as opposed to single names.
_NAME_LISTS = frozenset(
    f.name
    for f in schema.ORGANISATIONS.fields
    if f.name in NAME_FIELDS and f.kind is Kind.TEXT_LIST
)
# Scripts written without spaces between words (kana, kanji, full-width forms): a name
# containing them is found anywhere in a text. Any other name is found only as a whole word,
# so "IRE" is not read inside "IREL" nor "Toyota" inside "Toyota Tsusho".
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
_WORD = "A-Za-z0-9"


@dataclass(frozen=True)
class NameMatcher:
    """Every name and alias of the organisations, longest first, each with the organisation it
    names: a longer name is matched before the shorter names inside it."""

    patterns: tuple[tuple[str, str, re.Pattern[str]], ...]  # (name, organisation id, pattern)

    def named(self, text: str) -> list[tuple[str, str]]:
        """The organisations a text names, as (the name as written, organisation id), in the
        order they appear; a span of text names at most one organisation."""
        taken = [False] * len(text)
        found: list[tuple[int, str, str]] = []
        for name, org, pattern in self.patterns:
            if name not in text:  # the pattern matches the name itself: a cheap first test
                continue
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(taken[start:end]):
                    continue
                taken[start:end] = [True] * (end - start)
                found.append((start, name, org))
        return [(name, org) for _, name, org in sorted(found)]


def name_matcher(names: Mapping[str, Iterable[str]]) -> NameMatcher:
    """A matcher for the names and aliases of each organisation id (``names``)."""
    pairs = {(name, org) for org, forms in names.items() for name in forms if name}
    ordered = sorted(pairs, key=lambda pair: (-len(pair[0]), pair))
    return NameMatcher(tuple((name, org, _pattern(name)) for name, org in ordered))


def _pattern(name: str) -> re.Pattern[str]:
    if _UNSPACED.search(name):
        return re.compile(re.escape(name))
    return re.compile(rf"(?<![{_WORD}]){re.escape(name)}(?![{_WORD}])")


def names_of(record: Record) -> tuple[str, ...]:
    """An organisation's name and aliases in every language."""
    return tuple(name for field in NAME_FIELDS for name in _names(record, field))


def _names(record: Record, field: str) -> tuple[str, ...]:
    """The names one column of an organisation holds: a name, or a list of aliases."""
    if field in _NAME_LISTS:
        return record.texts(field)
    name = record.text(field)
    return (name,) if name else ()


def check(checked: Checked, boundaries: Boundaries) -> None:
    """Report references to unknown organisations, broken parents and countries, shared names,
    and sites whose operator or winner text names an organisation their role fields omit."""
    spec = schema.ORGANISATIONS
    if spec.file in checked.unreadable:
        return
    organisations = {str(r["id"]): r for r in checked.of(spec) if r.text("id")}
    _check_ids_and_countries(checked, set(boundaries.world["iso_a3"]))
    _check_parents(checked, organisations)
    _check_shared_names(checked)
    _check_roles(checked, set(organisations))
    matcher = name_matcher({org: names_of(r) for org, r in organisations.items()})
    _check_named(checked, matcher)


def _check_ids_and_countries(checked: Checked, countries: set[str]) -> None:
    spec = schema.ORGANISATIONS
    for record in checked.of(spec):
        org = record.text("id")
        if org and not org.startswith(schema.ORG_ID_PREFIX):
            checked.add(
                spec, record, "id", f"an organisation's id starts with {schema.ORG_ID_PREFIX!r}"
            )
        country = record.text("country")
        if country and country not in countries:
            checked.add(spec, record, "country", f"{country!r} is not in world.geojson")


def _check_parents(checked: Checked, organisations: dict[str, Record]) -> None:
    spec = schema.ORGANISATIONS
    for record in checked.of(spec):
        for parent in record.texts("parent"):
            if parent not in organisations:
                checked.add(spec, record, "parent", f"{parent!r} is not in organisations.csv")
    parents = {
        org: [p for p in record.texts("parent") if p in organisations]
        for org, record in organisations.items()
    }
    for cycle in parent_cycles(parents):
        path = " -> ".join((*cycle, cycle[0]))
        message = f"the parents form a cycle ({path}): an organisation cannot be its own ancestor"
        checked.add(spec, organisations[cycle[0]], "parent", message)


def parent_cycles(parents: Mapping[str, list[str]]) -> list[tuple[str, ...]]:
    """Each cycle of the parent graph once, starting at its smallest id: a depth-first walk
    that meets an organisation still on its path has closed a loop."""
    cycles: set[tuple[str, ...]] = set()
    done: set[str] = set()

    def walk(org: str, path: list[str]) -> None:
        if org in path:
            loop = path[path.index(org) :]
            first = loop.index(min(loop))
            cycles.add(tuple(loop[first:] + loop[:first]))
            return
        if org in done:
            return
        path.append(org)
        for parent in parents.get(org, ()):
            walk(parent, path)
        path.pop()
        done.add(org)

    for org in sorted(parents):
        walk(org, [])
    return sorted(cycles)


def _check_shared_names(checked: Checked) -> None:
    spec = schema.ORGANISATIONS
    owner: dict[str, str] = {}
    for record in checked.of(spec):
        org = record.text("id")
        if org is None:
            continue
        for field in NAME_FIELDS:
            for name in _names(record, field):
                other = owner.setdefault(name, org)
                if other != org:
                    message = (
                        f"{name!r} already names {other}: a name may name one organisation only"
                    )
                    checked.add(spec, record, field, message)


def _check_roles(checked: Checked, organisations: set[str]) -> None:
    for spec, roles in schema.ORG_ROLES:
        for record in checked.of(spec):
            for role in roles:
                for org in record.texts(role):
                    if org not in organisations:
                        checked.add(spec, record, role, f"{org!r} is not in organisations.csv")


def _check_named(checked: Checked, matcher: NameMatcher) -> None:
    spec = schema.SITES
    roles = dict(schema.ORG_ROLES)[spec]
    for record in checked.of(spec):
        listed = {org for role in roles for org in record.texts(role)}
        for field in NAMING_FIELDS:
            text = record.text(field)
            reported: set[str] = set()
            for name, org in matcher.named(text or ""):
                if org in listed or org in reported:
                    continue
                reported.add(org)
                checked.add(
                    spec,
                    record,
                    field,
                    f"names {name!r} ({org}), which none of {', '.join(roles)} lists: add it "
                    "to the field of its role",
                )
