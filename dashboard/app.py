"""Streamlit script: the page in reading order, and nothing else.

What the page shows comes from pure functions (dashboard.core, .map, .panels); what a session
remembers lives in one record read and written in dashboard.shell.state; the pieces and the
controls' callbacks are in dashboard.shell.parts. The year, the map, the district picker, the
details, the share link and the download links form one fragment: moving the year, clicking
the map or picking a district reruns only that part, once, and the map receives only its new
state. dashboard/server.py serves this script beside the export route.
"""

import datetime as dt
import logging
import sys
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

# Streamlit puts only this script's folder on sys.path, and hosted services (Streamlit Community
# Cloud) install the requirements, not this project: make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit_folium import st_folium

from dashboard.core import session as flow
from dashboard.core.choices import Language, MapView
from dashboard.core.exports import feed_href, map_state_href, map_years_href
from dashboard.core.localize import place_names
from dashboard.core.messages import text
from dashboard.core.refs import parse_ref
from dashboard.core.sources import source_catalog
from dashboard.core.url import decode, encode, link_language, shared_domain
from dashboard.core.view import View
from dashboard.data.problems import DatasetError
from dashboard.map import legend
from dashboard.map.base import build_base_map
from dashboard.map.bounds import view_bounds
from dashboard.map.layers import state_overlay
from dashboard.panels.currency import as_of_markdown
from dashboard.paths import PACKAGE_DIR, data_dir
from dashboard.shell import embedding, parts, state
from dashboard.shell.cache import assets, index_of, search_of, view_outputs, world_in, world_of

# The map's height in pixels as streamlit-folium sets it; page.css makes it follow the window.
MAP_HEIGHT = 640
PAGE_CSS = PACKAGE_DIR / "page.css"
# Streamlit's front end reruns the whole page when its WebSocket reconnects only if the page
# holds a fragment that reruns itself (or the last run was a fragment's). A reader whose
# replica restarted, or died and was moved to another, would otherwise keep year controls that
# the new process ignores (it never ran their fragment). One fragment that draws nothing and
# reruns itself this rarely makes every reconnect a whole run there, restored from the address.
RECONNECT_GUARD_SECONDS = 3600
DATA_DIR = data_dir()
LOG = logging.getLogger("dashboard")

# True while the whole script runs; a rerun of the fragment alone finds it False (the value
# the last full run left in this module's namespace).
in_full_run = True
language = link_language(
    state.language(), st.query_params.get_all("lang"), Language.of_locale(st.context.locale)
)
# In an article's frame (embed=true) the map takes the width: see dashboard/shell/embedding.py.
embedded = embedding.embedded()
st.set_page_config(
    page_title=text("page_title", language),
    layout="wide",
    initial_sidebar_state=embedding.sidebar_state(embedded),
)
st.html(PAGE_CSS)
embedding.style(embedded)
with embedding.title_row(embedded):
    st.title(text("title", language), anchor=False)
    # The subtitle, and how current the data are once they are loaded; in a frame, the link
    # to the full page.
    header = st.empty()
if not embedded:
    header.caption(text("subtitle", language))

try:
    world = world_of(DATA_DIR)
except DatasetError as error:
    # The operator reads the server log: it names each file, record and field too.
    LOG.error("the data in %s did not validate:\n%s", DATA_DIR, "\n".join(map(str, error.problems)))
    st.error(text("data_error", language))
    # st.code shows the lines verbatim: data text is never interpreted as Markdown or HTML.
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()

domain = shared_domain(DATA_DIR, dt.date.today().year)
base_url_path = st.get_option("server.baseUrlPath") or ""
if state.session() is None:  # a new session: the link's view, once
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    link_view, ignored = decode(params, domain, Language.of_locale(st.context.locale))
    state.start(*flow.restored(link_view, tuple(ignored), domain.last_year))
session = state.current()
# Whether the map has drawn and reported: until it has, the controls, the timeline and the
# charts wait (their widgets' scripts would hold back the map's frame by about a quarter of a
# second; bench/results.md). Their values are in the session's state meanwhile.
flow.first_report(session, state.map_value())
flow.stop_waiting(session, time.monotonic())
controls_shown = session.page_complete
shown_world = world_in(DATA_DIR, language)
catalog = source_catalog(shown_world.dataset, language)
currency = as_of_markdown(shown_world.dataset.review, language, feed_href(base_url_path))
if not embedded:  # one caption of two lines: the map below keeps its room on a laptop's screen
    header.caption(text("subtitle", language) + "  \n" + currency)
if session.ignored:
    st.warning(text("url_ignored", language).format(keys=", ".join(session.ignored)))

with st.sidebar:
    year_box = parts.sidebar_controls(language, shown=controls_shown)
    picker_box = st.container()

if embedded:
    # An article's frame: the year over the map, a click's details under it, then the legend.
    year_box, year_view_box, details_box, legend_box = (st.container() for _ in range(4))
    st.caption(text("map_caption", language) + "  \n" + currency)
else:
    map_column, details_column = st.columns([2, 1])
    with details_column:
        # What a click shows comes first, where a laptop's screen still shows it; the legend
        # after.
        details_box, legend_box = st.container(), st.container()
    with map_column:
        year_view_box = st.container()
        st.caption(text("map_caption", language))
        downloads_box = st.container()
state_names = {
    key: name
    for (kind, key), name in place_names(world.dataset.names_ja, language).items()
    if kind == "state"
}
legend_box.html(
    legend.legend_html(state.measure(), language, state_names, index_of(DATA_DIR).cells)
)
search = search_of(DATA_DIR, language)
# Whether the fragment reruns itself every second (Play) is fixed when it is defined here, in a
# full run: starting or stopping play therefore asks for one full run.
playing_when_defined = session.playing
# Likewise, while the page waits for the map's first report (its controls not yet shown), the
# fragment looks again now and then, and stops waiting after flow.PAGE_WAIT_SECONDS.


@st.fragment(
    run_every=flow.PLAY_SECONDS
    if playing_when_defined
    else flow.PAGE_WAIT_SECONDS
    if not controls_shown
    else None
)
def year_view() -> None:
    """The part that follows the year and the selection: its controls, the search, the map,
    the details, the link and the downloads."""
    if session.playing:
        parts.play_step(domain.last_year)
    if session.playing != playing_when_defined:
        st.rerun(scope="app")
    if flow.stop_waiting(session, time.monotonic()) and not in_full_run:
        st.rerun(scope="app")
    flow.resume(session, state.map_value())
    flow.take_click(session, state.map_value())  # before the search, which follows the click
    year = state.shown_year()
    since = parts.compared_year(year)

    def controls() -> None:
        if controls_shown or embedded:
            with year_box:
                parts.year_controls(domain, language, in_a_row=embedded)
                if not embedded:
                    parts.compare_control(domain, year, language)
        if controls_shown:
            with picker_box:
                parts.search_box(search, language)

    # The controls read their values from the session's state, so they may be drawn after the
    # map: its new state then leaves the server first (bench/results.md). In an article's frame
    # the year's line sits over the map and comes first, so the map does not move down.
    if embedded:
        controls()
    map_view = state.map_view()
    view = View(
        year=year,
        since=since,
        evidence=state.evidence(),
        layers=state.layers(),
        measure=state.measure(),
        map_view=map_view,
        selection=parse_ref(session.selection),
        position=flow.map_position(session, state.map_value(), map_view),
        language=language,
    )
    params = encode(view, domain)

    # Where the map asks for another year's state of this view when the reader moves the year
    # (dashboard/routes.py, map_state_response: the view's query without the year or the
    # position), and for the states of the years around this one when they take the slider
    # (map_years_response: without the position).
    def asking(route: str, *left_out: str) -> str:
        return f"{route}?{urlencode({k: v for k, v in params.items() if k not in left_out})}"

    state_href = asking(map_state_href(base_url_path), "year", "at")
    years_href = asking(map_years_href(base_url_path), "at")
    # While playing, the address stays put; it follows the year once the play stops.
    if not session.playing and params != st.query_params.to_dict():
        st.query_params.from_dict(params)
    outputs = view_outputs(DATA_DIR, replace(view, position=None))
    opened_at = session.position
    just_reported = flow.first_report(session, state.map_value())
    st_folium(
        build_base_map(
            world.boundaries,
            assets(DATA_DIR),
            view_bounds(world, MapView.STATES),
            language=language,
            fold_credits=embedded,
        ),
        # awaitingReport: a map drawn before this process knew of it reports again.
        feature_group_to_add=state_overlay(
            {
                **outputs.state,
                "awaitingReport": not session.page_complete,
                "yearState": state_href,
                "nearYears": years_href,
            }
        ),
        center=(opened_at.lat, opened_at.lng) if opened_at else None,
        zoom=opened_at.zoom if opened_at else None,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked", "center", "zoom"],
        key=state.MAP,
    )
    if not embedded:
        controls()
    # Once the map has first reported, the rest of the page follows in a whole run (a full
    # run has seen the report at its start).
    if just_reported and not in_full_run:
        st.rerun(scope="app")
    st.caption(str(outputs.state["summary"]))  # what the map shows, as text
    with details_box:
        parts.details_panel(
            view, outputs.details, outputs.happening, outputs.changes, params, share=not embedded
        )
    if embedded:  # the frame's way out, beside the title: sharing and downloads are there
        with header:
            embedding.full_page_link(params, language)
    else:
        with downloads_box:
            parts.download_links(params, language)


@st.fragment(run_every=RECONNECT_GUARD_SECONDS)
def reconnect_guard() -> None:
    """Draws nothing: see RECONNECT_GUARD_SECONDS."""


reconnect_guard()
with year_view_box:
    year_view()

# The map first: the milestone list and the charts follow once the map has drawn (its first
# report asks for the full run that writes them), so they never hold it back. They sit outside
# the fragment, so a year change does not resend them.
shown_evidence = View(year=None, evidence=state.evidence(), language=language)
with st.sidebar:
    st.header(text("milestones", language), anchor=False)
    if session.page_complete:
        parts.timeline(shown_world, shown_evidence, catalog)
    else:
        st.caption(text("loading_after_map", language))
if not embedded:  # an article's frame shows the map; the full page has the global context
    st.divider()
    st.header(text("context", language), anchor=False)
    if session.page_complete:
        parts.global_context(shown_world, catalog, language)
    else:
        st.caption(text("loading_after_map", language))
in_full_run = False
if session.page_complete and not controls_shown:
    # The map reported during this run, after the controls' place was passed (a page whose
    # server restarted reconnects with its map already drawn): one more run draws them.
    st.rerun()
