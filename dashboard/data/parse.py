"""Turn the curated files into typed records (dashboard.data.records), reporting every cell
that cannot be read instead of stopping at the first."""

from __future__ import annotations

from pathlib import Path

import shapely
from shapely.geometry import shape

from dashboard.data import schema
from dashboard.data.raw_files import WHOLE_FILE, RawRecord, read_csv, read_geojson
from dashboard.data.records import Checked, Record
from dashboard.data.schema import TableSpec


def parse_folder(folder: Path) -> Checked:
    """Every curated file of ``folder`` typed field by field, with the problems found."""
    checked = Checked()
    for spec in schema.CURATED:
        _type_records(checked, folder, spec)
    return checked


def geometry_of(raw: object) -> shapely.Geometry | None:
    """A GeoJSON geometry object as shapely, None if it is not one."""
    try:
        return shape(raw)
    except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.GEOSException):
        return None


def _type_records(checked: Checked, folder: Path, spec: TableSpec) -> None:
    path = folder / spec.file
    reader = read_geojson if spec.geometry else read_csv
    raw_records, problems = reader(path, spec)
    checked.problems += problems
    if any(p.record == WHOLE_FILE for p in problems):
        checked.unreadable.add(spec.file)
    typed = []
    for raw in raw_records:
        record = Record(raw.label, {})
        for f in spec.fields:
            try:
                record.values[f.name] = schema.parse_value(f, raw.values.get(f.name))
            except ValueError as error:
                checked.add(spec, raw.label, f.name, str(error))
                record.values[f.name] = None
        if spec.geometry:
            before = len(checked.problems)
            record.geometry = _geometry(checked, spec, raw)
            record.geometry_reported = len(checked.problems) > before
        typed.append(record)
    checked.records[spec.file] = typed


def _geometry(checked: Checked, spec: TableSpec, raw: RawRecord) -> shapely.Geometry | None:
    if not raw.has_geometry_key:
        checked.add(spec, raw.label, "geometry", "is missing (use null for none)")
        return None
    if raw.geometry is None:
        return None
    geom = geometry_of(raw.geometry)
    if geom is None:
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
