"""The shape of every curated file in geodata/ (documented for curators in geodata/README.md).

Each field knows how to turn a raw cell (always a string in CSV, any JSON value in GeoJSON
properties) into a typed value, or say in one short phrase why it cannot.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import urlsplit

EVIDENCE_GRADES = ("verified", "reported", "claimed", "disputed")
STATES = ("Andhra Pradesh", "Odisha")
POINT_PRECISIONS = ("exact", "site", "town_proxy")
MAX_TEXT_LENGTH = 4000

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_INT = re.compile(r"-?\d+")
# Markup a browser could act on: a tag opener, a character entity, a script URL.
_MARKUP = re.compile(r"<\s*[a-z/!?]|&#?[a-z0-9]+;|javascript\s*:", re.IGNORECASE)


class Kind(Enum):
    TEXT = "text"
    SLUG = "slug"
    INT = "int"
    NUMBER = "number"
    DATE = "date"
    URL = "url"
    ENUM = "enum"
    ENUM_LIST = "enum_list"
    SLUG_LIST = "slug_list"
    INT_LIST = "int_list"


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind = Kind.TEXT
    required: bool = False
    allowed: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    """One curated file: its fields and, for GeoJSON, which geometries it may hold."""

    file: str
    fields: tuple[Field, ...]
    geometry: tuple[str, ...] = ()
    names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        # Looked up for every cell of every record: computed once.
        object.__setattr__(self, "names", tuple(f.name for f in self.fields))


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, month or day, as sources give it."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        parts += [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


def parse_value(spec: Field, raw: object) -> object:
    """Return the typed value, None for an empty optional cell; raise ValueError to explain."""
    if raw is None or (isinstance(raw, str) and raw.strip() == "") or raw == []:
        if spec.required:
            raise ValueError("is required")
        return None
    if isinstance(raw, str):
        _check_text(raw)
    kind = spec.kind
    if kind is Kind.TEXT:
        return _text(raw)
    if kind is Kind.SLUG:
        return _slug(raw)
    if kind is Kind.INT:
        return _int(raw)
    if kind is Kind.NUMBER:
        return _number(raw)
    if kind is Kind.DATE:
        return parse_date(_text(raw))
    if kind is Kind.URL:
        return _url(_text(raw))
    if kind is Kind.ENUM:
        return _enum(_text(raw), spec.allowed)
    items = _items(raw)
    if kind is Kind.ENUM_LIST:
        return tuple(_enum(_text(item), spec.allowed) for item in items)
    if kind is Kind.SLUG_LIST:
        return tuple(_slug(item) for item in items)
    return tuple(_int(item) for item in items)


def _check_text(raw: str) -> None:
    if len(raw) > MAX_TEXT_LENGTH:
        raise ValueError(f"is {len(raw)} characters long (at most {MAX_TEXT_LENGTH})")
    if _MARKUP.search(raw):
        raise ValueError("contains HTML or script markup; write plain text")


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise ValueError(f"must be text, not {type(raw).__name__}")
    return raw.strip()


def _slug(raw: object) -> str:
    value = _text(raw)
    if not _SLUG.fullmatch(value):
        raise ValueError(f"{value!r} is not an id (lower-case letters, digits and '-')")
    return value


def _int(raw: object) -> int:
    if isinstance(raw, bool):
        raise ValueError("must be a whole number")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and _INT.fullmatch(raw.strip()):
        return int(raw.strip())
    raise ValueError(f"{raw!r} is not a whole number")


def _number(raw: object) -> float:
    if isinstance(raw, bool):
        raise ValueError("must be a number")
    try:
        return float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{raw!r} is not a number") from None


def parse_date(value: str) -> PartialDate:
    match = _DATE.fullmatch(value)
    if not match:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(p) if p else None for p in match.groups())
    try:
        dt.date(year, month or 1, day or 1)  # type: ignore[arg-type]
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date") from None
    return PartialDate(year, month, day)  # type: ignore[arg-type]


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or re.search(r"\s", value):
        raise ValueError(f"{value!r} is not a web address (http or https)")
    return value


def _enum(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"{value!r} is not one of: {', '.join(allowed)}")
    return value


def _items(raw: object) -> list[object]:
    if isinstance(raw, list):
        return raw
    if isinstance(raw, str):
        return [item.strip() for item in raw.split(";") if item.strip()]
    if isinstance(raw, int):
        return [raw]
    raise ValueError(f"must be a list separated by ';', not {type(raw).__name__}")


def _common(kinds: tuple[str, ...], *, located: bool = False) -> tuple[Field, ...]:
    return (
        Field("id", Kind.SLUG, required=True),
        Field("name", required=True),
        Field("kind", Kind.ENUM, required=True, allowed=kinds),
        Field("description", required=True),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
        Field("evidence_note"),
        Field("state", Kind.ENUM_LIST, required=located, allowed=STATES),
        Field("district_lgd", Kind.INT_LIST, required=located),
    )


SOURCES = TableSpec(
    "sources.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("title", required=True),
        Field("publisher", required=True),
        Field("url", Kind.URL),
        Field("date", Kind.DATE),
        Field("note"),
    ),
)

SITES = TableSpec(
    "sites.geojson",
    (
        *_common(("plant", "mine", "deposit", "exploration"), located=True),
        Field("operator"),
        Field("start_year", Kind.INT),
        Field("end_year", Kind.INT),
        Field("year_note"),
        Field(
            "location_precision",
            Kind.ENUM,
            required=True,
            allowed=(*POINT_PRECISIONS, "district"),
        ),
        Field("location_note"),
    ),
    geometry=("Point",),
)

PLACES = TableSpec(
    "places.geojson",
    (
        *_common(("mine", "plant", "city")),
        Field("country", required=True),
        Field("location_precision", Kind.ENUM, required=True, allowed=POINT_PRECISIONS),
        Field("location_note"),
    ),
    geometry=("Point",),
)

# No zone has a published official outline yet; when one does, it will need a third basis.
ZONE_BASES = ("district_union", "buffer")

ZONE_DEFINITIONS = TableSpec(
    "zone_definitions.csv",
    (
        *_common(
            ("mining_belt", "coastal_stretch", "industrial_area", "corridor", "investment_mapping")
        ),
        Field("start_year", Kind.INT),
        Field("end_year", Kind.INT),
        Field("geometry_basis", Kind.ENUM, required=True, allowed=ZONE_BASES),
        Field("anchor_ids", Kind.SLUG_LIST),
        Field("buffer_km", Kind.NUMBER),
        Field("geometry_note", required=True),
        Field("location_precision", Kind.ENUM, required=True, allowed=("indicative",)),
    ),
)

ZONES_FILE = "zones.geojson"

LINK_STATUSES = ("active", "ended", "planned", "suspended")

LINKS = TableSpec(
    "links.csv",
    (
        *_common(("government", "company", "multilateral")),
        Field("from_ref", required=True),
        Field("to_ref", required=True),
        Field("start_year", Kind.INT, required=True),
        Field("end_year", Kind.INT),
        Field("status", Kind.ENUM, required=True, allowed=LINK_STATUSES),
        Field("status_note"),
    ),
)

MILESTONES = TableSpec(
    "milestones.csv",
    (
        *_common(("agreement", "policy", "industry", "trade", "survey", "summit")),
        Field("date", Kind.DATE, required=True),
        Field("end_date", Kind.DATE),
        Field("related_ids", Kind.SLUG_LIST),
        Field("origin", Kind.ENUM, required=True, allowed=("research", "brief")),
        Field("brief_text"),
    ),
)

PRODUCTION = TableSpec(
    "usgs_rare_earths_2025.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("country", required=True),
        Field("iso_a3"),
        Field("mine_production_2023_t", Kind.INT),
        Field("mine_production_2024_t", Kind.INT),
        Field("reserves_t", Kind.INT),
        Field("note"),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
    ),
)

IMPORT_SHARE = TableSpec(
    "japan_rare_earth_imports_from_china.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("period", required=True),
        Field("year", Kind.INT, required=True),
        Field("share_pct", Kind.NUMBER, required=True),
        Field("basis", required=True),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
        Field("evidence_note"),
    ),
)

CURATED = (SOURCES, SITES, PLACES, ZONE_DEFINITIONS, LINKS, MILESTONES, PRODUCTION, IMPORT_SHARE)
