"""The README's layout table and the commands the project's files name match the package, so a
newcomer who follows them lands on real modules."""

from __future__ import annotations

import importlib.util
import re

import pytest

from dashboard.paths import PACKAGE_DIR, REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
LAYOUT = README[README.index("## Layout\n") : README.index("Where new code goes.")]
# Files that name modules or paths a person or a machine will run.
NAMING_FILES = [
    "README.md",
    "geodata/README.md",
    "geodata/SOURCES.md",
    "Dockerfile",
    "dev",
    ".ci/run",
    "deploy/start",
]
GENERATED = {"dashboard/static/"}  # filled at start-up, never committed


def _modules() -> list[str]:
    return sorted(
        str(p.relative_to(PACKAGE_DIR))
        for pattern in ("*.py", "*.js")
        for p in PACKAGE_DIR.rglob(pattern)
        if p.name != "__init__.py" and "static" not in p.relative_to(PACKAGE_DIR).parts
    )


@pytest.mark.parametrize("module", _modules())
def test_the_layout_table_lists_every_module(module: str) -> None:
    *folders, file = module.split("/")
    listed = f"`{file}`" in LAYOUT or f"`dashboard/{module}`" in LAYOUT
    # A folder of rules is listed once, with its modules named inside the row.
    in_listed_folder = bool(folders) and f"`{folders[-1]}/`" in LAYOUT
    in_listed_folder = in_listed_folder and (
        f"`{file.removesuffix('.py')}`" in LAYOUT or f"`{file}`" in LAYOUT
    )
    assert listed or in_listed_folder, f"README's layout table does not mention {module}"


@pytest.mark.parametrize("name", NAMING_FILES)
def test_every_module_a_file_names_exists(name: str) -> None:
    text = (REPO_ROOT / name).read_text(encoding="utf-8")
    dotted = set(re.findall(r"\bdashboard(?:\.[a-z_]+)+", text))
    paths = set(re.findall(r"\bdashboard/[\w/]*(?:\.py|/)", text)) - GENERATED
    missing = [m for m in sorted(dotted) if importlib.util.find_spec(m) is None]
    missing += [p for p in sorted(paths) if not (REPO_ROOT / p).exists()]
    assert not missing, f"{name} names what does not exist: {missing}"
