"""The import contract in pyproject.toml holds for the package, and each of its rules really
fails when a copy of the package is given the import it forbids; the tests and the benchmark
share their helpers only through harness/."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from dashboard.paths import REPO_ROOT
from harness.proxy import answered_by

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACT_NAMES = {
    c["id"]: c["name"]
    for c in tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]["contracts"]
}


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(root / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    shutil.copytree(
        REPO_ROOT / "dashboard",
        tmp_path / "dashboard",
        ignore=shutil.ignore_patterns("__pycache__", "static"),
    )
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_package_keeps_every_contract() -> None:
    result = _lint(REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("data/schema.py", "import streamlit", "streamlit-in-shell-only"),
        ("panels/markdown.py", "import streamlit_folium", "streamlit-in-shell-only"),
        ("core/view.py", "import folium", "no-drawing-below-the-map"),
        ("data/geometry.py", "import altair", "no-drawing-below-the-map"),
        ("data/schema.py", "import dashboard.core.choices", "layers"),
        ("map/theme.py", "import dashboard.panels.markdown", "layers"),
        ("core/choices.py", "import dashboard.app", "layers"),
        ("data/records.py", "import dashboard.data.validate", "no-cycles"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    package_copy: Path, module: str, line: str, broken: str
) -> None:
    path = package_copy / "dashboard" / module
    text = path.read_text(encoding="utf-8")
    # After the module docstring and the __future__ import, where a careless edit would put it.
    head, rest = text.split("from __future__ import annotations\n", 1)
    path.write_text(
        f"{head}from __future__ import annotations\n\n{line}  # noqa: F401\n{rest}",
        encoding="utf-8",
    )

    result = _lint(package_copy)

    assert result.returncode == 1, result.stdout
    report = " ".join(result.stdout.split())  # the report wraps long contract names
    assert f"{CONTRACT_NAMES[broken]} BROKEN" in report, result.stdout


def test_an_unchanged_copy_keeps_every_contract(package_copy: Path) -> None:
    """The copy the violations are injected into is clean before the injection, so each failure
    above is caused by its one line."""
    result = _lint(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_tests_and_the_benchmark_share_helpers_only_through_the_harness() -> None:
    for folder, other in (("tests", "bench"), ("bench", "tests"), ("harness", "tests")):
        for path in (REPO_ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imported = {
                (node.module or "").split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom)
            } | {
                alias.name.split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.Import)
                for alias in node.names
            }
            assert other not in imported, f"{path} imports {other}"


def test_the_access_log_gives_the_replica_that_answered() -> None:
    line = '127.0.0.1|101|127.0.0.1:8501, 127.0.0.1:8502|"GET /_stcore/stream HTTP/1.1"'
    assert answered_by(line) == "127.0.0.1:8502"
    assert answered_by('127.0.0.1|200|127.0.0.1:8501|"GET / HTTP/1.1"') == "127.0.0.1:8501"
