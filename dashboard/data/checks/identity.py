"""Identity and references: ids are unique across all files, and every reference (a source,
a related record, a link's end, a place's country) points at something that exists."""

from __future__ import annotations

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.records import Checked


def check(checked: Checked, boundaries: Boundaries) -> None:
    """Report duplicate ids and every reference to nothing."""
    _check_unique_ids(checked)
    _check_references(checked, boundaries)


def _check_unique_ids(checked: Checked) -> None:
    seen: dict[str, str] = {}
    for spec in schema.CURATED:
        for record in checked.of(spec):
            record_id = record.get("id")
            if not isinstance(record_id, str):
                continue
            if record_id in seen:
                checked.add(
                    spec, record, "id", f"{record_id!r} is already used in {seen[record_id]}"
                )
            else:
                seen[record_id] = spec.file


def _check_references(checked: Checked, boundaries: Boundaries) -> None:
    if schema.SOURCES.file not in checked.unreadable:
        sources = checked.ids(schema.SOURCES)
        for spec in schema.CURATED:
            for record in checked.of(spec):
                for source in record.texts("sources"):
                    if source not in sources:
                        checked.add(spec, record, "sources", f"{source!r} is not in sources.csv")
    if not checked.unreadable:
        all_ids = set().union(*(checked.ids(s) for s in schema.CURATED))
        for record in checked.of(schema.MILESTONES):
            for related in record.texts("related_ids"):
                if related not in all_ids:
                    message = f"{related!r} is not a record id"
                    checked.add(schema.MILESTONES, record, "related_ids", message)
    countries = set(boundaries.world["iso_a3"])
    if not {schema.SITES.file, schema.PLACES.file} & checked.unreadable:
        _check_link_endpoints(checked, countries)
    for record in checked.of(schema.PLACES):
        country = record.get("country")
        if country and country not in countries:
            checked.add(schema.PLACES, record, "country", f"{country!r} is not in world.geojson")


def _check_link_endpoints(checked: Checked, countries: set[str]) -> None:
    # A site whose geometry is already reported broken is not reported again here.
    endpoints = {
        str(r["id"])
        for spec in (schema.SITES, schema.PLACES)
        for r in checked.of(spec)
        if r.get("id") and (r.geometry is not None or r.geometry_reported)
    }
    for record in checked.of(schema.LINKS):
        for name in ("from_ref", "to_ref"):
            ref = record.get(name)
            if ref and ref not in countries and ref not in endpoints:
                checked.add(
                    schema.LINKS,
                    record,
                    name,
                    f"{ref!r} is neither a country code in world.geojson nor a site or place "
                    "with a point",
                )
        if record.get("from_ref") and record.get("from_ref") == record.get("to_ref"):
            checked.add(schema.LINKS, record, "to_ref", "a link must join two different endpoints")
