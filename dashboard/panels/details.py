"""Compose the details panel for a selection: facts, related records and their sources.

Pure functions over the Scene (what is shown for the chosen year and evidence level) and the
World (every record, for names and sources); ``details_markdown`` renders the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from dashboard.core.choices import Language
from dashboard.core.filters import by_evidence
from dashboard.core.messages import date_text, label, text, year_span
from dashboard.core.organisations import Involvement, involvements, partners
from dashboard.core.refs import Selection, ref
from dashboard.core.scene import Scene
from dashboard.core.sources import Catalog, Source, sources_of
from dashboard.core.world import World


@dataclass(frozen=True)
class Entry:
    """One record listed inside a section (a site in a district, a milestone of a link...)."""

    title: str
    detail: str
    evidence: str
    ref: str | None = None
    upcoming: bool = False
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Section:
    """A titled list of related records."""

    title: str
    entries: tuple[Entry, ...]
    more: int = 0  # entries left out of a long list


# A district may hold thousands of sites in a large dataset: list the first ones only.
MAX_ENTRIES = 50


@dataclass(frozen=True)
class Details:
    """What the panel shows for one selection; ``shown`` is False when the record exists but
    the year or evidence filter hides it."""

    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...] = ()
    description: str | None = None
    evidence: str | None = None
    evidence_note: str | None = None
    sources: tuple[Source, ...] = ()
    sections: tuple[Section, ...] = ()
    shown: bool = True


@dataclass(frozen=True)
class _Context:
    """What every part of a description looks things up in."""

    scene: Scene
    world: World
    catalog: Catalog

    @property
    def language(self) -> Language:
        """The view's language: data texts arrive in it already (core.localize)."""
        return self.scene.view.language


def describe(selection: Selection, scene: Scene, world: World, catalog: Catalog) -> Details | None:
    """The details of a district, site, zone or link; None for a record that does not exist.
    ``world`` is localized to the view's language, and the panel's own words follow it too."""
    context = _Context(scene, world, catalog)
    if selection.district_code is not None:
        return _district(selection.district_code, context)
    if selection.kind == "site":
        return _site(selection.key, context)
    if selection.kind == "zone":
        return _zone(selection.key, context)
    if selection.kind == "org":
        return _organisation(selection.key, context)
    return _link(selection.key, context)


# A lower-case English word: what a name in Latin letters (Toyota Tsusho, MoEF&CC) lacks.
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}")


def _optional(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _milestone_entries(milestones: pd.DataFrame, language: Language) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            title=text("colon_join", language).format(
                head=date_text(m.date, language), tail=m.name
            ),
            detail=label("milestone_kind", m.kind, language),
            evidence=m.evidence,
            upcoming=bool(m.upcoming),
        )
        for m in milestones.itertuples()
    )


def _site_entries(sites: pd.DataFrame, catalog: Catalog, language: Language) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            title=s.name,
            detail=text("detail_separator", language).join(
                part
                for part in (
                    label("site_kind", s.kind, language),
                    _optional(s.operator) or "",
                    year_span(s.start_year, s.end_year, language),
                )
                if part
            ),
            evidence=s.evidence,
            ref=ref("site", s.id),
            sources=sources_of(s.sources, catalog),
        )
        for s in sites.itertuples()
    )


def _link_entries(links: pd.DataFrame, context: _Context) -> tuple[Entry, ...]:
    endpoints, language = context.world.endpoints, context.language
    return tuple(
        Entry(
            title=link.name,
            detail=text("detail_separator", language).join(
                (
                    f"{endpoints[link.from_ref].name} → {endpoints[link.to_ref].name}",
                    label("link_status", link.status_in_year, language),
                    year_span(link.start_year, link.end_year, language),
                )
            ),
            evidence=link.evidence,
            ref=ref("link", link.id),
        )
        for link in links.itertuples()
    )


def _related_milestones(scene: Scene, ids: set[str], district: int | None = None) -> pd.DataFrame:
    milestones = scene.milestones
    touches = milestones["related_ids"].map(lambda related: bool(ids & set(related)))
    if district is not None:
        touches |= milestones["district_lgd"].map(lambda codes: district in codes)
    return milestones[touches]


def _district(code: int, context: _Context) -> Details | None:
    scene = context.scene
    match = scene.districts[scene.districts["district_lgd"] == code]
    if match.empty:
        return None
    district = match.iloc[0]
    sites = scene.sites[scene.sites["district_lgd"].map(lambda codes: code in codes)]
    zones = scene.zones[scene.zones["touched_districts"].map(lambda codes: code in codes)]
    site_ids = set(sites["id"])
    links = scene.links[
        scene.links["from_ref"].isin(site_ids) | scene.links["to_ref"].isin(site_ids)
    ]
    milestones = _related_milestones(scene, site_ids | set(zones["id"]) | set(links["id"]), code)
    codes = _record(context.world.dataset.district_codes, code, "lgd_code")
    census = district["district_census2011"]
    language = context.language
    facts = [
        (text("details_state", language), str(district["state_name"])),
        (text("details_lgd", language), str(code)),
        (
            text("details_census2011", language),
            str(int(census)) if pd.notna(census) else text("details_census2011_none", language),
        ),
        (
            text("details_area", language),
            text("details_area_value", language).format(area=district["area_km2"]),
        ),
    ]
    if codes is not None and _optional(codes["note"]):
        facts.append((text("details_codes_note", language), str(codes["note"])))
    return Details(
        title=str(district["district"]),
        subtitle=text("details_district", language),
        facts=tuple(facts),
        sources=sources_of(codes["sources"], context.catalog) if codes is not None else (),
        sections=(
            Section(
                text("details_sites", language),
                _site_entries(sites.head(MAX_ENTRIES), context.catalog, language),
                more=max(0, len(sites) - MAX_ENTRIES),
            ),
            Section(
                text("details_zones", language),
                tuple(
                    Entry(
                        z.name, label("zone_kind", z.kind, language), z.evidence, ref("zone", z.id)
                    )
                    for z in zones.itertuples()
                ),
            ),
            Section(text("details_links", language), _link_entries(links, context)),
            Section(text("details_milestones", language), _milestone_entries(milestones, language)),
        ),
    )


def district_list(codes: tuple[int, ...], districts: pd.DataFrame, language: Language) -> str:
    """District names, with a whole state said in two words rather than thirty names."""
    chosen = districts[districts["district_lgd"].isin(codes)]
    parts = []
    for state, group in chosen.groupby("state", sort=True):
        total = int((districts["state"] == state).sum())
        if len(group) == total:
            name = str(group["state_name"].iloc[0])
            parts.append(text("details_whole_state", language).format(state=name, count=total))
        else:
            parts.append(text("list_separator", language).join(sorted(group["district"])))
    return text("sources_separator", language).join(parts)


def _record(frame: pd.DataFrame, key: object, column: str = "id") -> pd.Series | None:
    match = frame[frame[column] == key]
    return None if match.empty else match.iloc[0]


def _record_details(
    record: pd.Series,
    kind_group: str,
    facts: list[tuple[str, str]],
    context: _Context,
    shown: bool,
    sections: tuple[Section, ...] = (),
) -> Details:
    """Details of one site, zone or link: its facts, its own words, grade and sources, and
    the milestones that name it."""
    language = context.language
    related = _related_milestones(context.scene, {str(record["id"])})
    milestones = _milestone_entries(related, language)
    return Details(
        title=str(record["name"]),
        subtitle=label(kind_group, record["kind"], language),
        facts=tuple((name, value) for name, value in facts if value),
        description=str(record["description"]),
        evidence=str(record["evidence"]),
        evidence_note=_optional(record["evidence_note"]),
        sources=sources_of(record["sources"], context.catalog),
        sections=(*sections, Section(text("details_milestones", language), milestones)),
        shown=shown,
    )


def _site(key: str, context: _Context) -> Details | None:
    scene, dataset = context.scene, context.world.dataset
    site = _record(dataset.sites, key)
    if site is None:
        return None
    names = dict(zip(scene.districts["district_lgd"], scene.districts["district"], strict=True))
    links = scene.links[(scene.links["from_ref"] == key) | (scene.links["to_ref"] == key)]
    language = context.language
    location = label("location_precision", site["location_precision"], language)
    if _optional(site["location_note"]):
        location = text("colon_join", language).format(head=location, tail=site["location_note"])
    facts = [
        (text("tooltip_kind", language), label("site_kind", site["kind"], language)),
        (text("details_operator", language), _optional(site["operator"]) or ""),
        (
            text("details_years", language),
            year_span(site["start_year"], site["end_year"], language),
        ),
        (
            text("details_district", language),
            text("list_separator", language).join(names[c] for c in site["district_lgd"]),
        ),
        (text("details_location", language), location),
    ]
    if _optional(site["year_note"]):
        facts.append((text("details_years", language), str(site["year_note"])))
    if site["kind"] == "block":
        facts[2:2] = _block_facts(site, language)
    shown = _record(scene.sites, key)
    history = by_evidence(dataset.site_status, scene.view)
    history = history[history["site_id"] == key]
    if len(history):
        status_id = shown["status_id"] if shown is not None else None
        status = _status_value(status_id, history, language)
        facts.insert(1, (_status_title(scene), status))
    return _record_details(
        site,
        "site_kind",
        facts,
        context,
        shown=shown is not None,
        sections=(
            Section(text("details_status_history", language), _status_entries(history, context)),
            Section(text("details_links", language), _link_entries(links, context)),
        ),
    )


def _block_facts(site: pd.Series, language: Language) -> list[tuple[str, str]]:
    """What an investor asks of a block first: its minerals, where it was offered, the kind of
    licence, its area and who won it."""
    area = site["area_ha"]
    return [
        (text("details_minerals", language), str(site["minerals"])),
        (text("details_tranche", language), str(site["tranche"])),
        (text("details_licence", language), label("licence", site["licence"], language)),
        (
            text("details_area_ha", language),
            text("details_area_ha_value", language).format(area=float(area))
            if pd.notna(area)
            else "",
        ),
        (text("details_winner", language), _optional(site["winner"]) or ""),
    ]


def _status_title(scene: Scene) -> str:
    year, language = scene.view.year, scene.view.language
    return (
        text("details_status_latest", language)
        if year is None
        else text("details_status_in", language).format(year=year)
    )


def _status_value(status_id: str | None, history: pd.DataFrame, language: Language) -> str:
    entry = _record(history, status_id) if status_id else None
    if entry is None:
        return text("details_status_not_covered", language)
    when = _status_when(entry["date"], entry["start_year"], entry["end_year"], language)
    status = label("site_status", entry["status"], language)
    return text("status_since", language).format(status=status, when=when)


def _status_entries(history: pd.DataFrame, context: _Context) -> tuple[Entry, ...]:
    """A site's statuses in order, each with its date (or years), what happened and its
    sources; those that begin after the chosen year are marked 'not yet'."""
    year, language = context.scene.view.year, context.language
    return tuple(
        Entry(
            title=f"{_status_when(row.date, row.start_year, row.end_year, language)} "
            f"{label('site_status', row.status, language)}",
            detail=row.description,
            evidence=row.evidence,
            upcoming=year is not None and row.start_year > year,
            sources=sources_of(row.sources, context.catalog),
        )
        for row in history.itertuples()
    )


def _status_when(date: str | None, start: object, end: object, language: Language) -> str:
    """When a status began: its date where the sources give one, else its years."""
    return date_text(date, language) if date else year_span(start, end, language)


def _zone(key: str, context: _Context) -> Details | None:
    scene = context.scene
    zone = _record(context.world.dataset.zones, key)
    if zone is None:
        return None
    touched = _record(scene.zones, key)
    districts = touched["touched_districts"] if touched is not None else ()
    language = context.language
    facts = [
        (text("tooltip_kind", language), label("zone_kind", zone["kind"], language)),
        (
            text("details_years", language),
            year_span(zone["start_year"], zone["end_year"], language),
        ),
        (
            text("details_outline", language),
            f"{label('geometry_basis', zone['geometry_basis'], language)}. {zone['geometry_note']}",
        ),
        (
            text("details_zones_districts", language),
            district_list(districts, scene.districts, language),
        ),
    ]
    return _record_details(zone, "zone_kind", facts, context, shown=touched is not None)


def _link(key: str, context: _Context) -> Details | None:
    link = _record(context.world.dataset.links, key)
    if link is None:
        return None
    in_view = _record(context.scene.links, key)
    status = in_view["status_in_year"] if in_view is not None else link["status"]
    endpoints, language = context.world.endpoints, context.language
    start, end = endpoints[link["from_ref"]], endpoints[link["to_ref"]]
    facts = [
        (text("tooltip_kind", language), label("link_kind", link["kind"], language)),
        (text("details_status", language), label("link_status", status, language)),
        (
            text("details_years", language),
            year_span(link["start_year"], link["end_year"], language),
        ),
        (
            text("details_location", language),
            text("details_from_to", language).format(start=start.name, end=end.name),
        ),
    ]
    if _optional(link["status_note"]):
        facts.append((text("details_status", language), str(link["status_note"])))
    return _record_details(link, "link_kind", facts, context, shown=in_view is not None)


def _organisation(key: str, context: _Context) -> Details | None:
    """What an organisation is, the records naming it over time, and who it stands with."""
    dataset, language = context.world.dataset, context.language
    org = _record(dataset.organisations, key)
    if org is None:
        return None
    names = dict(zip(dataset.organisations["id"], dataset.organisations["name"], strict=True))
    countries = {key: end.name for key, end in context.world.endpoints.items()}
    # The reader's own language's other names first, then the Latin-script ones; on a page
    # in another language, only those that are names (not English descriptions such as
    # "the Centre" or "environment ministry").
    own = org[f"aliases_{language.value}"] if language.value != "en" else ()
    latin = [a for a in org["aliases"] if language.value == "en" or not _ENGLISH_WORD.search(a)]
    aliases = [*own, *latin]
    separator = text("list_separator", language)
    facts = [
        (text("tooltip_kind", language), label("org_kind", org["kind"], language)),
        (text("details_country", language), countries.get(org["country"] or "", "")),
        (text("details_parent", language), separator.join(names[p] for p in org["parent"])),
        (text("details_website", language), _optional(org["website"]) or ""),
        (text("details_aliases", language), separator.join(dict.fromkeys(aliases))),
    ]
    shown = context.scene.highlight
    records = tuple(
        Entry(
            title=_involvement_title(i, language),
            detail=separator.join(
                [
                    label("record_kind", i.kind, language),
                    *(label("org_role", role, language) for role in i.roles),
                ]
            ),
            evidence=i.evidence,
            ref=ref(i.kind, i.id) if i.kind in ("site", "zone", "link") else None,
            upcoming=context.scene.view.year is not None
            and i.year is not None
            and i.year > context.scene.view.year,
        )
        for i in involvements(dataset, key)
    )
    grades = dict(zip(dataset.organisations["id"], dataset.organisations["evidence"], strict=True))
    kinds = dict(zip(dataset.organisations["id"], dataset.organisations["kind"], strict=True))
    partner_entries = tuple(
        Entry(
            title=names[other],
            detail=label("org_kind", kinds[other], language),
            evidence=grades[other],
            ref=ref("org", other),
        )
        for other in partners(dataset, key)
    )
    return Details(
        title=str(org["name"]),
        subtitle=label("org_kind", org["kind"], language),
        facts=tuple((name, value) for name, value in facts if value),
        description=str(org["description"]),
        evidence=str(org["evidence"]),
        evidence_note=_optional(org["evidence_note"]),
        sources=sources_of(org["sources"], context.catalog),
        sections=(
            Section(
                text("details_org_records", language),
                records[:MAX_ENTRIES],
                max(0, len(records) - MAX_ENTRIES),
            ),
            Section(text("details_partners", language), partner_entries),
        ),
        shown=bool(shown) or not records,
    )


def _involvement_title(involvement: Involvement, language: Language) -> str:
    name = involvement.name
    if involvement.status is not None:
        status = label("site_status", involvement.status, language)
        name = text("change_step", language).format(date=name, what=status)
    if involvement.year is None:
        return name
    year = date_text(str(involvement.year), language)
    return text("change_step", language).format(date=year, what=name)
