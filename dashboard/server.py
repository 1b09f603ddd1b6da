"""The dashboard's server: the Streamlit script (app.py) with the export route beside it, as
one ASGI application (Streamlit's ``st.App``).

``streamlit run dashboard/server.py`` serves it (``./dev start`` and ``deploy/start`` do);
Streamlit's options apply as for any script: the port, the address, ``server.baseUrlPath`` and
.streamlit/config.toml.
"""

import sys
from pathlib import Path

# As in app.py: Streamlit puts only this file's folder on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit.logger import get_logger

from dashboard.paths import data_dir
from dashboard.routes import server_routes
from dashboard.tcp_nodelay import set_nodelay_on_listening_sockets

app = st.App("app.py", routes=server_routes(data_dir(), st.get_option("server.baseUrlPath")))
# Streamlit has bound its socket and serves once this module is loaded (dashboard/tcp_nodelay.py
# says why). Streamlit's own logger: its lines reach the server's log at its level.
get_logger("dashboard.server").info(
    "TCP_NODELAY set on %d listening socket(s)", set_nodelay_on_listening_sockets()
)
