"""The bare page (bare_app.py) served as dashboard/server.py serves the dashboard: with
TCP_NODELAY on the listening socket (dashboard/tcp_nodelay.py). Measured beside the bare page
as Streamlit serves it, it shows how much of the dashboard's lead over that page is the
setting's, which would speed any Streamlit page, and how much is the page's own."""

import sys
from pathlib import Path

# As in dashboard/server.py: Streamlit puts only this file's folder on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st

from dashboard.tcp_nodelay import set_nodelay_on_listening_sockets

app = st.App("bare_app.py")
set_nodelay_on_listening_sockets()
