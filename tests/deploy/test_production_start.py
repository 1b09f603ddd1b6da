"""The production start command (deploy/start, the Docker image's CMD) serves the health
endpoint on the port it is given."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from dashboard.paths import REPO_ROOT
from harness.serving import free_port, wait_healthy


def test_start_serves_health_on_the_configured_port(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "ADDRESS": "127.0.0.1",
        # deploy/start runs "python" from PATH: the interpreter running these tests.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    log = (tmp_path / "start.log").open("wb")
    process = subprocess.Popen(
        [shutil.which("sh") or "/bin/sh", str(REPO_ROOT / "deploy" / "start")],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process)
    finally:
        process.terminate()
        process.wait(timeout=15)
