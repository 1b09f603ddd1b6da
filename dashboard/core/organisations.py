"""Where an organisation appears: every record that names it in a role field
(schema.ORG_ROLES), the organisations it stands with on a partner link, and the sites, zones
and links of a view it is part of (which the map outlines when the organisation is picked).

A site's status steps name organisations too (who offered a block, who won it): a site counts
as an organisation's when the site or one of its steps names it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.refs import ref
from dashboard.data import schema
from dashboard.data.dataset import Dataset

# The dataset's frames that name organisations, with their record kind and role fields.
_ROLE_FRAMES = (
    ("sites", "site", schema.SITES),
    ("site_status", "status", schema.SITE_STATUS),
    ("places", "place", schema.PLACES),
    ("zones", "zone", schema.ZONE_DEFINITIONS),
    ("links", "link", schema.LINKS),
    ("milestones", "milestone", schema.MILESTONES),
)


@dataclass(frozen=True)
class Involvement:
    """One record naming the organisation: in which roles, and when."""

    kind: str  # site, status, place, zone, link or milestone
    id: str
    name: str
    roles: tuple[str, ...]  # role field names, e.g. ("operator_ids",)
    year: int | None  # when it began (a milestone's year, a step's start), None if unknown
    evidence: str
    status: str | None = None  # for a site's step: the status it took (its name is the site's)


def _roles(spec: schema.TableSpec) -> tuple[str, ...]:
    return dict(schema.ORG_ROLES)[spec]


def involvements(dataset: Dataset, org_id: str) -> list[Involvement]:
    """Every record that names ``org_id``, earliest first (unknown years last)."""
    found: list[Involvement] = []
    site_names = dict(zip(dataset.sites["id"], dataset.sites["name"], strict=True))
    for frame_name, kind, spec in _ROLE_FRAMES:
        frame = getattr(dataset, frame_name)
        roles = _roles(spec)
        for row in frame.itertuples():
            named = tuple(role for role in roles if org_id in getattr(row, role))
            if not named:
                continue
            year = getattr(row, "year" if kind == "milestone" else "start_year", None)
            step = kind == "status"
            found.append(
                Involvement(
                    kind,
                    row.id,
                    str(site_names[row.site_id] if step else row.name),
                    named,
                    None if year is None or pd.isna(year) else int(year),
                    row.evidence,
                    row.status if step else None,
                )
            )
    return sorted(found, key=lambda i: (i.year is None, i.year or 0))


def partners(dataset: Dataset, org_id: str) -> list[str]:
    """The organisations on the other end of its partner links, or with it in one, most
    often first."""
    counts: dict[str, int] = {}
    for link in dataset.links.itertuples():
        ends = (set(link.from_party_ids), set(link.to_party_ids), set(link.party_ids))
        if not any(org_id in end for end in ends):
            continue
        others = set().union(*ends) - {org_id}
        for other in others:
            counts[other] = counts.get(other, 0) + 1
    return sorted(counts, key=lambda other: (-counts[other], other))


def highlighted_refs(
    dataset: Dataset, org_id: str, shown: dict[str, pd.DataFrame]
) -> frozenset[str]:
    """References of the shown sites, zones and links (``shown`` by kind: site, zone, link)
    that name the organisation."""
    named = {(i.kind, i.id) for i in involvements(dataset, org_id)}
    statuses = dataset.site_status.set_index("id")["site_id"]
    named |= {("site", str(statuses[key])) for kind, key in named if kind == "status"}
    return frozenset(
        ref(kind, key)
        for kind, frame in shown.items()
        for key in frame["id"]
        if (kind, key) in named
    )
