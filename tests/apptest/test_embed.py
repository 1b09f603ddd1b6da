"""The page in an article's frame under AppTest: Streamlit tells the script it is embedded
(``st.context.is_embedded``, which AppTest's ``context`` sets as a browser would), and the
page then asks for a folded sidebar, puts the year over the map, leaves out the share box, the
downloads and the global context, and links to the same view as a full page. The full page's
share box offers the view's ``<iframe>`` snippet, in each language, escaped."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import streamlit
from streamlit.testing.v1 import AppTest

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.panels.markdown import md
from dashboard.paths import REPO_ROOT
from tests.apptest.share_box import embed_snippet, share_link
from tests.support.html_tags import only_iframe

APP = str(REPO_ROOT / "dashboard" / "app.py")
GANJAM = 354
PAGE = "https://example.org/minerals/"


@pytest.fixture
def page_configs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every ``st.set_page_config`` call's arguments: AppTest keeps no record of the page's
    configuration (its element tree has no such node), so the call is watched instead."""
    calls: list[dict[str, Any]] = []
    original = streamlit.set_page_config

    def watched(**kwargs: Any) -> None:
        calls.append(kwargs)
        original(**kwargs)

    monkeypatch.setattr(streamlit, "set_page_config", watched)
    return calls


def open_page(embedded: bool | None, url: str = PAGE, **params: str) -> AppTest:
    """A fresh session on a link, as a browser in a frame (or not) reports it, after the map's
    first report."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.context = {"is_embedded": embedded, "url": url, "locale": "en-US"}
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.session_state["map"] = {"center": {"lat": 17.6, "lng": 82.1}, "zoom": 6}
    return at.run()


def test_in_a_frame_the_sidebar_starts_folded(page_configs: list[dict[str, Any]]) -> None:
    at = open_page(embedded=True)
    assert not at.exception
    assert page_configs
    assert {call["initial_sidebar_state"] for call in page_configs} == {"collapsed"}


@pytest.mark.parametrize("embedded", [False, None])
def test_the_full_page_keeps_streamlits_own_sidebar(
    page_configs: list[dict[str, Any]], embedded: bool | None
) -> None:
    # None: a client that does not say whether it is embedded gets the full page.
    at = open_page(embedded=embedded)
    assert not at.exception
    assert {call["initial_sidebar_state"] for call in page_configs} == {None}
    assert at.sidebar.slider(key="year")  # the year among the filters
    assert [h.value for h in at.main.header if h.value == text("context", Language.EN)]


def test_in_a_frame_the_year_is_there_before_the_map_has_reported() -> None:
    """The year's line sits over the map: were it to come after the map, the map would move."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.context = {"is_embedded": True, "url": PAGE, "locale": "en-US"}
    at.query_params["year"] = "2012"
    at.run()
    assert at.main.slider(key="year").value == 2012


def test_in_a_frame_the_year_is_over_the_map_and_the_page_keeps_to_the_map() -> None:
    at = open_page(embedded=True, year="2012")
    assert not at.exception
    assert not at.sidebar.get("slider")
    assert at.main.slider(key="year").value == 2012
    headers = [h.value for h in at.main.header]
    assert text("details", Language.EN) in headers
    assert text("share", Language.EN) not in headers
    assert text("context", Language.EN) not in headers
    assert not at.code  # neither the link nor the snippet: the full page has them
    downloads = [h for h in at.get("html") if h.proto.body.startswith('<div class="export')]
    assert not downloads
    assert not at.get("vega_lite_chart")


def test_a_click_in_a_frame_shows_the_details_and_the_full_page_link_follows() -> None:
    at = open_page(embedded=True, year="2012")
    at.session_state["map"] = {
        "last_active_drawing": {"type": "Feature", "properties": {"ref": "district:lgd-354"}},
        "last_object_clicked": {"lat": 19.6, "lng": 84.6},
    }
    at.run()
    assert [m.value for m in at.main.markdown if m.value.startswith("### Ganjam")]
    label = md(text("open_full_page", Language.EN))
    (link,) = [m.value for m in at.main.markdown if m.value.startswith(f"[{label}]")]
    href = link[len(label) + 3 : -1]
    assert href.startswith("?")  # relative: the frame's own server
    assert parse_qs(href[1:]) == {
        "year": ["2012"],
        "sel": [f"district:lgd-{GANJAM}"],
        "lang": ["en"],
    }


@pytest.mark.parametrize("language", list(Language))
def test_the_share_box_offers_the_views_iframe_in_the_pages_language(language: Language) -> None:
    at = open_page(embedded=False, year="2012", sel=f"district:lgd-{GANJAM}", lang=language.value)
    assert not at.exception
    attrs = only_iframe(embed_snippet(at))
    src = attrs["src"]
    assert src is not None
    assert src == f"{share_link(at)}&embed=true"  # the same view, in a frame
    assert urlsplit(src)[:2] == ("https", "example.org")
    assert parse_qs(urlsplit(src).query) == {
        "year": ["2012"],
        "sel": [f"district:lgd-{GANJAM}"],
        "lang": [language.value],
        "embed": ["true"],
    }
    assert attrs["title"] == text("embed_frame_title", language)
    assert attrs["loading"] == "lazy"
    assert (attrs["width"], attrs["height"]) == ("900", "600")
    help_line = text("embed_help", language).format(width=900, height=600)
    assert help_line in [c.value for c in at.main.caption]


def test_hostile_text_in_the_pages_address_reaches_the_snippet_escaped() -> None:
    # The view is validated, but the page's address comes from the browser: escaped anyway.
    hostile = 'https://example.org/"><script>alert(1)</script>/'
    at = open_page(embedded=False, url=hostile, year="<img src=x onerror=alert(1)>")
    assert not at.exception
    snippet = embed_snippet(at)
    assert "<script" not in snippet
    assert "<img" not in snippet
    attrs = only_iframe(snippet)
    assert attrs["src"] is not None
    assert attrs["src"].startswith('https://example.org/"><script>')  # text, not markup
    assert set(attrs) == {"src", "title", "width", "height", "style", "loading"}
