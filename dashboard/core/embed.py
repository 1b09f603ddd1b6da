"""The dashboard inside an article: the addresses and the ``<iframe>`` snippet of an embed.

An embed is the view's own link with Streamlit's ``embed=true``. Streamlit reads that
parameter itself (it hides its toolbar and tells the script through ``st.context.is_embedded``)
and keeps it in the address whenever the script rewrites the query, so the view's parameters
(dashboard.core.url) never name it: ``decode`` never sees it, ``encode`` never writes it.
Nothing here reads Streamlit: the shell passes in the page's address and the view's query.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import urlencode

# Streamlit's own parameter: with it, the page is drawn for a frame.
EMBED_KEY = "embed"
EMBED_VALUE = "true"
# The frame the snippet proposes: the larger of the two sizes the browser tests check (a
# 600x400 frame works too); an article's column narrower than 900 px shrinks it to fit.
FRAME_WIDTH, FRAME_HEIGHT = 900, 600


def embed_params(params: Mapping[str, str]) -> dict[str, str]:
    """The view's query with ``embed=true`` added: the frame shows the same view."""
    return {**params, EMBED_KEY: EMBED_VALUE}


def full_page_href(params: Mapping[str, str]) -> str:
    """A link from the frame to the same view as a whole page: the query alone, so it resolves
    against the frame's own address (its host and any base path) and drops ``embed``."""
    return "?" + urlencode(dict(params))


def iframe_snippet(
    src: str, title: str, width: int = FRAME_WIDTH, height: int = FRAME_HEIGHT
) -> str:
    """The ``<iframe>`` an article pastes: the embed's address, a title naming the frame for
    screen readers, a size, loaded only when scrolled near (``loading="lazy"``). The address
    and the title are escaped, whatever they hold."""
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}"'
        f' width="{int(width)}" height="{int(height)}"'
        ' style="border: 0; max-width: 100%;" loading="lazy"></iframe>'
    )
