"""Start the real app on a free loopback port and drive it with Debian's Chromium."""

from __future__ import annotations

import os
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
    page.on("request", lambda request: traffic.requests.append(request.url))

    def on_failed(request: Request) -> None:
        traffic.failed.append(f"{request.url} ({request.failure})")

    page.on("requestfailed", on_failed)
    yield page
    context.close()


@pytest.fixture
def artifacts() -> Path:
    return _artifacts()
