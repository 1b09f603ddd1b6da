"""The benchmark's synthetic sites are valid records inside their districts."""

from pathlib import Path

from dashboard.data.boundaries import Boundaries
from dashboard.data.dataset import load_dataset
from dashboard.data.validate import check_folder
from harness.synthetic import write_synthetic


def test_synthetic_sites_pass_the_validator(boundaries: Boundaries, tmp_path: Path) -> None:
    folder = write_synthetic(tmp_path / "synthetic", 300)
    assert [str(p) for p in check_folder(folder, boundaries).problems] == []
    sites = load_dataset(folder, boundaries).sites
    assert sites["id"].str.startswith("site-synthetic-").sum() == 300


def test_the_same_size_gives_the_same_data(tmp_path: Path) -> None:
    first = write_synthetic(tmp_path / "a", 50) / "sites.geojson"
    second = write_synthetic(tmp_path / "b", 50) / "sites.geojson"
    assert first.read_bytes() == second.read_bytes()
