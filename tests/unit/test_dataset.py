"""The loader turns validated files into typed frames and refuses data with problems."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.dataset import load_dataset
from dashboard.data.problems import DatasetError
from tests.paths import GOOD, TODAY


def test_layers_are_typed(boundaries: Boundaries) -> None:
    data = load_dataset(GOOD, boundaries, TODAY)
    assert data.sites.crs.to_epsg() == 4326
    assert str(data.sites["start_year"].dtype) == "Int64"
    oscom = data.sites.set_index("id").loc["site-oscom"]
    assert oscom["district_lgd"] == (354,)  # Ganjam's LGD code
    assert oscom["sources"] == ("bs-irel-expansion-2011",)
    assert oscom.geometry.x == pytest.approx(84.98)
    brahmagiri = data.sites.set_index("id").loc["site-brahmagiri"]
    assert brahmagiri.geometry is None
    assert pd.isna(brahmagiri["start_year"])


def test_milestones_are_in_time_order_with_their_precision(boundaries: Boundaries) -> None:
    milestones = load_dataset(GOOD, boundaries, TODAY).milestones
    assert list(milestones["date"]) == ["2012-11-16", "2023"]
    assert list(milestones["year"]) == [2012, 2023]


def test_zones_carry_their_built_outline(boundaries: Boundaries) -> None:
    zones = load_dataset(GOOD, boundaries, TODAY).zones.set_index("id")
    assert zones.geometry["zone-coast"].geom_type == "MultiPolygon"
    assert zones.loc["zone-ganjam-belt", "geometry_basis"] == "buffer"


def test_bad_data_raises_with_every_problem(boundaries: Boundaries, tmp_path: Path) -> None:
    shutil.copytree(GOOD, tmp_path, dirs_exist_ok=True)
    (tmp_path / "links.csv").write_text("id,name\nlink-x,Only two columns\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(tmp_path, boundaries, TODAY)
    lines = [str(p) for p in caught.value.problems]
    assert "links.csv: header: kind: required column is missing" in lines
    assert "links.csv: link-x: status: is required" in lines
    assert len(lines) > 5


def test_unreadable_boundaries_are_reported_not_raised_raw(tmp_path: Path) -> None:
    (tmp_path / "districts.geojson").write_text("{not json", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_boundaries(tmp_path)
    assert caught.value.problems[0].file == "districts.geojson"
