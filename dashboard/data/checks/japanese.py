"""Japanese as a Japanese editor publishes it (geodata/STYLE_ja.md), where a machine can tell:
no term the glossary forbids (geodata/glossary_ja.csv: 趣意書 for a letter of intent, MoU for
MOU, "FY" for a fiscal year written out as 2024年度（2024年4月～2025年3月）, ...), and no
half-width comma, colon, semicolon or bracket next to a Japanese character.

Every Japanese text of the data is checked: each translated field's ``_ja`` companion, the
curated Japanese names and each source's publisher in Japanese."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.data import schema
from dashboard.data.records import Checked
from dashboard.data.schema import companion

GLOSSARY_FILE = "glossary_ja.csv"
_JAPANESE = r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]"
# A half-width , : ; ( ) beside a Japanese character (full-width 、：；（） belong there).
HALF_WIDTH = re.compile(rf"{_JAPANESE}[,:;()]|[,:;()]{_JAPANESE}")


@dataclass(frozen=True)
class Forbidden:
    """A variant the glossary forbids, and the term to write instead."""

    variant: str
    term: str


def read_glossary(folder: Path) -> list[Forbidden]:
    """The glossary's forbidden variants (none when the folder has no glossary)."""
    path = folder / GLOSSARY_FILE
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Forbidden(variant.strip(), row["term_ja"])
            for row in csv.DictReader(handle)
            for variant in row["forbidden_ja"].split(";")
            if variant.strip()
        ]


def check(checked: Checked, folder: Path) -> None:
    """Report each Japanese text with a forbidden variant or half-width punctuation beside
    Japanese."""
    glossary = read_glossary(folder)
    for spec in schema.CURATED:
        fields = [companion(name, "ja") for name in spec.translated]
        fields += [name for name in ("name_ja", "publisher_ja") if name in spec.names]
        for record in checked.of(spec):
            for field in dict.fromkeys(fields):
                value = record.text(field)
                if value:
                    for message in problems(value, glossary):
                        checked.add(spec, record, field, message)


def problems(value: str, glossary: list[Forbidden]) -> list[str]:
    """What is wrong with one Japanese text, each said once."""
    found = [
        f"writes {entry.variant!r}: the glossary's term is {entry.term!r}"
        for entry in glossary
        if entry.variant in value
    ]
    half = HALF_WIDTH.search(value)
    if half:
        found.append(
            f"has half-width {half.group(0)!r}: use full-width punctuation (、：；（）) in Japanese"
        )
    return found
