"""Check every curated file in geodata/ and report all problems at once.

Run ``python -m dashboard.validate [FOLDER]``: each problem prints as
``file: record id: field: problem`` and the exit status is 1; clean data prints a count per
layer and per evidence grade and exits 0. The app runs the same checks at start-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import shape

from dashboard import schema
from dashboard.boundaries import Boundaries, load_boundaries
from dashboard.paths import GEODATA_DIR
from dashboard.problems import Problem
from dashboard.raw_files import WHOLE_FILE, RawRecord, read_csv, read_geojson
from dashboard.schema import PartialDate, TableSpec
from dashboard.zones import ZoneDefinitionError, zone_geometry, zone_properties

Record = dict[str, object]

# A coastal town on a simplified coastline may sit just off its district's polygon.
DISTRICT_TOLERANCE_KM = 5.0
# Zones rebuilt from their definitions may differ from the file by rounding only.
ZONE_TOLERANCE_KM2 = 0.05
EARLIEST_YEAR = 1900
# Links marked 'planned' may name a future year, within reason.
PLANNED_HORIZON_YEARS = 30
METRIC_CRS = "EPSG:7755"

LABEL = "_label"
GEOMETRY = "_geometry"
# Set when a geometry was reported as broken, so it is not reported again as missing.
BROKEN_GEOMETRY = "_broken_geometry"


@dataclass
class Checked:
    """Typed records per curated file, and every problem found."""

    records: dict[str, list[Record]] = field(default_factory=dict)
    zone_geometries: dict[str, shapely.Geometry] = field(default_factory=dict)
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
    _check_references(checked, boundaries)
    _check_districts(checked, boundaries)
    _check_notes(checked)
    _check_site_locations(checked, boundaries)
    _check_years(checked, today)
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


def _check_districts(checked: Checked, boundaries: Boundaries) -> None:
    state_of = dict(
        zip(boundaries.districts["district_lgd"], boundaries.districts["state"], strict=True)
    )
    for spec in schema.CURATED:
        if "district_lgd" not in spec.names:
            continue
        for record in checked.of(spec):
            codes = record.get("district_lgd") or ()
            states = record.get("state") or ()
            for code in codes:
                if code not in state_of:
                    checked.add(
                        spec, record, "district_lgd", f"{code} is not a district of AP or Odisha"
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
        if record.get("origin") == "brief" and not record.get("brief_text"):
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
    points = gpd.GeoSeries([p for _, p, _ in located], crs="EPSG:4326").to_crs(METRIC_CRS)
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
    for spec in (schema.SITES, schema.ZONE_DEFINITIONS, schema.LINKS):
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
    for record in checked.of(schema.MILESTONES):
        date, end_date = record.get("date"), record.get("end_date")
        for name, value in (("date", date), ("end_date", end_date)):
            if isinstance(value, PartialDate) and value.earliest() > today:
                checked.add(schema.MILESTONES, record, name, f"{value} is in the future")
        if (
            isinstance(date, PartialDate)
            and isinstance(end_date, PartialDate)
            and end_date.earliest() < date.earliest()
        ):
            checked.add(schema.MILESTONES, record, "end_date", f"{end_date} is before date {date}")
    for record in checked.of(schema.IMPORT_SHARE):
        year = record.get("year")
        if isinstance(year, int) and not EARLIEST_YEAR <= year <= today.year:
            checked.add(schema.IMPORT_SHARE, record, "year", _out_of_range(year, today.year, False))


def _out_of_range(year: int, latest: int, planned: bool) -> str:
    limit = f"{latest} for a planned link" if planned else f"this year, {latest}"
    return f"{year} is outside {EARLIEST_YEAR} to {limit}"


# --- zones -------------------------------------------------------------------------------


def _check_zones(checked: Checked, folder: Path, boundaries: Boundaries) -> None:
    """zones.geojson must be exactly what the definitions produce: nobody edits an outline."""
    spec = schema.ZONE_DEFINITIONS
    if schema.SITES.file in checked.unreadable:
        return
    broken = {str(r["id"]) for r in checked.of(schema.SITES) if r.get("id") and r[BROKEN_GEOMETRY]}
    sites = {
        str(r["id"]): r[GEOMETRY]
        for r in checked.of(schema.SITES)
        if r.get("id") and r.get(GEOMETRY) is not None
    }
    built: dict[str, shapely.Geometry] = {}
    for record in checked.of(spec):
        if record.get("geometry_basis") is None or not record.get("id"):
            continue
        if broken & set(record.get("anchor_ids") or ()):
            continue  # the anchor's geometry is reported already
        try:
            built[str(record["id"])] = zone_geometry(record, boundaries.districts, sites)
        except ZoneDefinitionError as error:
            checked.add(spec, record, error.field, str(error))
    _compare_zone_file(checked, folder, built)


def _compare_zone_file(checked: Checked, folder: Path, built: dict[str, shapely.Geometry]) -> None:
    rebuild = "run python -m dashboard.build_zones"
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
        if (
            expected is not None
            and _area_km2(geom.symmetric_difference(expected)) > ZONE_TOLERANCE_KM2
        ):
            checked.add(
                schema.ZONES_FILE, zone_id, "geometry", f"differs from its definition: {rebuild}"
            )
    for zone_id in sorted(set(definitions) - in_file):
        checked.add(schema.ZONES_FILE, zone_id, WHOLE_FILE, f"zone is missing: {rebuild}")


def _area_km2(geom: shapely.Geometry) -> float:
    if geom.is_empty:
        return 0.0
    return float(gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(METRIC_CRS).area.iloc[0]) / 1e6


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
    """One line for the totals, then a line per layer with its evidence grades."""
    layers = [s for s in schema.CURATED if s is not schema.SOURCES]
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
