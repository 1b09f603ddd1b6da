"""The Streamlit script runs headless and shows the dashboard's frame."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.messages import text
from dashboard.paths import GEODATA_DIR, REPO_ROOT

APP = str(REPO_ROOT / "dashboard" / "app.py")


def test_app_runs_and_shows_the_title() -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == text("title")
    assert at.sidebar.header[0].value == text("sidebar_header")
    assert "sites" in at.sidebar.caption[0].value


def test_broken_data_shows_a_clear_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(GEODATA_DIR, tmp_path, dirs_exist_ok=True)
    sites = tmp_path / "sites.geojson"
    sites.write_text(sites.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.error[0].value == text("data_error")
    assert at.code[0].value.startswith("sites.geojson: -: -: is not valid JSON")
