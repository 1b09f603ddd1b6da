"""Serves bench/one_map_app.py with Leaflet from the installed xstatic package at /leaflet,
so the one-map page, like the dashboard, fetches nothing from another host; and, like the
dashboard's server, with TCP_NODELAY on its listening socket (dashboard/tcp_nodelay.py), so
that what the dashboard costs over this page is the page's own."""

import sys
from pathlib import Path

# As in dashboard/server.py: Streamlit puts only this file's folder on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
import xstatic.pkg.leaflet as xstatic_leaflet
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from dashboard.tcp_nodelay import set_nodelay_on_listening_sockets

app = st.App(
    "one_map_app.py",
    routes=[Mount("/leaflet", StaticFiles(directory=xstatic_leaflet.BASE_DIR))],
)
set_nodelay_on_listening_sockets()
