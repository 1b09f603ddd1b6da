"""The documented deployment on loopback: replicas started with deploy/start, and Debian's nginx
in front of them running the sample site deploy/nginx.conf (its ports rewritten)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.paths import REPO_ROOT
from harness.serving import free_port, wait_healthy

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SITE = REPO_ROOT / "deploy" / "nginx.conf"
START = REPO_ROOT / "deploy" / "start"
SAMPLE_PORTS = (8501, 8502)
# Each line of the access log: which replica answered which request, fields split by "|" (an
# address list holds spaces: "127.0.0.1:8501, 127.0.0.1:8502" when nginx tried one replica and
# the next answered).
LOG_FORMAT = "'$remote_addr|$status|$upstream_addr|\"$request\"'"


def site_for(ports: tuple[int, ...], listen_port: int) -> str:
    """The sample site with its replicas on ``ports`` and listening on a loopback port."""
    site = SITE.read_text(encoding="utf-8")
    for sample, port in zip(SAMPLE_PORTS, ports, strict=True):
        site = site.replace(f"127.0.0.1:{sample} ", f"127.0.0.1:{port} ")
    site, count = re.subn(r"listen 80;", f"listen 127.0.0.1:{listen_port};", site)
    if count != 1 or any(f":{port} " not in site for port in ports):
        raise RuntimeError("deploy/nginx.conf no longer has the layout the tests rewrite")
    return site


def nginx_config(folder: Path, site: str) -> Path:
    """A whole nginx configuration around ``site``, everything under ``folder``."""
    (folder / "site.conf").write_text(site, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    config = folder / "nginx.conf"
    config.write_text(
        f"""{user}daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log info;
events {{ worker_connections 1024; }}
http {{
    log_format upstreams {LOG_FORMAT};
    access_log {folder}/access.log upstreams;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
""",
        encoding="utf-8",
    )
    return config


def nginx_test(config: Path) -> subprocess.CompletedProcess[str]:
    """``nginx -t`` on a configuration: its verdict and its messages."""
    return subprocess.run(
        [NGINX, "-t", "-c", str(config), "-p", str(config.parent)],
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass
class Replica:
    """One deploy/start process on a loopback port."""

    port: int
    log: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Where the replica answers."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        """The started replica's process id."""
        if self.process is None:
            raise RuntimeError(f"the replica on port {self.port} was not started")
        return self.process.pid

    def start(self) -> None:
        """Start the replica (deploy/start) and wait until it is healthy."""
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(
                [shutil.which("sh") or "/bin/sh", str(START)],
                env={**self.env, "PORT": str(self.port)},
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_healthy(self.url, self.process)

    def kill(self) -> None:
        """Stop at once, as a crash or an OOM kill would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)

    def stop(self) -> None:
        """Stop the replica as an operator would (SIGTERM), if it runs."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def replica_env(data_dir: Path | None = None) -> dict[str, str]:
    """deploy/start's environment on loopback: the test interpreter's ``python`` on PATH."""
    env = {
        **os.environ,
        "ADDRESS": "127.0.0.1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    if data_dir is not None:
        env["DASHBOARD_DATA_DIR"] = str(data_dir)
    return env


@contextmanager
def running_replica(folder: Path, data_dir: Path | None = None) -> Iterator[Replica]:
    """One deploy/start replica on a free loopback port, its log in ``folder``; stopped after."""
    replica = Replica(free_port(), folder / "replica.log", replica_env(data_dir))
    replica.start()
    try:
        yield replica
    finally:
        replica.stop()


@dataclass
class Deployment:
    """nginx on ``url`` in front of ``replicas``; ``access_log`` names the replica of each
    request."""

    url: str
    replicas: list[Replica]
    folder: Path
    nginx: subprocess.Popen[bytes] = field(repr=False)

    @property
    def access_log(self) -> Path:
        """nginx's access log (LOG_FORMAT)."""
        return self.folder / "access.log"

    def upstreams(self, path_part: str = "/_stcore/stream") -> list[str]:
        """The address of the replica that answered each logged request whose line contains
        ``path_part``."""
        if not self.access_log.exists():
            return []
        lines = self.access_log.read_text(encoding="utf-8").splitlines()
        return [answered_by(line) for line in lines if path_part in line]

    def replica_at(self, address: str) -> Replica:
        """The replica listening at an address the access log names."""
        return next(r for r in self.replicas if address.endswith(f":{r.port}"))


def answered_by(line: str) -> str:
    """The replica that answered a request, from its access-log line (LOG_FORMAT): the last
    address nginx tried."""
    upstream = line.split("|")[2]
    return upstream.split(",")[-1].strip()


@contextmanager
def deployment(
    folder: Path, replicas: int = 2, data_dir: Path | None = None
) -> Iterator[Deployment]:
    """Start ``replicas`` deploy/start processes and nginx in front of them with the sample
    site; stop everything afterwards."""
    env = replica_env(data_dir)
    started = [Replica(free_port(), folder / f"replica-{i}.log", env) for i in range(replicas)]
    listen = free_port()
    config = nginx_config(folder, site_for(tuple(r.port for r in started), listen))
    nginx: subprocess.Popen[bytes] | None = None
    try:
        for replica in started:
            replica.start()
        with (folder / "nginx.out").open("wb") as output:
            nginx = subprocess.Popen(
                [NGINX, "-c", str(config), "-p", str(folder)], stdout=output, stderr=output
            )
        url = f"http://127.0.0.1:{listen}"
        wait_healthy(url, nginx)
        yield Deployment(url, started, folder, nginx)
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=15)
        for replica in started:
            replica.stop()


def wait_until(predicate: object, timeout_s: float, what: str) -> None:
    """Poll ``predicate`` until it is true, or fail naming ``what``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
