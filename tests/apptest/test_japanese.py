"""The page in Japanese: no English interface text left, Japanese data texts with their
grades and sources, a language switch that keeps the view, and a link that carries it."""

import csv
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.catalog_en import EN
from dashboard.core.catalog_ja import JA
from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.panels.markdown import md
from dashboard.paths import GEODATA_DIR, REPO_ROOT
from tests.apptest.page_words import page_words
from tests.apptest.search_box import marked, pick
from tests.apptest.share_box import share_link

APP = str(REPO_ROOT / "dashboard" / "app.py")
GANJAM = 354
# Each language's own name is written the same in both catalogs.
SAME_IN_BOTH = {"language.en", "language.ja"}
# A cited source (title linked, then publisher and date): titles stay in their own language.
_SOURCE = re.compile(r"\[(?:\\.|[^\]])*\]\([^)]*\)[^\n]*")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
# A Japanese data text may give an original name in full-width brackets: （Global Trade Alert）.
_GLOSS = re.compile(r"（[^（）]*）")


SOURCE_TITLES = {
    row["title"] for row in csv.DictReader((GEODATA_DIR / "sources.csv").open(encoding="utf-8"))
}


def open_page(**params: str) -> AppTest:
    """A fresh session on a link, after the map's first report (which completes the page)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.session_state["map"] = {"center": {"lat": 17.6, "lng": 82.1}, "zoom": 6}
    return at.run()


def english_fragments() -> dict[str, str]:
    """Each English catalog text's literal words (between placeholders), by key."""
    fragments = {}
    for key, value in EN.items():
        if key in SAME_IN_BOTH:
            continue
        for part in _PLACEHOLDER.split(value):
            part = part.strip(" .,:;()–▸…")
            if len(re.sub(r"[^A-Za-z]", "", part)) >= 3:
                fragments[f"{key}: {part}"] = part
    return fragments


def interface_text(at: AppTest) -> str:
    """The page's text without cited sources, without original names glossed in full-width
    brackets, and without the Latin-letter names the Japanese catalog itself uses (Survey of
    India, USGS, Natural Earth...)."""
    page = _SOURCE.sub("", "\n".join(page_words(at)))
    # Titles stay in their own language, linked or not (an original not found has no link).
    for title in sorted(SOURCE_TITLES, key=len, reverse=True):
        page = page.replace(md(title), "").replace(title, "")  # in Markdown, and as shown
    while _GLOSS.search(page):
        page = _GLOSS.sub("", page)
    latin_in_japanese = {
        name.strip()
        for value in JA.values()
        for name in re.findall(
            r"[A-Za-z][A-Za-z0-9 ./()-]*[A-Za-z0-9]", _PLACEHOLDER.sub("", value)
        )
    }
    for name in sorted(latin_in_japanese, key=len, reverse=True):
        page = page.replace(name, "")
    return page


def test_a_japanese_page_has_no_english_interface_text_left() -> None:
    at = open_page(lang="ja")
    assert not at.exception
    page = interface_text(at)
    left = [
        key
        for key, words in english_fragments().items()
        if re.search(rf"(?<![A-Za-z]){re.escape(words)}(?![A-Za-z])", page)
    ]
    assert left == []
    assert at.title[0].value == JA["title"]
    # The whole page was read: every milestone of the timeline is in it.
    shown = "\n".join(page_words(at))
    milestones = csv.DictReader((GEODATA_DIR / "milestones.csv").open(encoding="utf-8"))
    assert [m["name_ja"] for m in milestones if m["name_ja"] not in shown] == []


def test_ganjam_in_japanese_shows_its_sites_grades_and_sources() -> None:
    at = open_page(lang="ja", year="2020")
    pick(at, "ガンジャム", "district:lgd-354", Language.JA)
    details = "\n".join(m.value for m in at.main.markdown if m.value.startswith("### "))
    assert details.startswith("### ガンジャム県")
    assert "オディシャ州" in details
    assert ":green-badge[確認済み]" in details
    assert "IREL（旧インディアン・レアアース社）" in details  # the operator, as written in Japanese
    assert "ビジネス・スタンダード紙" in details  # a source, its publisher written in Japanese
    assert "2011年4月20日" in details  # dated as Japanese writes dates
    # The search's option: the Japanese name, the English one to find it by, the kind.
    option = at.radio(key="found-ja").format_func("district:lgd-354")
    assert option == "ガンジャム県（オディシャ州）（Ganjam）：県"


def test_switching_language_keeps_the_view() -> None:
    at = open_page(lang="ja", year="2012", sel=f"district:lgd-{GANJAM}", evidence="verified")
    at.radio(key="language").set_value(Language.EN).run()
    assert at.title[0].value == EN["title"]
    assert at.slider(key="year").value == 2012
    evidence = at.radio(key="evidence").value
    assert evidence is not None
    assert evidence.value == "verified"
    assert marked(at, "Ganjam") == "district:lgd-354"
    assert at.query_params["lang"] == "en"
    assert at.query_params["sel"] == f"district:lgd-{GANJAM}"
    assert "lang=en" in share_link(at)  # the share link keeps the language


def test_a_link_in_japanese_keeps_its_language_in_the_share_box() -> None:
    at = open_page(lang="ja")
    assert at.query_params["lang"] == "ja"
    assert "lang=ja" in share_link(at)


def test_an_unknown_language_gets_the_notice_and_the_default() -> None:
    at = open_page(lang="<script>")
    assert not at.exception
    assert at.warning[0].value == text("url_ignored", Language.EN).format(keys="lang")
    assert at.title[0].value == EN["title"]


@pytest.mark.usefixtures("broken_data")
def test_broken_data_is_reported_in_japanese() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "ja"
    at.run()
    assert not at.exception
    assert at.title[0].value == JA["title"]
    assert at.error[0].value == JA["data_error"]
    assert at.code[0].value.startswith("sites.geojson: -: -:")
