"""Figures: production and reserves are not negative, shares are percentages, and every
country named exists on the map."""

from __future__ import annotations

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.records import Checked


def check(checked: Checked, boundaries: Boundaries) -> None:
    """Production figures name a country on the map and are not negative; import shares lie between
    0 and 100 per cent."""
    countries = set(boundaries.world["iso_a3"])
    for record in checked.of(schema.PRODUCTION):
        iso = record.get("iso_a3")
        if iso and iso not in countries:
            checked.add(schema.PRODUCTION, record, "iso_a3", f"{iso!r} is not in world.geojson")
        for name in schema.PRODUCTION_COLUMNS:
            value = record.get(name)
            if isinstance(value, int) and value < 0:
                checked.add(schema.PRODUCTION, record, name, "cannot be negative")
    for record in checked.of(schema.IMPORT_SHARE):
        share = record.get("share_pct")
        if isinstance(share, float) and not 0 <= share <= 100:
            checked.add(schema.IMPORT_SHARE, record, "share_pct", f"{share:g} is not a percentage")
