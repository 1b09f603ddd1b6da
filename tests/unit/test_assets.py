"""Leaflet, the map's scripts, the basemap and the layer document are published to Streamlit's
static route, each under a name that changes with its content, and addressed through it."""

import json
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from dashboard.core.world import World
from dashboard.map.assets import (
    LEAFLET_SETUP,
    MAP_SCRIPTS,
    asset_urls,
    basemap_folder_name,
    leaflet_folder_name,
    map_bundle,
    publish_basemap,
    publish_layers,
    publish_leaflet,
)
from dashboard.map.publish import publish_all
from dashboard.paths import GEODATA_DIR
from tests.paths import DISTRICTS


def test_publish_copies_leaflets_style_once(tmp_path: Path) -> None:
    folder = publish_leaflet(tmp_path)
    assert folder == tmp_path / leaflet_folder_name()
    source = Path(xstatic_leaflet.BASE_DIR) / "leaflet.css"
    assert (folder / "leaflet.css").read_bytes() == source.read_bytes()
    assert (folder / "images" / "marker-icon.png").is_file()
    assert publish_leaflet(tmp_path) == folder
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]


def test_urls_follow_the_base_path() -> None:
    version = xstatic_leaflet.VERSION
    assert asset_urls().leaflet_css == f"/app/static/leaflet-{version}/leaflet.css"
    assert asset_urls("/maps/").leaflet_css == f"/maps/app/static/leaflet-{version}/leaflet.css"


def test_the_basemap_is_published_under_a_digest_of_its_files(tmp_path: Path) -> None:
    folder = publish_basemap(GEODATA_DIR, tmp_path)
    assert folder.name == basemap_folder_name(GEODATA_DIR)
    assert (folder / "world.geojson").read_bytes() == (GEODATA_DIR / "world.geojson").read_bytes()
    urls = asset_urls("", folder.name).basemap
    assert urls["states.geojson"] == f"/app/static/{folder.name}/states.geojson"


def test_everything_the_map_fetches_is_published_readable_by_others(
    tmp_path: Path, real_world: World
) -> None:
    urls = publish_all(GEODATA_DIR, real_world, "maps", tmp_path)
    folders = sorted(p.name for p in tmp_path.iterdir())
    assert [f.split("-")[0] for f in folders] == ["basemap", "layers", "leaflet", "mapjs"]
    for folder in folders:
        # The Docker image publishes as root and serves as another user.
        assert (tmp_path / folder).stat().st_mode & 0o777 == 0o755
    layers = next(f for f in folders if f.startswith("layers-"))
    assert urls.layers == f"/maps/app/static/{layers}/layers.json"
    document = json.loads((tmp_path / layers / "layers.json").read_text(encoding="utf-8"))
    assert len(document["districts"]["features"]) == DISTRICTS
    scripts = next(f for f in folders if f.startswith("mapjs-"))
    assert urls.map_js == f"/maps/app/static/{scripts}/map.js"
    bundle = (tmp_path / scripts / "map.js").read_text(encoding="utf-8")
    assert bundle == map_bundle()
    assert urls.events == "/maps/map-events"


def test_the_map_loads_every_script_in_its_folder_and_the_private_api_first() -> None:
    folder = MAP_SCRIPTS[0].parent
    assert sorted([LEAFLET_SETUP, *MAP_SCRIPTS]) == sorted(folder.glob("*.js"))
    assert MAP_SCRIPTS[0].name == "private_api.js"


def test_the_page_loads_leaflet_and_the_scripts_as_one_file_in_their_order() -> None:
    """One request instead of eight: streamlit-folium loads a map's scripts in turn."""
    bundle = map_bundle()
    leaflet = (Path(xstatic_leaflet.BASE_DIR) / "leaflet.js").read_text(encoding="utf-8")
    setup = LEAFLET_SETUP.read_text(encoding="utf-8")
    assert bundle.index(setup) < bundle.index(leaflet)  # Leaflet reads it as it loads
    assert bundle.index(leaflet) < bundle.index(MAP_SCRIPTS[0].read_text(encoding="utf-8"))
    assert "@preserve" in leaflet  # Leaflet's licence header travels with it
    starts = [bundle.index(f"// dashboard/map/js/{script.name}\n") for script in MAP_SCRIPTS]
    assert starts == sorted(starts)
    for script in MAP_SCRIPTS:
        assert script.read_text(encoding="utf-8") in bundle


def test_an_inlined_map_reports_nowhere() -> None:
    assert asset_urls("maps").events == ""


def test_a_changed_layer_document_gets_a_new_folder(tmp_path: Path) -> None:
    first, second = publish_layers('{"a":1}', tmp_path), publish_layers('{"a":2}', tmp_path)
    assert first != second
    assert publish_layers('{"a":1}', tmp_path) == first
