"""Start the real app on a free loopback port and drive it with Debian's Chromium."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request

from dashboard.paths import REPO_ROOT
from harness.serving import streamlit_server

ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", REPO_ROOT / "test-artifacts")) / "browser"


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    app, log = REPO_ROOT / "dashboard" / "server.py", _artifacts() / "streamlit.log"
    with streamlit_server(app, log=log) as (url, _):
        yield url


def _artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@dataclass
class Traffic:
    """Every request the page made, to prove the page stays on the app's own server."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    # Requests begun and not yet ended, and when the last began or ended (monotonic seconds).
    pending: int = 0
    changed_at: float = 0.0

    def begun(self, url: str) -> None:
        self.requests.append(url)
        self.pending += 1
        self.changed_at = time.monotonic()

    def ended(self) -> None:
        self.pending -= 1
        self.changed_at = time.monotonic()

    def wait_quiet(self, page: Page, quiet_s: float = 1.0, timeout_s: float = 30.0) -> None:
        """Wait until no request has been pending for ``quiet_s``. Playwright's own
        "networkidle" did not come within 30 s on a page that had made its last request (and
        had its answer) 0.1 s after the map was drawn, when earlier tests had run first."""
        deadline = time.monotonic() + timeout_s
        while self.pending or time.monotonic() - self.changed_at < quiet_s:
            if time.monotonic() > deadline:
                raise AssertionError(f"requests still pending: {self.pending}")
            page.wait_for_timeout(100)

    def off_site(self) -> list[str]:
        own = urlsplit(self.origin).netloc
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != own
        ]


@pytest.fixture
def traffic(app_url: str) -> Traffic:
    return Traffic(origin=app_url)


@pytest.fixture
def page(browser: Browser, traffic: Traffic) -> Iterator[Page]:
    # An English browser unless a test asks otherwise: the page follows the browser's language.
    context = browser.new_context(viewport={"width": 1400, "height": 950}, locale="en-US")
    page = context.new_page()
    page.on("request", lambda request: traffic.begun(request.url))
    page.on("requestfinished", lambda request: traffic.ended())

    def on_failed(request: Request) -> None:
        traffic.failed.append(f"{request.url} ({request.failure})")
        traffic.ended()

    page.on("requestfailed", on_failed)
    yield page
    context.close()


@pytest.fixture
def artifacts() -> Path:
    return _artifacts()
