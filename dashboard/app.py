"""Streamlit entry point: wires widgets to the pure functions of the dashboard package.

The only module that imports Streamlit. The user's choices live in widgets (Streamlit keeps
them per session) and become one View per run, from which everything else is computed.
"""

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

# Streamlit puts only this script's folder on sys.path, and hosted services (Streamlit Community
# Cloud) install the requirements, not this project: make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit_folium import st_folium

from dashboard.core.choices import EvidenceLevel, Layer, MapView, Measure
from dashboard.core.messages import label, text
from dashboard.core.refs import clicked_selection, district_ref, parse_ref
from dashboard.core.scene import Scene, compose_scene
from dashboard.core.sources import cited_sources, source_catalog
from dashboard.core.url import Domain, decode, domain_of, encode
from dashboard.core.view import MapPosition, View
from dashboard.core.world import World, load_world
from dashboard.data.problems import DatasetError
from dashboard.map import legend
from dashboard.map.assets import AssetUrls, asset_urls, publish_basemap, publish_leaflet
from dashboard.map.base import build_base_map, view_bounds
from dashboard.map.html_export import standalone_html
from dashboard.map.layers import build_overlays, draws_site_cells
from dashboard.panels.charts import import_share_chart, production_chart
from dashboard.panels.context import (
    group_shares_markdown,
    import_share_markdown,
    production_table,
    source_list,
)
from dashboard.panels.details import describe
from dashboard.panels.details_markdown import details_markdown
from dashboard.panels.downloads import csv_tables, dataset_files, zip_bytes
from dashboard.panels.markdown import md
from dashboard.panels.milestones import by_year, milestone_markdown
from dashboard.paths import GEODATA_DIR

MAP_HEIGHT = 640
# Deployments (and the tests) may point the app at another copy of geodata/.
DATA_DIR = Path(os.environ.get("DASHBOARD_DATA_DIR", GEODATA_DIR))
THIS_YEAR = dt.date.today().year
EXPORT_FOLDER = "india-japan-rare-earths"


@st.cache_resource
def world_of(folder: Path) -> World:
    """The validated world, loaded once per server process and shared by every session."""
    return load_world(folder)


@st.cache_resource
def assets(folder: Path) -> AssetUrls:
    """Publish Leaflet and the basemap to the static route once, and return the URLs the browser
    must use below the proxy's path prefix."""
    publish_leaflet()
    basemap = publish_basemap(folder)
    return asset_urls(st.get_option("server.baseUrlPath"), basemap.name)


@st.cache_resource
def url_domain(folder: Path, last_year: int) -> Domain:
    """Derived once per dataset (every record's reference), not on every rerun."""
    return domain_of(world_of(folder), last_year)


def restore_from_url(domain: Domain) -> None:
    """Once per session: put the link's view into the widgets, and remember what was ignored."""
    if st.session_state.get("url_restored"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    view, ignored = decode(params, domain)
    st.session_state.update(
        url_restored=True,
        url_ignored=ignored,
        map_view=view.map_view,
        all_years=view.year is None,
        year=view.year or domain.last_year,
        evidence=view.evidence,
        measure=view.measure,
        layers=[layer for layer in Layer if layer in view.layers],
        selection=view.selection.ref if view.selection else None,
        district=view.selection.district_code if view.selection else None,
        url_position=view.position,
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


def apply_map_click() -> None:
    """A click on the map arrives as the component's value; apply each new click once (the
    value persists across reruns) and move the district picker with it."""
    state = st.session_state.get("map")
    click = clicked_selection(state)
    token = repr(state.get("last_object_clicked")) + repr(click) if click else None
    if click is None or token == st.session_state.get("applied_click"):
        return
    st.session_state["applied_click"] = token
    st.session_state["selection"] = click.ref
    st.session_state["district"] = click.district_code


def on_pick_district() -> None:
    """Select the district chosen in the picker, so a keyboard or screen-reader user can select
    without clicking the map."""
    code = st.session_state.get("district")
    st.session_state["selection"] = district_ref(code) if code is not None else None


def on_change_view() -> None:
    """Forget the map's own pan and zoom, so a named view replaces wherever the map had been moved
    to."""
    st.session_state["map"] = {}
    st.session_state["url_position"] = None


def go_to_year(year: int) -> None:
    """Show one year (a milestone's "show on map" button), leaving the all-years mode."""
    st.session_state["all_years"] = False
    st.session_state["year"] = year


def zipped(
    tables: Callable[[Scene, World], dict[str, str]], scene: Scene, world: World
) -> Callable[[], bytes]:
    """A download's data, built only when the button is clicked (Streamlit calls it later,
    in another thread, with no arguments)."""
    return lambda: zip_bytes(tables(scene, world), EXPORT_FOLDER)


def share_url(params: dict[str, str]) -> str:
    """The address of this page with the view's query parameters: what the user pastes into a
    report."""
    page = urlsplit(st.context.url or "")
    return urlunsplit((page.scheme, page.netloc, page.path or "/", urlencode(params), ""))


st.set_page_config(page_title=text("page_title"), layout="wide")
st.title(text("title"))
st.caption(text("subtitle"))

try:
    world = world_of(DATA_DIR)
except DatasetError as error:
    st.error(text("data_error"))
    # st.code shows the lines verbatim: data text is never interpreted as Markdown or HTML.
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()

domain = url_domain(DATA_DIR, THIS_YEAR)
restore_from_url(domain)
districts = world.boundaries.districts.sort_values("district")
district_names = {int(r.district_lgd): f"{r.district} ({r.state})" for r in districts.itertuples()}
catalog = source_catalog(world.dataset)
apply_map_click()

if st.session_state.get("url_ignored"):
    st.warning(text("url_ignored").format(keys=", ".join(st.session_state["url_ignored"])))

with st.sidebar:
    st.header(text("sidebar_header"))
    map_view = st.radio(
        text("view"),
        list(MapView),
        format_func=lambda v: label("view", v.value),
        key="map_view",
        horizontal=True,
        on_change=on_change_view,
    )
    all_years = st.checkbox(text("all_years"), key="all_years", help=text("all_years_help"))
    year = st.slider(
        text("year"),
        min_value=domain.first_year,
        max_value=domain.last_year,
        key="year",
        disabled=all_years,
    )
    evidence = st.radio(
        text("evidence_filter"),
        list(EvidenceLevel),
        format_func=lambda v: label("evidence_filter", v.value),
        key="evidence",
    )
    measure = st.selectbox(
        text("measure"),
        list(Measure),
        format_func=lambda m: label("measure", m.value),
        key="measure",
    )
    layers = st.multiselect(
        text("layers"),
        list(Layer),
        format_func=lambda layer: text(f"layer_{layer.value}"),
        key="layers",
    )
    st.selectbox(
        text("district_picker"),
        list(district_names),
        index=None,
        placeholder=text("district_picker_none"),
        format_func=district_names.__getitem__,
        key="district",
        on_change=on_pick_district,
        help=text("district_picker_help"),
    )

view = View(
    year=None if all_years else year,
    evidence=evidence,
    layers=frozenset(layers),
    measure=measure,
    map_view=map_view,
    selection=parse_ref(st.session_state.get("selection")),
    position=map_position(map_view),
)
params = encode(view, domain)
if params != st.query_params.to_dict():
    st.query_params.from_dict(params)
scene = compose_scene(world, view)
bounds = view_bounds(world, map_view)
restored = st.session_state.get("url_position")

map_column, details_column = st.columns([2, 1])
with map_column:
    st_folium(
        build_base_map(world.boundaries, assets(DATA_DIR), bounds),
        feature_group_to_add=build_overlays(scene),
        center=(restored.lat, restored.lng) if restored else None,
        zoom=restored.zoom if restored else None,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked", "center", "zoom"],
        key="map",
    )
    st.caption(text("map_caption"))
    st.html(legend.legend_html(view.measure, site_cells=draws_site_cells(scene)))

with details_column:
    st.subheader(text("details"))
    details = describe(view.selection, scene, world, catalog) if view.selection else None
    if details is None:
        st.info(text("details_hint"))
    else:
        st.markdown(details_markdown(details))
    st.subheader(text("share"))
    st.caption(text("share_help"))
    st.code(share_url(params), language=None, wrap_lines=True)
    st.subheader(text("downloads"))
    for label_key, tables, suffix in (
        ("download_geojson", dataset_files, "geojson"),
        ("download_csv", csv_tables, "csv"),
    ):
        st.download_button(
            text(label_key),
            data=zipped(tables, scene, world),
            file_name=f"{EXPORT_FOLDER}-{suffix}.zip",
            mime="application/zip",
            on_click="ignore",
        )
    st.download_button(
        text("download_html"),
        # The page must work from disk: its basemap is inlined, not fetched from this server.
        data=lambda: standalone_html(
            build_base_map(world.boundaries, replace(assets(DATA_DIR), basemap={}), bounds),
            build_overlays(scene),
            assets(DATA_DIR),
            text("title"),
            text("map_caption"),
            cited_sources(scene, catalog),
            text("details_sources"),
        ),
        file_name=f"{EXPORT_FOLDER}-map.html",
        mime="text/html",
        on_click="ignore",
    )

# The milestone list is long: written after the map, so the map reaches the browser first.
with st.sidebar:
    st.subheader(text("milestones"))
    st.caption(text("milestones_help"))
    for milestone_year, group in by_year(scene.milestones):
        st.button(
            text("go_to_year").format(year=milestone_year),
            key=f"go-{milestone_year}",
            on_click=go_to_year,
            args=(milestone_year,),
            type="tertiary",
        )
        for _, milestone in group.iterrows():
            st.markdown(milestone_markdown(milestone, catalog))

st.divider()
st.subheader(text("context"))
table = production_table(world.dataset)
production_column, imports_column = st.columns(2)
with production_column:
    st.markdown(f"**{md(text('context_production'))}**")
    st.markdown(group_shares_markdown(table))
    st.altair_chart(production_chart(table), width="stretch")
    st.caption(text("context_production_caption"))
    st.markdown(source_list(world.dataset.production["sources"], catalog))
with imports_column:
    st.markdown(f"**{md(text('context_imports'))}**")
    st.altair_chart(import_share_chart(world.dataset.import_share), width="stretch")
    st.caption(text("context_imports_caption"))
    with st.expander(text("context_imports_figures")):
        st.markdown(import_share_markdown(world.dataset.import_share, catalog))
