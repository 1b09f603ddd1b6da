"""Notes that some values require: the evidence behind a claim or a dispute, the town that
stands in for a site, the brief's own words."""

from __future__ import annotations

from dashboard.data import schema
from dashboard.data.records import Checked


def check(checked: Checked) -> None:
    """A record graded claimed or disputed explains why in ``evidence_note``; a town proxy says
    which town in ``location_note``."""
    for spec in schema.CURATED:
        for record in checked.of(spec):
            if record.get("evidence") in ("claimed", "disputed") and not record.get(
                "evidence_note"
            ):
                checked.add(
                    spec,
                    record,
                    "evidence_note",
                    f"is required when evidence is {record['evidence']}",
                )
            if record.get("location_precision") == "town_proxy" and not record.get("location_note"):
                checked.add(
                    spec, record, "location_note", "must name the town standing in for the site"
                )
    for record in checked.of(schema.MILESTONES):
        if record.get("origin") in schema.BRIEF_ORIGINS and not record.get("brief_text"):
            checked.add(schema.MILESTONES, record, "brief_text", "must quote the brief")
