"""AppTest fixtures."""

from pathlib import Path

import pytest

from tests.support.broken_data import geodata_with_broken_sites


@pytest.fixture
def broken_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app pointed at a copy of geodata/ whose sites.geojson is broken."""
    folder = geodata_with_broken_sites(tmp_path)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    return folder
