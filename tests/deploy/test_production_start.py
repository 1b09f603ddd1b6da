"""The production start command (deploy/start, the Docker image's CMD) serves the health
endpoint on the port it is given, from a listening socket with TCP_NODELAY set
(dashboard/tcp_nodelay.py)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from dashboard.paths import REPO_ROOT
from harness.serving import free_port, wait_healthy


def test_start_serves_health_on_the_configured_port_without_nagle(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "ADDRESS": "127.0.0.1",
        # deploy/start runs "python" from PATH: the interpreter running these tests.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    log_path = tmp_path / "start.log"
    log = log_path.open("wb")
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
        log.close()
    # dashboard/server.py was loaded after Streamlit bound its one socket, and found it.
    assert "TCP_NODELAY set on 1 listening socket(s)" in log_path.read_text(encoding="utf-8")
