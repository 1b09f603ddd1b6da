"""Turn data text into Markdown that Streamlit shows literally.

Streamlit's Markdown understands links, images, colour directives (``:red[...]``), emoji
shortcodes and LaTeX (``$...$``): any of them in data could change the page or make it fetch
another host. Backslash-escaping every ASCII punctuation mark makes each character literal.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from dashboard.core.choices import Language
from dashboard.core.messages import text

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")

BADGE_COLOURS = {"verified": "green", "reported": "blue", "claimed": "orange", "disputed": "red"}


def md(value: object) -> str:
    """Escape for Markdown; line breaks become spaces so a value cannot start a block."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))


def md_link(title: str, url: str) -> str:
    """A link whose address is an http(s) URL with every Markdown-significant character
    percent-encoded; anything else is shown as plain text."""
    if urlsplit(url).scheme not in ("http", "https"):
        return md(title)
    safe_url = quote(url, safe=":/?&=#%+,;@!~*'-._")
    safe_url = safe_url.replace("(", "%28").replace(")", "%29")
    return f"[{md(title)}]({safe_url})"


def badge(grade: str, label_text: str) -> str:
    """A coloured Streamlit badge with escaped text."""
    colour = BADGE_COLOURS.get(grade, "gray")
    return f":{colour}-badge[{md(label_text)}]"


def fact_line(name: str, value: str, language: Language) -> str:
    """A fact of the details (``name`` and ``value`` plain text), as the language writes it."""
    return text("fact_line", language).format(name=md(name), value=md(value))


def colon_join(head: str, tail: str, language: Language) -> str:
    """Two Markdown texts joined by the language's colon ("2019: ..." or 「2019年：…」)."""
    return text("colon_join", language).format(head=head, tail=tail)
