"""The milestone timeline (as HTML; a milestone as Markdown elsewhere): grouped by year, each
entry with its evidence badge and sources, the brief's disputed claims shown beside the
evidence."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd

from dashboard.core.choices import Language
from dashboard.core.messages import date_text, text
from dashboard.core.sources import Source
from dashboard.data.schema import BRIEF_ORIGINS
from dashboard.panels.markdown import colon_join
from dashboard.panels.writers import HTML, MARKDOWN, Writer, source_line


def by_year(milestones: pd.DataFrame) -> Iterator[tuple[int, pd.DataFrame]]:
    """The milestones grouped by year, oldest year first."""
    for year, group in milestones.groupby("year", sort=True):
        yield int(year), group


def milestone_markdown(
    milestone: pd.Series, sources: Mapping[str, Source], language: Language
) -> str:
    """One milestone as escaped Markdown (see ``milestone_text``)."""
    return milestone_text(milestone, sources, language, MARKDOWN)


def milestone_html(milestone: pd.Series, sources: Mapping[str, Source], language: Language) -> str:
    """One milestone as escaped HTML (see ``milestone_text``), for the timeline."""
    return f'<div class="milestone">{milestone_text(milestone, sources, language, HTML)}</div>'


def milestone_text(
    milestone: pd.Series, sources: Mapping[str, Source], language: Language, writer: Writer
) -> str:
    """One milestone: grade, date (or range), name, the brief's wording where it came from the
    brief, the evidence note and every cited source."""
    date = writer.text(date_text(milestone["date"], language))
    if pd.notna(milestone["end_date"]):
        date = f"{date}–{writer.text(date_text(milestone['end_date'], language))}"
    grade = writer.evidence(milestone["evidence"], language)
    head = f"{grade} {writer.bold.format(date)} {writer.text(milestone['name'])}"
    blocks = [
        writer.paragraph.format(head),
        writer.paragraph.format(writer.text(milestone["description"])),
    ]
    if milestone["origin"] in BRIEF_ORIGINS and pd.notna(milestone["brief_text"]):
        quote = text("quoted", language).format(text=writer.text(milestone["brief_text"]))
        says = colon_join(writer.text(text("brief_says", language)), quote, language)
        blocks.append(writer.quote.format(says))
    if pd.notna(milestone["evidence_note"]):
        note = writer.italic.format(writer.text(milestone["evidence_note"]))
        blocks.append(writer.paragraph.format(note))
    blocks.append(
        writer.bullets([source_line(sources[s], language, writer) for s in milestone["sources"]])
    )
    return writer.blocks(blocks)


def year_html(milestones: pd.DataFrame, year: int, language: Language) -> str:
    """The milestones under way in ``year`` under a heading, as a short escaped list (grade,
    date, name), or a line saying there are none: what the map's year means while it moves.
    HTML, since it changes at every year step (writers.py)."""
    during = milestones[(milestones["year"] <= year) & (milestones["end_year"] >= year)]
    heading = HTML.bold.format(HTML.text(text("year_milestones", language).format(year=year)))
    items = [
        f"{HTML.evidence(m.evidence, language)} "
        f"{HTML.bold.format(HTML.text(date_text(m.date, language)))} {HTML.text(m.name)}"
        for m in during.itertuples()
    ]
    listed = (
        HTML.bullets(items)
        if items
        else HTML.paragraph.format(
            HTML.text(text("year_milestones_none", language).format(year=year))
        )
    )
    return f'<div class="milestone">{HTML.paragraph.format(heading)}{listed}</div>'
