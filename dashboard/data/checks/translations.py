"""Every text a reader sees exists in every language (schema.COMPANIONS) too: each translated
field has its companion (``name_ja``), written (not copied) unless the field is listed in the
language's ``<language>_as_is``; and the curated names cover every state and district drawn
and every country a link reaches."""

from __future__ import annotations

import re

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.records import Checked, Record
from dashboard.data.schema import TableSpec, as_is_field, companion

# What a text in each language is written in, and what the messages call the language: a
# Japanese text has at least one kana or kanji. A new language adds its line here.
SCRIPTS = {"ja": re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")}
LANGUAGE_NAMES = {"ja": "Japanese"}


def check(checked: Checked, boundaries: Boundaries) -> None:
    """Each translated field and its companions agree in presence; a companion equal to the
    English needs the field in the language's ``as_is`` list, and one listed there must equal
    the English."""
    for spec in schema.CURATED:
        for record in checked.of(spec):
            for name in spec.translated:
                for language in schema.COMPANIONS:
                    _check_field(checked, spec, record, name, language)
    _check_names(checked, boundaries)


def _check_field(
    checked: Checked, spec: TableSpec, record: Record, name: str, language: str
) -> None:
    field, as_is_list = companion(name, language), as_is_field(language)
    english, translation = record.get(name), record.get(field)
    as_is = name in record.texts(as_is_list)
    language_name = LANGUAGE_NAMES.get(language, language)
    if checked.reported(spec, record, name) or checked.reported(spec, record, field):
        return
    if english is None:
        if translation is not None:
            checked.add(spec, record, field, f"has text but {name} is empty")
        return
    if translation is None:
        checked.add(spec, record, field, f"is required: the {language_name} of {name}")
    elif as_is and translation != english:
        checked.add(spec, record, as_is_list, f"lists {name}, but {field} differs from {name}")
    elif not as_is and (translation == english or not _in_script(language, str(translation))):
        checked.add(
            spec,
            record,
            field,
            f"is not a {language_name} text (translate {name}, or list {name} in "
            f"{as_is_list} if it is a proper noun or code)",
        )


def _in_script(language: str, text: str) -> bool:
    script = SCRIPTS.get(language)
    return script is None or bool(script.search(text))


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
        for language in schema.COMPANIONS:
            checked.add(
                spec,
                f"{kind} {key}",
                companion("name", language),
                f"no {LANGUAGE_NAMES.get(language, language)} name for {wanted[kind, key]}",
            )
