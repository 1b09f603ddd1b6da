"""Leaflet is published from the installed package and addressed through Streamlit's route."""

from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from dashboard.map.assets import (
    asset_urls,
    basemap_folder_name,
    leaflet_folder_name,
    publish_basemap,
    publish_leaflet,
)
from dashboard.paths import GEODATA_DIR


def test_publish_copies_leaflet_once(tmp_path: Path) -> None:
    folder = publish_leaflet(tmp_path)
    assert folder == tmp_path / leaflet_folder_name()
    source = Path(xstatic_leaflet.BASE_DIR) / "leaflet.js"
    assert (folder / "leaflet.js").read_bytes() == source.read_bytes()
    assert (folder / "leaflet.css").is_file()
    assert (folder / "images" / "marker-icon.png").is_file()
    assert publish_leaflet(tmp_path) == folder
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]


def test_urls_follow_the_base_path() -> None:
    version = xstatic_leaflet.VERSION
    assert asset_urls().leaflet_js == f"/app/static/leaflet-{version}/leaflet.js"
    assert asset_urls("/maps/").leaflet_css == f"/maps/app/static/leaflet-{version}/leaflet.css"


def test_the_basemap_is_published_under_a_digest_of_its_files(tmp_path: Path) -> None:
    folder = publish_basemap(GEODATA_DIR, tmp_path)
    assert folder.name == basemap_folder_name(GEODATA_DIR)
    assert (folder / "world.geojson").read_bytes() == (GEODATA_DIR / "world.geojson").read_bytes()
    urls = asset_urls("", folder.name).basemap
    assert urls["states.geojson"] == f"/app/static/{folder.name}/states.geojson"
