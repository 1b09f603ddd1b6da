"""``python -m dashboard.data.validate`` prints a summary and exits 0, or each problem and 1."""

import shutil
from pathlib import Path

import pytest

from dashboard.data.validate import main
from tests.paths import GOOD


def test_clean_data_prints_counts_per_layer_and_grade(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(GOOD)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        "geodata is valid: 28 records in 10 layers, 58 district codes, 14 sources; evidence:"
    )
    assert out[1] == (
        "  reviewed 2026-11-20; newest event: site_status.csv status-salepali-preferred "
        "(2025-05-27)"
    )
    assert "  sites.geojson: 3 records (verified 2, disputed 1)" in out


def test_problems_are_listed_one_a_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copytree(GOOD, tmp_path, dirs_exist_ok=True)
    text = (tmp_path / "milestones.csv").read_text(encoding="utf-8")
    (tmp_path / "milestones.csv").write_text(text.replace(",agreement,", ",treaty,"), "utf-8")
    assert main([str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "milestones.csv: ms-2012-mou: kind: 'treaty' is not one of: "
        "agreement, policy, industry, trade, survey, summit, dialogue",
        "milestones.csv: ms-brief-2023-mou: kind: 'treaty' is not one of: "
        "agreement, policy, industry, trade, survey, summit, dialogue",
    ]
    assert "2 problem(s) found" in captured.err
