"""What changed between two years: each site, zone and link that appeared, changed status or
ended from the start of the "compare with" year (``View.since``) to the view's year, with the
dated steps in between and their sources.

"Since 2018" means since the start of 2018: the state before is the one that held in 2017,
so a step taken in 2018 itself (a lease suspended that year) is one of the changes. The
evidence level applies to the records and to each step, as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

import pandas as pd

from dashboard.core.filters import by_evidence, existing_in_year, links_in_year, site_status_in_year
from dashboard.core.refs import ref
from dashboard.core.view import View
from dashboard.core.world import World


class ChangeKind(Enum):
    """How a record differs between the two years."""

    APPEARED = "appeared"
    CHANGED = "changed"
    ENDED = "ended"


# The sign of each kind of change, wherever it is shown (the map, the list, a picture): a
# glyph, so the kinds differ by more than colour.
SIGNS = {ChangeKind.APPEARED: "+", ChangeKind.CHANGED: "↻", ChangeKind.ENDED: "×"}


@dataclass(frozen=True)
class Step:
    """One dated step of a record within the period: a status it took, its start or its end."""

    date: str  # as precisely as the sources give it: 2019, 2019-03 or 2019-03-29
    what: str  # a status value, or "started" / "ended"
    sources: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Change:
    """A record that appeared, changed status or ended between the two years."""

    ref: str  # site:..., zone:..., link:...
    name: str
    kind: ChangeKind
    before: str | None  # its status in the year before ``since`` (None if it did not exist)
    after: str | None  # its status in the view's year (None if it no longer exists)
    steps: tuple[Step, ...]


def changes_between(world: World, view: View) -> tuple[Change, ...]:
    """The changes from the start of ``view.since`` to ``view.year``; none without both."""
    if view.since is None or view.year is None or view.since > view.year:
        return ()
    before = replace(view, year=view.since - 1)
    return (
        *_site_changes(world, before, view),
        *_zone_changes(world, before, view),
        *_link_changes(world, before, view),
    )


def _period(view: View, year: object) -> bool:
    """Whether a year (possibly missing) falls from the start of ``since`` to ``year``."""
    if year is None or pd.isna(year):
        return False
    return (view.since or 0) <= int(year) <= (view.year or 0)  # type: ignore[call-overload]


def _site_changes(world: World, before: View, after: View) -> list[Change]:
    dataset = world.dataset
    then = site_status_in_year(existing_in_year(dataset.sites, before), dataset.site_status, before)
    now = site_status_in_year(existing_in_year(dataset.sites, after), dataset.site_status, after)
    then_status = dict(zip(then["id"], then["status_in_year"], strict=True))
    now_status = dict(zip(now["id"], now["status_in_year"], strict=True))
    statuses = by_evidence(dataset.site_status, after)
    changes = []
    for site in by_evidence(dataset.sites, after).itertuples():
        steps = [
            Step(row.date or str(row.start_year), row.status, row.sources, row.description)
            for row in statuses[statuses["site_id"] == site.id].itertuples()
            if _period(after, row.start_year)
        ]
        steps += _life_steps(site.start_year, site.end_year, site.sources, after)
        kind = _kind(site.id in then_status, site.id in now_status)
        if kind is None and then_status.get(site.id) != now_status.get(site.id):
            kind = ChangeKind.CHANGED
        if kind is not None:
            changes.append(
                Change(
                    ref("site", site.id),
                    site.name,
                    kind,
                    then_status.get(site.id),
                    now_status.get(site.id),
                    tuple(sorted(steps, key=lambda s: s.date)),
                )
            )
    return changes


def _zone_changes(world: World, before: View, after: View) -> list[Change]:
    zones = world.dataset.zones
    then = set(existing_in_year(zones, before)["id"])
    now = set(existing_in_year(zones, after)["id"])
    changes = []
    for zone in by_evidence(zones, after).itertuples():
        kind = _kind(zone.id in then, zone.id in now)
        if kind is not None:
            steps = tuple(_life_steps(zone.start_year, zone.end_year, zone.sources, after))
            changes.append(Change(ref("zone", zone.id), zone.name, kind, None, None, steps))
    return changes


def _link_changes(world: World, before: View, after: View) -> list[Change]:
    links = world.dataset.links
    then = links_in_year(links, before).set_index("id")["status_in_year"].to_dict()
    now = links_in_year(links, after).set_index("id")["status_in_year"].to_dict()
    changes = []
    for link in by_evidence(links, after).itertuples():
        kind = _kind(link.id in then, link.id in now)
        if kind is None and then.get(link.id) != now.get(link.id):
            kind = ChangeKind.CHANGED
        if kind is None:
            continue
        steps = _life_steps(link.start_year, link.end_year, link.sources, after)
        changes.append(
            Change(
                ref("link", link.id),
                link.name,
                kind,
                then.get(link.id),
                now.get(link.id),
                tuple(steps),
            )
        )
    return changes


def _kind(existed: bool, exists: bool) -> ChangeKind | None:
    if exists and not existed:
        return ChangeKind.APPEARED
    if existed and not exists:
        return ChangeKind.ENDED
    return None


def _life_steps(start: object, end: object, sources: tuple[str, ...], view: View) -> list[Step]:
    """A record's start and end, where they fall in the period (cited by the record's sources)."""
    return [
        Step(str(int(year)), what, sources)  # type: ignore[call-overload]
        for year, what in ((start, "started"), (end, "ended"))
        if _period(view, year)
    ]
