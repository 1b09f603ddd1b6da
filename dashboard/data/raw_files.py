"""Read curated CSV and GeoJSON files into raw records, reporting syntax and shape problems
instead of raising, so the validator can list every problem in one run."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.data.problems import Problem
from dashboard.data.schema import TableSpec

WHOLE_FILE = "-"


@dataclass
class RawRecord:
    """One row or feature before typing: ``label`` names it in messages (its id when it has
    one, else its row or feature number)."""

    label: str
    values: dict[str, object]
    geometry: object = None
    has_geometry_key: bool = False
    extras: list[str] = field(default_factory=list)


def read_csv(path: Path, spec: TableSpec) -> tuple[list[RawRecord], list[Problem]]:
    """The rows of a curated CSV as raw text records, or the problems that kept it from being read
    (missing, not UTF-8, malformed, wrong header)."""
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], [Problem(spec.file, WHOLE_FILE, WHOLE_FILE, "file is missing")]
    except UnicodeDecodeError as error:
        return [], [Problem(spec.file, WHOLE_FILE, WHOLE_FILE, f"is not UTF-8 text ({error})")]
    reader = csv.reader(text.splitlines(), strict=True)
    try:
        rows = list(reader)
    except csv.Error as error:
        message = f"is not valid CSV at line {reader.line_num} ({error})"
        return [], [Problem(spec.file, WHOLE_FILE, WHOLE_FILE, message)]
    if not rows:
        return [], [Problem(spec.file, WHOLE_FILE, WHOLE_FILE, "is empty (no header row)")]
    header = [name.strip() for name in rows[0]]
    problems += _header_problems(spec, header)
    records = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values: dict[str, object] = dict(zip(header, cells, strict=False))
        record = RawRecord(label=_label(values.get(spec.key), f"row {line}"), values=values)
        if len(cells) != len(header):
            problems.append(
                Problem(
                    spec.file,
                    record.label,
                    WHOLE_FILE,
                    f"row {line} has {len(cells)} cells but the header has {len(header)}",
                )
            )
        records.append(record)
    return records, problems


def _header_problems(spec: TableSpec, header: list[str]) -> list[Problem]:
    problems = []
    for name in header:
        if name not in spec.names:
            problems.append(Problem(spec.file, "header", name, "unknown column"))
    for f in spec.fields:
        if f.required and f.name not in header:
            problems.append(Problem(spec.file, "header", f.name, "required column is missing"))
    return problems


def read_geojson(path: Path, spec: TableSpec) -> tuple[list[RawRecord], list[Problem]]:
    """The features of a curated GeoJSON file as raw records with their geometry objects, or the
    problems that kept it from being read."""

    def whole(message: str) -> tuple[list[RawRecord], list[Problem]]:
        return [], [Problem(spec.file, WHOLE_FILE, WHOLE_FILE, message)]

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return whole("file is missing")
    except UnicodeDecodeError as error:
        return whole(f"is not UTF-8 text ({error})")
    except json.JSONDecodeError as error:
        return whole(f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})")
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return whole("is not a GeoJSON FeatureCollection")
    features = document.get("features")
    if not isinstance(features, list):
        return whole("has no 'features' list")
    records, problems = [], []
    for number, feature in enumerate(features, start=1):
        fallback = f"feature {number}"
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            problems.append(
                Problem(spec.file, fallback, WHOLE_FILE, "is not a Feature with properties")
            )
            continue
        properties = feature["properties"]
        record = RawRecord(
            label=_label(properties.get(spec.key), fallback),
            values=properties,
            geometry=feature.get("geometry"),
            has_geometry_key="geometry" in feature,
        )
        problems += [
            Problem(spec.file, record.label, name, "unknown property")
            for name in properties
            if name not in spec.names
        ]
        records.append(record)
    return records, problems


def _label(raw_id: object, fallback: str) -> str:
    """Use the record's id in messages when it is a short plain string: an id is what a curator
    searches for, but a hostile or huge value must not flood the report."""
    if isinstance(raw_id, str) and 0 < len(raw_id.strip()) <= 80 and raw_id.strip().isprintable():
        return raw_id.strip()
    return fallback
