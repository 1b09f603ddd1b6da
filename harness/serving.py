"""Running the real server on a loopback port, for the browser tests and the benchmark."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dashboard.paths import REPO_ROOT

STARTUP_TIMEOUT_S = 60
# The map's frame in the page, by where it comes from (its title is the map's, in the page's
# language).
MAP_FRAME = 'iframe[src*="/component/streamlit_folium.st_folium/"]'
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Debian's Chromium, headless, as root, with nothing reaching out to the network on its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    """Wait until the server at ``url`` answers its health check (or fail if it exits)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer at {url} within {STARTUP_TIMEOUT_S} s")


@contextmanager
def streamlit_server(
    script: Path, env: dict[str, str] | None = None, log: Path | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Serve ``script`` headless on a free loopback port; yields (url, process)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    output = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={port}",
            "--browser.gatherUsageStats=false",
        ],
        cwd=REPO_ROOT,  # for .streamlit/config.toml
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_healthy(url, process)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=15)
