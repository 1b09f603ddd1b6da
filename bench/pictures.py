"""How long a picture of a view takes to draw (not from the cache): each layout and format, in
English and Japanese, for the default view of the real data, in one process that has drawn a
picture before (as a running server has), median of runs; with the file's size, and a cached
answer through the export route for comparison."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from starlette.requests import Request

from bench.server import median_seconds
from dashboard import routes
from dashboard.core.choices import Language
from dashboard.core.exports import Export, Picture, PictureFormat, PictureLayout
from dashboard.core.view import View
from dashboard.core.world import load_world
from dashboard.map.picture.render import picture_bytes

ADDRESS = "http://localhost:8501/"


@dataclass(frozen=True)
class PictureTimes:
    """One picture's median build time per language (s), its English file's size and the
    time to answer it again from the route's cache."""

    seconds: dict[Language, float]
    size: int
    cached_seconds: float


def picture_seconds(folder: Path, runs: int) -> dict[Picture, PictureTimes]:
    """Every picture of the default view of ``folder``'s data, timed."""
    world = load_world(folder)
    year = dt.date.today().year  # the default view's
    first = Picture(PictureLayout.SLIDE, PictureFormat.PNG)
    picture_bytes(world, View(year=year), first, ADDRESS)  # fonts and caches warm, as a server
    times: dict[Picture, PictureTimes] = {}
    for kind in Export:
        picture = kind.file.picture
        if picture is None:
            continue
        seconds = {
            language: median_seconds(
                partial(picture_bytes, world, View(year=year, language=language), picture, ADDRESS),
                runs,
            )
            for language in Language
        }
        size = len(picture_bytes(world, View(year=year), picture, ADDRESS))
        times[picture] = PictureTimes(seconds, size, _cached_seconds(folder, kind))
    return times


def _cached_seconds(folder: Path, kind: Export) -> float:
    """The route's answer for a picture it has drawn before."""
    asked = Request(
        {
            "type": "http",
            "method": "GET",
            "path": f"/exports/{kind.file.name}",
            "query_string": b"lang=en",
            "headers": [(b"host", b"localhost:8501")],
            "path_params": {"file": kind.file.name},
        }
    )
    routes.export_response(asked, folder)
    start = time.perf_counter()
    routes.export_response(asked, folder)
    return time.perf_counter() - start
