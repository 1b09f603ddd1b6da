"""The two catalogs: the same keys and placeholders in English and Japanese, a Japanese text
for every English one, and dates and year spans as each language writes them."""

import re
import string
from pathlib import Path

import pandas as pd
import pytest

import dashboard
from dashboard.core.catalog_en import EN
from dashboard.core.catalog_ja import JA
from dashboard.core.choices import Language, Layer
from dashboard.core.exports import Export
from dashboard.core.messages import CATALOGS, date_text, label, text, year_span
from dashboard.data.schema import LANGUAGES, Field, TableSpec
from dashboard.map.layer_data import LABEL_GROUPS

# The same in both languages on purpose: each language's own name, units (an area, the
# pictures' scale bar) and the names of file formats.
SAME_IN_BOTH = {
    "language.en",
    "language.ja",
    "details_area_value",
    "percent",  # 12.5% in both
    "picture_scale",
    "picture_format.png",
    "picture_format.svg",
    "picture_format.pdf",
}
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_key_exists_in_both_languages() -> None:
    assert set(EN) == set(JA)


@pytest.mark.parametrize("key", sorted(EN))
def test_each_text_has_the_same_placeholders(key: str) -> None:
    assert placeholders(EN[key]) == placeholders(JA[key])
    # Each template formats with the same arguments in both languages.
    arguments = {name: 1 for name in placeholders(EN[key])}
    EN[key].format(**arguments)
    JA[key].format(**arguments)


@pytest.mark.parametrize("key", sorted(set(EN) - SAME_IN_BOTH))
def test_each_japanese_text_is_written_in_japanese(key: str) -> None:
    assert JA[key] != EN[key]
    words = re.sub(r"\{[^}]*\}", "", EN[key])  # placeholders are not words
    assert _JAPANESE.search(JA[key]) or not re.search(r"[A-Za-z]{3}", words), JA[key]


def test_a_text_and_a_label_come_in_the_language_asked_for() -> None:
    assert text("details", Language.JA) == "詳細"
    assert label("evidence", "disputed", Language.JA) == "異論あり"
    assert label("evidence", "disputed", Language.EN) == "Disputed"
    assert label("evidence", "unknown-grade", Language.JA) == "unknown-grade"


@pytest.mark.parametrize(
    ("value", "english", "japanese"),
    [
        ("2025-08-29", "2025-08-29", "2025年8月29日"),
        ("2010-07", "2010-07", "2010年7月"),
        ("2012", "2012", "2012年"),
        ("n.d.", "n.d.", "n.d."),
        ("FY2022", "FY2022", "FY2022"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(
    value: str, english: str, japanese: str
) -> None:
    assert date_text(value, Language.EN) == english
    assert date_text(value, Language.JA) == japanese


def test_year_spans_read_naturally() -> None:
    assert year_span(2011, 2014, Language.EN) == "2011–2014"
    assert year_span(2011, pd.NA, Language.EN) == "2011–"
    assert year_span(pd.NA, pd.NA, Language.EN) == ""
    assert year_span(2018, 2018, Language.EN) == "2018"
    assert year_span(2011, 2014, Language.JA) == "2011～2014年"
    assert year_span(2011, pd.NA, Language.JA) == "2011年～"
    assert year_span(2018, 2018, Language.JA) == "2018年"


@pytest.mark.parametrize(
    ("locale", "language"),
    [("ja-JP", Language.JA), ("ja", Language.JA), ("en-US", Language.EN), (None, Language.EN)],
)
def test_the_browser_locale_picks_the_language(locale: str | None, language: Language) -> None:
    assert Language.of_locale(locale) is language


# Keys built at run time from a value, not written out: the layers (layer_sites, ...) and the
# map summary's counts (map_summary_sites, map_summary_sites_one, ...).
BUILT_KEY_PREFIXES = ("layer_", "map_summary_", "download_")


def _code() -> str:
    package = Path(dashboard.__file__).parent
    sources = [
        p
        for p in package.rglob("*.py")
        if not p.name.startswith("catalog_") and "static" not in p.parts
    ]
    sources += list((package / "map" / "js").glob("*.js"))
    return "\n".join(p.read_text(encoding="utf-8") for p in sources)


def test_every_catalog_key_is_used() -> None:
    """A key no code reads is a text nobody sees, and one more to translate for nothing."""
    code = _code()
    literals = set(re.findall(r"""["']([A-Za-z0-9_.]+)["']""", code))
    groups = set(re.findall(r"""label\(\s*["']([a-z_]+)["']""", code))
    groups |= set(LABEL_GROUPS)
    unused = [
        key
        for key in EN
        if key not in literals
        and not ("." in key and key.split(".")[0] in groups)
        and not key.startswith(BUILT_KEY_PREFIXES)
    ]
    assert unused == []


@pytest.mark.parametrize("language", list(Language))
def test_every_layer_and_export_has_its_label(language: Language) -> None:
    # The keys built from the registries (core.choices.Layer, core.exports.Export).
    catalog = CATALOGS[language.value]
    missing = [f"layer_{layer.value}" for layer in Layer if f"layer_{layer.value}" not in catalog]
    missing += [f"download_{k.value}" for k in Export if f"download_{k.value}" not in catalog]
    assert missing == []


def test_the_languages_are_one_list() -> None:
    assert tuple(language.value for language in Language) == LANGUAGES
    assert set(CATALOGS) == set(LANGUAGES)


def test_a_third_language_needs_no_schema_change() -> None:
    """Each translated field gets a companion in every language the schema is told of."""
    spec = TableSpec(
        "x.csv", (Field("id"), Field("name", translated=True)), companions=("ja", "ko")
    )
    assert spec.names == ("id", "name", "name_ja", "name_ko", "ja_as_is", "ko_as_is")
