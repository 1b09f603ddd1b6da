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

from dashboard.paths import data_dir
from dashboard.routes import server_routes

app = st.App("app.py", routes=server_routes(data_dir(), st.get_option("server.baseUrlPath")))
