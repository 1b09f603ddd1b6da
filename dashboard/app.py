"""Streamlit script: wires widgets to the pure functions of the dashboard package.

The only script that draws with Streamlit (dashboard/server.py serves it beside the export
route). The user's choices live in widgets (Streamlit keeps them per session) and become one
View per run, from which everything else is computed. The year, the map, the details, the share
link and the download links form one fragment: moving the year (or playing through the years)
reruns only that part, and the map receives only its new state.
"""

import datetime as dt
import html
import logging
import sys
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

# Streamlit puts only this script's folder on sys.path, and hosted services (Streamlit Community
# Cloud) install the requirements, not this project: make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit_folium import st_folium

from dashboard.core.choices import EvidenceLevel, Language, Layer, MapView, Measure
from dashboard.core.exports import Export, export_href, feed_href
from dashboard.core.filters import milestones_in_view
from dashboard.core.localize import localized, place_names
from dashboard.core.messages import label, text
from dashboard.core.refs import clicked_selection, district_ref, parse_ref
from dashboard.core.scene import compose_scene
from dashboard.core.sources import source_catalog
from dashboard.core.url import Domain, decode, encode, link_language, shared_domain
from dashboard.core.view import MapPosition, View
from dashboard.core.world import World, shared_world
from dashboard.data.problems import DatasetError
from dashboard.data.schema import PRODUCTION_YEAR, USGS_EDITION
from dashboard.map import legend
from dashboard.map.assets import AssetUrls
from dashboard.map.base import build_base_map
from dashboard.map.bounds import view_bounds
from dashboard.map.layer_data import LayerIndex, layer_index
from dashboard.map.layers import state_overlay
from dashboard.map.map_state import map_state
from dashboard.map.publish import publish_all
from dashboard.map.summary import map_summary
from dashboard.panels.charts import import_share_chart, production_chart
from dashboard.panels.context import (
    group_shares_markdown,
    import_share_markdown,
    production_markdown,
    production_table,
    source_list,
)
from dashboard.panels.currency import as_of_markdown
from dashboard.panels.details import describe
from dashboard.panels.details_markdown import details_markdown
from dashboard.panels.markdown import md
from dashboard.panels.milestones import by_year, milestone_markdown, year_markdown
from dashboard.paths import PACKAGE_DIR, data_dir

# The map's height in pixels as streamlit-folium sets it; page.css makes it follow the window.
MAP_HEIGHT = 640
PAGE_CSS = PACKAGE_DIR / "page.css"
# Play steps through the years at this pace.
PLAY_SECONDS = 1.0
# Streamlit's front end reruns the whole page when its WebSocket reconnects only if the page
# holds a fragment that reruns itself (or the last run was a fragment's). A reader whose
# replica restarted, or died and was moved to another, would otherwise keep year controls that
# the new process ignores (it never ran their fragment). One fragment that draws nothing and
# reruns itself this rarely makes every reconnect a whole run there, restored from the address.
RECONNECT_GUARD_SECONDS = 3600
DATA_DIR = data_dir()
THIS_YEAR = dt.date.today().year
LOG = logging.getLogger("dashboard")


@st.cache_resource
def world_of(folder: Path) -> World:
    """The validated world, loaded once per server process and shared by every session (and
    by the export route)."""
    return shared_world(folder)


@st.cache_resource
def world_in(folder: Path, language: Language) -> World:
    """The world with its data texts in one language, once per language."""
    return localized(world_of(folder), language)


@st.cache_resource
def assets(folder: Path) -> AssetUrls:
    """Publish Leaflet, the map script, the basemap and the layer document to the static route
    once, and return the URLs the browser must use below the proxy's path prefix."""
    return publish_all(folder, world_of(folder), st.get_option("server.baseUrlPath"))


@st.cache_resource
def index_of(folder: Path) -> LayerIndex:
    """Where each drawn record sits in the layer document, once per dataset."""
    return layer_index(world_of(folder))


def restore_from_url(domain: Domain) -> None:
    """Once per session: put the link's view into the widgets, and remember what was ignored."""
    if st.session_state.get("url_restored"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    view, ignored = decode(params, domain, Language.of_locale(st.context.locale))
    st.session_state.update(
        url_restored=True,
        url_ignored=ignored,
        language=view.language,
        map_view=view.map_view,
        all_years=view.year is None,
        year=view.year or domain.last_year,
        evidence=view.evidence,
        measure=view.measure,
        layers=[layer for layer in Layer if layer in view.layers],
        selection=view.selection.ref if view.selection else None,
        url_position=view.position,
        new_session=True,
    )


def map_position(map_view: MapView) -> MapPosition | None:
    """Where the user has moved the map, else where the link put it; None while the map shows
    its named view. The map reports its position once it is drawn: the first report for a
    view is the fitted view itself, not a move."""
    state = st.session_state.get("map") or {}
    centre, zoom = state.get("center"), state.get("zoom")
    restored = st.session_state.get("url_position")
    if not (isinstance(centre, dict) and isinstance(zoom, (int, float))):
        return restored
    try:
        reported = MapPosition.rounded(float(centre["lat"]), float(centre["lng"]), float(zoom))
    except (KeyError, TypeError, ValueError):
        return restored
    fitted = st.session_state.setdefault("fitted_positions", {})
    if restored is None and map_view not in fitted:
        fitted[map_view] = reported
    return None if reported.near(fitted.get(map_view)) else reported


def map_has_reported() -> bool:
    """Whether the map has drawn and sent its first report (its centre), in this session."""
    return isinstance((st.session_state.get("map") or {}).get("center"), dict)


def apply_map_click() -> bool:
    """A click on the map arrives as the component's value; apply each new click once (the
    value persists across reruns) and move the district picker with it. True when a click was
    applied."""
    state = st.session_state.get("map")
    click = clicked_selection(state)
    token = click_token(state)
    if click is None or token == st.session_state.get("applied_click"):
        return False
    st.session_state["applied_click"] = token
    st.session_state["selection"] = click.ref
    return True


def click_token(state: object) -> str | None:
    """What identifies the last click the map's value holds (None for no click)."""
    click = clicked_selection(state)
    if click is None or not isinstance(state, dict):
        return None
    return repr(state.get("last_object_clicked")) + repr(click)


def after_map_drawn() -> None:
    """Once the map's value is known in this run. In a session's first run it is where the
    map already was: a page that reconnected to a new server sends its map's last report
    again, last click included, which the address has already restored, so it is not a new
    click. And once the map has reported, the rest of the page follows (in this run when it
    is a full one, else in one asked for now)."""
    if st.session_state.pop("new_session", False):
        st.session_state["applied_click"] = click_token(st.session_state.get("map"))
    if not st.session_state.get("page_complete") and map_has_reported():
        st.session_state["page_complete"] = True
        if not in_full_run:  # a full run writes the rest after this fragment anyway
            st.rerun(scope="app")


def on_pick_district(key: str) -> None:
    """Select the district chosen in the picker, so a keyboard or screen-reader user can select
    without clicking the map."""
    code = st.session_state.get(key)
    st.session_state["selection"] = district_ref(code) if code is not None else None


def picker_key(language: Language) -> str:
    """The district picker's key, one per language: the browser resets a picker whose option
    labels change under it, so each language has its own, set from the selection."""
    return f"district-{language.value}"


def on_change_view() -> None:
    """Forget the map's own pan and zoom, so a named view replaces wherever the map had been moved
    to."""
    st.session_state["map"] = {}
    st.session_state["url_position"] = None


def go_to_year(year: int) -> None:
    """Show one year (a milestone's "show on map" button), leaving the all-years mode."""
    st.session_state.update(all_years=False, year=year, playing=False)


def on_play(first_year: int, last_year: int) -> None:
    """Start playing from the year shown (from the first year when at the end or showing all
    years), or pause where it is."""
    if st.session_state.get("playing"):
        st.session_state["playing"] = False
        return
    year = st.session_state.get("year", last_year)
    if st.session_state.get("all_years") or year >= last_year:
        year = first_year
    st.session_state.update(playing=True, all_years=False, year=year, played_at=time.monotonic())


def stop_playing() -> None:
    """A hand on the year controls stops the play."""
    st.session_state["playing"] = False


def play_step(last_year: int) -> None:
    """While playing, move one year on once a step's time has passed (a click or a map report
    may rerun the fragment in between); stop at the last year."""
    now = time.monotonic()
    if now - st.session_state.get("played_at", 0.0) < PLAY_SECONDS * 0.8:
        return
    year = st.session_state["year"] + 1
    st.session_state.update(year=min(year, last_year), played_at=now)
    if year >= last_year:
        st.session_state["playing"] = False


@st.cache_data(max_entries=1024, show_spinner=False)
def view_outputs(folder: Path, view: View) -> tuple[dict[str, object], str | None, str]:
    """What a view shows beside the geometry: the map's state (with its summary as text), the
    selected record's details (None when there is no such record in the view) and the year's
    milestones, as Markdown.
    Cached for every session: a year someone has looked at before costs a lookup."""
    shown = world_in(folder, view.language)
    scene = compose_scene(shown, view)
    state = map_state(scene, index_of(folder), view_bounds(shown, view.map_view))
    state["summary"] = map_summary(scene, shown)
    sources = source_catalog(shown.dataset, view.language)
    details = describe(view.selection, scene, shown, sources) if view.selection else None
    happening = (
        year_markdown(scene.milestones, view.year, view.language) if view.year is not None else ""
    )
    return state, details_markdown(details, view.language) if details else None, happening


def share_url(params: dict[str, str]) -> str:
    """The address of this page with the view's query parameters: what the user pastes into a
    report."""
    page = urlsplit(st.context.url or "")
    return urlunsplit((page.scheme, page.netloc, page.path or "/", urlencode(params), ""))


def year_controls(domain: Domain) -> int | None:
    """The year slider, then play/pause and the all-years switch side by side; returns the
    year shown, None for all years."""
    all_years = bool(st.session_state.get("all_years"))
    year = st.slider(
        text("year", language),
        min_value=domain.first_year,
        max_value=domain.last_year,
        key="year",
        disabled=all_years,
        on_change=stop_playing,
    )
    play_column, all_column = st.columns([1, 1], vertical_alignment="center")
    playing = bool(st.session_state.get("playing"))
    play_column.button(
        text("pause", language) if playing else text("play", language),
        key="play",
        icon=":material/pause:" if playing else ":material/play_arrow:",
        help=text("play_help", language),
        on_click=on_play,
        args=(domain.first_year, domain.last_year),
    )
    all_years = all_column.checkbox(
        text("all_years", language),
        key="all_years",
        help=text("all_years_help", language),
        on_change=stop_playing,
    )
    return None if all_years else year


def download_links(params: dict[str, str]) -> None:
    """The three downloads of the view shown, as plain links to the export route (each file is
    built when its link is followed, by whichever replica answers)."""
    st.markdown(f"**{md(text('downloads', language))}**")
    base = st.get_option("server.baseUrlPath") or ""
    links = "".join(
        f'<a class="export-link" href="{html.escape(export_href(kind, params, base))}" '
        f'download="{html.escape(kind.file.name)}">{html.escape(text(label_key, language))}</a>'
        for kind, label_key in (
            (Export.GEOJSON, "download_geojson"),
            (Export.CSV, "download_csv"),
            (Export.HTML, "download_html"),
        )
    )
    st.html(f'<div class="export-links">{links}</div>')


# True while the whole script runs; a rerun of the fragment alone finds it False (the value
# the last full run left in this module's namespace).
in_full_run = True
language = link_language(
    st.session_state.get("language"),
    st.query_params.get_all("lang"),
    Language.of_locale(st.context.locale),
)
st.set_page_config(page_title=text("page_title", language), layout="wide")
st.html(PAGE_CSS)
st.title(text("title", language), anchor=False)
header = st.empty()  # the subtitle, and how current the data are once they are loaded
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

domain = shared_domain(DATA_DIR, THIS_YEAR)
restore_from_url(domain)
shown_world = world_in(DATA_DIR, language)
# One caption of two lines: the map below keeps its room on a laptop's screen.
header.caption(
    text("subtitle", language)
    + "  \n"
    + as_of_markdown(
        shown_world.dataset.review, language, feed_href(st.get_option("server.baseUrlPath") or "")
    )
)
districts = shown_world.boundaries.districts.sort_values("district")
district_names = {
    int(r.district_lgd): text("district_option", language).format(
        district=r.district, state=r.state_name
    )
    for r in districts.itertuples()
}
catalog = source_catalog(shown_world.dataset, language)
index = index_of(DATA_DIR)
apply_map_click()  # before the district picker is drawn, which follows the click

if st.session_state.get("url_ignored"):
    st.warning(
        text("url_ignored", language).format(keys=", ".join(st.session_state["url_ignored"]))
    )

with st.sidebar:
    st.radio(
        text("language", language),
        list(Language),
        format_func=lambda choice: label("language", choice.value, language),
        key="language",
        horizontal=True,
    )
    st.header(text("sidebar_header", language), anchor=False)
    map_view = st.radio(
        text("view", language),
        list(MapView),
        format_func=lambda v: label("view", v.value, language),
        key="map_view",
        horizontal=True,
        on_change=on_change_view,
    )
    year_box = st.container()
    evidence = st.radio(
        text("evidence_filter", language),
        list(EvidenceLevel),
        format_func=lambda v: label("evidence_filter", v.value, language),
        key="evidence",
    )
    measure = st.selectbox(
        text("measure", language),
        list(Measure),
        format_func=lambda m: label("measure", m.value, language),
        key="measure",
    )
    layers = st.multiselect(
        text("layers", language),
        list(Layer),
        format_func=lambda layer: text(f"layer_{layer.value}", language),
        key="layers",
    )
    selected = parse_ref(st.session_state.get("selection"))
    st.session_state[picker_key(language)] = selected.district_code if selected else None
    st.selectbox(
        text("district_picker", language),
        list(district_names),
        index=None,
        placeholder=text("district_picker_none", language),
        format_func=district_names.__getitem__,
        key=picker_key(language),
        on_change=on_pick_district,
        args=(picker_key(language),),
        help=text("district_picker_help", language),
    )

map_column, details_column = st.columns([2, 1])
with details_column:
    # What a click shows comes first, where a laptop's screen still shows it; the legend after.
    details_box = st.container()
    state_names = {
        key: name
        for (kind, key), name in place_names(world.dataset.names_ja, language).items()
        if kind == "state"
    }
    st.html(legend.legend_html(measure, language, state_names, site_cells=index.cells))
# Whether the fragment reruns itself every PLAY_SECONDS is fixed when it is defined here, in
# a full run: starting or stopping play therefore asks for one full run.
playing_when_defined = bool(st.session_state.get("playing"))


@st.fragment(run_every=PLAY_SECONDS if playing_when_defined else None)
def year_view() -> None:
    """The part that follows the year: its controls, the map, the details, the link and the
    downloads."""
    if st.session_state.get("playing"):
        play_step(domain.last_year)
    if bool(st.session_state.get("playing")) != playing_when_defined:
        st.rerun(scope="app")
    if apply_map_click() and not in_full_run:
        st.rerun(scope="app")  # the district picker, outside this fragment, follows the click
    with year_box:
        year = year_controls(domain)
    view = View(
        year=year,
        evidence=evidence,
        layers=frozenset(layers),
        measure=measure,
        map_view=map_view,
        selection=parse_ref(st.session_state.get("selection")),
        position=map_position(map_view),
        language=language,
    )
    params = encode(view, domain)
    # While playing, the address stays put; it follows the year once the play stops.
    if not st.session_state.get("playing") and params != st.query_params.to_dict():
        st.query_params.from_dict(params)
    state, details, happening = view_outputs(DATA_DIR, replace(view, position=None))
    restored = st.session_state.get("url_position")
    st_folium(
        build_base_map(
            world.boundaries,
            assets(DATA_DIR),
            view_bounds(world, MapView.STATES),
            language=language,
        ),
        feature_group_to_add=state_overlay(state),
        center=(restored.lat, restored.lng) if restored else None,
        zoom=restored.zoom if restored else None,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked", "center", "zoom"],
        key="map",
    )
    after_map_drawn()
    st.caption(str(state["summary"]))  # what the map shows, as text
    with details_box:
        details_panel(view, details, happening, params)
    with downloads_box:
        download_links(params)


def details_panel(view: View, details: str | None, happening: str, params: dict[str, str]) -> None:
    """The selected record's details (or, with none, the year's milestones) and the link to
    this view."""
    st.header(text("details", language), anchor=False)
    if details is None:
        st.info(text("details_hint", language))
        if view.year is not None:
            st.markdown(f"**{md(text('year_milestones', language).format(year=view.year))}**")
            st.markdown(
                happening or md(text("year_milestones_none", language).format(year=view.year))
            )
    else:
        st.markdown(details)
    st.header(text("share", language), anchor=False)
    st.caption(text("share_help", language))
    # The code box (with its copy button) loads a large script: not before the map has drawn.
    if st.session_state.get("page_complete"):
        st.code(share_url(params), language=None, wrap_lines=True)


def timeline() -> None:
    """The milestone list: long, and the same for every year."""
    st.caption(text("milestones_help", language))
    milestones = shown_world.dataset.milestones
    shown = milestones_in_view(milestones, View(year=None, evidence=evidence))
    for milestone_year, group in by_year(shown):
        st.button(
            text("go_to_year", language).format(year=milestone_year),
            key=f"go-{milestone_year}",
            on_click=go_to_year,
            args=(milestone_year,),
            type="tertiary",
        )
        for _, milestone in group.iterrows():
            st.markdown(milestone_markdown(milestone, catalog, language))


def global_context() -> None:
    """Who mines rare earths, and how much of Japan's supply is Chinese: figures and charts."""
    dataset = shown_world.dataset
    table = production_table(dataset)
    production_column, imports_column = st.columns(2)
    with production_column:
        st.markdown(f"**{md(text('context_production', language))}**")
        st.markdown(group_shares_markdown(table, language))
        st.altair_chart(production_chart(table, language), width="stretch")
        st.caption(
            text("context_production_caption", language).format(
                edition=USGS_EDITION, year=PRODUCTION_YEAR
            )
        )
        with st.expander(text("context_production_figures", language)):
            st.markdown(production_markdown(table, language))
        st.markdown(source_list(dataset.production["sources"], catalog))
    with imports_column:
        st.markdown(f"**{md(text('context_imports', language))}**")
        st.altair_chart(import_share_chart(dataset.import_share, language), width="stretch")
        st.caption(text("context_imports_caption", language))
        with st.expander(text("context_imports_figures", language)):
            st.markdown(import_share_markdown(dataset.import_share, catalog, language))


@st.fragment(run_every=RECONNECT_GUARD_SECONDS)
def reconnect_guard() -> None:
    """Draws nothing: see RECONNECT_GUARD_SECONDS."""


reconnect_guard()
with map_column:
    year_view_box = st.container()
    st.caption(text("map_caption", language))
    downloads_box = st.container()
with year_view_box:
    year_view()

# The map first: the milestone list and the charts follow once the map has drawn (its first
# report asks for the full run that writes them), so they never hold it back. They sit outside
# the fragment, so a year change does not resend them.
with st.sidebar:
    st.header(text("milestones", language), anchor=False)
    if st.session_state.get("page_complete"):
        timeline()
    else:
        st.caption(text("loading_after_map", language))
st.divider()
st.header(text("context", language), anchor=False)
if st.session_state.get("page_complete"):
    global_context()
else:
    st.caption(text("loading_after_map", language))
in_full_run = False
