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

# The languages the data is written in: English in each field, every other language in a
# companion field beside it (``name_ja``). This is the one list: a new language is a code
# here, a choice in dashboard.core.choices.Language and a catalog in dashboard.core.messages.
LANGUAGES = ("en", "ja")
COMPANIONS = LANGUAGES[1:]

# Surest first; the last two are claims, not findings (claimed: uncorroborated; disputed:
# contradicted or contested).
EVIDENCE_GRADES = ("verified", "reported", "claimed", "disputed")
CLAIM_GRADES = EVIDENCE_GRADES[2:]
STATES = ("Andhra Pradesh", "Odisha")
POINT_PRECISIONS = ("exact", "site", "town_proxy")
MAX_TEXT_LENGTH = 4000
# Written in a source's date when the page shows no publication date (the citation convention).
NO_DATE = "n.d."

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_INT = re.compile(r"-?\d+")
# Markup a browser could act on: a tag opener, a character entity, a script URL.
_MARKUP = re.compile(r"<\s*[a-z/!?]|&#?[a-z0-9]+;|javascript\s*:", re.IGNORECASE)


class Kind(Enum):
    """What a field holds, which decides how its text is parsed and checked."""

    TEXT = "text"
    SLUG = "slug"
    INT = "int"
    NUMBER = "number"
    DATE = "date"
    SOURCE_DATE = "source_date"  # a date, or "n.d." for a page that shows none
    URL = "url"
    ENUM = "enum"
    ENUM_LIST = "enum_list"
    SLUG_LIST = "slug_list"
    INT_LIST = "int_list"
    TEXT_LIST = "text_list"  # names that may hold spaces and punctuation (aliases)


@dataclass(frozen=True)
class Field:
    """One column or property: its name, kind, whether it is required and, for enums, the allowed
    values."""

    name: str
    kind: Kind = Kind.TEXT
    required: bool = False
    allowed: tuple[str, ...] = ()
    # Shown to the reader: a companion field ``<name>_<language>`` for each of COMPANIONS must
    # hold its translation.
    translated: bool = False
    # Holds ids of organisations.csv, each naming an organisation by the role it plays in the
    # record (operator, party...).
    organisations: bool = False


@dataclass(frozen=True)
class TableSpec:
    """One curated file: its fields, the field that names a record in messages (``key``) and,
    for GeoJSON, which geometries it may hold."""

    file: str
    fields: tuple[Field, ...]
    geometry: tuple[str, ...] = ()
    key: str = "id"
    # The languages its translated fields have companions in: every language but English.
    companions: tuple[str, ...] = COMPANIONS
    names: tuple[str, ...] = field(init=False)
    translated: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        # Each translated field brings a companion in every other language, and
        # ``<language>_as_is`` lists the fields whose translation is the English on purpose
        # (a proper noun or code in Latin letters).
        translated = tuple(f.name for f in self.fields if f.translated)
        if translated:
            companions = tuple(
                Field(companion(name, language))
                for language in self.companions
                for name in translated
            )
            as_is = tuple(
                Field(as_is_field(language), Kind.ENUM_LIST, allowed=translated)
                for language in self.companions
            )
            object.__setattr__(self, "fields", (*self.fields, *companions, *as_is))
        object.__setattr__(self, "translated", translated)
        # Looked up for every cell of every record: computed once.
        object.__setattr__(self, "names", tuple(f.name for f in self.fields))


def companion(name: str, language: str) -> str:
    """The name of a field's companion in a language (``name_ja``)."""
    return f"{name}_{language}"


def as_is_field(language: str) -> str:
    """The field listing which translated fields a language writes as the English
    (``ja_as_is``)."""
    return f"{language}_as_is"


def japanese(name: str) -> str:
    """The name of a field's Japanese companion."""
    return companion(name, "ja")


JA_AS_IS = as_is_field("ja")


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
        """The first day the date covers (1 January for a year, the 1st for a month)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day the date covers (31 Dec for a year, the month's last day for a month)."""
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        following = dt.date(self.year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)


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
    if kind is Kind.SOURCE_DATE:
        value = _text(raw)
        return value if value == NO_DATE else parse_date(value)
    if kind is Kind.URL:
        return _url(_text(raw))
    if kind is Kind.ENUM:
        return _enum(_text(raw), spec.allowed)
    items = _items(raw)
    if kind is Kind.ENUM_LIST:
        return tuple(_enum(_text(item), spec.allowed) for item in items)
    if kind is Kind.SLUG_LIST:
        return tuple(_slug(item) for item in items)
    if kind is Kind.TEXT_LIST:
        return tuple(_text(item) for item in items)
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
    """A date as precise as the source gives it; ValueError names what is wrong."""
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
        Field("name", required=True, translated=True),
        Field("kind", Kind.ENUM, required=True, allowed=kinds),
        Field("description", required=True, translated=True),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
        Field("evidence_note", translated=True),
        Field("state", Kind.ENUM_LIST, required=located, allowed=STATES),
        Field("district_lgd", Kind.INT_LIST, required=located),
    )


def _roles(*names: str) -> tuple[Field, ...]:
    """Fields naming organisations (ids in organisations.csv) by the role they play in a
    record, so a reader can go from a record to the organisations behind it and back."""
    return tuple(Field(name, Kind.SLUG_LIST, organisations=True) for name in names)


SOURCES = TableSpec(
    "sources.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("title", required=True),
        Field("publisher", required=True),
        Field("url", Kind.URL),
        Field("date", Kind.SOURCE_DATE),
        Field("note"),
        # Titles stay in their own language; the publisher is named in every language.
        *(Field(companion("publisher", language)) for language in COMPANIONS),
    ),
)

DISTRICT_CODES = TableSpec(
    "district_codes.csv",
    (
        Field("lgd_code", Kind.INT, required=True),
        Field("state", Kind.ENUM, required=True, allowed=STATES),
        Field("lgd_name", required=True),
        Field("census2011_code", Kind.INT),
        # Empty for a district formed after the boundary source (it had no such number).
        Field("old_url_code", Kind.INT),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("note", translated=True),
    ),
    key="lgd_code",
)

NAME_KINDS = ("state", "district", "country")

# The Japanese names of the two states, their districts and the countries links reach, curated
# (not transliterated by code): ``key`` is the state's name, the district's LGD code or the
# country's ISO code, ``name`` the English the map shows.
NAMES_JA = TableSpec(
    "names_ja.csv",
    (
        Field("kind", Kind.ENUM, required=True, allowed=NAME_KINDS),
        Field("key", required=True),
        Field("name", required=True, translated=True),
        Field("note"),
    ),
    key="key",
)

# A block: an area the Centre or a state puts up for auction or exploration licence; its
# statuses (offered, preferred bidder, letter of intent, granted...) follow BLOCK_STEPS.
SITE_KINDS = ("plant", "mine", "deposit", "exploration", "block")
LICENCES = ("mining_lease", "composite_licence", "exploration_licence")
# The fields only a block has, and those it must have.
BLOCK_FIELDS = ("minerals", "tranche", "licence", "area_ha", "winner")
BLOCK_REQUIRED = ("minerals", "tranche")

SITES = TableSpec(
    "sites.geojson",
    (
        *_common(SITE_KINDS, located=True),
        Field("operator", translated=True),
        Field("minerals", translated=True),
        Field("tranche", translated=True),
        Field("licence", Kind.ENUM, allowed=LICENCES),
        Field("area_ha", Kind.NUMBER),
        Field("winner", translated=True),
        # Who runs the site, who owns it, who holds (or is to hold) its lease, who won it at
        # auction: a block's winner_ids name its ``winner``.
        *_roles("operator_ids", "owner_ids", "lessee_ids", "winner_ids"),
        Field("start_year", Kind.INT),
        Field("end_year", Kind.INT),
        Field("year_note", translated=True),
        Field(
            "location_precision",
            Kind.ENUM,
            required=True,
            allowed=(*POINT_PRECISIONS, "district"),
        ),
        Field("location_note", translated=True),
    ),
    geometry=("Point",),
)

# A block's auction or licence, in the order its steps may follow one another (what may
# come after each; None is the start). A block not bid for, or whose auction is annulled, may
# be offered again; once granted, the ordinary statuses of a working site follow.
BLOCK_STEPS: dict[str | None, tuple[str, ...]] = {
    None: ("offered",),
    "offered": ("no_bids", "annulled", "preferred_bidder"),
    "no_bids": ("offered",),
    "annulled": ("offered",),
    "preferred_bidder": ("letter_of_intent", "granted", "annulled"),
    "letter_of_intent": ("granted", "annulled"),
    "granted": ("exploration", "construction", "operating", "suspended", "lease_ended", "closed"),
}
BLOCK_STATUSES = tuple(step for step in BLOCK_STEPS if step is not None)
# From this step on, the block has a winner, whom the block's ``winner`` names.
WON_STATUSES = ("preferred_bidder", "letter_of_intent", "granted")

SITE_STATUSES = (
    "planned",
    "construction",
    "commissioning",
    "operating",
    "suspended",
    "lease_ended",
    "closed",
    "identified",
    "exploration",
    "allotted",
    *BLOCK_STATUSES,
)

SITE_STATUS = TableSpec(
    "site_status.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("site_id", Kind.SLUG, required=True),
        Field("status", Kind.ENUM, required=True, allowed=SITE_STATUSES),
        Field("start_year", Kind.INT, required=True),
        Field("end_year", Kind.INT),
        # The day the status began, as precisely as the sources give it (in start_year): a
        # block's steps need it, since several may fall in one year.
        Field("date", Kind.DATE),
        Field("description", required=True, translated=True),
        # Who took the step (the Ministry offering a block, a state issuing a letter of
        # intent), and its counterparts (the bidder, the lessee).
        *_roles("actor_ids", "party_ids"),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
        Field("evidence_note", translated=True),
    ),
)

PLACES = TableSpec(
    "places.geojson",
    (
        *_common(("mine", "plant", "city", "town", "port", "river_mouth")),
        Field("country", required=True),
        Field("location_precision", Kind.ENUM, required=True, allowed=POINT_PRECISIONS),
        Field("location_note", translated=True),
        *_roles("operator_ids", "party_ids"),
    ),
    geometry=("Point",),
)

# No zone has a published official outline yet; when one does, it will need another basis.
ZONE_BASES = ("district_union", "buffer", "coastal_strip", "none")

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
        Field("geometry_note", required=True, translated=True),
        Field("location_precision", Kind.ENUM, required=True, allowed=("indicative", "none")),
        # A mining belt's operator, the governments announcing a corridor, the organisations
        # whose plants make an industrial area.
        *_roles("operator_ids", "actor_ids", "party_ids"),
    ),
)

ZONES_FILE = "zones.geojson"
HOST_BLOCKLIST_FILE = "host_blocklist.txt"

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
        Field("status_note", translated=True),
        # The organisations at each end of the line (from_ref, to_ref), and those standing
        # between them: the framework a multilateral line belongs to, named implementers.
        *_roles("from_party_ids", "to_party_ids", "party_ids"),
    ),
)

# Where a milestone comes from: the research, a "Key Facts" line of the project brief, or a
# claim in the brief's body text. Both brief origins quote the brief in brief_text.
MILESTONE_ORIGINS = ("research", "brief_key_fact", "brief_body")
BRIEF_ORIGINS = ("brief_key_fact", "brief_body")

MILESTONES = TableSpec(
    "milestones.csv",
    (
        *_common(("agreement", "policy", "industry", "trade", "survey", "summit", "dialogue")),
        Field("date", Kind.DATE, required=True),
        Field("end_date", Kind.DATE),
        Field("related_ids", Kind.SLUG_LIST),
        Field("origin", Kind.ENUM, required=True, allowed=MILESTONE_ORIGINS),
        Field("brief_text", translated=True),
        # Who acted, and the other organisations the event names (counterparts, targets).
        *_roles("actor_ids", "party_ids"),
    ),
)

# The edition of the USGS Mineral Commodity Summaries the global context shows, and the year
# of mine production it charts: an edition estimates the year before it and revises the one
# before that. A new edition is a new file with these two numbers changed.
USGS_EDITION = 2026
PRODUCTION_YEAR = USGS_EDITION - 1
PRODUCTION_COLUMN = f"mine_production_{PRODUCTION_YEAR}_t"
PRODUCTION_COLUMNS = (f"mine_production_{PRODUCTION_YEAR - 1}_t", PRODUCTION_COLUMN, "reserves_t")

PRODUCTION = TableSpec(
    f"usgs_rare_earths_{USGS_EDITION}.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("country", required=True, translated=True),
        Field("iso_a3"),
        Field(PRODUCTION_COLUMNS[0], Kind.INT),
        Field(PRODUCTION_COLUMN, Kind.INT),
        Field("reserves_t", Kind.INT),
        Field("note", translated=True),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
    ),
)

# What a share of Japan's rare earths "from China" measures: the sources use different bases,
# and each is its own series.
IMPORT_MEASURES = ("imports", "supply", "trade_incl_final_goods", "raw_material_imports")

IMPORT_SHARE = TableSpec(
    "japan_rare_earth_imports_from_china.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("period", required=True, translated=True),
        Field("start", Kind.DATE, required=True),
        Field("end", Kind.DATE),
        Field("share_pct", Kind.NUMBER, required=True),
        Field("measure", Kind.ENUM, required=True, allowed=IMPORT_MEASURES),
        Field("basis", required=True, translated=True),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
        Field("evidence_note", translated=True),
    ),
)

# When the data were last reviewed against the sources (one row): the page shows it, and it
# may not be older than the newest dated record.
REVIEW = TableSpec(
    "review.csv",
    (
        Field("reviewed", Kind.DATE, required=True),
        Field("note", required=True, translated=True),
    ),
    key="reviewed",
)

# Place names that orient the reader (states, capitals, ports and towns the records mention,
# neighbours, countries, seas), each from a cited gazetteer or derived from a cited outline;
# the map shows each from ``min_zoom`` (up to ``max_zoom``). A national capital is also where
# the map draws the end of a link that names its country.
LABEL_KINDS = (
    "national_capital",
    "state",
    "neighbour_state",
    "capital",
    "port",
    "district_hq",
    "town",
    "country",
    "sea",
)
# How the point was had: read from the gazetteer, or derived (``note`` says how).
LABEL_PLACEMENTS = ("gazetteer", "derived")

LABELS = TableSpec(
    "labels.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("name", required=True, translated=True),
        Field("kind", Kind.ENUM, required=True, allowed=LABEL_KINDS),
        # A national capital's country (ISO 3166 alpha-3): a link to the country ends there.
        Field("country"),
        Field("lat", Kind.NUMBER, required=True),
        Field("lon", Kind.NUMBER, required=True),
        Field("min_zoom", Kind.INT, required=True),
        Field("max_zoom", Kind.INT),
        Field("placement", Kind.ENUM, required=True, allowed=LABEL_PLACEMENTS),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
        Field("source_feature", required=True),
        Field("note"),
    ),
)

# The organisations behind the records (companies, agencies, ministries, governments,
# multilateral frameworks): the records name them by id in their role fields (ORG_ROLES).
ORG_KINDS = (
    "company",
    "state_owned_enterprise",
    "agency",
    "ministry",
    "government",
    "multilateral",
)
ORG_ID_PREFIX = "org-"

ORGANISATIONS = TableSpec(
    "organisations.csv",
    (
        Field("id", Kind.SLUG, required=True),
        Field("name", required=True, translated=True),
        Field("kind", Kind.ENUM, required=True, allowed=ORG_KINDS),
        # ISO 3166 alpha-3 of the country it is registered in or governs; empty where no
        # source read says (a multilateral body, a company whose registration was not read).
        Field("country"),
        Field("parent", Kind.SLUG_LIST),
        Field("website", Kind.URL),
        # Other names the records and sources use, for matching and search. They are names,
        # not translations: every language has its own list beside the English one.
        Field("aliases", Kind.TEXT_LIST),
        *(Field(companion("aliases", language), Kind.TEXT_LIST) for language in COMPANIONS),
        Field("description", required=True, translated=True),
        Field("sources", Kind.SLUG_LIST, required=True),
        Field("evidence", Kind.ENUM, required=True, allowed=EVIDENCE_GRADES),
        Field("evidence_note", translated=True),
    ),
)

CURATED = (
    REVIEW,
    SOURCES,
    DISTRICT_CODES,
    NAMES_JA,
    SITES,
    SITE_STATUS,
    PLACES,
    ZONE_DEFINITIONS,
    LINKS,
    MILESTONES,
    PRODUCTION,
    IMPORT_SHARE,
    LABELS,
    ORGANISATIONS,
)

# Each layer's fields that name organisations, by the role they play.
ORG_ROLES: tuple[tuple[TableSpec, tuple[str, ...]], ...] = tuple(
    (spec, tuple(f.name for f in spec.fields if f.organisations))
    for spec in CURATED
    if any(f.organisations for f in spec.fields)
)
