"""Where the project's files live, resolved from this package so the app runs from any folder."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
GEODATA_DIR = REPO_ROOT / "geodata"
# Streamlit serves the folder static/ beside the main script (dashboard/app.py).
STATIC_DIR = PACKAGE_DIR / "static"
