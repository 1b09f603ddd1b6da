"""Downloads: the filtered data as a dataset the validator accepts, flat CSV tables, a
deterministic zip, and a standalone offline map page."""

import io
import re
import zipfile
from pathlib import Path

import pytest

from dashboard.core.filters import EvidenceLevel, Filters
from dashboard.core.scene import Geography, Scene, compose_scene, derive_geography
from dashboard.data.boundaries import Boundaries
from dashboard.data.dataset import Dataset, load_dataset
from dashboard.data.link_paths import resolve_endpoints
from dashboard.data.validate import check_folder
from dashboard.map.assets import asset_urls
from dashboard.map.base import bounds_of, build_base_map
from dashboard.map.html_export import standalone_html
from dashboard.map.layers import build_overlays
from dashboard.panels.details import Source
from dashboard.panels.downloads import csv_tables, dataset_files, zip_bytes
from dashboard.paths import GEODATA_DIR


@pytest.fixture(scope="module")
def real(boundaries: Boundaries) -> tuple[Dataset, Geography]:
    dataset = load_dataset(GEODATA_DIR, boundaries)
    endpoints = resolve_endpoints(dataset.sites, dataset.places, boundaries.world)
    return dataset, derive_geography(boundaries, dataset, endpoints)


def scene_for(boundaries: Boundaries, real, filters: Filters) -> Scene:
    dataset, geography = real
    return compose_scene(boundaries, dataset, geography, filters)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(None),
        Filters(2026),
        Filters(2012, EvidenceLevel.VERIFIED),
        Filters(1990, EvidenceLevel.REPORTED),
    ],
    ids=["all-years", "2026", "2012-verified", "1990-reported"],
)
def test_exported_geojson_passes_the_validator(
    boundaries: Boundaries, real, filters: Filters, tmp_path: Path
) -> None:
    scene = scene_for(boundaries, real, filters)
    for name, content in dataset_files(scene, real[0]).items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert [str(p) for p in check_folder(tmp_path, boundaries).problems] == []


def test_the_export_holds_what_is_shown_and_what_it_needs(boundaries: Boundaries, real) -> None:
    scene = scene_for(boundaries, real, Filters(2012, EvidenceLevel.VERIFIED))
    files = dataset_files(scene, real[0])
    for site in scene.sites["id"]:
        assert f'"id":"{site}"' in files["sites.geojson"]
    assert "ms-2026-" not in files["milestones.csv"]  # nothing after the chosen year
    assert len(files["sources.csv"].splitlines()) < len(real[0].sources) + 1


def test_csv_tables_are_flat(boundaries: Boundaries, real) -> None:
    tables = csv_tables(scene_for(boundaries, real, Filters(2026)), real[0])
    header = tables["sites.csv"].splitlines()[0].split(",")
    assert header[-2:] == ["longitude", "latitude"]
    assert "Odisha Sands Complex" in tables["sites.csv"]
    assert "status_in_year" in tables["links.csv"].splitlines()[0]


def test_zips_are_deterministic() -> None:
    files = {"a.csv": "x\n1\n", "b.geojson": "{}"}
    first, second = zip_bytes(files, "export"), zip_bytes(files, "export")
    assert first == second
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names == ["export/a.csv", "export/b.geojson"]


def test_the_map_page_stands_alone(boundaries: Boundaries, real) -> None:
    scene = scene_for(boundaries, real, Filters(2026))
    assets = asset_urls()
    page = standalone_html(
        build_base_map(boundaries, assets, bounds_of(boundaries.states.total_bounds)),
        build_overlays(scene, None),
        assets,
        "Title <b>",
        "Caption",
        [
            Source("A <script>", "Pub", "https://example.org/a", "2020"),
            Source("B", "P", None, None),
        ],
        "Sources",
    )
    assert "/app/static/" not in page
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="', page)  # nothing loaded
    assert "L.map(" in page
    assert "A &lt;script&gt;" in page
    assert "Title &lt;b&gt;" in page
    assert '<a href="https://example.org/a"' in page


def test_exports_carry_both_district_codes_and_site_statuses(boundaries: Boundaries, real) -> None:
    scene = scene_for(boundaries, real, Filters(2019))
    tables = csv_tables(scene, real[0])
    header, *rows = tables["districts.csv"].splitlines()
    assert header.startswith("district_lgd,district_census2011,district,state")
    assert any(r.startswith("354,388,Ganjam,Odisha,") for r in rows)
    assert any(r.startswith("744,,Anakapalli") for r in rows)
    sites = tables["sites.csv"]
    assert "site-srikurmam-bhavanapadu" in sites
    assert ",lease_ended," in sites
    files = dataset_files(scene, real[0])
    assert "status-srikurmam-lease-ended" in files["site_status.csv"]
    assert len(files["district_codes.csv"].splitlines()) == 57
