"""The milestone timeline as Markdown: grouped by year, each entry with its evidence badge and
sources, the brief's disputed claims shown beside the evidence."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd

from dashboard.core.choices import Language
from dashboard.core.messages import date_text, text
from dashboard.core.sources import Source
from dashboard.data.schema import BRIEF_ORIGINS
from dashboard.panels.markdown import colon_join, evidence_badge, md, source_line


def by_year(milestones: pd.DataFrame) -> Iterator[tuple[int, pd.DataFrame]]:
    """The milestones grouped by year, oldest year first."""
    for year, group in milestones.groupby("year", sort=True):
        yield int(year), group


def milestone_markdown(
    milestone: pd.Series, sources: Mapping[str, Source], language: Language
) -> str:
    """One milestone as escaped Markdown: grade, date (or range), name, the brief's wording
    where it came from the brief, the evidence note and every cited source."""
    date = md(date_text(milestone["date"], language))
    if pd.notna(milestone["end_date"]):
        date = f"{date}–{md(date_text(milestone['end_date'], language))}"
    head = f"{evidence_badge(milestone['evidence'], language)} **{date}** {md(milestone['name'])}"
    lines = [head, "", md(milestone["description"])]
    if milestone["origin"] in BRIEF_ORIGINS and pd.notna(milestone["brief_text"]):
        quote = text("quoted", language).format(text=md(milestone["brief_text"]))
        lines += ["", f"> {colon_join(md(text('brief_says', language)), quote, language)}"]
    if pd.notna(milestone["evidence_note"]):
        lines += ["", f"*{md(milestone['evidence_note'])}*"]
    cited = [source_line(sources[s], language) for s in milestone["sources"]]
    lines += ["", *[f"- {c}" for c in cited]]
    return "\n".join(lines)


def year_markdown(milestones: pd.DataFrame, year: int, language: Language) -> str:
    """The milestones under way in ``year`` as a short escaped list (grade, date, name), or ''
    when there are none: what the map's year means while it moves."""
    during = milestones[(milestones["year"] <= year) & (milestones["end_year"] >= year)]
    lines = [
        f"- {evidence_badge(m.evidence, language)} **{md(date_text(m.date, language))}** "
        f"{md(m.name)}"
        for m in during.itertuples()
    ]
    return "\n".join(lines)
