"""Start the real app on a free loopback port and drive it with Debian's Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, sync_playwright

from dashboard.paths import REPO_ROOT
from tests.servers import free_port, wait_healthy

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", REPO_ROOT / "test-artifacts")) / "browser"


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (ARTIFACTS / "streamlit.log").open("wb") if _artifacts() else subprocess.DEVNULL
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(REPO_ROOT / "dashboard" / "app.py"),
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={port}",
            "--browser.gatherUsageStats=false",
        ],
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


def _artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: apt-get install -y chromium (browser tests never skip)"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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
    context = browser.new_context(viewport={"width": 1400, "height": 950})
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
