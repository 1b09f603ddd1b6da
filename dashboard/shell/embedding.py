"""The page inside an article's ``<iframe>``: whether it is in one, its style, its way out to
the full page, and the snippet that puts it there.

How the script knows. The frame's address carries Streamlit's own ``embed=true``; Streamlit
keeps that parameter out of ``st.query_params`` (its ``__iter__``, ``get_all`` and ``to_dict``
skip ``embed`` and ``embed_options``) and out of ``st.context.url`` (the front end strips the
query), but its front end sends ``isEmbedded`` with every run request and the script reads it
as ``st.context.is_embedded`` (streamlit/runtime/context.py, "the only way to determine if the
app is currently configured for embedding"). The same query-parameter code keeps ``embed``
when the script rewrites the address (``from_dict`` clears with ``preserve_embed=True``), so a
frame whose reader moves the year still holds ``embed=true``.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Literal

import streamlit as st

from dashboard.core.choices import Language
from dashboard.core.embed import FRAME_HEIGHT, FRAME_WIDTH, full_page_href, iframe_snippet
from dashboard.core.messages import text
from dashboard.panels.markdown import md
from dashboard.paths import PACKAGE_DIR

# The frame's own rules, on top of page.css: a map that fills the frame, a compact header.
EMBED_CSS = PACKAGE_DIR / "embed.css"
# The title's row in a frame, styled by its key (Streamlit's class ``st-key-embed-title``).
TITLE_ROW = "embed-title"


def embedded() -> bool:
    """Whether the page is drawn for an article's frame (``embed=true`` in its address); None
    (a client that did not say) reads as the full page."""
    return bool(st.context.is_embedded)


def sidebar_state(is_embedded: bool) -> Literal["collapsed"] | None:
    """The sidebar's state at load: folded away in a frame (the map needs the width; its
    toggle stays in the corner), Streamlit's own choice ("auto") on the full page."""
    return "collapsed" if is_embedded else None


def style(is_embedded: bool) -> None:
    """The frame's style sheet, in a frame only."""
    if is_embedded:
        st.html(EMBED_CSS)


def title_row(is_embedded: bool) -> AbstractContextManager[object]:
    """Where the title goes: in a frame, one row with the link to the full page beside it;
    on the full page, the page itself (no wrapper, so the full page is drawn as before)."""
    if is_embedded:
        # Not wrapped: in a narrow frame the title takes two lines rather than push the
        # link to a line of its own.
        return st.container(
            key=TITLE_ROW, horizontal=True, wrap=False, vertical_alignment="center", gap="medium"
        )
    return nullcontext()


def full_page_link(params: dict[str, str], language: Language) -> None:
    """The way out of the frame: the same view as a whole page, in a new tab (Streamlit opens
    every Markdown link to another address in one). The link is relative, so it reaches the
    frame's own server whatever page holds the frame."""
    label = md(text("open_full_page", language))
    st.markdown(f"[{label}]({full_page_href(params)})", width="content")


def embed_code(embed_url: str, language: Language) -> None:
    """The share box's ``<iframe>`` snippet of the view's embed (its link with ``embed=true``),
    with one line saying what to do with it."""
    st.caption(text("embed_help", language).format(width=FRAME_WIDTH, height=FRAME_HEIGHT))
    st.code(
        iframe_snippet(embed_url, text("embed_frame_title", language)),
        language="html",
        wrap_lines=True,
    )
