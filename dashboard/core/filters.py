"""What exists in the chosen year at the chosen evidence level.

Every function here takes a layer and the View and returns the part of the layer that exists
in that year, so the map, the counts, the milestones and the details always agree.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.view import View


def by_evidence(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    """The records graded at least as surely as the view's evidence level asks."""
    return frame[frame["evidence"].isin(view.evidence.grades)]


def _spans(frame: pd.DataFrame, year: int) -> pd.Series:
    """Whether each record's [start_year, end_year] contains the year; an empty start or end
    is open."""
    started = frame["start_year"].isna() | (frame["start_year"] <= year)
    not_ended = frame["end_year"].isna() | (frame["end_year"] >= year)
    return (started & not_ended).fillna(False).astype(bool)


def existing_in_year(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    """Records whose years contain the view's year; an empty start means the record predates
    the timeline (or its start is unknown) and is always shown."""
    shown = by_evidence(frame, view)
    return shown if view.year is None else shown[_spans(shown, view.year)]


def site_status_in_year(sites: pd.DataFrame, statuses: pd.DataFrame, view: View) -> pd.DataFrame:
    """Sites with ``status_in_year`` (the status that held in the year, the latest for all
    years; None where the site's history, at this evidence level, does not cover the year)
    and ``status_id``, the history entry it comes from."""
    rows = by_evidence(statuses, view)
    if view.year is not None:
        rows = rows[rows["start_year"].notna() & _spans(rows, view.year)]
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


def links_in_year(links: pd.DataFrame, view: View) -> pd.DataFrame:
    """Links that have begun by the year, each with ``status_in_year``: the latest status once
    its end year is reached, 'active' before that (a planned link stays 'planned')."""
    shown = by_evidence(links, view)
    if view.year is None:
        return shown.assign(status_in_year=shown["status"])
    shown = shown[shown["start_year"] <= view.year]
    reached_end = shown["end_year"].notna() & (shown["end_year"] <= view.year)
    keeps_status = reached_end.fillna(False).astype(bool) | (shown["status"] == "planned")
    return shown.assign(status_in_year=shown["status"].where(keeps_status, "active"))


def milestones_in_view(milestones: pd.DataFrame, view: View) -> pd.DataFrame:
    """All milestones that meet the evidence level, with ``upcoming`` marking those after the
    selected year: they stay listed, visibly 'not yet'."""
    shown = by_evidence(milestones, view)
    upcoming = shown["year"] > view.year if view.year is not None else False
    return shown.assign(upcoming=upcoming)
