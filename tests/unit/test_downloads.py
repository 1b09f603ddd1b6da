"""Downloads: the filtered data as a dataset the validator accepts, flat CSV tables, a
deterministic zip, and a standalone offline map page."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from dashboard.core.choices import EvidenceLevel, Language, MapView
from dashboard.core.messages import text
from dashboard.core.scene import Scene, compose_scene
from dashboard.core.sources import Source
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.data.boundaries import Boundaries
from dashboard.data.schema import CURATED, SOURCES
from dashboard.data.validate import check_folder
from dashboard.map.assets import asset_urls
from dashboard.map.base import build_base_map
from dashboard.map.bounds import view_bounds
from dashboard.map.html_export import Page, standalone_html, standalone_map
from dashboard.map.layer_data import layer_document
from dashboard.panels.downloads import csv_tables, dataset_files, zip_bytes


def scene_for(real_world: World, view: View) -> Scene:
    return compose_scene(real_world, view)


@pytest.mark.parametrize(
    "view",
    [
        View(None),
        View(2026),
        View(2012, EvidenceLevel.VERIFIED),
        View(1990, EvidenceLevel.REPORTED),
    ],
    ids=["all-years", "2026", "2012-verified", "1990-reported"],
)
def test_exported_geojson_passes_the_validator(
    boundaries: Boundaries, real_world: World, view: View, tmp_path: Path
) -> None:
    scene = scene_for(real_world, view)
    for name, content in dataset_files(scene, real_world).items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    checked = check_folder(tmp_path, boundaries)
    assert [str(p) for p in checked.problems] == []
    # The catalog holds exactly the sources the exported records cite: no more, no fewer.
    cited = {
        source
        for spec in CURATED
        if spec is not SOURCES
        for record in checked.of(spec)
        for source in record.texts("sources")
    }
    assert {record.get("id") for record in checked.of(SOURCES)} == cited


def test_the_export_holds_what_is_shown_and_what_it_needs(real_world: World) -> None:
    scene = scene_for(real_world, View(2012, EvidenceLevel.VERIFIED))
    files = dataset_files(scene, real_world)
    for site in scene.sites["id"]:
        assert f'"id":"{site}"' in files["sites.geojson"]
    assert "ms-2026-" not in files["milestones.csv"]  # nothing after the chosen year
    assert "site-oscom-monazite-plant" in files["sites.geojson"]  # planned from 2009
    # TREI's link is cited, so TREI (a link's end) comes along even where not shown.
    assert '"id":"site-trei"' in files["sites.geojson"]


def test_csv_tables_are_flat(real_world: World) -> None:
    tables = csv_tables(scene_for(real_world, View(2026)), real_world)
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


def test_the_map_page_stands_alone(real_world: World) -> None:
    scene = scene_for(real_world, View(2026, map_view=MapView.PARTNERS))
    page = standalone_map(real_world, scene)
    assert "/app/static/" not in page
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="', page)  # nothing loaded
    assert "L.map(" in page
    assert "RareEarthMap.create(" in page
    assert '"view": "partners"' in page  # fitted to the view it was downloaded from
    assert '"ref": "district:lgd-354"' in page  # the layers' data inlined
    assert "RareEarthMap.apply(" in page
    assert '<html lang="en"' in page
    assert text("title", Language.EN) in page


def test_the_map_page_is_in_the_language_of_its_view(real_world: World) -> None:
    scene = scene_for(real_world, View(2026, language=Language.JA))
    page = standalone_map(real_world, scene)
    assert '<html lang="ja"' in page
    assert "<title>日本とインドのレアアース・重要鉱物協力</title>" in page
    assert text("map_caption", Language.JA) in page
    assert '"language": "ja"' in page
    assert json.dumps("境界：インド測量局")[1:-1] in page  # the attribution, as tojson writes it
    # a source, dated as Japanese writes it
    assert "ビジネス・スタンダード紙, 2011年4月20日" in page


def test_the_map_page_shows_hostile_words_as_text(real_world: World) -> None:
    fmap = build_base_map(
        real_world.boundaries,
        asset_urls(),
        view_bounds(real_world, MapView.STATES),
        document=layer_document(real_world),
    )
    words = Page(
        "en",
        "Title <b>",
        "Caption",
        [
            Source("A <script>", "Pub", "https://example.org/a", "2020"),
            Source("B", "P", None, None),
        ],
        "Sources",
    )
    page = standalone_html(fmap, {"layers": []}, asset_urls(), words)
    assert "A &lt;script&gt;" in page
    assert "Title &lt;b&gt;" in page
    assert '<a href="https://example.org/a"' in page


def test_exports_carry_both_district_codes_and_site_statuses(real_world: World) -> None:
    scene = scene_for(real_world, View(2019))
    tables = csv_tables(scene, real_world)
    header, *rows = tables["districts.csv"].splitlines()
    assert header.startswith("district_lgd,district_census2011,district,state")
    assert any(r.startswith("354,388,Ganjam,Odisha,") for r in rows)
    assert any(r.startswith("744,,Anakapalli") for r in rows)
    sites = tables["sites.csv"]
    assert "site-srikurmam-bhavanapadu" in sites
    assert ",lease_ended," in sites
    files = dataset_files(scene, real_world)
    assert "status-srikurmam-lease-ended" in files["site_status.csv"]
    assert len(files["district_codes.csv"].splitlines()) == 59  # a header and 58 districts


def test_the_export_holds_the_organisations_its_records_name(real_world: World) -> None:
    scene = scene_for(real_world, View(2012, EvidenceLevel.VERIFIED))
    files = dataset_files(scene, real_world)
    organisations = [line.split(",")[0] for line in files["organisations.csv"].splitlines()[1:]]
    assert "org-irel" in organisations  # OSCOM's operator
    # IREL's parent and the parent's parent come along, so the folder still validates.
    assert {"org-department-of-atomic-energy", "org-government-of-india"} <= set(organisations)
    assert "org-ministry-of-heavy-industries-india" not in organisations  # named only after 2012
    assert "operator_ids" in files["sites.geojson"]
    tables = csv_tables(scene, real_world)
    header, *rows = tables["organisations.csv"].splitlines()
    assert header.startswith("id,name,kind,country,parent,website,aliases,aliases_ja")
    assert any(row.startswith("org-irel,IREL (India) Limited,") for row in rows)
    assert "from_party_ids" in tables["links.csv"].splitlines()[0]
