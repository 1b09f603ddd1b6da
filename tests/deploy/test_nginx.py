"""The documented deployment, run for real: Debian's nginx with the sample site in front of two
deploy/start replicas on loopback, driven by Chromium. The sample passes ``nginx -t``, the page
works through the proxy under its security headers, a browser stays on one replica, a reader
whose replica dies gets the view back on the other, and a replica started on broken data still
answers its health check and names the file in its log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text
from harness.proxy import (
    NGINX,
    Deployment,
    deployment,
    nginx_config,
    nginx_test,
    running_replica,
    site_for,
    wait_until,
)
from harness.serving import MAP_FRAME as MAP_IFRAME
from tests.paths import DISTRICTS
from tests.support.broken_data import BROKEN_SITES_PROBLEM, geodata_with_broken_sites
from tests.support.controls import wait_until_controls_drawn
from tests.support.page_runs import PageRuns

DEEP_LINK = "/?year=2012&sel=district:lgd-354&lang=en"
TIMEOUT_MS = 40_000


@pytest.fixture(autouse=True)
def _nginx_installed() -> None:
    if not Path(NGINX).is_file():
        pytest.fail(f"{NGINX} is missing: apt-get install -y nginx (deploy tests never skip)")


def reader(browser: Browser) -> tuple[BrowserContext, Page]:
    """A reader with a browser of their own (own cookies, so own affinity)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
    return context, context.new_page()


def open_view(page: Page, url: str) -> None:
    page.goto(url + DEEP_LINK)
    expect_view(page)


def expect_view(page: Page) -> None:
    """The deep link's view: Ganjam's details, the year 2012, the map drawn."""
    details = page.locator('[data-testid="stMainBlockContainer"]')
    heading = details.get_by_role("heading", name="Ganjam", exact=True)
    expect(heading).to_be_visible(timeout=TIMEOUT_MS)
    districts = page.frame_locator(MAP_IFRAME).locator("path.district")
    expect(districts).to_have_count(DISTRICTS, timeout=TIMEOUT_MS)
    slider = page.get_by_role("slider", name=text("year", Language.EN))
    expect(slider).to_have_value("2012", timeout=TIMEOUT_MS)
    wait_until_controls_drawn(page, TIMEOUT_MS)  # so a replica's death finds the page whole


def replica_of(site: Deployment, page: Page, probe: str) -> str:
    """The replica that answers this browser now: a health request from the page carries its
    cookie like the page's own WebSocket, and the access log names the replica that answered
    (the last one tried, after a dead one)."""
    page.evaluate("(probe) => fetch('/_stcore/health?probe=' + probe)", probe)
    wait_until(lambda: site.upstreams(f"probe={probe} "), 10, "the probe in the access log")
    return site.upstreams(f"probe={probe} ")[-1].split(",")[-1].strip()


def reader_on_a_replica(browser: Browser, site: Deployment) -> tuple[BrowserContext, Page, str]:
    """A reader with the deep link open, and the replica that answers them."""
    context, page = reader(browser)
    open_view(page, site.url)
    return context, page, replica_of(site, page, "before")


def test_the_sample_site_passes_nginx_t(tmp_path: Path) -> None:
    result = nginx_test(nginx_config(tmp_path, site_for((18501, 18502), 18080)))
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_through_nginx_the_page_works_under_its_security_headers(
    browser: Browser, tmp_path: Path
) -> None:
    with deployment(tmp_path) as site:
        context, page = reader(browser)
        refused: list[str] = []
        page.on(
            "console",
            lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
        )
        response = page.goto(site.url + DEEP_LINK)
        assert response is not None
        headers = response.headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        expect_view(page)
        # The map's frame and files (requested with the browser's cookie, like its WebSocket)
        # all came from the replica that answers this browser.
        replica = replica_of(site, page, "affinity")
        assert set(site.upstreams("/component/streamlit_folium")) == {replica}
        assert set(site.upstreams("/app/static/layers-")) == {replica}
        page.get_by_role("slider", name=text("year", Language.EN)).press("ArrowRight")
        expect(page).to_have_url(re.compile(r"year=2013"), timeout=TIMEOUT_MS)
        assert refused == []
        context.close()


def test_a_replica_with_broken_data_answers_health_and_names_the_file(
    browser: Browser, tmp_path: Path
) -> None:
    data = geodata_with_broken_sites(tmp_path / "geodata")
    with running_replica(tmp_path, data) as replica:  # health answered "ok"
        context, page = reader(browser)
        page.goto(replica.url + "/?lang=en")
        expect(page.get_by_text(text("data_error", Language.EN))).to_be_visible(timeout=TIMEOUT_MS)
        expect(page.locator('[data-testid="stCode"]')).to_contain_text("sites.geojson: -: -:")
        context.close()
        log = replica.log.read_text(encoding="utf-8", errors="replace")
        assert "did not validate" in log
        assert BROKEN_SITES_PROBLEM in log
        assert "Traceback" not in log


def test_when_a_replica_dies_a_reload_restores_the_view_on_the_other(
    browser: Browser, tmp_path: Path
) -> None:
    with deployment(tmp_path) as site:
        context, page, doomed = reader_on_a_replica(browser, site)
        site.replica_at(doomed).kill()
        page.reload()
        expect_view(page)  # from the address, on the other replica
        assert replica_of(site, page, "after") != doomed
        page.get_by_role("slider", name=text("year", Language.EN)).press("ArrowRight")
        expect(page).to_have_url(re.compile(r"year=2013"), timeout=TIMEOUT_MS)
        context.close()


def test_when_a_replica_dies_its_readers_go_on_on_the_other_with_their_view(
    browser: Browser, tmp_path: Path
) -> None:
    with deployment(tmp_path) as site:
        context, page, doomed = reader_on_a_replica(browser, site)
        runs = PageRuns(page)
        site.replica_at(doomed).kill()
        # With no action of the reader's, the page reconnects and runs whole on the other
        # replica, which restores the view from the address; the year controls answer there.
        runs.wait_for_a_whole_run_on_a_new_socket()
        expect_view(page)
        slider = page.get_by_role("slider", name=text("year", Language.EN))
        slider.press("ArrowRight")
        expect(page).to_have_url(re.compile(r"year=2013&sel=district"), timeout=TIMEOUT_MS)
        districts = page.frame_locator(MAP_IFRAME).locator("[data-year='2013']")
        expect(districts.first).to_be_attached(timeout=TIMEOUT_MS)
        assert replica_of(site, page, "after") != doomed
        context.close()


def test_when_a_replica_dies_readers_on_the_other_are_untouched(
    browser: Browser, tmp_path: Path
) -> None:
    with deployment(tmp_path) as site:
        readers: dict[str, tuple[BrowserContext, Page, PageRuns]] = {}
        for attempt in range(12):  # new browsers until each replica holds one
            context, page = reader(browser)
            runs = PageRuns(page)
            open_view(page, site.url)
            replica = replica_of(site, page, f"reader-{attempt}")
            if replica in readers:
                context.close()
            else:
                readers[replica] = (context, page, runs)
            if len(readers) == 2:
                break
        assert len(readers) == 2, "every browser landed on the same replica"
        doomed, survivor = list(readers)
        site.replica_at(doomed).kill()
        _, page, runs = readers[survivor]
        page.get_by_role("slider", name=text("year", Language.EN)).press("ArrowRight")
        expect(page).to_have_url(re.compile(r"year=2013&sel=district"), timeout=TIMEOUT_MS)
        marked = page.frame_locator(MAP_IFRAME).locator("[data-year='2013']")
        expect(marked.first).to_be_attached(timeout=TIMEOUT_MS)
        assert len(runs.finished) == 1  # the same WebSocket all along: never reconnected
        assert replica_of(site, page, "after") == survivor
        for context, _, _ in readers.values():
            context.close()
