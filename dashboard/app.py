"""Streamlit entry point: wires widgets to the pure functions of the dashboard package."""

import sys
from pathlib import Path

# Streamlit puts only this script's folder on sys.path, and hosted services (Streamlit Community
# Cloud) install the requirements, not this project: make the repository root importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit_folium import st_folium

from dashboard.boundaries import Boundaries, load_boundaries
from dashboard.map_view import build_base_map
from dashboard.messages import text
from dashboard.static_assets import AssetUrls, asset_urls, publish_leaflet

MAP_HEIGHT = 640


@st.cache_resource
def boundaries() -> Boundaries:
    return load_boundaries()


@st.cache_resource
def assets() -> AssetUrls:
    publish_leaflet()
    return asset_urls(st.get_option("server.baseUrlPath"))


st.set_page_config(page_title=text("page_title"), layout="wide")
st.title(text("title"))
st.caption(text("subtitle"))

with st.sidebar:
    st.header(text("sidebar_header"))

st_folium(
    build_base_map(boundaries(), assets()),
    height=MAP_HEIGHT,
    use_container_width=True,
    returned_objects=["last_active_drawing"],
    key="map",
)
st.caption(text("map_caption"))
