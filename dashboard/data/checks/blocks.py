"""Blocks: a critical-mineral block put up for auction or exploration licence carries what an
investor asks first (minerals, tranche, kind of licence, area, winner), and its statuses tell
a possible story: offered, then no bids or annulled (and offered again) or a preferred bidder,
a letter of intent, the grant, each dated. Other sites use none of these fields or steps."""

from __future__ import annotations

from dashboard.data import schema
from dashboard.data.records import Checked, Record
from dashboard.data.schema import PartialDate


def check(checked: Checked) -> None:
    """Block fields only on blocks and the required ones present; each block's statuses follow
    schema.BLOCK_STEPS, each dated within its year, and a won block names its winner."""
    sites = {str(r["id"]): r for r in checked.of(schema.SITES) if r.get("id")}
    for site in sites.values():
        _check_fields(checked, site)
    histories: dict[str, list[Record]] = {}
    for record in checked.of(schema.SITE_STATUS):
        owner = sites.get(record.text("site_id") or "")
        if owner is not None and record.text("status"):
            histories.setdefault(str(owner["id"]), []).append(record)
    for site_id, history in histories.items():
        if sites[site_id].get("kind") == "block":
            _check_steps(checked, sites[site_id], history)
        else:
            for record in history:
                if record["status"] in schema.BLOCK_STATUSES:
                    checked.add(
                        schema.SITE_STATUS,
                        record,
                        "status",
                        f"{record['status']!r} is a block's step, but {site_id} is a "
                        f"{sites[site_id].get('kind')}",
                    )


def _check_fields(checked: Checked, site: Record) -> None:
    spec = schema.SITES
    if site.get("kind") == "block":
        for name in schema.BLOCK_REQUIRED:
            if site.get(name) is None and not checked.reported(spec, site, name):
                checked.add(spec, site, name, "is required for a block")
        return
    for name in schema.BLOCK_FIELDS:
        if site.get(name) is not None:
            checked.add(spec, site, name, f"is for blocks only, not a {site.get('kind')}")


def _check_steps(checked: Checked, site: Record, history: list[Record]) -> None:
    spec = schema.SITE_STATUS
    previous: str | None = None
    won = False
    for record in history:
        status = str(record["status"])
        allowed = schema.BLOCK_STEPS.get(previous, ())
        if status not in allowed:
            after = f"after {previous!r}" if previous else "first"
            checked.add(
                spec,
                record,
                "status",
                f"{status!r} cannot come {after} in a block's history (may be: "
                f"{', '.join(allowed) or 'nothing'})",
            )
        if status in schema.BLOCK_STATUSES:
            date, start = record.get("date"), record.get("start_year")
            if date is None:
                checked.add(spec, record, "date", "is required for a block's step")
            elif isinstance(date, PartialDate) and isinstance(start, int) and date.year != start:
                checked.add(spec, record, "date", f"{date} is not in start_year {start}")
        won = won or status in schema.WON_STATUSES
        # Steps of a working site after the grant follow their own order (years.py).
        previous = status if status in schema.BLOCK_STEPS else "granted"
    if won and site.get("winner") is None:
        checked.add(
            schema.SITES,
            site,
            "winner",
            "is required once a block has a preferred bidder: name the winner",
        )
