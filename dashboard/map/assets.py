"""Serve Leaflet, the map's own scripts, the basemap's polygons and the map's layer document
through Streamlit's static route.

Streamlit serves the folder ``static/`` beside the main script at ``<base>/app/static/``. The
folder is filled at start-up (Leaflet from the installed xstatic-leaflet package, the basemap
from geodata/, the layer document from the loaded data) and ignored by git, so no third-party
file is committed and the page never asks a CDN for anything. Served as files, the geometry is
fetched once and cached by the browser instead of travelling with the map on every rerun. Each
folder is named by its content's version or digest, so a browser never mixes two versions.
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

from dashboard.core.exports import map_events_href
from dashboard.paths import STATIC_DIR

# Leaflet's style and its images; its script comes with the map's (map_bundle).
LEAFLET_FILES = ("leaflet.css", "images")
BASEMAP_FILES = ("world.geojson", "states.geojson")
# The map's own scripts, in the order the page loads them (each adds to what the ones before
# it define; dashboard/map/js/ says what each does).
# Set before Leaflet loads: how Leaflet places what it draws (the script says why).
LEAFLET_SETUP = Path(__file__).resolve().parent / "js" / "map_setup.js"
MAP_SCRIPTS = tuple(
    Path(__file__).resolve().parent / "js" / name
    for name in (
        "private_api.js",
        "map_controller.js",
        "map_layers.js",
        "map_site_groups.js",
        "map_changes.js",
        "map_labels.js",
        "map_frame.js",
    )
)
# The one file the page loads them from, Leaflet first: streamlit-folium loads a map's scripts
# one after another, each a round trip, so eight files cost about 0.35 s before the map could
# even ask for its layer document (bench/results.md).
MAP_BUNDLE = "map.js"
LAYERS_FILE = "layers.json"
DIGEST_CHARS = 12


@dataclass(frozen=True)
class AssetUrls:
    """URLs of the map's files, as the browser must ask for them. An empty ``basemap`` or
    ``layers`` means that data is inlined in the page instead (the downloaded map)."""

    leaflet_css: str
    map_js: str  # Leaflet and MAP_SCRIPTS as one file (map_bundle)
    basemap: dict[str, str]  # file name -> URL
    layers: str = ""
    events: str = ""  # where the map reports that the served layers could not be fetched


def leaflet_folder_name() -> str:
    """The static folder for Leaflet, named by its version so a browser cache never mixes two
    releases."""
    return f"leaflet-{xstatic_leaflet.VERSION}"


def _digest(*blobs: bytes) -> str:
    digest = hashlib.sha256()
    for blob in blobs:
        digest.update(blob)
    return digest.hexdigest()[:DIGEST_CHARS]


def basemap_folder_name(geodata: Path) -> str:
    """The static folder for the basemap, named by a digest of its files so a rebuilt basemap is
    never served from a stale cache."""
    return "basemap-" + _digest(*((geodata / name).read_bytes() for name in BASEMAP_FILES))


def map_script_folder_name() -> str:
    """The static folder for the map's own scripts, named by a digest of them all, so a page
    never loads one script of a release with another of the next."""
    return "mapjs-" + _digest(map_bundle().encode("utf-8"))


def layers_folder_name(document: str) -> str:
    """The static folder for a layer document, named by a digest of its text."""
    return "layers-" + _digest(document.encode("utf-8"))


def _publish(static_dir: Path, name: str, fill: Callable[[Path], None]) -> Path:
    """Create ``static_dir/name`` once; concurrent starts each fill a private folder and rename
    it into place, so no request sees a half-written file."""
    target = static_dir / name
    if target.is_dir():
        return target
    static_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=static_dir, prefix=".staging-"))
    fill(staging)
    # mkdtemp makes the folder private; the server may run as another user (the Docker image
    # publishes as root at build time and serves as an unprivileged user).
    staging.chmod(0o755)
    try:
        os.rename(staging, target)
    except OSError:
        # Another process won the race; its copy is identical.
        shutil.rmtree(staging, ignore_errors=True)
    return target


def publish_leaflet(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet's style and images from the installed xstatic package into the static route
    (once) and return their folder."""
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


def publish_map_scripts(static_dir: Path = STATIC_DIR) -> Path:
    """Write the map's own scripts, as one file, into the static route (once per version);
    return their folder."""

    def fill(staging: Path) -> None:
        (staging / MAP_BUNDLE).write_text(map_bundle(), encoding="utf-8")

    return _publish(static_dir, map_script_folder_name(), fill)


def map_bundle() -> str:
    """LEAFLET_SETUP, Leaflet (with its licence header, as the xstatic package ships it) and
    then the map's scripts in MAP_SCRIPTS' order, as one file, each under its file's name."""
    leaflet = Path(xstatic_leaflet.BASE_DIR) / "leaflet.js"
    parts = [(f"dashboard/map/js/{LEAFLET_SETUP.name}", LEAFLET_SETUP)]
    parts += [(f"leaflet.js (Leaflet {xstatic_leaflet.VERSION}, BSD-2-Clause)", leaflet)]
    parts += [(f"dashboard/map/js/{script.name}", script) for script in MAP_SCRIPTS]
    return "".join(f"// {name}\n{path.read_text(encoding='utf-8')}\n" for name, path in parts)


def publish_layers(document: str, static_dir: Path = STATIC_DIR) -> Path:
    """Write a layer document (JSON text) into the static route (once per content); return its
    folder."""

    def fill(staging: Path) -> None:
        (staging / LAYERS_FILE).write_text(document, encoding="utf-8")

    return _publish(static_dir, layers_folder_name(document), fill)


def asset_urls(
    base_url_path: str = "", basemap_folder: str = "", layers_folder: str = ""
) -> AssetUrls:
    """The asset URLs the browser must request. ``base_url_path`` is Streamlit's
    ``server.baseUrlPath``, set when a proxy serves the app below a path prefix;
    ``basemap_folder`` and ``layers_folder`` are what ``publish_basemap`` and
    ``publish_layers`` created (empty: that data is inlined in the page instead)."""
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    static = f"{prefix}/app/static"
    leaflet = f"{static}/{leaflet_folder_name()}"
    basemap = (
        {name: f"{static}/{basemap_folder}/{name}" for name in BASEMAP_FILES}
        if basemap_folder
        else {}
    )
    return AssetUrls(
        leaflet_css=f"{leaflet}/leaflet.css",
        map_js=f"{static}/{map_script_folder_name()}/{MAP_BUNDLE}",
        basemap=basemap,
        layers=f"{static}/{layers_folder}/{LAYERS_FILE}" if layers_folder else "",
        events=map_events_href(base_url_path) if layers_folder else "",
    )
