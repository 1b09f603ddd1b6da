"""Serves bench/one_map_app.py with Leaflet from the installed xstatic package at /leaflet,
so the one-map page, like the dashboard, fetches nothing from another host."""

import streamlit as st
import xstatic.pkg.leaflet as xstatic_leaflet
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

app = st.App(
    "one_map_app.py",
    routes=[Mount("/leaflet", StaticFiles(directory=xstatic_leaflet.BASE_DIR))],
)
