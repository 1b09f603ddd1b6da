"""Currency: the data say when they were last reviewed against the sources (review.csv, one
row), and that date is not older than anything the data record. A reader who sees "reviewed
on" can then trust that nothing newer in the folder escaped the review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dashboard.data import schema
from dashboard.data.changelog import CHANGELOG_FILE, read_changelog
from dashboard.data.records import Checked
from dashboard.data.schema import PartialDate, TableSpec


@dataclass(frozen=True)
class Dated:
    """The newest dated thing in one file: its date, the file and the record's label."""

    date: PartialDate
    file: str
    label: str

    def __str__(self) -> str:
        return f"{self.file} {self.label} ({self.date})"


# The dated events a reader sees on the map and in the timeline.
EVENT_DATES: tuple[tuple[TableSpec, tuple[str, ...]], ...] = (
    (schema.MILESTONES, ("date", "end_date")),
    (schema.SITE_STATUS, ("date",)),
)


def newest(
    checked: Checked,
    dates: tuple[tuple[TableSpec, tuple[str, ...]], ...],
    today: dt.date = dt.date.max,
) -> Dated | None:
    """The record with the latest date among ``dates`` (files and their date fields), judged by
    the first day each date covers: a record dated only "2026" is not newer than a review in
    December 2026. Dates after ``today`` are left out (years.py reports them)."""
    found = [
        Dated(value, spec.file, record.label)
        for spec, names in dates
        for record in checked.of(spec)
        for name in names
        if isinstance(value := record.get(name), PartialDate) and value.earliest() <= today
    ]
    return max(found, key=lambda d: (d.date.earliest(), d.file, d.label), default=None)


def check(checked: Checked, folder: Path, today: dt.date) -> None:
    """One review row, not in the future, and not older than the newest event, source or
    changelog section; every changelog heading dated."""
    changes, problems = read_changelog(folder)
    for line, message in problems:
        checked.add(CHANGELOG_FILE, f"line {line}", "heading", message)
    spec = schema.REVIEW
    rows = checked.of(spec)
    if spec.file in checked.unreadable:
        return
    if len(rows) != 1:
        checked.add(spec, "-", "reviewed", f"must hold exactly one row, not {len(rows)}")
        return
    review = rows[0]
    reviewed = review.get("reviewed")
    if not isinstance(reviewed, PartialDate):
        return
    if reviewed.day is None:
        checked.add(spec, review, "reviewed", f"{reviewed} must be a day (YYYY-MM-DD)")
        return
    if reviewed.earliest() > today:
        checked.add(spec, review, "reviewed", f"{reviewed} is in the future")
    latest = newest(checked, (*EVENT_DATES, (schema.SOURCES, ("date",))), today)
    if latest is not None and latest.date.earliest() > reviewed.earliest():
        checked.add(
            spec,
            review,
            "reviewed",
            f"{reviewed} is older than the newest record, {latest}: review the data against "
            "the sources and set the date of that review",
        )
    newest_change = max((change.date for change in changes), default=None)
    if newest_change is not None and newest_change > reviewed.earliest():
        checked.add(
            spec,
            review,
            "reviewed",
            f"{reviewed} is older than the newest section of {CHANGELOG_FILE} ({newest_change})",
        )
