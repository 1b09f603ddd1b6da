"""Each file in the bad-input corpus produces exactly the problems listed beside it.

A case is a folder in tests/bad_inputs/: files that replace their namesakes in the small valid
dataset tests/fixtures/good/, an optional REMOVE listing files to delete, and expected.txt.
"""

import shutil
from pathlib import Path

import pytest

from dashboard.data.boundaries import Boundaries
from dashboard.data.validate import check_folder
from tests.paths import BAD_INPUTS, GOOD, TODAY

CASES = sorted(p for p in BAD_INPUTS.iterdir() if p.is_dir())


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 15


def test_the_good_fixture_is_clean(boundaries: Boundaries) -> None:
    assert check_folder(GOOD, boundaries, TODAY).problems == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_its_message(case: Path, tmp_path: Path, boundaries: Boundaries) -> None:
    shutil.copytree(GOOD, tmp_path, dirs_exist_ok=True)
    for path in case.iterdir():
        if path.name == "REMOVE":
            for name in path.read_text().split():
                (tmp_path / name).unlink()
        elif path.name != "expected.txt":
            shutil.copy(path, tmp_path / path.name)
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    found = [str(p) for p in check_folder(tmp_path, boundaries, TODAY).problems]
    assert found == expected
