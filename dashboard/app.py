"""Streamlit entry point: wires widgets to the pure functions of the dashboard package."""

import datetime as dt
import os
import sys
from pathlib import Path

# Streamlit puts only this script's folder on sys.path, and hosted services (Streamlit Community
# Cloud) install the requirements, not this project: make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit_folium import st_folium

from dashboard import legend
from dashboard.boundaries import Boundaries, load_boundaries
from dashboard.charts import import_share_chart, production_chart
from dashboard.context import group_shares, import_share_markdown, production_table, source_list
from dashboard.dataset import Dataset, load_dataset
from dashboard.details import describe, details_markdown, source_catalog
from dashboard.filters import EvidenceLevel, Filters
from dashboard.link_paths import Endpoint, resolve_endpoints
from dashboard.map_layers import build_overlays
from dashboard.map_view import MapView, bounds_of, build_base_map
from dashboard.markdown_text import md
from dashboard.messages import label, text
from dashboard.milestone_view import by_year, milestone_markdown
from dashboard.paths import GEODATA_DIR
from dashboard.problems import DatasetError
from dashboard.scene import Geography, Layer, Measure, compose_scene, derive_geography
from dashboard.selection import Selection, clicked_selection, parse_ref
from dashboard.static_assets import AssetUrls, asset_urls, publish_leaflet

MAP_HEIGHT = 640
# Deployments (and the tests) may point the app at another copy of geodata/.
DATA_DIR = Path(os.environ.get("DASHBOARD_DATA_DIR", GEODATA_DIR))
THIS_YEAR = dt.date.today().year


@st.cache_resource
def data(folder: Path) -> tuple[Boundaries, Dataset, dict[str, Endpoint], Geography]:
    boundaries = load_boundaries(folder)
    dataset = load_dataset(folder, boundaries)
    endpoints = resolve_endpoints(dataset.sites, dataset.places, boundaries.world)
    return boundaries, dataset, endpoints, derive_geography(boundaries, dataset, endpoints)


@st.cache_resource
def assets() -> AssetUrls:
    publish_leaflet()
    return asset_urls(st.get_option("server.baseUrlPath"))


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
    st.session_state["district"] = int(click.key) if click.kind == "district" else None


def on_pick_district() -> None:
    code = st.session_state.get("district")
    st.session_state["selection"] = f"district:{code}" if code is not None else None


def go_to_year(year: int) -> None:
    st.session_state["all_years"] = False
    st.session_state["year"] = year


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

first_year = int(
    min(
        dataset.milestones["year"].min(),
        dataset.sites["start_year"].min(),
        dataset.links["start_year"].min(),
    )
)
districts = boundaries.districts.sort_values("district")
district_names = {int(r.district_lgd): f"{r.district} ({r.state})" for r in districts.itertuples()}
sources = source_catalog(dataset)
apply_map_click()

with st.sidebar:
    st.header(text("sidebar_header"))
    view = st.radio(
        text("view"),
        list(MapView),
        format_func=lambda v: label("view", v.value),
        key="view",
        horizontal=True,
    )
    all_years = st.checkbox(text("all_years"), key="all_years", help=text("all_years_help"))
    year = st.slider(
        text("year"),
        min_value=first_year,
        max_value=THIS_YEAR,
        value=THIS_YEAR,
        key="year",
        disabled=all_years,
    )
    evidence = st.radio(
        text("evidence_filter"),
        list(EvidenceLevel),
        index=2,
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
        default=list(Layer),
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
selection: Selection | None = parse_ref(st.session_state.get("selection"))

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

if view is MapView.STATES:
    bounds = bounds_of(boundaries.states.total_bounds)
else:
    bounds = bounds_of(geography.link_paths.total_bounds)

map_column, details_column = st.columns([2, 1])
with map_column:
    st_folium(
        build_base_map(boundaries, assets(), bounds),
        feature_group_to_add=build_overlays(scene, selection),
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked"],
        key="map",
    )
    st.caption(text("map_caption"))
    st.html(legend.legend_html(scene.measure))

with details_column:
    st.subheader(text("details"))
    details = describe(selection, scene, dataset, endpoints) if selection else None
    if details is None:
        st.info(text("details_hint"))
    else:
        st.markdown(details_markdown(details))

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
