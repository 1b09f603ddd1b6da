"""Charts of the global context, as Altair specifications (rendered by Streamlit's bundled
Vega, so they stay offline)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.core.choices import Language
from dashboard.core.messages import label, text
from dashboard.data.schema import IMPORT_MEASURES, PRODUCTION_COLUMN, PRODUCTION_YEAR

# Colours that stay apart with the common colour-vision deficiencies
# (tests/unit/test_palettes.py); each chart's figures are also given as a table. Bars are
# outlined in BAR_EDGE, so even a light fill stands out from the white page.
GROUP_COLOURS = {"china": "#d55e00", "india": "#f0e442", "partner": "#0072b2", "other": "#9a9a9a"}
BAR_EDGE = "#1b1b1b"
# One colour and one shape per measure of Japan's dependence on China, in the order of
# IMPORT_MEASURES.
MEASURE_COLOURS = ("#0072b2", "#d55e00", "#cc79a7", "#000000")
MEASURE_SHAPES = ("circle", "square", "triangle-up", "diamond")


def production_chart(table: pd.DataFrame, language: Language) -> alt.Chart:
    """Mine production in PRODUCTION_YEAR by country, largest first, coloured by who the
    country is to the India-Japan story."""
    data = table.dropna(subset=[PRODUCTION_COLUMN]).assign(
        group_label=lambda f: f["group"].map(lambda g: label("group", g, language)),
        production=lambda f: f[PRODUCTION_COLUMN].astype(int),
        share=lambda f: f["share"].astype(float),
    )[["country", "production", "share", "group_label"]]
    production_title = text("column_production", language).format(year=PRODUCTION_YEAR)
    share_title = text("column_share", language).format(year=PRODUCTION_YEAR)
    data = data[data["production"] > 0]
    groups = list(GROUP_COLOURS)
    return (
        alt.Chart(data)
        .mark_bar(stroke=BAR_EDGE, strokeWidth=1)
        .encode(
            x=alt.X("production:Q", title=production_title),
            y=alt.Y("country:N", sort="-x", title=None),
            color=alt.Color(
                "group_label:N",
                title=text("column_group", language),
                scale=alt.Scale(
                    domain=[label("group", g, language) for g in groups],
                    range=[GROUP_COLOURS[g] for g in groups],
                ),
            ),
            tooltip=[
                alt.Tooltip("country:N", title=text("column_country", language)),
                alt.Tooltip("production:Q", title=production_title, format=","),
                alt.Tooltip("share:Q", title=share_title, format=".1%"),
            ],
        )
        .properties(height=320)
    )


def import_share_chart(shares: pd.DataFrame, language: Language) -> alt.LayerChart | alt.FacetChart:
    """One series per measure (the sources measure different things, and a share of imports
    is not a share of supply): each figure a point at the middle of its period, with a bar
    across the period, and no line joining figures that no single source joins."""
    middle = shares["period_start"] + (shares["period_end"] - shares["period_start"]) / 2
    data = shares.assign(
        share=shares["share_pct"].astype(float),
        middle=middle,
        measure_label=shares["measure"].map(lambda m: label("import_measure", m, language)),
        evidence_label=shares["evidence"].map(lambda g: label("evidence", g, language)),
    )[
        [
            "period",
            "period_start",
            "period_end",
            "middle",
            "share",
            "measure_label",
            "basis",
            "evidence_label",
        ]
    ]
    measures = [label("import_measure", m, language) for m in IMPORT_MEASURES]
    colour = alt.Color(
        "measure_label:N",
        title=text("column_measure", language),
        scale=alt.Scale(domain=measures, range=list(MEASURE_COLOURS)),
        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320),
    )
    share = alt.Y(
        "share:Q", title=text("column_share_pct", language), scale=alt.Scale(domain=[0, 100])
    )
    base = alt.Chart(data)
    spans = base.mark_rule(strokeWidth=3, opacity=0.6).encode(
        x=alt.X("period_start:T", title=None),
        x2="period_end:T",
        y=share,
        color=colour,
    )
    points = base.mark_point(size=90, filled=True, opacity=0.9).encode(
        x=alt.X("middle:T", title=None),
        y=share,
        color=colour,
        shape=alt.Shape(
            "measure_label:N",
            title=text("column_measure", language),
            scale=alt.Scale(domain=measures, range=list(MEASURE_SHAPES)),
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320),
        ),
        tooltip=[
            alt.Tooltip("period:N", title=text("column_period", language)),
            alt.Tooltip("share:Q", title=text("column_share_pct", language)),
            alt.Tooltip("measure_label:N", title=text("column_measure", language)),
            alt.Tooltip("basis:N", title=text("column_basis", language)),
            alt.Tooltip("evidence_label:N", title=text("column_evidence", language)),
        ],
    )
    return alt.layer(spans, points).properties(height=320)
