"""Publish everything the map's page fetches into Streamlit's static route: Leaflet, the map's
script, the basemap and the layer document of a dataset. The app does it once per server
process; ``python -m dashboard.map.publish`` does it ahead of time (the Docker image), so a
running server never writes into its own folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dashboard.core.world import World, load_world
from dashboard.map.assets import (
    AssetUrls,
    asset_urls,
    publish_basemap,
    publish_layers,
    publish_leaflet,
    publish_map_scripts,
)
from dashboard.map.layer_data import layer_document
from dashboard.paths import GEODATA_DIR, STATIC_DIR


def layer_json(world: World) -> str:
    """The layer document as compact JSON text, the same bytes for the same data."""
    return json.dumps(layer_document(world), separators=(",", ":"), ensure_ascii=False)


def publish_all(
    folder: Path, world: World, base_url_path: str = "", static_dir: Path = STATIC_DIR
) -> AssetUrls:
    """Publish every file the map needs for the dataset in ``folder`` (already loaded as
    ``world``) and return the URLs the browser must use below ``base_url_path``."""
    publish_leaflet(static_dir)
    publish_map_scripts(static_dir)
    basemap = publish_basemap(folder, static_dir)
    layers = publish_layers(layer_json(world), static_dir)
    return asset_urls(base_url_path, basemap.name, layers.name)


def main() -> int:
    """Publish for the repository's geodata/; returns the exit status."""
    urls = publish_all(GEODATA_DIR, load_world(GEODATA_DIR))
    print(f"published under {STATIC_DIR}: {urls.layers}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
