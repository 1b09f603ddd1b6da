"""Faults a hosted dashboard meets: its server restarting under an open page, and many hostile
links at once. (A replica started on broken data: tests/deploy/test_nginx.py.)"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text
from harness.proc_stats import rss_mb
from harness.proxy import running_replica
from harness.serving import MAP_FRAME as MAP_IFRAME
from tests.paths import DISTRICTS
from tests.support.controls import wait_until_controls_drawn
from tests.support.page_runs import PageRuns

TIMEOUT_MS = 40_000
HOSTILE_LINKS = (
    "/?year=<script>alert(1)</script>&sel=district:lgd-354'--",
    "/?lang=<img src=x onerror=alert(1)>&view=" + "x" * 500,
    "/?sel=site:../../etc/passwd&layers=sites,%00&evidence=all,all",
    "/?at=nan,nan,99&measure=%3Csvg%20onload%3Dalert(1)%3E",
    "/?year=1e309&year=2012&sel=javascript:alert(1)",
)


def test_after_a_restart_the_page_reconnects_and_goes_on_with_the_same_view(
    browser: Browser, tmp_path: Path
) -> None:
    with running_replica(tmp_path) as replica:
        page = browser.new_context(locale="en-US").new_page()
        page.goto(replica.url + "/?year=2012&sel=district:lgd-354&lang=en")
        details = page.locator('[data-testid="stMainBlockContainer"]')
        expect(details.get_by_role("heading", name="Ganjam")).to_be_visible(timeout=TIMEOUT_MS)
        districts = page.frame_locator(MAP_IFRAME).locator("path.district")
        expect(districts).to_have_count(DISTRICTS, timeout=TIMEOUT_MS)
        # The page is whole once its controls are drawn, after the map's first report: their
        # code (Streamlit's widget chunks) is fetched then, and a fetch that meets a dead
        # server fails for good in that page (Streamlit shows the error where the widget was).
        wait_until_controls_drawn(page, TIMEOUT_MS)
        slider = page.get_by_role("slider", name=text("year", Language.EN))
        expect(slider).to_have_value("2012", timeout=TIMEOUT_MS)
        runs = PageRuns(page)
        replica.kill()
        replica.start()
        # No reload: the page reconnects by itself and runs whole on the new process, restored
        # from its address; the year controls then answer there.
        runs.wait_for_a_whole_run_on_a_new_socket()
        expect(details.get_by_role("heading", name="Ganjam")).to_be_visible(timeout=TIMEOUT_MS)
        expect(slider).to_have_value("2012", timeout=TIMEOUT_MS)
        slider.press("ArrowRight")
        expect(page).to_have_url(re.compile(r"year=2013&sel=district"), timeout=TIMEOUT_MS)
        marked = page.frame_locator(MAP_IFRAME).locator("[data-year='2013']")
        expect(marked.first).to_be_attached(timeout=TIMEOUT_MS)


def test_many_hostile_links_at_once_leave_no_exception_and_memory_flat(
    browser: Browser, tmp_path: Path
) -> None:
    with running_replica(tmp_path) as replica:

        def wave() -> None:
            contexts = [browser.new_context(locale="en-US") for _ in HOSTILE_LINKS]
            pages = [context.new_page() for context in contexts]
            for page, link in zip(pages, HOSTILE_LINKS, strict=True):
                page.goto(replica.url + link, wait_until="commit")
            for page in pages:
                # Each link was read and answered with the notice, not an error page.
                notice = page.locator('[data-testid="stAlertContentWarning"]')
                expect(notice).to_be_visible(timeout=TIMEOUT_MS)
            for context in contexts:
                context.close()

        wave()  # the first wave warms the caches
        warm = rss_mb(replica.pid)
        for _ in range(2):
            wave()
        assert rss_mb(replica.pid) - warm < 30  # MB: flat, not growing per wave
        log = replica.log.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"Traceback|Exception", log), log[-2000:]
