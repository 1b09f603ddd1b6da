"""A short soak in every test run: a few readers for about a minute through nginx and two
replicas, each opening a link, changing the year, clicking a district, switching views,
reading the details and downloading data. Any error fails it. It runs as its own process
(``python -m bench.soak``, as documented), since it drives its pages asynchronously."""

import re
import subprocess
import sys

from dashboard.paths import REPO_ROOT

ACTIONS = {"year", "district", "details", "view", "download"}


def test_a_short_soak_through_nginx_sees_no_error() -> None:
    command = [sys.executable, "-m", "bench.soak", "--sessions", "4", "--minutes", "1"]
    result = subprocess.run(
        [*command, "--no-write"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "| errors | 0 |" in result.stdout
    actions = re.search(r"\| actions \| (.*) \|", result.stdout)
    assert actions is not None
    done = {part.split()[0] for part in actions.group(1).split(", ")}
    assert done == ACTIONS  # every reader went round: each kind of action happened
