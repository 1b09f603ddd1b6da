"""Time: years and dates lie between 1900 and today (a planned link may look ahead), every
period ends after it starts, a link's status agrees with its end year, and a site's statuses
follow one another within the site's own years."""

from __future__ import annotations

import datetime as dt

from dashboard.data import schema
from dashboard.data.records import Checked, Record
from dashboard.data.schema import PartialDate

EARLIEST_YEAR = 1900
# Links and statuses marked 'planned' may name a future year, within reason.
PLANNED_HORIZON_YEARS = 30


def check(checked: Checked, today: dt.date) -> None:
    """Years lie between the earliest year the data covers and today (planned records a few years
    beyond) and end after they start; an ended link has an end year, an active one none; dated
    records (milestones, import shares, dated statuses) are not in the future and end after
    they start."""
    for spec in (schema.SITES, schema.SITE_STATUS, schema.ZONE_DEFINITIONS, schema.LINKS):
        for record in checked.of(spec):
            start, end = record.get("start_year"), record.get("end_year")
            planned = record.get("status") == "planned"
            latest = today.year + (PLANNED_HORIZON_YEARS if planned else 0)
            for name, year in (("start_year", start), ("end_year", end)):
                if isinstance(year, int) and not EARLIEST_YEAR <= year <= latest:
                    checked.add(spec, record, name, _out_of_range(year, latest, planned))
            if isinstance(start, int) and isinstance(end, int) and end < start:
                checked.add(spec, record, "end_year", f"{end} is before start_year {start}")
    for record in checked.of(schema.LINKS):
        status, end = record.get("status"), record.get("end_year")
        if status == "ended" and end is None:
            checked.add(schema.LINKS, record, "end_year", "is required when status is ended")
        if status == "active" and end is not None:
            checked.add(schema.LINKS, record, "end_year", "must be empty while status is active")
    for spec, start_name, end_name in (
        (schema.MILESTONES, "date", "end_date"),
        (schema.IMPORT_SHARE, "start", "end"),
        (schema.SITE_STATUS, "date", ""),  # no end: a status lasts until the next
    ):
        for record in checked.of(spec):
            start, end = record.get(start_name), record.get(end_name)
            for name, value in ((start_name, start), (end_name, end)):
                if isinstance(value, PartialDate) and value.earliest() > today:
                    checked.add(spec, record, name, f"{value} is in the future")
            if (
                isinstance(start, PartialDate)
                and isinstance(end, PartialDate)
                and end.earliest() < start.earliest()
            ):
                checked.add(spec, record, end_name, f"{end} is before {start_name} {start}")


def check_site_status(checked: Checked) -> None:
    """A site's statuses follow one another: listed in order, not overlapping, within the
    years the site itself exists. Two may begin in one year when their dates order them (a
    block offered, then won, in the same year)."""
    spec = schema.SITE_STATUS
    sites = {str(r["id"]): r for r in checked.of(schema.SITES) if r.get("id")}
    previous: dict[str, Record] = {}
    for record in checked.of(spec):
        site_id, start, end = (
            record.get("site_id"),
            record.get("start_year"),
            record.get("end_year"),
        )
        if not isinstance(site_id, str):
            continue
        site = sites.get(site_id)
        if site is None:
            if schema.SITES.file not in checked.unreadable:
                checked.add(spec, record, "site_id", f"{site_id!r} is not a site in sites.geojson")
            continue
        if not isinstance(start, int):
            continue
        first, last = site.get("start_year"), site.get("end_year")
        if isinstance(first, int) and start < first:
            checked.add(
                spec, record, "start_year", f"{start} is before the site's start_year {first}"
            )
        if isinstance(last, int):
            for name, year in (("start_year", start), ("end_year", end)):
                if isinstance(year, int) and year > last:
                    checked.add(spec, record, name, f"{year} is after the site's end_year {last}")
        before = previous.get(site_id)
        previous[site_id] = record
        if before is None:
            continue
        before_start, before_end = before.integer("start_year"), before.integer("end_year")
        if before_start is None:
            continue
        if start == before_start and _dated_after(record, before):
            continue
        if start <= before_start:
            checked.add(
                spec,
                record,
                "start_year",
                f"{start} is not after the start of {before.label} ({before_start}): list a "
                "site's statuses in the order they happened",
            )
        elif isinstance(before_end, int) and start <= before_end:
            checked.add(
                spec,
                record,
                "start_year",
                f"{start} overlaps {before.label} ({before_start}–{before_end})",
            )


def _dated_after(record: Record, before: Record) -> bool:
    date, before_date = record.get("date"), before.get("date")
    return (
        isinstance(date, PartialDate)
        and isinstance(before_date, PartialDate)
        and date.earliest() > before_date.earliest()
    )


def _out_of_range(year: int, latest: int, planned: bool) -> str:
    limit = f"{latest} for a planned link" if planned else f"this year, {latest}"
    return f"{year} is outside {EARLIEST_YEAR} to {limit}"
