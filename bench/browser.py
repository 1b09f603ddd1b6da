"""Browser-side figures in real Chromium: time to the map drawn and from a year change to the
map updated, beside the same measures for a bare Streamlit page (one slider, one text); the
server's memory with 1 and with 10 open sessions; panning at scale."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright

from dashboard.paths import REPO_ROOT
from tests.support.serving import CHROMIUM, CHROMIUM_ARGS, streamlit_server

APP = REPO_ROOT / "dashboard" / "app.py"
BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
MAP = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT_MS = 120_000
THIS_YEAR = time.localtime().tm_year


@dataclass(frozen=True)
class PageTimes:
    """Median seconds in a real browser: first load until ready, one year change until redrawn."""

    load_s: float
    change_s: float


def rss_mb(pid: int) -> float:
    """The resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _slider(page: Page):
    return page.locator('[data-testid="stSlider"] input[type="range"]').first


def _press_year(page: Page, steps: int) -> None:
    slider = _slider(page)
    slider.focus()
    for _ in range(steps):
        page.keyboard.press("ArrowLeft")


def _timed(
    browser: Browser,
    url: str,
    runs: int,
    loaded: Callable[[Page], None],
    change: Callable[[Page], None],
) -> PageTimes:
    """Median time from navigation until ``loaded`` returns, and from pressing the year
    slider back three years until ``change`` returns; a fresh browser context each run."""
    loads, changes = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 950})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        loaded(page)
        loads.append(time.perf_counter() - start)
        page.wait_for_timeout(1500)  # let the load's own rerun settle
        start = time.perf_counter()
        _press_year(page, 3)
        change(page)
        changes.append(time.perf_counter() - start)
        context.close()
    return PageTimes(statistics.median(loads), statistics.median(changes))


def dashboard_times(browser: Browser, url: str, runs: int) -> PageTimes:
    """Navigation to all district shapes drawn; a year change to the map marked with the new
    year (``data-year``, set by the map layers once they are drawn)."""

    def loaded(page: Page) -> None:
        districts = page.frame_locator(MAP).locator("path.district")
        expect(districts).to_have_count(56, timeout=TIMEOUT_MS)

    def changed(page: Page) -> None:
        marked = page.frame_locator(MAP).locator(f"[data-year='{THIS_YEAR - 3}']").first
        marked.wait_for(state="attached", timeout=TIMEOUT_MS)

    return _timed(browser, url, runs, loaded, changed)


def bare_times(browser: Browser, url: str, runs: int) -> PageTimes:
    """Load and change times of the bare Streamlit page: the yardstick every ratio divides by."""

    def loaded(page: Page) -> None:
        expect(page.get_by_text(f"Year: {THIS_YEAR}")).to_be_visible(timeout=TIMEOUT_MS)

    def changed(page: Page) -> None:
        expect(page.get_by_text(f"Year: {THIS_YEAR - 3}")).to_be_visible(timeout=TIMEOUT_MS)

    return _timed(browser, url, runs, loaded, changed)


def memory_mb(browser: Browser, url: str, pid: int, sessions: int) -> float:
    """The server's resident memory after ``sessions`` browser tabs have each drawn the map."""
    contexts = []
    try:
        for _ in range(sessions):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            expect(page.frame_locator(MAP).locator("path.district")).to_have_count(
                56, timeout=TIMEOUT_MS
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
    expect(page.frame_locator(MAP).locator("path.district")).to_have_count(56, timeout=TIMEOUT_MS)
    frame = page.locator(MAP).element_handle().content_frame()
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


def measure_browser(folders: dict[str, Path], runs: int) -> dict[str, object]:
    """Browser times of the bare page and the dashboard on each data folder, measured side by side
    in one run so a noisy machine slows both alike."""
    results: dict[str, object] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with streamlit_server(BARE_APP) as (url, _):
                results["bare"] = bare_times(browser, url, runs)
            for name, folder in folders.items():
                env = {**os.environ, "DASHBOARD_DATA_DIR": str(folder)}
                with streamlit_server(APP, env=env) as (url, process):
                    results[name] = dashboard_times(browser, url, runs)
                    results[f"{name}:pan_ms"] = pan_ms(browser, url)
                    if name == "real":
                        results["rss_1"] = memory_mb(browser, url, process.pid, 1)
                        results["rss_10"] = memory_mb(browser, url, process.pid, 10)
        finally:
            browser.close()
    return results
