"""Every text a reader sees exists in Japanese too: each translated field has its ``_ja``
companion, written (not copied) unless the field is listed in ``ja_as_is``; and the curated
Japanese names cover every state and district drawn and every country a link reaches."""

from __future__ import annotations

import re

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.records import Checked, Record
from dashboard.data.schema import JA_AS_IS, TableSpec, japanese

# Kana or kanji: a Japanese text has at least one.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def check(checked: Checked, boundaries: Boundaries) -> None:
    """Each translated field and its companion agree in presence; a companion equal to the
    English needs the field in ``ja_as_is``, and one listed there must equal the English."""
    for spec in schema.CURATED:
        for record in checked.of(spec):
            for name in spec.translated:
                _check_field(checked, spec, record, name)
    _check_names(checked, boundaries)


def _check_field(checked: Checked, spec: TableSpec, record: Record, name: str) -> None:
    english, ja = record.get(name), record.get(japanese(name))
    as_is = name in record.texts(JA_AS_IS)
    if checked.reported(spec, record, name) or checked.reported(spec, record, japanese(name)):
        return
    if english is None:
        if ja is not None:
            checked.add(spec, record, japanese(name), f"has text but {name} is empty")
        return
    if ja is None:
        checked.add(spec, record, japanese(name), f"is required: the Japanese of {name}")
    elif as_is and ja != english:
        checked.add(
            spec, record, JA_AS_IS, f"lists {name}, but {japanese(name)} differs from {name}"
        )
    elif not as_is and (ja == english or not _JAPANESE.search(str(ja))):
        checked.add(
            spec,
            record,
            japanese(name),
            f"is not a Japanese text (translate {name}, or list {name} in {JA_AS_IS} if it is "
            "a proper noun or code)",
        )


def _check_names(checked: Checked, boundaries: Boundaries) -> None:
    spec = schema.NAMES_JA
    districts = boundaries.districts
    wanted = {("state", state): state for state in schema.STATES}
    wanted |= {
        ("district", str(int(row.district_lgd))): str(row.district)
        for row in districts.itertuples()
    }
    countries = dict(zip(boundaries.world["iso_a3"], boundaries.world["name"], strict=True))
    # Any country may be named; those a link reaches must be.
    known = wanted | {("country", str(iso)): str(name) for iso, name in countries.items()}
    for link in checked.of(schema.LINKS):
        for end in (link.get("from_ref"), link.get("to_ref")):
            if end in countries:
                wanted[("country", str(end))] = str(countries[end])
    seen: set[tuple[str, str]] = set()
    for record in checked.of(spec):
        entry = (str(record.get("kind")), str(record.get("key")))
        if entry in seen:
            checked.add(spec, record, "key", "appears twice")
        seen.add(entry)
        if entry not in known:
            checked.add(spec, record, "key", f"names no {entry[0]} of the boundaries")
        elif record.get("name") != known[entry]:
            checked.add(spec, record, "name", f"should be {known[entry]!r}, as the map shows it")
    if spec.file in checked.unreadable:
        return
    for kind, key in sorted(set(wanted) - seen):
        checked.add(spec, f"{kind} {key}", "name_ja", f"no Japanese name for {wanted[kind, key]}")
