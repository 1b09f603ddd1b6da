"""Browser-side figures in real Chromium: time to the map drawn and from a year change to the
map updated, beside the same measures for a bare Streamlit page (one slider, one text), the
same page served with TCP_NODELAY as the dashboard's server sets it (bench/bare_nodelay_server.py),
and a page with one ``st_folium`` map and a year slider (bench/one_map_app.py), taken in turn
with them, run after run, so a noisy machine slows them alike; the bytes a year change
brings over the WebSocket; the server's memory with 1 and with 10 open sessions; panning at
scale."""

from __future__ import annotations

import os
import statistics
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, WebSocket, expect, sync_playwright

from dashboard.data.boundaries import load_boundaries
from dashboard.paths import REPO_ROOT
from harness.serving import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, streamlit_server

APP = REPO_ROOT / "dashboard" / "server.py"
BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
BARE_NODELAY_SERVER = Path(__file__).resolve().parent / "bare_nodelay_server.py"
ONE_MAP_SERVER = Path(__file__).resolve().parent / "one_map_server.py"
MAP = MAP_FRAME
TIMEOUT_MS = 120_000
THIS_YEAR = time.localtime().tm_year
# Every district the map draws, as the boundary file holds them.
DISTRICTS = len(load_boundaries().districts)


@dataclass(frozen=True)
class PageTimes:
    """Median seconds in a real browser: first load until ready, one year change until the map
    (or the bare page's text) shows the year, and until the page's run for it has arrived (the
    dashboard's map draws the year before: map_controller.js, previewYear).

    Each is read by the page's own clock: from the start of navigation, or from the first
    key's event, to the animation frame in which the page first shows what is awaited (the
    frame that paints it). The test driver hears of it later, and later still from a page
    whose main thread is busy, though the reader sees it then: BrowserFigures holds the same
    times by the driver's clock too, for the record."""

    load_s: float
    change_s: float
    settled_s: float

    @classmethod
    def of(cls, samples: list[tuple[float, float, float]]) -> PageTimes:
        """The medians of (load, change, settled) samples."""
        return cls(*(statistics.median(s[i] for s in samples) for i in range(3)))


@dataclass(frozen=True)
class Timed:
    """One visit's (load, change, settled) seconds by the page's clock and by the driver's."""

    page: tuple[float, float, float]
    driver: tuple[float, float, float]


def rss_mb(pid: int) -> float:
    """The resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _slider(page: Page) -> Locator:
    return page.locator('[data-testid="stSlider"] input[type="range"]').first


def _press_year(page: Page, steps: int) -> None:
    slider = _slider(page)
    slider.focus()
    for _ in range(steps):
        page.keyboard.press("ArrowLeft")


# What is awaited, as a JavaScript expression checked in the page.
Check = str

# The first key's event time, by the page's clock.
_FIRST_KEY = (
    "() => document.addEventListener('keydown', (e) => { window.__benchKey ??= e.timeStamp; },"
    " true)"
)


def _timed_once(
    browser: Browser,
    url: str,
    loaded: Check,
    change: Check | None = None,
    settled: Check | None = None,
) -> Timed:
    """Seconds from navigation until ``loaded`` holds, and (given ``change``) from pressing the
    year slider back three years until ``change`` holds, then until ``settled`` does (else
    0), in a fresh browser context."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        loaded_at = _until(page, loaded)
        load = time.perf_counter() - start
        if change is None:
            return Timed((loaded_at / 1000, 0.0, 0.0), (load, 0.0, 0.0))
        page.wait_for_timeout(1500)  # let the load's own rerun settle
        page.evaluate(_FIRST_KEY)
        start = time.perf_counter()
        _press_year(page, 3)
        changed_at = _until(page, change)
        changed = time.perf_counter() - start
        settled_at = _until(page, settled) if settled else changed_at
        done = time.perf_counter() - start
        key = page.evaluate("window.__benchKey")
        return Timed(
            (loaded_at / 1000, (changed_at - key) / 1000, (settled_at - key) / 1000),
            (load, changed, done),
        )
    finally:
        context.close()


# Every wait below is checked in the page on each animation frame: Playwright's own waits poll
# ever more slowly (up to once a second), which would add more to a slow page than to a fast
# one and skew the ratios.
IN_MAP = f"document.querySelector({MAP!r})?.contentDocument?.querySelectorAll"


def _until(page: Page, condition: Check) -> float:
    """Wait until ``condition`` holds; the page's clock (ms) in the first animation frame where
    it did."""
    handle = page.wait_for_function(
        f"() => ({condition}) && performance.now()", polling="raf", timeout=TIMEOUT_MS
    )
    return float(handle.json_value())


_one_map_drawn = f"{IN_MAP}('path.leaflet-interactive')?.length === 1"
_map_drawn = f"{IN_MAP}('path.district')?.length === {DISTRICTS}"


def _map_marked(year: int) -> Check:
    """The map marked with the year (``data-year``, set once the state is applied)."""
    return f"{IN_MAP}(\"[data-year='{year}']\")?.length > 0"


def _address_says(year: int) -> Check:
    """The page's run for the year has arrived: it writes the year into the address."""
    return f"new URLSearchParams(location.search).get('year') === '{year}'"


def _shows_text(wanted: str) -> Check:
    return f"document.body.innerText.includes({wanted!r})"


_bare_loaded = _shows_text(f"Year: {THIS_YEAR}")
_bare_changed = _shows_text(f"Year: {THIS_YEAR - 3}")


def year_change_bytes(browser: Browser, url: str) -> int:
    """Bytes the server sends over the WebSocket for one step of the year slider."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    received: list[int] = []

    def listen(socket: WebSocket) -> None:
        socket.on("framereceived", lambda payload: received.append(len(payload)))

    try:
        page = context.new_page()
        page.on("websocket", listen)
        page.goto(url)
        _until(page, _map_drawn)
        page.wait_for_timeout(2000)
        received.clear()
        _press_year(page, 1)
        _until(page, _map_marked(THIS_YEAR - 1))
        page.wait_for_timeout(1500)  # and anything that follows it
        return sum(received)
    finally:
        context.close()


def memory_mb(browser: Browser, url: str, pid: int, sessions: int) -> float:
    """The server's resident memory after ``sessions`` browser tabs have each drawn the map."""
    contexts = []
    try:
        for _ in range(sessions):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            expect(page.frame_locator(MAP).locator("path.district")).to_have_count(
                DISTRICTS, timeout=TIMEOUT_MS
            )
            contexts.append(context)
        time.sleep(2)
        return rss_mb(pid)
    finally:
        for context in contexts:
            context.close()


def pan_ms(browser: Browser, url: str) -> float:
    """Median time for the map to pan by 200 px and paint the next frame."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    page = context.new_page()
    page.goto(url)
    expect(page.frame_locator(MAP).locator("path.district")).to_have_count(
        DISTRICTS, timeout=TIMEOUT_MS
    )
    frame = page.locator(MAP).element_handle().content_frame()
    if frame is None:
        raise RuntimeError("the map's frame holds no document")
    times = frame.evaluate(
        """async () => {
            const out = [];
            for (let i = 0; i < 9; i++) {
                const t = performance.now();
                map_div.panBy([i % 2 ? 200 : -200, 0], {animate: false});
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                out.push(performance.now() - t);
            }
            out.sort((a, b) => a - b);
            return out[4];
        }"""
    )
    context.close()
    return float(times)


@dataclass(frozen=True)
class BrowserFigures:
    """What ``measure_browser`` measured. ``pages`` holds "bare", "bare_nodelay", "one_map"
    and each data folder's name, by the page's clock (``driver_pages`` the same by the test
    driver's); ``pan_ms`` each data folder's; the rest the real dataset's."""

    pages: dict[str, PageTimes]
    driver_pages: dict[str, PageTimes]
    pan_ms: dict[str, float]
    bytes_per_year_change: int
    rss_1_mb: float
    rss_10_mb: float


def measure_browser(folders: dict[str, Path], runs: int) -> BrowserFigures:
    """Browser times of the bare page and the dashboard on each data folder: every server runs
    at once and each run measures them in turn, so the ratios compare like with like."""
    with sync_playwright() as playwright, ExitStack() as servers:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            urls = {
                "bare": servers.enter_context(streamlit_server(BARE_APP))[0],
                "bare_nodelay": servers.enter_context(streamlit_server(BARE_NODELAY_SERVER))[0],
            }
            one_map_url = servers.enter_context(streamlit_server(ONE_MAP_SERVER))[0]
            processes = {}
            for name, folder in folders.items():
                env = {**os.environ, "DASHBOARD_DATA_DIR": str(folder)}
                urls[name], processes[name] = servers.enter_context(streamlit_server(APP, env=env))
            urls["one_map"] = one_map_url
            # The bare and one-map pages change only in their run: settled once changed.
            checks: dict[str, tuple[Check, Check, Check | None]] = {
                "bare": (_bare_loaded, _bare_changed, None),
                "bare_nodelay": (_bare_loaded, _bare_changed, None),
                "one_map": (_one_map_drawn, _map_marked(THIS_YEAR - 3), None),
                **{
                    name: (_map_drawn, _map_marked(THIS_YEAR - 3), _address_says(THIS_YEAR - 3))
                    for name in folders
                },
            }
            samples: dict[str, list[Timed]] = {name: [] for name in urls}
            # One round unmeasured first: a server's first visits fill its caches (each
            # year's outputs: about 0.3 s apiece at 100,000 sites), which put one or two slow
            # runs in every page's median of five, and a different number from run to run.
            for run in range(runs + 1):
                for name, (loaded, changed, settled) in checks.items():
                    times = _timed_once(browser, urls[name], loaded, changed, settled)
                    if run > 0:
                        samples[name].append(times)
            return BrowserFigures(
                pages={name: PageTimes.of([t.page for t in ts]) for name, ts in samples.items()},
                driver_pages={
                    name: PageTimes.of([t.driver for t in ts]) for name, ts in samples.items()
                },
                pan_ms={name: pan_ms(browser, urls[name]) for name in folders},
                bytes_per_year_change=year_change_bytes(browser, urls["real"]),
                rss_1_mb=memory_mb(browser, urls["real"], processes["real"].pid, 1),
                rss_10_mb=memory_mb(browser, urls["real"], processes["real"].pid, 10),
            )
        finally:
            browser.close()
