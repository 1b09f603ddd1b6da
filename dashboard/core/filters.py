"""What the user has chosen to see: a year (or all years) and how much evidence to require.

Every function here takes a layer and the filters and returns the part of the layer that
exists in that year, so the map, the counts, the milestones and the details always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pandas as pd


class EvidenceLevel(Enum):
    """How sure a record must be to be shown; each level includes the ones above it."""

    VERIFIED = "verified"
    REPORTED = "reported"
    ALL = "all"


GRADES_SHOWN = {
    EvidenceLevel.VERIFIED: ("verified",),
    EvidenceLevel.REPORTED: ("verified", "reported"),
    EvidenceLevel.ALL: ("verified", "reported", "claimed", "disputed"),
}


@dataclass(frozen=True)
class Filters:
    year: int | None = None  # None: all years, every record as of its latest source
    evidence: EvidenceLevel = EvidenceLevel.ALL


def by_evidence(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    return frame[frame["evidence"].isin(GRADES_SHOWN[filters.evidence])]


def existing_in_year(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Records whose [start_year, end_year] span contains the year; an empty start means the
    record predates the timeline (or its start is unknown) and is always shown."""
    shown = by_evidence(frame, filters)
    if filters.year is None:
        return shown
    started = shown["start_year"].isna() | (shown["start_year"] <= filters.year)
    not_ended = shown["end_year"].isna() | (shown["end_year"] >= filters.year)
    return shown[(started & not_ended).fillna(False).astype(bool)]


def site_status_in_year(
    sites: pd.DataFrame, statuses: pd.DataFrame, filters: Filters
) -> pd.DataFrame:
    """Sites with ``status_in_year`` (the status that held in the year, the latest for all
    years; None where the site's history, at this evidence level, does not cover the year)
    and ``status_id``, the history entry it comes from."""
    rows = by_evidence(statuses, filters)
    if filters.year is not None:
        year = filters.year
        covers = (rows["start_year"] <= year) & (
            rows["end_year"].isna() | (rows["end_year"] >= year)
        )
        rows = rows[covers.fillna(False).astype(bool)]
    latest = rows.sort_values("start_year", kind="stable").groupby("site_id").tail(1)
    latest = latest.set_index("site_id")
    return sites.assign(
        status_in_year=_mapped(sites["id"], latest["status"]),
        status_id=_mapped(sites["id"], latest["id"]),
    )


def _mapped(keys: pd.Series, values: pd.Series) -> pd.Series:
    """``keys`` looked up in ``values``, with None (not NaN) where a key has no value."""
    found = keys.map(values)
    return found.astype(object).where(found.notna(), None)


def links_in_year(links: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Links that have begun by the year, each with ``status_in_year``: the latest status once
    its end year is reached, 'active' before that (a planned link stays 'planned')."""
    shown = by_evidence(links, filters)
    if filters.year is None:
        return shown.assign(status_in_year=shown["status"])
    shown = shown[shown["start_year"] <= filters.year]
    reached_end = shown["end_year"].notna() & (shown["end_year"] <= filters.year)
    keeps_status = reached_end.fillna(False).astype(bool) | (shown["status"] == "planned")
    return shown.assign(status_in_year=shown["status"].where(keeps_status, "active"))


def milestones_in_view(milestones: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """All milestones that meet the evidence level, with ``upcoming`` marking those after the
    selected year: they stay listed, visibly 'not yet'."""
    shown = by_evidence(milestones, filters)
    upcoming = shown["year"] > filters.year if filters.year is not None else False
    return shown.assign(upcoming=upcoming)


def year_span(start: object, end: object) -> str:
    """'2011–2014', '2011–' while running, '2018' within one year, '' when the start is
    unknown."""
    if pd.isna(start):
        return ""
    if pd.isna(end):
        return f"{start}–"
    return str(start) if start == end else f"{start}–{end}"
