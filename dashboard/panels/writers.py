"""Two ways to write the same panel: as Markdown (for Streamlit's Markdown elements) or as HTML
(for ``st.html``).

Streamlit's front end parses every Markdown element of the page again each time any part of
the page reruns: the milestone timeline alone, about a hundred entries, cost some 20 ms of a
year step (bench/results.md), where the same text as HTML costs next to nothing. A panel
composes its text once, through a ``Writer``, so the two forms say the same thing; both make
data text literal.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from dashboard.core.choices import Language
from dashboard.core.messages import label, text
from dashboard.core.sources import Source
from dashboard.panels.markdown import BADGE_COLOURS, badge, md, md_link


@dataclass(frozen=True)
class Writer:
    """How each form writes: ``text`` makes data text literal (line breaks become spaces),
    ``link`` links an http(s) address in a new tab (the title alone otherwise), ``badge``
    colours an evidence grade; the rest are templates for one ``{}``."""

    text: Callable[[object], str]
    link: Callable[[str, str], str]
    badge: Callable[[str, str], str]
    bold: str
    italic: str
    paragraph: str
    quote: str
    bullet: str
    bullet_list: str
    bullet_separator: str
    block_separator: str

    def bullets(self, items: Sequence[str]) -> str:
        """A bulleted list of written items."""
        joined = self.bullet_separator.join(self.bullet.format(item) for item in items)
        return self.bullet_list.format(joined)

    def blocks(self, parts: Sequence[str]) -> str:
        """Written blocks, one after another."""
        return self.block_separator.join(parts)

    def evidence(self, grade: str, language: Language) -> str:
        """An evidence grade's badge, labelled in ``language``."""
        return self.badge(grade, label("evidence", grade, language))


def _html_text(value: object) -> str:
    return html.escape(" ".join(str(value).split()))


def _html_link(title: str, url: str) -> str:
    if urlsplit(url).scheme not in ("http", "https"):
        return _html_text(title)
    href = html.escape(quote(url, safe=":/?&=#%+,;@!~*'()-._"))
    return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{_html_text(title)}</a>'


def _html_badge(grade: str, label_text: str) -> str:
    """Classes ``badge badge-<colour>``, styled in dashboard/page.css like Streamlit's."""
    colour = BADGE_COLOURS.get(grade, "gray")
    return f'<span class="badge badge-{colour}">{_html_text(label_text)}</span>'


MARKDOWN = Writer(
    text=md,
    link=md_link,
    badge=badge,
    bold="**{}**",
    italic="*{}*",
    paragraph="{}",
    quote="> {}",
    bullet="- {}",
    bullet_list="{}",
    bullet_separator="\n",
    block_separator="\n\n",
)
HTML = Writer(
    text=_html_text,
    link=_html_link,
    badge=_html_badge,
    bold="<strong>{}</strong>",
    italic="<em>{}</em>",
    paragraph="<p>{}</p>",
    quote="<blockquote><p>{}</p></blockquote>",
    bullet="<li>{}</li>",
    bullet_list="<ul>{}</ul>",
    bullet_separator="",
    block_separator="",
)


def source_line(source: Source, language: Language, writer: Writer = MARKDOWN) -> str:
    """A cited source: linked title (opens in a new tab), publisher and date, joined as the
    language joins them."""
    title = writer.link(source.title, source.url) if source.url else writer.text(source.title)
    parts = [writer.text(part) for part in (source.publisher, source.date) if part]
    tail = text("list_separator", language).join(parts)
    return text("source_line", language).format(title=title, tail=tail) if tail else title
