"""Streamlit entry point: wires widgets to the pure functions of the dashboard package."""

import os
import sys
from pathlib import Path

# Streamlit puts only this script's folder on sys.path, and hosted services (Streamlit Community
# Cloud) install the requirements, not this project: make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit_folium import st_folium

from dashboard.boundaries import Boundaries, load_boundaries
from dashboard.dataset import Dataset, load_dataset
from dashboard.map_view import build_base_map
from dashboard.messages import text
from dashboard.paths import GEODATA_DIR
from dashboard.problems import DatasetError
from dashboard.static_assets import AssetUrls, asset_urls, publish_leaflet

MAP_HEIGHT = 640
# Deployments (and the tests) may point the app at another copy of geodata/.
DATA_DIR = Path(os.environ.get("DASHBOARD_DATA_DIR", GEODATA_DIR))


@st.cache_resource
def data(folder: Path) -> tuple[Boundaries, Dataset]:
    boundaries = load_boundaries(folder)
    return boundaries, load_dataset(folder, boundaries)


@st.cache_resource
def assets() -> AssetUrls:
    publish_leaflet()
    return asset_urls(st.get_option("server.baseUrlPath"))


st.set_page_config(page_title=text("page_title"), layout="wide")
st.title(text("title"))
st.caption(text("subtitle"))

try:
    boundaries, dataset = data(DATA_DIR)
except DatasetError as error:
    st.error(text("data_error"))
    # st.code shows the lines verbatim: data text is never interpreted as Markdown or HTML.
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()

with st.sidebar:
    st.header(text("sidebar_header"))
    st.caption(
        text("data_counts").format(
            sites=len(dataset.sites),
            zones=len(dataset.zones),
            links=len(dataset.links),
            milestones=len(dataset.milestones),
        )
    )

st_folium(
    build_base_map(boundaries, assets()),
    height=MAP_HEIGHT,
    use_container_width=True,
    returned_objects=["last_active_drawing"],
    key="map",
)
st.caption(text("map_caption"))
