"""Serve Leaflet and the basemap's polygons through Streamlit's static route.

Streamlit serves the folder ``static/`` beside the main script at ``<base>/app/static/``. The
folder is filled at start-up (Leaflet from the installed xstatic-leaflet package, the basemap
from geodata/) and ignored by git, so no third-party file is committed and the page never asks
a CDN for anything. Served as files, the basemap is fetched once and cached by the browser
instead of travelling with the map on every rerun.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from dashboard.paths import STATIC_DIR

LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images")
BASEMAP_FILES = ("world.geojson", "states.geojson")


@dataclass(frozen=True)
class AssetUrls:
    """URLs of the map's JS, CSS and basemap files, as the browser must ask for them."""

    leaflet_js: str
    leaflet_css: str
    basemap: dict[str, str]  # file name -> URL


def leaflet_folder_name() -> str:
    """The static folder for Leaflet, named by its version so a browser cache never mixes two
    releases."""
    return f"leaflet-{xstatic_leaflet.VERSION}"


def basemap_folder_name(geodata: Path) -> str:
    """The static folder for the basemap, named by a digest of its files so a rebuilt basemap is
    never served from a stale cache."""
    digest = hashlib.sha256()
    for name in BASEMAP_FILES:
        digest.update((geodata / name).read_bytes())
    return f"basemap-{digest.hexdigest()[:12]}"


def _publish(static_dir: Path, name: str, fill: Callable[[Path], None]) -> Path:
    """Create ``static_dir/name`` once; concurrent starts each fill a private folder and rename
    it into place, so no request sees a half-written file."""
    target = static_dir / name
    if target.is_dir():
        return target
    static_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=static_dir, prefix=".staging-"))
    fill(staging)
    try:
        os.rename(staging, target)
    except OSError:
        # Another process won the race; its copy is identical.
        shutil.rmtree(staging, ignore_errors=True)
    return target


def publish_leaflet(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet from the installed xstatic package into the static route (once) and return its
    folder."""
    source = Path(xstatic_leaflet.BASE_DIR)

    def fill(staging: Path) -> None:
        for name in LEAFLET_FILES:
            if (source / name).is_dir():
                shutil.copytree(source / name, staging / name)
            else:
                shutil.copy2(source / name, staging / name)

    return _publish(static_dir, leaflet_folder_name(), fill)


def publish_basemap(geodata: Path, static_dir: Path = STATIC_DIR) -> Path:
    """Copy the basemap's GeoJSON files into the static route (once per content) and return its
    folder."""

    def fill(staging: Path) -> None:
        for name in BASEMAP_FILES:
            shutil.copy2(geodata / name, staging / name)

    return _publish(static_dir, basemap_folder_name(geodata), fill)


def asset_urls(base_url_path: str = "", basemap_folder: str = "") -> AssetUrls:
    """The asset URLs the browser must request. ``base_url_path`` is Streamlit's
    ``server.baseUrlPath``, set when a proxy serves the app below a path prefix;
    ``basemap_folder`` is what ``publish_basemap`` created (empty: the basemap is drawn from
    inline data instead)."""
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    static = f"{prefix}/app/static"
    leaflet = f"{static}/{leaflet_folder_name()}"
    basemap = (
        {name: f"{static}/{basemap_folder}/{name}" for name in BASEMAP_FILES}
        if basemap_folder
        else {}
    )
    return AssetUrls(f"{leaflet}/leaflet.js", f"{leaflet}/leaflet.css", basemap)
