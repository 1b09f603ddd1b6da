"""The curated files as typed records: what the reader parsed, field by field, and every
problem found so far. The parser fills it; the checks read it and add problems; the loader
turns it into data frames."""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely

from dashboard.data.problems import Problem
from dashboard.data.schema import PartialDate, TableSpec


@dataclass
class Record:
    """One row or feature, typed: ``values`` holds each field's value (None when the cell is
    empty or could not be read). ``label`` names the record in messages; ``geometry_reported``
    says its geometry was already reported broken, so it is not reported again as missing."""

    label: str
    values: dict[str, object]
    geometry: shapely.Geometry | None = None
    geometry_reported: bool = False

    def get(self, name: str) -> object:
        """The value of a field, None if it is empty."""
        return self.values.get(name)

    def __getitem__(self, name: str) -> object:
        """The value of a field the checks already know is present (KeyError if not)."""
        return self.values[name]

    # Typed reads: a field's value as its kind (dashboard.data.schema.Kind) types it, None (or
    # nothing, for a list) when the cell is empty or could not be read, so a rule need not test
    # the type itself.

    def text(self, name: str) -> str | None:
        """A text, slug, enum, URL or source-date field."""
        value = self.values.get(name)
        return value if isinstance(value, str) else None

    def integer(self, name: str) -> int | None:
        """A whole-number field."""
        value = self.values.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def number(self, name: str) -> float | None:
        """A number field."""
        value = self.values.get(name)
        return value if isinstance(value, float) else None

    def date(self, name: str) -> PartialDate | None:
        """A date field (or a source's date other than "n.d.")."""
        value = self.values.get(name)
        return value if isinstance(value, PartialDate) else None

    def texts(self, name: str) -> tuple[str, ...]:
        """A list of slugs, enum values or texts (aliases)."""
        value = self.values.get(name)
        return tuple(v for v in value if isinstance(v, str)) if isinstance(value, tuple) else ()

    def integers(self, name: str) -> tuple[int, ...]:
        """A list of whole numbers (LGD codes)."""
        value = self.values.get(name)
        return tuple(v for v in value if isinstance(v, int)) if isinstance(value, tuple) else ()


@dataclass
class Checked:
    """Typed records per curated file, the zones' outlines as read, and every problem found."""

    records: dict[str, list[Record]] = field(default_factory=dict)
    zone_geometries: dict[str, shapely.Geometry | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Files that could not be read at all: references into them are not checked, so one
    # syntax error does not bury itself under a hundred "unknown id" lines.
    unreadable: set[str] = field(default_factory=set)

    def of(self, spec: TableSpec) -> list[Record]:
        """The records of one file, in file order."""
        return self.records.get(spec.file, [])

    def ids(self, spec: TableSpec) -> set[str]:
        """The ids the file's records carry."""
        return {str(r.get("id")) for r in self.of(spec) if r.get("id")}

    def add(self, spec: TableSpec | str, record: Record | str, name: str, message: str) -> None:
        """Report a problem with a field of a record (or of a whole file, by label)."""
        file = spec if isinstance(spec, str) else spec.file
        label = record if isinstance(record, str) else record.label
        self.problems.append(Problem(file, label, name, message))

    def reported(self, spec: TableSpec, record: Record, name: str) -> bool:
        """Whether a problem with this field of this record is already reported."""
        return any(
            (p.file, p.record, p.field) == (spec.file, record.label, name) for p in self.problems
        )
