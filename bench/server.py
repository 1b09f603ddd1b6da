"""Server-side figures: start-up (validate and derive), one script run for a new visitor and for
a year change (through AppTest, which runs the whole script where the server reruns only the
year's fragment: an upper bound), the bytes the map component carries and the size of the
static layer document."""

from __future__ import annotations

import gzip
import json
import os
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.core.world import load_world
from dashboard.map.publish import layer_json
from dashboard.paths import REPO_ROOT

APP = str(REPO_ROOT / "dashboard" / "app.py")


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup_seconds(folder: Path, runs: int) -> float:
    """Load, validate and derive the geography: what a fresh server process does once."""

    return median_seconds(lambda: load_world(folder), runs)


def script_seconds(folder: Path, runs: int) -> tuple[float, float]:
    """(first page load of a new session, year change), caches warm as in a running server."""
    os.environ["DASHBOARD_DATA_DIR"] = str(folder)
    AppTest.from_file(APP, default_timeout=600).run()  # warm the server's caches

    def first_load() -> None:
        at = AppTest.from_file(APP, default_timeout=600).run()
        assert not at.exception, at.exception

    session = _drawn(AppTest.from_file(APP, default_timeout=600).run())
    years = iter([2015, 2016] * runs)

    def year_change() -> None:
        session.slider(key="year").set_value(next(years)).run()
        assert not session.exception, session.exception

    return median_seconds(first_load, runs), median_seconds(year_change, runs)


def _drawn(session: AppTest) -> AppTest:
    """The session once its map has reported (what streamlit-folium leaves in the session's
    state when it has drawn), which the year controls wait for."""
    session.session_state["map"] = {"center": {"lat": 17.6, "lng": 82.1}, "zoom": 6}
    return session.run()


def component_payload(folder: Path) -> tuple[int, int, int, int]:
    """Bytes of the map component's arguments (what Streamlit sends for the map) for the
    default view and after a year change: (default raw, default gzip, change raw, change gzip).
    A component is re-sent whole when any argument changes."""
    os.environ["DASHBOARD_DATA_DIR"] = str(folder)
    at = _drawn(AppTest.from_file(APP, default_timeout=600).run())
    default = _map_args(at)
    at.slider(key="year").set_value(2015).run()
    changed = _map_args(at)
    return len(default), len(gzip.compress(default)), len(changed), len(gzip.compress(changed))


def _map_args(at: AppTest) -> bytes:
    for element in at.main:
        proto = getattr(element, "proto", None)
        if proto is not None and getattr(proto, "component_name", "").endswith("st_folium"):
            return proto.json_args.encode()
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and "st_folium" in getattr(proto, "component_name", ""):
            return json.dumps(json.loads(proto.json_args)).encode()
    raise RuntimeError("no map component on the page")


def _walk(node: object) -> Iterator[object]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def layer_document_bytes(folder: Path) -> tuple[int, int]:
    """Bytes of the static layer document the browser fetches once: (raw, gzip)."""
    document = layer_json(load_world(folder)).encode("utf-8")
    return len(document), len(gzip.compress(document))
