"""Milestones read in time order, with their grade, their sources and the brief's words, in
Markdown and in the timeline's HTML alike."""

import html
import re

import pytest

from dashboard.core.choices import Language
from dashboard.core.filters import milestones_in_view
from dashboard.core.localize import localized
from dashboard.core.sources import source_catalog
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.data.dataset import Dataset
from dashboard.panels.milestones import by_year, milestone_html, milestone_markdown, year_html
from dashboard.panels.writers import HTML


def test_grouped_by_year_in_order(good: Dataset) -> None:
    shown = milestones_in_view(good.milestones, View(2020))
    assert [year for year, _ in by_year(shown)] == [2012, 2023]


def test_a_disputed_brief_claim_shows_the_evidence(good: Dataset) -> None:
    shown = milestones_in_view(good.milestones, View(2020)).set_index("id")
    text = milestone_markdown(
        shown.loc["ms-brief-2023-mou"], source_catalog(good, Language.EN), Language.EN
    )
    assert ":red-badge[Disputed]" in text
    assert "The project brief says" in text
    assert "PTI dates the MoC to 29 Aug 2025" in text
    assert "](https://www.newsdrum.in/" in text


def test_a_milestone_starts_with_its_grade_and_date(good: Dataset) -> None:
    shown = milestones_in_view(good.milestones, View(2020)).set_index("id")
    text = milestone_markdown(
        shown.loc["ms-2012-mou"], source_catalog(good, Language.EN), Language.EN
    )
    assert text.startswith(":green-badge[Verified] **2012\\-11\\-16**")


def test_the_years_milestones_are_listed_in_short(good: Dataset) -> None:
    shown = milestones_in_view(good.milestones, View(2012))
    listed = year_html(shown, 2012, Language.EN)
    assert "<strong>Milestones in 2012</strong>" in listed
    assert (
        '<li><span class="badge badge-green">Verified</span> <strong>2012-11-16</strong>' in listed
    )
    assert listed.count("<li>") == 1
    assert "<li>" not in year_html(shown, 2000, Language.EN)
    assert "No milestone in 2000" in year_html(shown, 2000, Language.EN)


def _markdown_shown(markdown: str) -> str:
    """What Streamlit shows of the panels' Markdown: badges' and links' texts, no markup."""
    shown = re.sub(r":\w+-badge\[((?:\\.|[^\]])*)\]", r"\1", markdown)
    shown = re.sub(r"\[((?:\\.|[^\]])*)\]\([^)]*\)", r"\1", shown)
    shown = re.sub(r"^(?:> |- )", "", shown, flags=re.MULTILINE)
    shown = re.sub(r"(?<!\\)\*+", "", shown)
    return " ".join(re.sub(r"\\(.)", r"\1", shown).split())


def _html_shown(body: str) -> str:
    inline = re.sub(r"</?(?:a|strong|em|span)\b[^>]*>", "", body)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", inline)).split())


@pytest.mark.parametrize("language", list(Language))
def test_the_timeline_in_html_says_what_the_markdown_says(
    real_world: World, language: Language
) -> None:
    shown = localized(real_world, language)
    sources = source_catalog(shown.dataset, language)
    for _, milestone in shown.dataset.milestones.iterrows():
        as_html = _html_shown(milestone_html(milestone, sources, language))
        assert as_html == _markdown_shown(milestone_markdown(milestone, sources, language))


def test_the_timeline_in_html_shows_hostile_text_as_text(good: Dataset) -> None:
    milestone = good.milestones.set_index("id").loc["ms-2012-mou"].copy()
    milestone["name"] = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>'
    milestone["description"] = "[a](javascript:alert(3)) **bold**"
    body = milestone_html(milestone, source_catalog(good, Language.EN), Language.EN)
    assert "<img" not in body
    assert "<script" not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;" in body
    assert "[a](javascript:alert(3)) **bold**" in body  # Markdown means nothing here
    links = re.findall(r"<a [^>]*>", body)
    assert links  # its sources, each opening in a new tab
    assert all('target="_blank" rel="noopener noreferrer"' in a for a in links)
    assert all(re.search(r'href="https?://', a) for a in links)


def test_a_link_to_anything_but_a_web_page_is_its_title_alone() -> None:
    assert HTML.link("Title <b>", "javascript:alert(1)") == "Title &lt;b&gt;"
    assert HTML.link("T", 'https://x.example/a"b') == (
        '<a href="https://x.example/a%22b" target="_blank" rel="noopener noreferrer">T</a>'
    )
