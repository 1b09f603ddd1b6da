"""A short soak in every test run: a few readers for about a minute through nginx and two
replicas, two in Chromium and two over Streamlit's own messages, each opening a link, changing
the year, clicking a district, switching views, reading the details and downloading data. Any
error fails it. It runs as its own process (``python -m bench.soak``, as documented), since it
drives its readers asynchronously."""

import re
import subprocess
import sys

from dashboard.paths import REPO_ROOT
from harness.soak_plan import ACTIONS


def test_a_short_soak_through_nginx_sees_no_error() -> None:
    command = [sys.executable, "-m", "bench.soak", "--sessions", "4", "--browsers", "2"]
    result = subprocess.run(
        [*command, "--minutes", "1", "--no-write"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "| errors | 0 |" in result.stdout
    actions = re.search(r"\| actions \| (.*) \|", result.stdout)
    assert actions is not None
    done = {part.split()[0] for part in actions.group(1).split(", ")}
    assert done == ACTIONS  # every reader went round: each kind of action happened
    for kind in ("protocol", "browser"):  # both kinds of reader changed the year
        assert re.search(
            rf"\| year change to map updated, p50 / p95, {kind} readers \|", result.stdout
        )
