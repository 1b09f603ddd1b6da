"""The server's routes: the export route answers a view's downloads from the data alone (the
file its name asks for, for the view its query asks for, read like a shared link, and plain
errors otherwise); the map-events route logs a map's report and nothing else."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import logging
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.requests import Request

from dashboard.core.choices import Language
from dashboard.core.exports import Export, export_href, export_named, route_path
from dashboard.core.messages import text
from dashboard.paths import GEODATA_DIR
from dashboard.routes import (
    BUILDERS,
    MAP_EVENT_BYTES,
    export_response,
    map_event_line,
    map_event_response,
    server_routes,
)
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
    assert [r.path for r in server_routes(GEODATA_DIR, "minerals")] == [
        "/minerals/exports/{file}",
        "/minerals/changes.atom",
        "/minerals/map-events",
    ]
    assert [r.path for r in server_routes(GEODATA_DIR, "")][1] == "/changes.atom"


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


def post(body: bytes, chunk: int = 1000) -> int:
    """The status the map-events route answers a POST of ``body`` with, sent in chunks."""
    pieces = [body[i : i + chunk] for i in range(0, len(body), chunk)] or [b""]
    messages = [
        {"type": "http.request", "body": piece, "more_body": i < len(pieces) - 1}
        for i, piece in enumerate(pieces)
    ]

    async def receive() -> dict[str, object]:
        return messages.pop(0)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/map-events",
        "headers": [(b"referer", b"https://example.org/?year=2020")],
    }
    # In a thread of its own: a browser test earlier in the run may leave an event loop
    # running in this one.
    with ThreadPoolExecutor(1) as pool:
        response = pool.submit(asyncio.run, map_event_response(Request(scope, receive)))
        return response.result().status_code


def report(**fields: object) -> bytes:
    sent = {"event": "layers-failed", "url": "/l.json", "problem": "x"} | fields
    return json.dumps(sent).encode()


def test_a_maps_report_is_logged_with_the_page_it_came_from(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="dashboard"):
        assert post(report(problem="HTTP 404")) == 204
    assert caplog.messages == [
        "a reader's map reported layers-failed: 'HTTP 404' for '/l.json'"
        " (page 'https://example.org/?year=2020')"
    ]


def test_a_posted_newline_cannot_forge_a_log_line() -> None:
    line = map_event_line(report(problem="x\nERROR forged", url="/a\r\nb"))
    assert line is not None
    assert "\n" not in line
    assert "\r" not in line
    assert "'x\\nERROR forged'" in line


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({"event": "anything", "url": "/", "problem": "x"}).encode(),
        json.dumps({"event": "layers-failed", "url": 3, "problem": "x"}).encode(),
        json.dumps({"event": "layers-failed", "url": "/"}).encode(),
    ],
)
def test_anything_but_a_maps_report_is_refused(body: bytes) -> None:
    assert post(body) == 400


def test_a_long_post_is_refused_before_it_is_read_whole() -> None:
    assert post(report(problem="x" * MAP_EVENT_BYTES), chunk=512) == 413
    assert post(report(problem="x" * (MAP_EVENT_BYTES // 2))) == 204
