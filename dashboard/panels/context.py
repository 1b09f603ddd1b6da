"""Global context figures: who mines rare earths, and how much Japan still buys from China."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from dashboard.core.choices import Language
from dashboard.core.messages import label, text
from dashboard.core.sources import Source
from dashboard.data.dataset import Dataset
from dashboard.data.schema import PRODUCTION_COLUMN, PRODUCTION_YEAR
from dashboard.panels.markdown import colon_join, md
from dashboard.panels.writers import MARKDOWN, source_line

JAPAN = "JPN"
INDIA = "IND"
CHINA = "CHN"


def japan_partners(dataset: Dataset) -> set[str]:
    """Countries at the other end of a link from or to Japan (from the links data, so the
    chart's grouping follows the dataset rather than a list in the code)."""
    countries = set()
    for row in dataset.links.itertuples():
        ends = {row.from_ref, row.to_ref}
        if JAPAN in ends:
            countries |= {e for e in ends if len(e) == 3 and e.isupper()} - {JAPAN, INDIA}
    return countries


def production_table(dataset: Dataset) -> pd.DataFrame:
    """USGS rows for countries (not the Other/World rows), with each country's group and its
    ``share`` of the world's mine production in PRODUCTION_YEAR (the USGS rounded world
    total)."""
    usgs = dataset.production
    # The rows without a country are "other countries" and the world total: the larger one.
    world = usgs.loc[usgs["iso_a3"].isna(), PRODUCTION_COLUMN].max()
    partners = japan_partners(dataset)

    def group(iso: object) -> str:
        if iso == INDIA:
            return "india"
        if iso == CHINA:
            return "china"
        return "partner" if iso in partners else "other"

    countries = usgs[usgs["iso_a3"].notna()].copy()
    countries["group"] = countries["iso_a3"].map(group)
    countries["share"] = countries[PRODUCTION_COLUMN].astype("Float64") / world
    return countries.sort_values(PRODUCTION_COLUMN, ascending=False, na_position="last")


SHARE_GROUPS = ("india", "partner", "china")


def group_shares(table: pd.DataFrame) -> dict[str, float]:
    """Share of world mine production by group (India, Japan's partners, China)."""
    return {
        group: float(table.loc[table["group"] == group, "share"].fillna(0).sum())
        for group in SHARE_GROUPS
    }


def group_shares_markdown(table: pd.DataFrame, language: Language) -> str:
    """'India: 0.7% · Japan's partners: 14.9% · China: 69.2%' as escaped Markdown."""
    shares = group_shares(table)
    percent = text("percent", language)
    return text("detail_separator", language).join(
        colon_join(
            md(label("group", g, language)),
            md(percent.format(value=f"{shares[g] * 100:.1f}")),
            language,
        )
        for g in SHARE_GROUPS
    )


def production_markdown(table: pd.DataFrame, language: Language) -> str:
    """The production chart's figures as a Markdown table (its text alternative): every
    country with its group, its mine production and its share of the world's, a dash where
    USGS gives no figure."""
    columns = ("column_country", "column_group", "column_production", "column_share")

    def figure(value: object, pattern: str) -> str:
        return "—" if pd.isna(value) else md(pattern.format(value))

    lines = [
        "| "
        + " | ".join(md(text(column, language).format(year=PRODUCTION_YEAR)) for column in columns)
        + " |",
        "|" + "---|" * len(columns),
    ]
    for row in table.itertuples():
        cells = (
            md(row.country),
            md(label("group", row.group, language)),
            figure(getattr(row, PRODUCTION_COLUMN), "{:,}"),  # 270,000 in both languages
            figure(row.share, "{:.1%}"),
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def source_list(
    source_ids: Iterable[tuple[str, ...]], sources: Mapping[str, Source], language: Language
) -> str:
    """A Markdown list of every source cited by a set of records, each once."""
    cited = sorted({s for ids in source_ids for s in ids})
    return "\n".join(f"- {source_line(sources[s], language)}" for s in cited)


def import_share_markdown(
    shares: pd.DataFrame, sources: Mapping[str, Source], language: Language
) -> str:
    """One line per figure: period, share, what was measured, grade and source."""
    lines = []
    for row in shares.sort_values(["period_start", "id"]).itertuples():
        cited = text("sources_separator", language).join(
            source_line(sources[s], language) for s in row.sources
        )
        note = f" *{md(row.evidence_note)}*" if row.evidence_note else ""
        share = md(text("percent", language).format(value=f"{row.share_pct:g}"))
        figure = colon_join(md(row.period), share, language)
        measure = md(label("import_measure", row.measure, language))
        rest = text("import_line", language).format(
            measure=measure, basis=md(row.basis), note=note, cited=cited
        )
        lines.append(f"- {MARKDOWN.evidence(row.evidence, language)} **{figure}** {rest}")
    return "\n".join(lines)
