"""A soak reader without a browser: the requests a first visit makes (the page, its scripts and
styles, the map's frame and layer document, as a real Chromium page made them), then the
page's session over Streamlit's own WebSocket messages (bench.stream_client), sending what the
front end and the map's frame send for each action (and asking the map-years route when the
frame would: once the map is drawn, and when the reader takes the slider for a step) and
checking what comes back.

A few kilobytes of protobuf per action instead of a browser each: twenty-five of these cost the
machine less than two Chromium pages, so the servers, not the readers, are what is measured.
What it leaves out is the browser's own work (drawing the page, the map's frame applying a
state); the soak's browser readers measure that.
"""

from __future__ import annotations

import asyncio
import html
import io
import json
import math
import re
import time
import zipfile
from collections.abc import Sequence
from concurrent.futures import Executor
from typing import Any
from urllib.parse import unquote

import requests
from requests.adapters import HTTPAdapter, Retry
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.stream_client import Placed, RunResult, SessionError, StreamSession
from dashboard.core.choices import Language
from dashboard.core.exports import Export
from dashboard.core.messages import label, text
from harness.soak_plan import ACTION_TIMEOUT_S, OPEN_TIMEOUT_S, District, Reader, Run

EN = Language.EN
# A browser fetches at most this many files of one host at a time.
PARALLEL_FETCHES = 6
# The map's size in pixels on a 1366x768 screen (measured in Chromium), its zoom steps, and
# Leaflet's tile size: the position the map reports once fitted to a view.
MAP_PX = (596, 604)
ZOOM_SNAP = 0.25
TILE_PX = 256
MAP_FILES = ("/component/", "/app/static/")
LAYER_DOCUMENT = re.compile(r"/app/static/layers-[^/]+/layers\.json")
EXPORT_LINK = re.compile(r'<a class="export-link" href="([^"]+)"')
# The map's frame asks for the years around again once the year shown has moved this many
# from the one it asked them for (map_controller.js, NEAR_AGAIN), or the view has changed.
NEAR_AGAIN = 3
MAP_STATE = re.compile(r"RareEarthMap\.apply\((\{.*\})\);", re.DOTALL)


def fitted_position(fit: Sequence[Sequence[float]]) -> dict[str, object]:
    """The centre and zoom a Leaflet map of MAP_PX reports after ``fitBounds(fit)``
    (``fit`` is [[south, west], [north, east]]), as the map's frame sends them."""
    (south, west), (north, east) = fit

    def mercator_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    span_x = (east - west) / 360 * TILE_PX
    span_y = (mercator_y(north) - mercator_y(south)) / (2 * math.pi) * TILE_PX
    zoom = math.log2(min(MAP_PX[0] / span_x, MAP_PX[1] / span_y))
    centre_y = (mercator_y(north) + mercator_y(south)) / 2
    return {
        "zoom": math.floor(zoom / ZOOM_SNAP) * ZOOM_SNAP,
        "center": {
            "lat": math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2),
            "lng": (west + east) / 2,
        },
    }


def map_state(placed: Placed) -> dict[str, Any]:
    """The state the map's frame is handed (dashboard.map.map_state), read from the map's
    element as streamlit-folium sends it."""
    arguments = json.loads(placed.element.component_instance.json_args)
    found = MAP_STATE.search(arguments.get("feature_group") or "")
    if found is None:
        raise SessionError("the map's element carries no state")
    return json.loads(found.group(1))


class ProtocolReader(Reader):
    """One reader's HTTP requests and WebSocket session."""

    kind = "protocol"

    def __init__(
        self,
        number: int,
        run: Run,
        started: float,
        points: dict[str, District],
        url: str,
        assets: Sequence[str],
        pool: Executor,
    ) -> None:
        super().__init__(number, run, started, points)
        self.url, self.assets, self.pool = url, assets, pool
        self.http = requests.Session()
        # A browser sends a request again when the server had closed the kept-alive connection
        # it went out on (uvicorn closes one idle for 5 s, about a reader's thinking time);
        # requests does not, and would count a reset before any answer as an error.
        self.http.mount(self.url, HTTPAdapter(max_retries=Retry(total=1, allowed_methods={"GET"})))
        self.session: StreamSession | None = None
        self.features: dict[str, dict] = {}
        self.report: dict[str, object] = {"last_object_clicked": None, "last_active_drawing": None}
        self.near_asked: tuple[str, int] | None = None  # the view and year last asked for

    async def get(self, path: str) -> bytes:
        """One request over HTTP, in the shared thread pool; an error answer raises."""
        loop = asyncio.get_running_loop()
        response = await loop.run_in_executor(
            self.pool, lambda: self.http.get(self.url + path, timeout=ACTION_TIMEOUT_S)
        )
        if response.status_code >= 400:
            raise SessionError(f"GET {path}: {response.status_code}")
        return response.content

    async def fetch(self, paths: Sequence[str]) -> None:
        """Files of the page, PARALLEL_FETCHES at a time; keeps the layer document's districts
        (a click sends the clicked feature)."""
        gate = asyncio.Semaphore(PARALLEL_FETCHES)

        async def fetch_one(path: str) -> None:
            async with gate:
                body = await self.get(path)
            if LAYER_DOCUMENT.search(path):
                for feature in json.loads(body)["districts"]["features"]:
                    self.features[feature["properties"]["name"]["en"]] = feature

        await asyncio.gather(*(fetch_one(path) for path in paths))

    @property
    def live_session(self) -> StreamSession:
        """The page's session, once the link is open."""
        if self.session is None:
            raise SessionError("the page is not open")
        return self.session

    def the_map(self) -> Placed:
        """The map's element (streamlit-folium's component) as the page holds it."""
        found = self.live_session.find("component_instance")
        if not found:
            raise SessionError("no map on the page")
        return found[0]

    def check(self, result: RunResult) -> None:
        """A run that sent the page an exception is an error of the app."""
        for exception in result.exceptions:
            self.error(f"exception in the page: {exception}")

    async def rerun(self, changes: dict[str, WidgetState], in_fragment: bool) -> RunResult:
        """A run with these widgets changed: the year fragment's alone, or the whole page."""
        fragment = self.the_map().fragment_id if in_fragment else ""
        result = await self.live_session.rerun(changes, fragment, timeout_s=ACTION_TIMEOUT_S)
        self.check(result)
        return result

    async def report_position(self) -> RunResult:
        """What the map's frame sends once it has fitted its view: the component's value,
        with the last click it holds."""
        self.report.update(fitted_position(map_state(self.the_map())["fit"]))
        map_id = self.the_map().element.component_instance.id
        value = WidgetState(id=map_id, json_value=json.dumps(self.report))
        return await self.rerun({map_id: value}, in_fragment=True)

    async def open(self, link: str) -> None:
        """Arrive on a shared link: the page and its files, then the session's first run, then
        the map's first report (which brings the controls, the timeline and the charts)."""
        start = time.monotonic()
        await self.get(link)
        # The page's own scripts first; the map's frame and files once the first run has
        # named them (a replica serves its component only once a run has declared it).
        await self.fetch([path for path in self.assets if not path.startswith(MAP_FILES)])
        self.session = StreamSession(
            self.url, {k: v for k, v in self.http.cookies.get_dict().items() if v is not None}
        )
        self.session.query_string = link.partition("?")[2]
        await self.session.connect()
        self.check(await self.session.rerun(timeout_s=OPEN_TIMEOUT_S))
        await self.fetch([path for path in self.assets if path.startswith(MAP_FILES)])
        if not self.features:
            raise SessionError("the map's files hold no layer document")
        self.run.loads.append((time.monotonic() - start, self.kind))
        await self.report_position()
        self.year = self.link_year(link)
        shown = self.session.widgets[self.session.widget_id("year")].double_array_value.data
        if list(shown) != [self.year]:
            self.error(f"the link opened on the year {list(shown)}, not {self.year}")
        timeline = [p for p in self.session.find("button") if "-go-" in p.element.button.id]
        if not timeline:
            self.error("the timeline did not follow the map's first report")
        await self.ask_near_years()

    async def ask_near_years(self) -> None:
        """What the map's frame asks once drawn and again when the reader takes the slider:
        the states of the years around the view's (map_controller.js, askNearYears), once per
        view and again once the year has moved NEAR_AGAIN. Each must be its own year's."""
        state = map_state(self.the_map())
        href, view, year = state.get("nearYears"), state.get("yearState", ""), state["year"]
        if not href or not year.isdigit():
            return
        asked = self.near_asked
        if asked and asked[0] == view and abs(int(year) - asked[1]) < NEAR_AGAIN:
            return
        self.near_asked = (view, int(year))
        states = json.loads(await self.get(href))
        wrong = [year for year, state in states.items() if state.get("year") != year]
        if wrong:
            self.error(f"the states of the years around the view are not theirs: {wrong}")

    async def leave(self) -> None:
        """Close the page's socket."""
        await super().leave()
        if self.session is not None:
            await self.session.close()

    async def do_year(self) -> None:
        """One step of the year slider, timed until the map's new state has arrived."""
        await self.ask_near_years()
        year = self.next_year()
        slider = self.live_session.widget_id("year")
        change = WidgetState(id=slider)
        change.double_array_value.data.append(year)
        result = await self.rerun({slider: change}, in_fragment=True)
        self.year = year
        shown = map_state(self.the_map())["year"]
        if shown != str(year):
            self.error(f"the map shows {shown} after a change to {year}")
        self.year_changed(result.seconds)

    async def do_district(self) -> None:
        """A click inside a district: the clicked feature, as the map's frame reports it."""
        if "view=partners" in self.live_session.query_string:
            await self.do_view()
        district = self.another_district(unquote(self.live_session.query_string))
        self.report["last_object_clicked"] = {"lat": district.lat, "lng": district.lng}
        self.report["last_active_drawing"] = self.features[district.name]
        map_id = self.the_map().element.component_instance.id
        value = WidgetState(id=map_id, json_value=json.dumps(self.report))
        await self.rerun({map_id: value}, in_fragment=True)
        if f"sel=district:{district.code}" not in unquote(self.live_session.query_string):
            self.error(f"a click on {district.name} did not select it")
        elif not self.details_heading().startswith(f"### {district.name}"):
            self.error(f"the details do not show {district.name}")

    async def do_view(self) -> None:
        """Switch between the two named views; the map then reports its new fitted view."""
        partners = "view=partners" in self.live_session.query_string
        radio = self.live_session.widget_id("map_view")
        choice = label("view", "states" if partners else "partners", EN)
        await self.rerun({radio: WidgetState(id=radio, string_value=choice)}, in_fragment=False)
        if ("view=partners" in self.live_session.query_string) == partners:
            self.error("the view did not change")
        await self.report_position()

    def details_heading(self) -> str:
        """The details panel's first text: the selected record's Markdown, or the hint."""
        fragment = self.the_map().fragment_id
        in_panel = [
            placed
            for placed in self.live_session.find("markdown") + self.live_session.find("alert")
            if placed.fragment_id == fragment
        ]
        for placed in in_panel:
            body = getattr(placed.element, placed.element.WhichOneof("type") or "").body
            if body.startswith("### ") or body == text("details_hint", EN):
                return body
        return ""

    async def do_details(self) -> None:
        """Read the details panel."""
        if not self.details_heading():
            self.error("the details panel is empty")

    async def do_download(self) -> None:
        """Follow the CSV data's link (the export route builds it) and open the zip."""
        wanted = Export.CSV.file.name
        links = [
            html.unescape(href)
            for placed in self.live_session.find("html")
            for href in EXPORT_LINK.findall(placed.element.html.body)
            if wanted in href
        ]
        if not links:
            raise SessionError("no link to the CSV data")
        with zipfile.ZipFile(io.BytesIO(await self.get(links[0]))) as archive:
            if not any(name.endswith("/sites.csv") for name in archive.namelist()):
                self.error("the CSV download has no sites.csv")
