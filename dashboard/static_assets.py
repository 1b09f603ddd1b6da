"""Serve Leaflet from the installed xstatic-leaflet package through Streamlit's static route.

Streamlit serves the folder ``static/`` beside the main script at ``<base>/app/static/``. The
folder is filled at start-up from the installed package and ignored by git, so no third-party
file is committed and the page never asks a CDN for anything.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

STATIC_DIR = Path(__file__).resolve().parent / "static"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images")


@dataclass(frozen=True)
class AssetUrls:
    """URLs of the map's JS and CSS, as the browser must ask for them."""

    leaflet_js: str
    leaflet_css: str


def leaflet_folder_name() -> str:
    # The version in the folder name keeps a browser cache from mixing two Leaflet releases.
    return f"leaflet-{xstatic_leaflet.VERSION}"


def publish_leaflet(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet into the static folder once; concurrent starts each copy to a private
    folder and rename it into place, so no request sees a half-written file."""
    target = static_dir / leaflet_folder_name()
    if target.is_dir():
        return target
    static_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=static_dir, prefix=".staging-"))
    source = Path(xstatic_leaflet.BASE_DIR)
    for name in LEAFLET_FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, staging / name)
        else:
            shutil.copy2(source / name, staging / name)
    try:
        os.rename(staging, target)
    except OSError:
        # Another process won the race; its copy is identical.
        shutil.rmtree(staging, ignore_errors=True)
    return target


def asset_urls(base_url_path: str = "") -> AssetUrls:
    """``base_url_path`` is Streamlit's ``server.baseUrlPath``, set when a proxy serves the app
    below a path prefix."""
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    folder = f"{prefix}/app/static/{leaflet_folder_name()}"
    return AssetUrls(leaflet_js=f"{folder}/leaflet.js", leaflet_css=f"{folder}/leaflet.css")
