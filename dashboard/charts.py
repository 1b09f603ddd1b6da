"""Charts of the global context, as Altair specifications (rendered by Streamlit's bundled
Vega, so they stay offline)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.messages import label, text

GROUP_COLOURS = {"china": "#c0392b", "india": "#e08e0b", "partner": "#0b6e4f", "other": "#9a9a9a"}


def production_chart(table: pd.DataFrame) -> alt.Chart:
    """2024 mine production by country, largest first, coloured by who the country is to the
    India-Japan story."""
    data = table.dropna(subset=["mine_production_2024_t"]).assign(
        group_label=lambda f: f["group"].map(lambda g: label("group", g)),
        production=lambda f: f["mine_production_2024_t"].astype(int),
        share=lambda f: f["share_2024"].astype(float),
    )[["country", "production", "share", "group_label"]]
    data = data[data["production"] > 0]
    groups = list(GROUP_COLOURS)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("production:Q", title=text("column_production_2024")),
            y=alt.Y("country:N", sort="-x", title=None),
            color=alt.Color(
                "group_label:N",
                title=text("column_group"),
                scale=alt.Scale(
                    domain=[label("group", g) for g in groups],
                    range=[GROUP_COLOURS[g] for g in groups],
                ),
            ),
            tooltip=[
                alt.Tooltip("country:N", title=text("column_country")),
                alt.Tooltip("production:Q", title=text("column_production_2024"), format=","),
                alt.Tooltip("share:Q", title=text("column_share"), format=".1%"),
            ],
        )
        .properties(height=320)
    )


def import_share_chart(shares: pd.DataFrame) -> alt.Chart:
    """Points, not a line: the sources measure different things (see ``basis``), and joining
    them would draw a trend that no single source supports."""
    data = shares.assign(share=lambda f: f["share_pct"].astype(float))[
        ["period", "year", "share", "basis", "evidence"]
    ].assign(evidence_label=lambda f: f["evidence"].map(lambda g: label("evidence", g)))
    return (
        alt.Chart(data)
        .mark_circle(size=90, opacity=0.85)
        .encode(
            x=alt.X(
                "year:Q",
                title=None,
                axis=alt.Axis(format="d", tickMinStep=1),
                scale=alt.Scale(zero=False, padding=12),
            ),
            y=alt.Y(
                "share:Q",
                title=text("column_share_pct"),
                scale=alt.Scale(domain=[0, 100]),
            ),
            color=alt.Color("evidence_label:N", title=text("column_evidence")),
            tooltip=[
                alt.Tooltip("period:N", title=text("column_period")),
                alt.Tooltip("share:Q", title=text("column_share_pct")),
                alt.Tooltip("basis:N", title=text("column_basis")),
                alt.Tooltip("evidence_label:N", title=text("column_evidence")),
            ],
        )
        .properties(height=320)
    )
