"""Where the project's files live, resolved from this package so the app runs from any folder."""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
GEODATA_DIR = REPO_ROOT / "geodata"
# Streamlit serves the folder static/ beside the main script (dashboard/app.py).
STATIC_DIR = PACKAGE_DIR / "static"


def data_dir() -> Path:
    """The data a server serves: a deployment (and the tests) may point it at another copy of
    geodata/ with DASHBOARD_DATA_DIR. Read when asked, so a test can change it."""
    return Path(os.environ.get("DASHBOARD_DATA_DIR", GEODATA_DIR))
