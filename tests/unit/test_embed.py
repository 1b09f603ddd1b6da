"""An embed's addresses and snippet: the view's own query with Streamlit's ``embed=true``, a
way back to the full page that drops it, and an ``<iframe>`` whose every attribute is escaped."""

from __future__ import annotations

import html
from urllib.parse import parse_qs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.core.choices import Language
from dashboard.core.embed import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    embed_params,
    full_page_href,
    iframe_snippet,
)
from dashboard.core.messages import text
from dashboard.core.url import KEYS, Domain, decode, encode
from dashboard.core.view import View
from tests.support.html_tags import start_tags

DOMAIN = Domain(2000, 2026, frozenset({"district:lgd-354"}))
PARAMS = {"year": "2012", "sel": "district:lgd-354", "lang": "ja"}


def test_the_embed_is_the_views_link_with_embed_true() -> None:
    assert embed_params(PARAMS) == {**PARAMS, "embed": "true"}
    assert PARAMS == {"year": "2012", "sel": "district:lgd-354", "lang": "ja"}  # not changed


def test_embed_is_never_a_views_parameter() -> None:
    # Streamlit keeps it out of st.query_params; were it ever passed on, the view would ignore
    # it with a notice rather than take it for one of its own.
    assert "embed" not in KEYS
    assert "embed" not in encode(View(year=2012), DOMAIN)


def test_the_full_page_link_is_the_same_view_without_embed() -> None:
    href = full_page_href(PARAMS)
    assert href.startswith("?")  # relative: the frame's own server and path
    assert parse_qs(href[1:]) == {key: [value] for key, value in PARAMS.items()}
    view, ignored = decode(parse_qs(href[1:]), DOMAIN)
    assert ignored == []
    assert view.year == 2012


@pytest.mark.parametrize("language", list(Language))
def test_the_snippet_frames_the_embed_lazily_with_a_title_and_a_size(language: Language) -> None:
    src = "https://example.org/minerals/?year=2012&lang=ja&embed=true"
    title = text("embed_frame_title", language)
    ((tag, attrs),) = start_tags(iframe_snippet(src, title))
    assert tag == "iframe"
    assert attrs["src"] == src
    assert attrs["title"] == title
    assert (attrs["width"], attrs["height"]) == (str(FRAME_WIDTH), str(FRAME_HEIGHT))
    assert attrs["loading"] == "lazy"
    assert "&amp;lang=ja" in iframe_snippet(src, title)  # the ampersands escaped in HTML


@given(src=st.text(max_size=60), title=st.text(max_size=60))
def test_whatever_the_address_and_title_hold_the_snippet_is_one_iframe(
    src: str, title: str
) -> None:
    snippet = iframe_snippet(src, title)
    tags = start_tags(snippet)
    assert [tag for tag, _ in tags] == ["iframe"]
    _, attrs = tags[0]
    # HTMLParser reads the attributes back exactly (bar the characters HTML itself turns
    # into others, such as a lone carriage return).
    assert attrs["src"] == html.unescape(html.escape(src))
    assert attrs["title"] == html.unescape(html.escape(title))
    assert set(attrs) == {"src", "title", "width", "height", "style", "loading"}


def test_hostile_text_reaches_the_snippet_as_text() -> None:
    hostile = '"><script>alert(1)</script><iframe src="x'
    snippet = iframe_snippet(f"https://example.org/{hostile}", hostile)
    assert "<script" not in snippet
    ((tag, attrs),) = start_tags(snippet)
    assert tag == "iframe"
    assert attrs["title"] == hostile
