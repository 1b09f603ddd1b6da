"""The map's scripts on a bare page in real Chromium: Leaflet from the installed xstatic
package (after its setup) and the scripts in the order the app loads them, served from a
loopback server that can also fail, delay and record, so each script's behaviour is tested
without Streamlit."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import xstatic.pkg.leaflet as xstatic_leaflet
from playwright.sync_api import Browser, Page

from dashboard.core.world import World
from dashboard.map.assets import LEAFLET_SETUP, MAP_SCRIPTS
from dashboard.map.base import frame_css
from dashboard.map.layer_data import layer_document

LEAFLET_DIR = Path(xstatic_leaflet.BASE_DIR)
SCRIPT_DIR = MAP_SCRIPTS[0].parent
MAP_SIZE = (800, 600)
PAGE_HEAD = (
    '<meta charset="utf-8"><link rel="stylesheet" href="/leaflet/leaflet.css">'
    # folium's page forbids zooming; the map's script lifts that in the app's frame.
    '<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0,'
    ' user-scalable=no">'
    f"<style>{frame_css()}</style>"
    f'<script src="/js/{LEAFLET_SETUP.name}"></script>'
    '<script src="/leaflet/leaflet.js"></script>'
    + "".join(f'<script src="/js/{script.name}"></script>' for script in MAP_SCRIPTS)
)


def map_page_html() -> str:
    """A page holding one empty map div, with Leaflet, the map's scripts and its style loaded."""
    width, height = MAP_SIZE
    return (
        f"<!doctype html><html><head>{PAGE_HEAD}<title>map</title></head>"
        f'<body style="margin:0"><div id="map" style="width:{width}px;height:{height}px">'
        "</div></body></html>"
    )


def framed_page_html(above: int) -> str:
    """The map page in an iframe ``above`` pixels down a taller page, as the app embeds it."""
    width, height = MAP_SIZE
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head>'
        f'<body style="margin:0"><div style="height:{above}px">text above the map</div>'
        f'<iframe id="frame" src="/map" style="width:{width}px;height:{height}px;border:0">'
        '</iframe><div style="height:2000px"></div></body></html>'
    )


@dataclass
class Answer:
    """One answer of the data route: status, body and a delay before it is sent."""

    status: int
    body: bytes
    delay_s: float = 0.0


@dataclass
class ScriptServer:
    """What the loopback server answers on /data/<name> (answers taken in turn, the last one
    repeated) and every report posted to /events."""

    url: str = ""
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    reports: list[dict[str, object]] = field(default_factory=list)

    def answer(self, name: str, *answers: Answer) -> str:
        self.answers[name] = list(answers)
        return f"/data/{name}"

    def next_answer(self, name: str) -> Answer | None:
        queue = self.answers.get(name)
        if not queue:
            return None
        return queue.pop(0) if len(queue) > 1 else queue[0]


def _handler(server: ScriptServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet test output
            pass

        def send(self, status: int, body: bytes, media_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/map":
                self.send(200, map_page_html().encode(), "text/html; charset=utf-8")
            elif path.startswith("/framed/"):
                above = int(path.rsplit("/", 1)[1])
                self.send(200, framed_page_html(above).encode(), "text/html; charset=utf-8")
            elif path.startswith("/leaflet/") or path.startswith("/js/"):
                folder = LEAFLET_DIR if path.startswith("/leaflet/") else SCRIPT_DIR
                file = (folder / path.split("/", 2)[2]).resolve()
                if folder not in file.parents or not file.is_file():
                    self.send(404, b"", "text/plain")
                    return
                media = "text/css" if file.suffix == ".css" else "text/javascript"
                self.send(200, file.read_bytes(), media)
            elif path.startswith("/data/"):
                answer = server.next_answer(path.removeprefix("/data/"))
                if answer is None:
                    self.send(404, b"", "text/plain")
                    return
                time.sleep(answer.delay_s)
                self.send(answer.status, answer.body, "application/json")
            else:
                self.send(404, b"", "text/plain")

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path == "/events":
                server.reports.append(json.loads(body))
                self.send(204, b"", "text/plain")
            else:
                self.send(404, b"", "text/plain")

    return Handler


@pytest.fixture(scope="session")
def script_server() -> Iterator[ScriptServer]:
    state = ScriptServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(script_server: ScriptServer) -> ScriptServer:
    """The loopback server with no answers or reports left from another test."""
    script_server.answers.clear()
    script_server.reports.clear()
    return script_server


@pytest.fixture
def page(browser: Browser, server: ScriptServer) -> Iterator[Page]:
    """A fresh page with the map's scripts loaded and no map yet; any script error fails."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server.url}/map")
    yield page
    context.close()
    assert errors == []


@pytest.fixture(scope="session")
def document(good_world: World) -> dict[str, object]:
    """The layer document of the small test dataset, as the app builds it."""
    return json.loads(json.dumps(layer_document(good_world)))
