"""Streamlit entry point: wires widgets to the pure functions of the dashboard package."""

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

from dashboard.core.filters import EvidenceLevel, Filters
from dashboard.core.messages import label, text
from dashboard.core.refs import clicked_selection, district_ref, parse_ref
from dashboard.core.scene import Geography, Layer, Measure, Scene, compose_scene, derive_geography
from dashboard.core.url import Domain, MapPosition, ViewState, decode, encode
from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.dataset import Dataset, load_dataset
from dashboard.data.link_paths import Endpoint, resolve_endpoints
from dashboard.data.problems import DatasetError
from dashboard.map import legend
from dashboard.map.assets import AssetUrls, asset_urls, publish_basemap, publish_leaflet
from dashboard.map.base import MapView, bounds_of, build_base_map
from dashboard.map.html_export import standalone_html
from dashboard.map.layers import SITE_POINT_LIMIT, build_overlays
from dashboard.panels.charts import import_share_chart, production_chart
from dashboard.panels.context import (
    group_shares,
    import_share_markdown,
    production_table,
    source_list,
)
from dashboard.panels.details import describe, details_markdown, source_catalog
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
def data(folder: Path) -> tuple[Boundaries, Dataset, dict[str, Endpoint], Geography]:
    boundaries = load_boundaries(folder)
    dataset = load_dataset(folder, boundaries)
    endpoints = resolve_endpoints(dataset.sites, dataset.places, boundaries.world)
    return boundaries, dataset, endpoints, derive_geography(boundaries, dataset, endpoints)


@st.cache_resource
def assets(folder: Path) -> AssetUrls:
    publish_leaflet()
    basemap = publish_basemap(folder)
    return asset_urls(st.get_option("server.baseUrlPath"), basemap.name)


@st.cache_resource
def view_domain(folder: Path, last_year: int) -> Domain:
    """What a link may ask for; derived once per dataset (every record's reference), not on
    every rerun."""
    boundaries, dataset, _, _ = data(folder)
    aliases = {
        f"district:{row.old_url_code}": district_ref(row.district_lgd)
        for row in boundaries.districts.itertuples()
    }
    return Domain(first_year(dataset), last_year, selectable_refs(boundaries, dataset), aliases)


def first_year(dataset: Dataset) -> int:
    return int(
        min(
            dataset.milestones["year"].min(),
            dataset.sites["start_year"].min(),
            dataset.links["start_year"].min(),
        )
    )


def selectable_refs(boundaries: Boundaries, dataset: Dataset) -> frozenset[str]:
    refs = {district_ref(code) for code in boundaries.districts["district_lgd"]}
    for kind, frame in (("site", dataset.sites), ("zone", dataset.zones), ("link", dataset.links)):
        refs |= {f"{kind}:{key}" for key in frame["id"]}
    return frozenset(refs)


def restore_from_url(domain: Domain) -> None:
    """Once per session: put the link's view into the widgets, and remember what was ignored."""
    if st.session_state.get("url_restored"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    state, ignored = decode(params, domain)
    selection = parse_ref(state.selection)
    st.session_state.update(
        url_restored=True,
        url_ignored=ignored,
        view=state.view,
        all_years=state.year is None,
        year=state.year or domain.last_year,
        evidence=state.evidence,
        measure=state.measure,
        layers=[layer for layer in Layer if layer in state.layers],
        selection=state.selection,
        district=selection.district_code if selection else None,
        url_position=state.position,
    )


def map_position(view: MapView) -> MapPosition | None:
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
    if restored is None and view not in fitted:
        fitted[view] = reported
    return None if reported.near(fitted.get(view)) else reported


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
    code = st.session_state.get("district")
    st.session_state["selection"] = district_ref(code) if code is not None else None


def on_change_view() -> None:
    # A named view replaces wherever the map had been moved to.
    st.session_state["map"] = {}
    st.session_state["url_position"] = None


def go_to_year(year: int) -> None:
    st.session_state["all_years"] = False
    st.session_state["year"] = year


def zipped(
    tables: Callable[[Scene, Dataset], dict[str, str]], scene: Scene, dataset: Dataset
) -> Callable[[], bytes]:
    """A download's data, built only when the button is clicked (Streamlit calls it later,
    in another thread, with no arguments)."""
    return lambda: zip_bytes(tables(scene, dataset), EXPORT_FOLDER)


def share_url(params: dict[str, str]) -> str:
    page = urlsplit(st.context.url or "")
    return urlunsplit((page.scheme, page.netloc, page.path or "/", urlencode(params), ""))


st.set_page_config(page_title=text("page_title"), layout="wide")
st.title(text("title"))
st.caption(text("subtitle"))

try:
    boundaries, dataset, endpoints, geography = data(DATA_DIR)
except DatasetError as error:
    st.error(text("data_error"))
    # st.code shows the lines verbatim: data text is never interpreted as Markdown or HTML.
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()

domain = view_domain(DATA_DIR, THIS_YEAR)
restore_from_url(domain)
districts = boundaries.districts.sort_values("district")
district_names = {int(r.district_lgd): f"{r.district} ({r.state})" for r in districts.itertuples()}
sources = source_catalog(dataset)
apply_map_click()

if st.session_state.get("url_ignored"):
    st.warning(text("url_ignored").format(keys=", ".join(st.session_state["url_ignored"])))

with st.sidebar:
    st.header(text("sidebar_header"))
    view = st.radio(
        text("view"),
        list(MapView),
        format_func=lambda v: label("view", v.value),
        key="view",
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

filters = Filters(year=None if all_years else year, evidence=evidence)
scene = compose_scene(boundaries, dataset, geography, filters, measure, frozenset(layers))
selection = parse_ref(st.session_state.get("selection"))
position = map_position(view)
state = ViewState(
    year=filters.year,
    selection=selection.ref if selection else None,
    layers=frozenset(layers),
    evidence=evidence,
    measure=measure,
    view=view,
    position=position,
)
params = encode(state, domain)
if params != st.query_params.to_dict():
    st.query_params.from_dict(params)

if view is MapView.STATES:
    bounds = bounds_of(boundaries.states.total_bounds)
else:
    bounds = bounds_of(geography.link_paths.total_bounds)
restored = st.session_state.get("url_position")
overlays = build_overlays(scene, selection)

map_column, details_column = st.columns([2, 1])
with map_column:
    st_folium(
        build_base_map(boundaries, assets(DATA_DIR), bounds),
        feature_group_to_add=overlays,
        center=(restored.lat, restored.lng) if restored else None,
        zoom=restored.zoom if restored else None,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked", "center", "zoom"],
        key="map",
    )
    st.caption(text("map_caption"))
    located = int(scene.sites.geometry.notna().sum())
    st.html(legend.legend_html(scene.measure, site_cells=located > SITE_POINT_LIMIT))

with details_column:
    st.subheader(text("details"))
    details = describe(selection, scene, dataset, endpoints) if selection else None
    if details is None:
        st.info(text("details_hint"))
    else:
        st.markdown(details_markdown(details))
    st.subheader(text("share"))
    st.caption(text("share_help"))
    st.code(share_url(params), language=None, wrap_lines=True)
    st.subheader(text("downloads"))
    cited = [
        sources[s]
        for frame in (scene.sites, scene.zones, scene.links)
        for ids in frame["sources"]
        for s in ids
    ]
    for label_key, tables, suffix in (
        ("download_geojson", dataset_files, "geojson"),
        ("download_csv", csv_tables, "csv"),
    ):
        st.download_button(
            text(label_key),
            data=zipped(tables, scene, dataset),
            file_name=f"{EXPORT_FOLDER}-{suffix}.zip",
            mime="application/zip",
            on_click="ignore",
        )
    st.download_button(
        text("download_html"),
        # The page must work from disk: its basemap is inlined, not fetched from this server.
        data=lambda: standalone_html(
            build_base_map(boundaries, replace(assets(DATA_DIR), basemap={}), bounds),
            build_overlays(scene, selection),
            assets(DATA_DIR),
            text("title"),
            text("map_caption"),
            cited,
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
            st.markdown(milestone_markdown(milestone, sources))

st.divider()
st.subheader(text("context"))
table = production_table(dataset)
shares = group_shares(table)
production_column, imports_column = st.columns(2)
with production_column:
    st.markdown(f"**{md(text('context_production'))}**")
    st.markdown(
        " · ".join(
            f"{md(label('group', g))}: {md(f'{shares[g]:.1%}')}"
            for g in ("india", "partner", "china")
        )
    )
    st.altair_chart(production_chart(table), width="stretch")
    st.caption(text("context_production_caption"))
    st.markdown(source_list(dataset.production["sources"], sources))
with imports_column:
    st.markdown(f"**{md(text('context_imports'))}**")
    st.altair_chart(import_share_chart(dataset.import_share), width="stretch")
    st.caption(text("context_imports_caption"))
    with st.expander(text("context_imports_figures")):
        st.markdown(import_share_markdown(dataset.import_share, sources))
