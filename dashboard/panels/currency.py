"""How current the data are, in one line under the page's title: when they were last reviewed
against the sources (geodata/review.csv) and the date of the newest event they record, with a
link to the feed of changes."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd

from dashboard.core.choices import Language
from dashboard.core.messages import date_text, text
from dashboard.panels.markdown import md


def as_of_markdown(review: pd.DataFrame, language: Language, feed_href: str) -> str:
    """The line, as Markdown: the review date, the newest event's date and the feed's link."""
    row = review.iloc[0]
    sentence = text("as_of", language).format(
        reviewed=date_text(str(row["reviewed"]), language),
        newest=date_text(str(row["newest"]), language) if row["newest"] else "–",
    )
    link = f"[{md(text('feed_link', language))}]({quote(feed_href)})"
    return f"{md(sentence)}{text('sentence_join', language)}{link}"
