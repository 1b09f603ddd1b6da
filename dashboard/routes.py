"""The server's own routes beside the Streamlit script: ``GET exports/<file>?<a view's query>``
answers with that view's data (GeoJSON or CSV, zipped), its map as one HTML page or as a
picture (PNG, SVG or PDF, on a slide or an A4 page; kept in a bounded cache, since a picture
takes about a second to draw), built from the data alone; ``GET changes.atom`` with the feed
of changes to the data (geodata/CHANGELOG.md); ``POST map-events`` takes a reader's map's
report that it could not load its layers, and logs it (the operator's only sign of a page that
is broken in a browser); ``GET map-state?<a view's query>`` answers with the view's map state,
which the map's frame draws as soon as the reader moves the year (map_state_response says why),
and ``GET map-years?<a view's query>`` with the states of the years around the view's, which
the frame asks for when the reader takes the year slider (map_years_response).

It reads the query as a shared link is read (dashboard.core.url: anything not understood is
dropped), so any replica answers any download and a download link can be pasted and reopened
later. The data files are written from the world in both languages, whatever the page's
language (their English columns are a data interface); the map page and the pictures are in
the view's language, and a picture carries the address that reopens its view: the request's
own scheme, host and base path with the view's query.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode, urlunsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from dashboard.core.choices import Language
from dashboard.core.exports import (
    EXPORT_NAME,
    Export,
    Picture,
    export_named,
    feed_href,
    map_events_href,
    map_state_href,
    map_years_href,
    route_path,
)
from dashboard.core.messages import text
from dashboard.core.scene import Scene, compose_scene
from dashboard.core.url import Domain, decode, encode, link_language, shared_domain
from dashboard.core.view import View
from dashboard.core.world import World, shared_world
from dashboard.data.changelog import read_changelog
from dashboard.data.problems import DatasetError
from dashboard.map.html_export import standalone_map
from dashboard.map.picture.cache import PictureCache
from dashboard.panels.changes_feed import MEDIA_TYPE, atom_feed
from dashboard.panels.downloads import csv_tables, dataset_files, zip_bytes

LOG = logging.getLogger("dashboard")


Builder = Callable[[Scene, World, str], bytes]


def _picture(picture: Picture) -> Builder:
    """The builder of one picture (its layout and format). Matplotlib is imported when the
    first picture is asked for, not at start-up: it adds about 40 MB to a replica (and 0.3 s
    to its start) that may never draw one."""

    def build(scene: Scene, world: World, address: str) -> bytes:
        from dashboard.map.picture.render import picture_bytes

        return picture_bytes(world, scene.view, picture, address)

    return build


# How each export is built from a view's scene, the world and the address that reopens the
# view: the one table to extend with a new format (beside its name and media type in
# dashboard.core.exports.FILES); a test checks every export has its builder.
BUILDERS: dict[Export, Builder] = {
    Export.GEOJSON: lambda scene, world, _: zip_bytes(dataset_files(scene, world), EXPORT_NAME),
    Export.CSV: lambda scene, world, _: zip_bytes(csv_tables(scene, world), EXPORT_NAME),
    Export.HTML: lambda scene, world, _: standalone_map(world, scene).encode("utf-8"),
    **{kind: _picture(picture) for kind in Export if (picture := kind.file.picture)},
}

# Pictures drawn, by folder, view, file and address: at most 64 or 32 MB (a picture is
# 0.2-0.8 MB), a small share of a replica's memory budget.
PICTURES = PictureCache(max_entries=64, max_bytes=32 * 2**20)


def export_bytes(world: World, view: View, kind: Export, address: str = "") -> bytes:
    """The file of one export of a view; ``address`` is the link that reopens the view."""
    return BUILDERS[kind](compose_scene(world, view), world, address)


def view_address(request: Request, base_url_path: str, view: View, domain: Domain) -> str:
    """The address that reopens ``view``: the page below the server's base path, on the
    scheme and host the request came by (a proxy's, when it passes them on), with the view's
    query."""
    base = base_url_path.strip("/")
    path = f"/{base}/" if base else "/"
    url = request.url
    return urlunsplit((url.scheme, url.netloc, path, urlencode(encode(view, domain)), ""))


def query_of(request: Request) -> dict[str, list[str]]:
    """The request's query as a shared link's parameters are read."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def export_response(
    request: Request, folder: Path, today: dt.date | None = None, base_url_path: str = ""
) -> Response:
    """The answer to one export request (a plain function of the request and the data)."""
    params = query_of(request)
    # A refusal is written in the link's language, like the page it came from.
    language = link_language(None, params.get("lang", []), Language.EN)
    kind = export_named(request.path_params.get("file", ""))
    if kind is None:
        return PlainTextResponse(text("export_not_found", language), status_code=404)
    try:
        world = shared_world(folder)
    except DatasetError:
        LOG.error("an export was asked for, but the data in %s did not validate", folder)
        return PlainTextResponse(text("export_data_error", language), 503)
    domain = shared_domain(folder, (today or dt.date.today()).year)
    view, _ = decode(params, domain)
    address = view_address(request, base_url_path, view, domain)
    if kind.file.picture is None:
        body = export_bytes(world, view, kind, address)
    else:
        body = PICTURES.get_or_build(
            (str(folder), view, kind, address), lambda: export_bytes(world, view, kind, address)
        )
    return Response(
        body,
        media_type=kind.file.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{kind.file.name}"',
            "Cache-Control": "no-cache",
        },
    )


def map_state_response(request: Request, folder: Path, today: dt.date | None = None) -> Response:
    """The map's state for the view the query names, from the cache the script fills and
    reads (``view_outputs``), so a view is computed once for both.

    When the reader moves the year slider, the map's frame asks for the new year's state here
    and draws it at once, instead of waiting for the script's run and for Streamlit's front end
    to render the page around it (a year step renders every element of the page again at each
    of its commits: bench/results.md). The run that follows brings the same state, with the
    details and the address. The answer is not kept by the browser: the run's state replaces
    it in any case."""
    view = _view_asked(request, folder, today, "a map state")
    if view is None:
        return Response(status_code=503)  # the map shows the run's state instead
    return _json_state(_state_of(folder, view))


# The years either side of a view's whose states the map asks for when the reader takes the
# year slider, and how long the server may spend on them before it answers with those it has.
NEAR_YEARS = 5
NEAR_YEARS_BUDGET_S = 0.25


def map_years_response(
    request: Request,
    folder: Path,
    today: dt.date | None = None,
    budget_s: float = NEAR_YEARS_BUDGET_S,
    clock: Callable[[], float] = time.perf_counter,
) -> Response:
    """The map's states of the view's year and of the NEAR_YEARS years either side, by year,
    nearest first and as many as ``budget_s`` allows (always the view's own).

    The map's frame asks for them once it is drawn and when the reader takes the slider
    (focuses or presses it), so that each step to a near year is drawn as the thumb moves,
    with no question to wait for: Streamlit's front end keeps the page's main thread busy
    after each key, and an answer asked for then is read late (bench/results.md). A year
    someone has looked at costs a lookup in the script's cache, which these states fill for
    the runs that follow; one nobody has costs about 30 ms (0.3 s at 100,000 sites), hence the
    budget. None are asked in the all-years view, where the slider is off."""
    view = _view_asked(request, folder, today, "the map's near years")
    if view is None:
        return Response(status_code=503)
    states: dict[str, dict[str, object]] = {}
    if view.year is not None:
        domain = shared_domain(folder, (today or dt.date.today()).year)
        start = clock()
        for year in nearest_years(view.year, domain.first_year, domain.last_year):
            states[str(year)] = _state_of(folder, replace(view, year=year))
            if clock() - start >= budget_s:
                break
    return _json_state(states)


def nearest_years(year: int, first: int, last: int) -> list[int]:
    """``year`` and the NEAR_YEARS years either side within [first, last], nearest first (the
    earlier of two as near: a reader looks back more often than ahead of the latest year)."""
    around = [year + sign * step for step in range(1, NEAR_YEARS + 1) for sign in (-1, 1)]
    return [year] + [near for near in around if first <= near <= last]


def _view_asked(request: Request, folder: Path, today: dt.date | None, what: str) -> View | None:
    """The view the query names, read as a shared link is, without its position (not the
    state's: the script asks for the view without it); None when the data is broken."""
    try:
        shared_world(folder)
    except DatasetError:
        LOG.error("%s was asked for, but the data in %s did not validate", what, folder)
        return None
    view, _ = decode(query_of(request), shared_domain(folder, (today or dt.date.today()).year))
    return replace(view, position=None)


def _state_of(folder: Path, view: View) -> dict[str, object]:
    # Imported when first asked, once Streamlit's runtime has started: a cache declared before
    # it logs a warning at every start.
    from dashboard.shell.cache import view_outputs

    return view_outputs(folder, view).state


def _json_state(state: object) -> Response:
    """Not kept by the browser: the run's state replaces it in any case."""
    return Response(
        json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


def feed_response(request: Request, folder: Path, base_url_path: str) -> Response:
    """The Atom feed of the folder's changelog, in the language the address asks for (its
    entries are the changelog's own English text)."""
    language = link_language(None, request.query_params.getlist("lang"), Language.EN)
    changes, _ = read_changelog(folder)
    # Addresses relative to the host the reader asked (a proxy may rename the host and
    # scheme), which feed readers resolve against the feed's own address.
    base = base_url_path.strip("/")
    own = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return Response(
        atom_feed(changes, own, f"/{base}/" if base else "/", language),
        media_type=MEDIA_TYPE,
        headers={"Cache-Control": "max-age=300"},
    )


# What a map may report (dashboard/map/js/map_controller.js) and how much of it is read: a
# report is a few hundred bytes, and anyone can post one.
MAP_EVENTS = frozenset({"layers-failed"})
MAP_EVENT_BYTES = 4096
MAP_EVENT_FIELD_CHARS = 300


def map_event_line(body: bytes) -> str | None:
    """The log line for a map's report, or None when the body is not one. Every field is
    quoted with repr, so a posted newline or control character cannot forge a log line."""
    try:
        report = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(report, dict) or report.get("event") not in MAP_EVENTS:
        return None
    fields = [report.get(name) for name in ("url", "problem")]
    if not all(isinstance(field, str) for field in fields):
        return None
    url, problem = (repr(str(field)[:MAP_EVENT_FIELD_CHARS]) for field in fields)
    return f"a reader's map reported {report['event']}: {problem} for {url}"


async def map_event_response(request: Request) -> Response:
    """Log a map's report (204), refuse anything else (400) or too long (413)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAP_EVENT_BYTES:
            return PlainTextResponse("too long", status_code=413)
    line = map_event_line(body)
    if line is None:
        return PlainTextResponse("not a map report", status_code=400)
    LOG.warning("%s (page %r)", line, request.headers.get("referer", "")[:MAP_EVENT_FIELD_CHARS])
    return Response(status_code=204)


def server_routes(folder: Path, base_url_path: str) -> list[Route]:
    """The routes, below the server's base path. Their handlers are plain functions, so the
    server runs them in a worker thread, away from the sessions' event loop."""

    def export(request: Request) -> Response:
        return export_response(request, folder, base_url_path=base_url_path)

    def feed(request: Request) -> Response:
        return feed_response(request, folder, base_url_path)

    def state(request: Request) -> Response:
        return map_state_response(request, folder)

    def years(request: Request) -> Response:
        return map_years_response(request, folder)

    return [
        Route(f"{route_path(base_url_path)}/{{file}}", export, methods=["GET", "HEAD"]),
        Route(feed_href(base_url_path), feed, methods=["GET", "HEAD"]),
        Route(map_events_href(base_url_path), map_event_response, methods=["POST"]),
        Route(map_state_href(base_url_path), state, methods=["GET"]),
        Route(map_years_href(base_url_path), years, methods=["GET"]),
    ]
