"""The export route answers a view's downloads from the data alone: the file its name asks for,
for the view its query asks for (read like a shared link), and plain errors otherwise."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from starlette.requests import Request

from dashboard.core.choices import Language
from dashboard.core.exports import Export, export_href, export_named, route_path
from dashboard.core.messages import text
from dashboard.export_route import BUILDERS, export_response, export_routes
from dashboard.paths import GEODATA_DIR
from tests.support.broken_data import geodata_with_broken_sites

TODAY = dt.date(2026, 12, 1)


def request(file: str, query: str = "") -> Request:
    return Request(
        {
            "type": "http",
            "method": "GET",
            "path": f"/exports/{file}",
            "query_string": query.encode("ascii"),
            "headers": [],
            "path_params": {"file": file},
        }
    )


def names_in(body: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return archive.namelist()


def test_each_export_has_one_file_name_and_a_builder() -> None:
    assert {export_named(kind.file.name) for kind in Export} == set(Export)
    assert export_named("../../etc/passwd") is None
    assert set(BUILDERS) == set(Export)  # a format without a builder is no silent CSV


def test_the_route_sits_below_the_base_path() -> None:
    assert route_path("") == "/exports"
    assert route_path("/minerals/") == "/minerals/exports"
    assert [r.path for r in export_routes(GEODATA_DIR, "minerals")] == [
        "/minerals/exports/{file}",
        "/minerals/changes.atom",
    ]
    assert [r.path for r in export_routes(GEODATA_DIR, "")][1] == "/changes.atom"


def test_an_export_address_carries_the_view() -> None:
    href = export_href(Export.CSV, {"year": "2012", "sel": "district:lgd-354"}, "minerals")
    assert href == (
        "/minerals/exports/india-japan-rare-earths-csv.zip?year=2012&sel=district%3Algd-354"
    )


def test_the_csv_of_a_view_is_a_zip_of_its_tables() -> None:
    response = export_response(request(Export.CSV.file.name, "year=2012&lang=en"), GEODATA_DIR)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == (
        'attachment; filename="india-japan-rare-earths-csv.zip"'
    )
    assert "india-japan-rare-earths/sites.csv" in names_in(response.body)


def test_the_year_of_the_view_decides_what_is_in_it() -> None:
    response = export_response(request(Export.GEOJSON.file.name, "year=2012"), GEODATA_DIR)
    with zipfile.ZipFile(io.BytesIO(response.body)) as archive:
        text = archive.read("india-japan-rare-earths/milestones.csv").decode("utf-8")
    years = {int(row["date"][:4]) for row in csv.DictReader(io.StringIO(text))}
    assert max(years) == 2012


def test_the_map_page_is_in_the_language_of_the_view() -> None:
    response = export_response(request(Export.HTML.file.name, "lang=ja"), GEODATA_DIR)
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert b'<html lang="ja">' in response.body


def test_a_hostile_query_gets_the_default_view_not_an_error() -> None:
    query = "year=%3Cscript%3E&sel=javascript:alert(1)&lang=" + "x" * 500
    response = export_response(request(Export.GEOJSON.file.name, query), GEODATA_DIR)
    assert response.status_code == 200
    assert b"<script>" not in response.body
    assert "india-japan-rare-earths/sites.geojson" in names_in(response.body)


def test_an_unknown_file_is_not_found_in_the_links_language() -> None:
    response = export_response(request("passwd"), GEODATA_DIR)
    assert response.status_code == 404
    assert response.body.decode("utf-8") == text("export_not_found", Language.EN)
    japanese = export_response(request("passwd", "lang=ja"), GEODATA_DIR)
    assert japanese.body.decode("utf-8") == text("export_not_found", Language.JA)


def test_broken_data_answers_503_and_names_no_file_to_the_reader(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = geodata_with_broken_sites(tmp_path)
    response = export_response(request(Export.CSV.file.name), folder, TODAY)
    assert response.status_code == 503
    assert response.body.decode("utf-8") == text("export_data_error", Language.EN)
    assert str(folder) in caplog.text
