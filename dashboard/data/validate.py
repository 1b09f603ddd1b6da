"""Check every curated file in geodata/ and report all problems at once.

Run ``python -m dashboard.data.validate [FOLDER]``: each problem prints as
``file: record id: field: problem`` and the exit status is 1; clean data prints a count per
layer and per evidence grade and exits 0. The app runs the same checks at start-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import geopandas as gpd
import shapely
from shapely.geometry import shape

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.geometry import METRIC_CRS, WGS84, area_km2
from dashboard.data.problems import Problem
from dashboard.data.raw_files import WHOLE_FILE, RawRecord, read_csv, read_geojson
from dashboard.data.schema import PartialDate, TableSpec
from dashboard.data.zones import ZoneDefinitionError, zone_geometry, zone_properties
from dashboard.paths import GEODATA_DIR

Record = dict[str, object]

# A coastal town on a simplified coastline may sit just off its district's polygon.
DISTRICT_TOLERANCE_KM = 5.0
# Zones rebuilt from their definitions may differ from the file by rounding only.
ZONE_TOLERANCE_KM2 = 0.05
EARLIEST_YEAR = 1900
# Links marked 'planned' may name a future year, within reason.
PLANNED_HORIZON_YEARS = 30

LABEL = "_label"
GEOMETRY = "_geometry"
# Set when a geometry was reported as broken, so it is not reported again as missing.
BROKEN_GEOMETRY = "_broken_geometry"


@dataclass
class Checked:
    """Typed records per curated file, and every problem found."""

    records: dict[str, list[Record]] = field(default_factory=dict)
    zone_geometries: dict[str, shapely.Geometry | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Files that could not be read at all: references into them are not checked, so one
    # syntax error does not bury itself under a hundred "unknown id" lines.
    unreadable: set[str] = field(default_factory=set)

    def of(self, spec: TableSpec) -> list[Record]:
        return self.records.get(spec.file, [])

    def add(self, spec: TableSpec | str, record: Record | str, name: str, message: str) -> None:
        file = spec if isinstance(spec, str) else spec.file
        label = record if isinstance(record, str) else str(record[LABEL])
        self.problems.append(Problem(file, label, name, message))


def check_folder(
    folder: Path = GEODATA_DIR,
    boundaries: Boundaries | None = None,
    today: dt.date | None = None,
) -> Checked:
    boundaries = boundaries or load_boundaries()
    today = today or dt.date.today()
    checked = Checked()
    for spec in schema.CURATED:
        _type_records(checked, folder, spec)
    _check_unique_ids(checked)
    _check_sources(checked, read_blocklist())
    _check_references(checked, boundaries)
    _check_district_codes(checked, boundaries)
    _check_districts(checked, boundaries)
    _check_notes(checked)
    _check_site_locations(checked, boundaries)
    _check_years(checked, today)
    _check_site_status(checked)
    _check_zones(checked, folder, boundaries)
    _check_figures(checked, boundaries)
    checked.problems.sort()
    return checked


# --- typing -------------------------------------------------------------------------------


def _type_records(checked: Checked, folder: Path, spec: TableSpec) -> None:
    path = folder / spec.file
    reader = read_geojson if spec.geometry else read_csv
    raw_records, problems = reader(path, spec)
    checked.problems += problems
    if any(p.record == WHOLE_FILE for p in problems):
        checked.unreadable.add(spec.file)
    typed = []
    for raw in raw_records:
        record: Record = {LABEL: raw.label}
        for f in spec.fields:
            try:
                record[f.name] = schema.parse_value(f, raw.values.get(f.name))
            except ValueError as error:
                checked.add(spec, raw.label, f.name, str(error))
                record[f.name] = None
        if spec.geometry:
            before = len(checked.problems)
            record[GEOMETRY] = _geometry(checked, spec, raw)
            record[BROKEN_GEOMETRY] = len(checked.problems) > before
        typed.append(record)
    checked.records[spec.file] = typed


def _geometry(checked: Checked, spec: TableSpec, raw: RawRecord) -> shapely.Geometry | None:
    if not raw.has_geometry_key:
        checked.add(spec, raw.label, "geometry", "is missing (use null for none)")
        return None
    if raw.geometry is None:
        return None
    try:
        geom = shape(raw.geometry)  # type: ignore[arg-type]
    except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.GEOSException):
        checked.add(spec, raw.label, "geometry", "is not a GeoJSON geometry")
        return None
    if geom.geom_type not in spec.geometry:
        expected = " or ".join(spec.geometry)
        checked.add(spec, raw.label, "geometry", f"must be a {expected}, not {geom.geom_type}")
        return None
    west, south, east, north = geom.bounds
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        checked.add(spec, raw.label, "geometry", "has coordinates outside [-180, 180] x [-90, 90]")
        return None
    if geom.is_empty or not geom.is_valid:
        checked.add(spec, raw.label, "geometry", "is empty or invalid")
        return None
    return geom


# --- identity and references --------------------------------------------------------------


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


def read_blocklist(path: Path = GEODATA_DIR / schema.HOST_BLOCKLIST_FILE) -> list[str]:
    """Host patterns that no source may cite (mirrors, proxies, demo and test hosts), one a
    line; ``#`` starts a comment. The project's list applies to every folder checked, so a
    copy of the data cannot drop it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    patterns = (line.split("#", 1)[0].strip().lower() for line in lines)
    return [p for p in patterns if p]


def blocked_host(url: str, blocklist: Iterable[str]) -> str | None:
    """The blocklist entry that covers the address's host, if any: ``example.org`` and
    ``*.example.org`` cover that host and every host below it, ``demo.*`` every host whose
    first label is ``demo``."""
    host = (urlsplit(url).hostname or "").lower()
    for pattern in blocklist:
        if pattern.endswith(".*"):
            if host.startswith(pattern[:-1]):
                return pattern
        elif host == pattern.removeprefix("*.") or host.endswith(f".{pattern.removeprefix('*.')}"):
            return pattern
    return None


# A date written into an address: /2025/06/26/, /2025/Jun/26/, /2025/06/ or /2013-10-30/.
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)(?:-(?P<m1>\d\d)-(?P<d1>\d\d)"
    r"|/(?P<m2>0[1-9]|1[0-2]|[A-Z][a-z]{2})(?:/(?P<d2>[0-3]\d))?)/"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_in_url(url: str) -> PartialDate | None:
    """The publication date an address shows in its path, to the precision it shows."""
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    month = match["m1"] or match["m2"]
    if month and not month.isdigit():
        if month not in _MONTHS:
            return None
        month = str(_MONTHS.index(month) + 1)
    day = match["d1"] or match["d2"]
    try:
        return schema.parse_date(
            "-".join(f"{int(p):02d}" for p in (match["year"], month, day) if p)
        )
    except ValueError:
        return None


def _check_sources(checked: Checked, blocklist: list[str]) -> None:
    """Every source names its original publisher's address and says when it was published."""
    spec = schema.SOURCES
    for record in checked.of(spec):
        url, date = record.get("url"), record.get("date")
        if isinstance(url, str):
            entry = blocked_host(url, blocklist)
            if entry:
                checked.add(
                    spec,
                    record,
                    "url",
                    f"the host is on the blocklist ({entry}, {schema.HOST_BLOCKLIST_FILE}): "
                    "cite the original publisher, not a mirror, demo or test host",
                )
        shown = date_in_url(url) if isinstance(url, str) else None
        if "date" in _failed(checked, spec, record):
            continue
        if date is None:
            hint = f" (the address shows {shown})" if shown else ""
            checked.add(
                spec,
                record,
                "date",
                f"is required: the publication date, or {schema.NO_DATE} when the page shows "
                f"none{hint}",
            )
        elif shown is not None and (not isinstance(date, PartialDate) or not _agrees(date, shown)):
            checked.add(spec, record, "date", f"the address shows {shown}, but date is {date}")


def _agrees(date: PartialDate, shown: PartialDate) -> bool:
    """Equal to the precision the address shows."""
    return (date.year, date.month if shown.month else None, date.day if shown.day else None) == (
        shown.year,
        shown.month,
        shown.day,
    )


def _failed(checked: Checked, spec: TableSpec, record: Record) -> set[str]:
    """Fields of this record already reported, so they are not reported twice."""
    return {p.field for p in checked.problems if p.file == spec.file and p.record == record[LABEL]}


def _ids(checked: Checked, spec: TableSpec) -> set[str]:
    return {str(r["id"]) for r in checked.of(spec) if r.get("id")}


def _check_references(checked: Checked, boundaries: Boundaries) -> None:
    if schema.SOURCES.file not in checked.unreadable:
        sources = _ids(checked, schema.SOURCES)
        for spec in schema.CURATED:
            for record in checked.of(spec):
                for source in record.get("sources") or ():
                    if source not in sources:
                        checked.add(spec, record, "sources", f"{source!r} is not in sources.csv")
    if not checked.unreadable:
        all_ids = set().union(*(_ids(checked, s) for s in schema.CURATED))
        for record in checked.of(schema.MILESTONES):
            for related in record.get("related_ids") or ():
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
        if r.get("id") and (r.get(GEOMETRY) is not None or r[BROKEN_GEOMETRY])
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


def _check_district_codes(checked: Checked, boundaries: Boundaries) -> None:
    """The official code list and the boundary file name the same districts, once each."""
    spec = schema.DISTRICT_CODES
    if spec.file in checked.unreadable:
        return
    rows = checked.of(spec)
    for name in ("lgd_code", "census2011_code", "old_url_code"):
        seen: dict[object, str] = {}
        for record in rows:
            value = record.get(name)
            if value is None:
                continue
            if value in seen:
                checked.add(spec, record, name, f"{value} is also the {name} of {seen[value]}")
            else:
                seen[value] = str(record[LABEL])
    districts = boundaries.districts
    mapped = dict(zip(districts["district_lgd"], districts["state"], strict=True))
    listed = {record.get("lgd_code") for record in rows}
    for record in rows:
        code, state = record.get("lgd_code"), record.get("state")
        if not isinstance(code, int):
            continue
        if code not in mapped:
            checked.add(
                spec,
                record,
                "lgd_code",
                f"{code} is not in districts.geojson: run python -m dashboard.data.build_geodata",
            )
        elif state and mapped[code] != state:
            checked.add(spec, record, "state", f"districts.geojson puts {code} in {mapped[code]}")
    for code in sorted(set(mapped) - listed):
        checked.add(spec, str(code), "lgd_code", "is in districts.geojson but not in this list")


def _check_districts(checked: Checked, boundaries: Boundaries) -> None:
    districts = boundaries.districts
    state_of = dict(zip(districts["district_lgd"], districts["state"], strict=True))
    # Codes this dataset used before it carried LGD codes, to point a curator to the right one.
    renamed = {
        int(row.old_url_code): f"{row.district}, whose LGD code is {row.district_lgd}"
        for row in districts.itertuples()
    }
    for spec in schema.CURATED:
        if "district_lgd" not in spec.names:
            continue
        for record in checked.of(spec):
            codes = record.get("district_lgd") or ()
            states = record.get("state") or ()
            for code in codes:
                if code not in state_of:
                    hint = (
                        f" ({code} is the old code of {renamed[code]})" if code in renamed else ""
                    )
                    checked.add(
                        spec,
                        record,
                        "district_lgd",
                        f"{code} is not the LGD code of a district of Andhra Pradesh or Odisha "
                        f"(district_codes.csv){hint}",
                    )
                elif state_of[code] not in states:
                    checked.add(
                        spec,
                        record,
                        "district_lgd",
                        f"{code} is in {state_of[code]}, not in 'state'",
                    )
            if spec is schema.SITES and len(codes) > 1:
                checked.add(spec, record, "district_lgd", "a site lies in one district")


def _check_notes(checked: Checked) -> None:
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


def _check_site_locations(checked: Checked, boundaries: Boundaries) -> None:
    districts = boundaries.districts.set_index("district_lgd").to_crs(METRIC_CRS).geometry
    located: list[tuple[Record, shapely.Point, int]] = []
    for record in checked.of(schema.SITES):
        point = record.get(GEOMETRY)
        precision = record.get("location_precision")
        if precision == "district":
            if point is not None:
                checked.add(
                    schema.SITES,
                    record,
                    "geometry",
                    "must be null when location_precision is district",
                )
            continue
        if point is None:
            if precision is not None and not record[BROKEN_GEOMETRY]:
                checked.add(
                    schema.SITES,
                    record,
                    "geometry",
                    f"is required when location_precision is {precision}",
                )
            continue
        codes = record.get("district_lgd") or ()
        if len(codes) == 1 and codes[0] in districts.index:
            located.append((record, point, codes[0]))
    if not located:
        return
    # One projection and one vectorised distance for all points: this check runs at start-up
    # on every site, and there may be a hundred thousand of them.
    points = gpd.GeoSeries([p for _, p, _ in located], crs=WGS84).to_crs(METRIC_CRS)
    homes = districts.loc[[code for _, _, code in located]].to_numpy()
    distances_km = shapely.distance(points.to_numpy(), homes) / 1000
    for (record, _, code), distance_km in zip(located, distances_km, strict=True):
        if distance_km > DISTRICT_TOLERANCE_KM:
            checked.add(
                schema.SITES,
                record,
                "geometry",
                f"lies {distance_km:.0f} km outside district {code} "
                "(are longitude and latitude swapped? GeoJSON is [lon, lat])",
            )


def _check_years(checked: Checked, today: dt.date) -> None:
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


def _check_site_status(checked: Checked) -> None:
    """A site's statuses follow one another: listed in order, not overlapping, within the
    years the site itself exists."""
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
        before_start, before_end = before["start_year"], before.get("end_year")
        if start <= before_start:
            checked.add(
                spec,
                record,
                "start_year",
                f"{start} is not after the start of {before[LABEL]} ({before_start}): list a "
                "site's statuses in the order they happened",
            )
        elif isinstance(before_end, int) and start <= before_end:
            checked.add(
                spec,
                record,
                "start_year",
                f"{start} overlaps {before[LABEL]} ({before_start}–{before_end})",
            )


def _out_of_range(year: int, latest: int, planned: bool) -> str:
    limit = f"{latest} for a planned link" if planned else f"this year, {latest}"
    return f"{year} is outside {EARLIEST_YEAR} to {limit}"


# --- zones -------------------------------------------------------------------------------


def anchor_points(checked: Checked) -> dict[str, shapely.Point]:
    """Every site and place with a point: what zones are drawn around."""
    return {
        str(r["id"]): r[GEOMETRY]
        for spec in (schema.SITES, schema.PLACES)
        for r in checked.of(spec)
        if r.get("id") and r.get(GEOMETRY) is not None
    }


def _check_zones(checked: Checked, folder: Path, boundaries: Boundaries) -> None:
    """zones.geojson must be exactly what the definitions produce: nobody edits an outline."""
    spec = schema.ZONE_DEFINITIONS
    if {schema.SITES.file, schema.PLACES.file} & checked.unreadable:
        return
    broken = {
        str(r["id"])
        for anchor_spec in (schema.SITES, schema.PLACES)
        for r in checked.of(anchor_spec)
        if r.get("id") and r[BROKEN_GEOMETRY]
    }
    anchors = anchor_points(checked)
    built: dict[str, shapely.Geometry | None] = {}
    for record in checked.of(spec):
        basis = record.get("geometry_basis")
        if basis is None or not record.get("id"):
            continue
        if (basis == "none") != (record.get("location_precision") == "none"):
            checked.add(
                spec,
                record,
                "location_precision",
                "is none exactly when geometry_basis is none (a zone drawn without an outline)",
            )
        if broken & set(record.get("anchor_ids") or ()):
            continue  # the anchor's geometry is reported already
        try:
            built[str(record["id"])] = zone_geometry(record, boundaries, anchors)
        except ZoneDefinitionError as error:
            checked.add(spec, record, error.field, str(error))
    _compare_zone_file(checked, folder, built)


def _compare_zone_file(
    checked: Checked, folder: Path, built: dict[str, shapely.Geometry | None]
) -> None:
    rebuild = "run python -m dashboard.data.build_zones"
    features, problems = read_geojson(
        folder / schema.ZONES_FILE,
        TableSpec(schema.ZONES_FILE, schema.ZONE_DEFINITIONS.fields, ("Polygon", "MultiPolygon")),
    )
    checked.problems += problems
    definitions = {str(r["id"]): r for r in checked.of(schema.ZONE_DEFINITIONS) if r.get("id")}
    in_file = set()
    for feature in features:
        zone_id = feature.label
        in_file.add(zone_id)
        definition = definitions.get(zone_id)
        if definition is None:
            checked.add(
                schema.ZONES_FILE, zone_id, "id", f"has no row in zone_definitions.csv: {rebuild}"
            )
            continue
        if feature.values != zone_properties(definition):
            checked.add(
                schema.ZONES_FILE, zone_id, "properties", f"differ from the definition: {rebuild}"
            )
        if feature.geometry is None:
            if definition.get("geometry_basis") != "none":
                checked.add(schema.ZONES_FILE, zone_id, "geometry", f"is missing: {rebuild}")
            checked.zone_geometries[zone_id] = None
            continue
        try:
            geom = shape(feature.geometry)  # type: ignore[arg-type]
        except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.GEOSException):
            checked.add(schema.ZONES_FILE, zone_id, "geometry", "is not a GeoJSON geometry")
            continue
        if not geom.is_valid or geom.geom_type not in ("Polygon", "MultiPolygon"):
            checked.add(schema.ZONES_FILE, zone_id, "geometry", "must be a valid (Multi)Polygon")
            continue
        checked.zone_geometries[zone_id] = geom
        expected = built.get(zone_id)
        if zone_id in built and (
            expected is None or area_km2(geom.symmetric_difference(expected)) > ZONE_TOLERANCE_KM2
        ):
            checked.add(
                schema.ZONES_FILE, zone_id, "geometry", f"differs from its definition: {rebuild}"
            )
    for zone_id in sorted(set(definitions) - in_file):
        checked.add(schema.ZONES_FILE, zone_id, WHOLE_FILE, f"zone is missing: {rebuild}")


def _check_figures(checked: Checked, boundaries: Boundaries) -> None:
    countries = set(boundaries.world["iso_a3"])
    for record in checked.of(schema.PRODUCTION):
        iso = record.get("iso_a3")
        if iso and iso not in countries:
            checked.add(schema.PRODUCTION, record, "iso_a3", f"{iso!r} is not in world.geojson")
        for name in ("mine_production_2023_t", "mine_production_2024_t", "reserves_t"):
            value = record.get(name)
            if isinstance(value, int) and value < 0:
                checked.add(schema.PRODUCTION, record, name, "cannot be negative")
    for record in checked.of(schema.IMPORT_SHARE):
        share = record.get("share_pct")
        if isinstance(share, float) and not 0 <= share <= 100:
            checked.add(schema.IMPORT_SHARE, record, "share_pct", f"{share:g} is not a percentage")


# --- command line -------------------------------------------------------------------------


def summary(checked: Checked) -> list[str]:
    """One line for the totals, then a line per graded layer with its evidence grades."""
    layers = [s for s in schema.CURATED if "evidence" in s.names]
    grades: Counter[str] = Counter()
    lines = []
    for spec in layers:
        counts = Counter(str(r.get("evidence")) for r in checked.of(spec))
        grades.update(counts)
        detail = ", ".join(f"{g} {counts[g]}" for g in schema.EVIDENCE_GRADES if counts[g])
        lines.append(f"  {spec.file}: {len(checked.of(spec))} records ({detail})")
    total = sum(grades.values())
    overall = ", ".join(f"{g} {grades[g]}" for g in schema.EVIDENCE_GRADES)
    head = (
        f"geodata is valid: {total} records in {len(layers)} layers, "
        f"{len(checked.of(schema.DISTRICT_CODES))} district codes, "
        f"{len(checked.of(schema.SOURCES))} sources; evidence: {overall}"
    )
    return [head, *lines]


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=GEODATA_DIR)
    args = parser.parse_args(list(argv) if argv is not None else None)
    checked = check_folder(args.folder)
    if checked.problems:
        for problem in checked.problems:
            print(problem)
        print(f"{len(checked.problems)} problem(s) found", file=sys.stderr)
        return 1
    print("\n".join(summary(checked)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
