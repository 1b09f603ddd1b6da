"""The server's routes: the export route answers a view's downloads from the data alone (the
file its name asks for, for the view its query asks for, read like a shared link, and plain
errors otherwise); the map-state route answers the map's state of a view, as the script sends
it; the map-years route the states of the years around it, nearest first, as many as its time
allows; the map-events route logs a map's report and nothing else."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import logging
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.requests import Request
from starlette.responses import Response

from dashboard import routes
from dashboard.core.choices import Language
from dashboard.core.exports import (
    Export,
    PictureFormat,
    PictureLayout,
    export_href,
    export_named,
    route_path,
)
from dashboard.core.messages import text
from dashboard.core.url import decode, shared_domain
from dashboard.map.picture.cache import PictureCache
from dashboard.paths import GEODATA_DIR
from dashboard.routes import (
    BUILDERS,
    MAP_EVENT_BYTES,
    export_response,
    map_event_line,
    map_event_response,
    map_state_response,
    map_years_response,
    nearest_years,
    server_routes,
)
from dashboard.shell.cache import view_outputs
from tests.support.broken_data import geodata_with_broken_sites

TODAY = dt.date(2026, 12, 1)


def request(file: str, query: str = "", host: str = "", base: str = "") -> Request:
    return Request(
        {
            "type": "http",
            "scheme": "https",
            "method": "GET",
            "path": f"{base}/exports/{file}",
            "query_string": query.encode("ascii"),
            "headers": [(b"host", host.encode("ascii"))] if host else [],
            "path_params": {"file": file},
        }
    )


def body_of(response: Response) -> bytes:
    assert isinstance(response.body, bytes)
    return response.body


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
        "/minerals/map-state",
        "/minerals/map-years",
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
    assert "india-japan-rare-earths/sites.csv" in names_in(body_of(response))


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
    assert "india-japan-rare-earths/sites.geojson" in names_in(body_of(response))


def map_state_of(query: str, folder: Path = GEODATA_DIR) -> Response:
    return map_state_response(request("", query), folder, TODAY)


def test_the_map_state_of_a_view_is_the_one_the_script_sends() -> None:
    query = "year=2019&sel=district:lgd-354&layers=districts,sites&lang=ja&at=18.1,84.2,9"
    response = map_state_of(query)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"
    view, _ = decode(
        {key: [value] for key, value in (pair.split("=") for pair in query.split("&"))},
        shared_domain(GEODATA_DIR, TODAY.year),
    )
    assert view.year == 2019
    assert view.language is Language.JA
    assert view.selection is not None
    assert view.position is not None
    # The position is not the state's: the script asks for the view without it.
    expected = view_outputs(GEODATA_DIR, replace(view, position=None)).state
    assert json.loads(body_of(response)) == json.loads(json.dumps(expected))


def test_the_map_state_follows_the_year_and_reads_any_query_as_a_link() -> None:
    years = {json.loads(body_of(map_state_of(f"year={y}")))["year"] for y in (2012, 2020)}
    assert years == {"2012", "2020"}
    hostile = map_state_of("year=%3Cscript%3E&sel=javascript:alert(1)&lang=" + "x" * 500)
    assert hostile.status_code == 200
    assert b"<script>" not in body_of(hostile)
    assert json.loads(body_of(hostile))["year"] == str(TODAY.year)


def test_the_years_nearest_a_view_s_come_first_within_the_data_s_years() -> None:
    assert routes.NEAR_YEARS == 5
    assert nearest_years(2020, 1984, 2026) == [
        2020, 2019, 2021, 2018, 2022, 2017, 2023, 2016, 2024, 2015, 2025,
    ]  # fmt: skip
    assert nearest_years(2025, 1984, 2026) == [2025, 2024, 2026, 2023, 2022, 2021, 2020]
    assert nearest_years(1985, 1984, 2026) == [1985, 1984, 1986, 1987, 1988, 1989, 1990]


def map_years_of(
    query: str,
    folder: Path = GEODATA_DIR,
    budget_s: float = routes.NEAR_YEARS_BUDGET_S,
    clock: Callable[[], float] = time.perf_counter,
) -> Response:
    return map_years_response(request("", query), folder, TODAY, budget_s, clock)


@pytest.mark.parametrize("state_of", [map_state_of, map_years_of])
def test_the_map_s_states_of_broken_data_are_a_bare_503(
    state_of: Callable[[str, Path], Response], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = geodata_with_broken_sites(tmp_path)
    response = state_of("year=2020", folder)
    assert response.status_code == 503
    assert body_of(response) == b""
    assert str(folder) in caplog.text


def test_the_near_years_states_are_those_the_script_sends_for_each_year() -> None:
    query = "year=2019&sel=district:lgd-354&layers=districts,sites&lang=ja&at=18.1,84.2,9"
    response = map_years_of(query, budget_s=60)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"
    states = json.loads(body_of(response))
    assert list(states) == [str(year) for year in nearest_years(2019, 1984, TODAY.year)]
    view, _ = decode(
        {key: [value] for key, value in (pair.split("=") for pair in query.split("&"))},
        shared_domain(GEODATA_DIR, TODAY.year),
    )
    for year, state in states.items():
        expected = view_outputs(GEODATA_DIR, replace(view, year=int(year), position=None)).state
        assert state == json.loads(json.dumps(expected))
    # Each differs from the next: the year is each one's own.
    assert [state["year"] for state in states.values()] == list(states)


def test_the_near_years_stop_when_their_time_is_spent_but_always_hold_the_view_s() -> None:
    ticks = iter(range(100))
    answered = map_years_of("year=2020", budget_s=2.5, clock=lambda: float(next(ticks)))
    # The clock is read once at the start and after each year: spent after the third.
    assert list(json.loads(body_of(answered))) == ["2020", "2019", "2021"]
    spent = map_years_of("year=2020", budget_s=0)
    assert list(json.loads(body_of(spent))) == ["2020"]


def test_no_near_years_in_the_all_years_view_and_a_hostile_query_read_as_a_link() -> None:
    assert json.loads(body_of(map_years_of("year=all"))) == {}
    hostile = map_years_of("year=%3Cscript%3E&sel=javascript:alert(1)&lang=" + "x" * 500)
    assert next(iter(json.loads(body_of(hostile)))) == str(TODAY.year)


def test_an_unknown_file_is_not_found_in_the_links_language() -> None:
    response = export_response(request("passwd"), GEODATA_DIR)
    assert response.status_code == 404
    # A picture in a format or layout there is none of is no file either.
    for name in ("india-japan-rare-earths-slide.gif", "india-japan-rare-earths-a3.pdf"):
        assert export_response(request(name), GEODATA_DIR).status_code == 404
    assert body_of(response).decode("utf-8") == text("export_not_found", Language.EN)
    japanese = export_response(request("passwd", "lang=ja"), GEODATA_DIR)
    assert body_of(japanese).decode("utf-8") == text("export_not_found", Language.JA)


def test_broken_data_answers_503_and_names_no_file_to_the_reader(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = geodata_with_broken_sites(tmp_path)
    response = export_response(request(Export.CSV.file.name), folder, TODAY)
    assert response.status_code == 503
    assert body_of(response).decode("utf-8") == text("export_data_error", Language.EN)
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


PICTURES = [kind for kind in Export if kind.file.picture is not None]


def test_six_pictures_one_per_format_and_layout() -> None:
    assert {(k.file.picture.layout, k.file.picture.format) for k in PICTURES} == {  # type: ignore[union-attr]
        (layout, form) for layout in PictureLayout for form in PictureFormat
    }
    assert Export.SLIDE_PNG.file.name == "india-japan-rare-earths-slide.png"
    assert Export.A4_PDF.file.name == "india-japan-rare-earths-a4.pdf"


@pytest.mark.parametrize("kind", PICTURES, ids=lambda kind: kind.value)
def test_each_picture_comes_as_its_media_type(kind: Export) -> None:
    response = export_response(request(kind.file.name, "year=2012&lang=en"), GEODATA_DIR)
    assert response.status_code == 200
    media_type = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
    assert response.headers["content-type"].split(";")[0] == media_type[kind.value[-3:]]
    assert response.headers["content-disposition"] == (f'attachment; filename="{kind.file.name}"')
    signature = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF-"}
    assert body_of(response).startswith(signature[kind.value[-3:]])


def test_a_picture_links_back_to_its_view_on_the_host_it_was_asked_from() -> None:
    query = "year=2012&sel=district:lgd-354&lang=ja&junk=1"
    asked = request(Export.A4_SVG.file.name, query, host="maps.example.org", base="/minerals")
    response = export_response(asked, GEODATA_DIR, TODAY, base_url_path="minerals")
    address = "https://maps.example.org/minerals/?year=2012&amp;sel=district%3Algd-354&amp;lang=ja"
    assert address in body_of(response).decode("utf-8")  # what was not understood is left out


def test_a_picture_is_drawn_once_then_served_from_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = PictureCache(max_entries=4, max_bytes=10 * 2**20)
    monkeypatch.setattr(routes, "PICTURES", cache)
    drawn: list[Export] = []
    real_builder = BUILDERS[Export.SLIDE_PDF]

    def counting(*args: object) -> bytes:
        drawn.append(Export.SLIDE_PDF)
        return real_builder(*args)  # type: ignore[arg-type]

    monkeypatch.setitem(BUILDERS, Export.SLIDE_PDF, counting)
    first = export_response(request(Export.SLIDE_PDF.file.name, "year=2013"), GEODATA_DIR)
    again = export_response(request(Export.SLIDE_PDF.file.name, "year=2013"), GEODATA_DIR)
    assert first.body == again.body
    assert drawn == [Export.SLIDE_PDF]
    assert cache.builds == 1
    other = export_response(request(Export.SLIDE_PDF.file.name, "year=2014"), GEODATA_DIR)
    assert other.body != first.body  # another view, another picture
    assert drawn == [Export.SLIDE_PDF] * 2


def test_the_cache_is_bounded_and_forgets_the_least_recently_used() -> None:
    cache = PictureCache(max_entries=2, max_bytes=10)
    builds: list[str] = []

    def build(key: str, size: int) -> bytes:
        builds.append(key)
        return key.encode() * size

    assert cache.get_or_build("a", lambda: build("a", 4)) == b"aaaa"
    assert cache.get_or_build("a", lambda: build("a", 4)) == b"aaaa"
    assert builds == ["a"]
    cache.get_or_build("b", lambda: build("b", 4))
    cache.get_or_build("a", lambda: build("a", 4))  # a is now the most recent
    cache.get_or_build("c", lambda: build("c", 4))  # over 10 bytes: b goes
    assert len(cache) == 2
    assert cache.size == 8
    cache.get_or_build("a", lambda: build("a", 4))
    cache.get_or_build("b", lambda: build("b", 4))
    assert builds == ["a", "b", "c", "b"]
    assert cache.get_or_build("huge", lambda: build("h", 20)) == b"h" * 20
    cache.get_or_build("huge", lambda: build("h", 20))  # larger than the cache: never kept
    assert builds[-2:] == ["h", "h"]
    assert cache.size <= 10
