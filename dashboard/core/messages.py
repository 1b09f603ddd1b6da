"""Every piece of text the user reads, in one catalog per language (English and Japanese).

Plain keys hold sentences; ``group.value`` keys name the values of a data field (kinds,
grades, statuses), looked up with ``label``. Dates and year spans are written by each
language's own templates, so a Japanese page reads 2025年8月29日 where English reads
2025-08-29.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.catalog_en import EN
from dashboard.core.catalog_ja import JA
from dashboard.core.choices import Language

CATALOGS: dict[str, dict[str, str]] = {"en": EN, "ja": JA}


def text(key: str, language: Language) -> str:
    """The user-facing text under ``key``; an unknown key is a programming error and raises
    KeyError."""
    return CATALOGS[language.value][key]


def label(group: str, value: object, language: Language) -> str:
    """The label of a field's value; an unknown value shows as itself rather than failing."""
    return CATALOGS[language.value].get(f"{group}.{value}", str(value))


def date_text(value: str, language: Language) -> str:
    """A date as precise as its source gives it (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``),
    written as the language writes dates; any other text is returned unchanged."""
    parts = value.split("-")
    if not all(part.isdigit() for part in parts) or not 1 <= len(parts) <= 3:
        return value
    numbers = [int(part) for part in parts]
    key = ("date_year", "date_month", "date_day")[len(numbers) - 1]
    return text(key, language).format(**dict(zip(("year", "month", "day"), numbers, strict=False)))


def year_span(start: object, end: object, language: Language) -> str:
    """'2011–2014', '2011–' while running, '2018' within one year (2011～2014年, 2011年～,
    2018年 in Japanese); '' when the start is unknown."""
    if pd.isna(start):
        return ""
    if pd.isna(end):
        return text("years_from", language).format(start=start)
    if start == end:
        return text("years_one", language).format(start=start)
    return text("years_range", language).format(start=start, end=end)
