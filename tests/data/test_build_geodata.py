"""The committed GeoJSON is exactly what the build script makes from the pinned packages."""

from pathlib import Path

import pytest
import shapely

from dashboard.data import build_geodata
from dashboard.data.build_geodata import OUTPUT_NAMES, build_all, main, split_district
from dashboard.paths import GEODATA_DIR


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    """The build's outputs, made once for the module (a build takes half a minute)."""
    return build_all()


def test_committed_files_are_what_the_build_produces(built: dict[str, str]) -> None:
    assert sorted(built) == sorted(OUTPUT_NAMES)
    for name, text in built.items():
        committed = (GEODATA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, (
            f"geodata/{name} differs: run python -m dashboard.data.build_geodata"
        )


def test_main_writes_every_output(
    tmp_path: Path, built: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The build itself is checked above; this checks what main does with its outputs.
    monkeypatch.setattr(build_geodata, "build_all", lambda: built)
    assert main(["--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUT_NAMES)
    for name, text in built.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text


def test_district_names_are_readable(built: dict[str, str]) -> None:
    districts = built["districts.geojson"]
    assert '"district":"Ganjam"' in districts
    assert '"district":"NTR"' in districts
    assert '"district_lgd":354,"district_census2011":388,"old_url_code":388' in districts


def test_a_split_tiles_its_parent_and_gives_loose_land_to_its_longest_neighbour() -> None:
    parent = shapely.box(80.0, 16.0, 81.0, 17.0)
    # The new district's constituencies cover the west half (and reach beyond the parent,
    # which does not count); those the parent keeps stop short of its north edge, so a strip
    # there is in neither, as the Chinturu mandals are in no constituency.
    new_lines = shapely.box(79.8, 16.0, 80.5, 17.0)
    kept_lines = shapely.box(80.5, 16.0, 81.0, 16.8)
    new, kept = split_district(parent, new_lines, kept_lines)
    assert new.union(kept).symmetric_difference(parent).area < 1e-12
    assert new.intersection(kept).area < 1e-12
    # the strip borders the kept side along 0.5 degree, the new one along 0.2: the kept side
    assert abs(new.area - 0.5) < 1e-12
    assert abs(kept.area - 0.5) < 1e-12


def test_a_crumb_cut_off_by_a_shifted_line_joins_the_side_around_it() -> None:
    parent = shapely.box(80.0, 16.0, 81.0, 17.0)
    crumb = shapely.box(80.90, 16.50, 80.91, 16.51)  # about 1 km2, well inside the east
    new, kept = split_district(
        parent,
        shapely.union(shapely.box(80.0, 16.0, 80.5, 17.0), crumb),
        shapely.box(80.5, 16.0, 81.0, 17.0),
    )
    assert abs(new.area - 0.5) < 1e-12
    assert kept.contains(crumb.centroid)
