"""The committed GeoJSON is exactly what the build script makes from the pinned packages."""

from pathlib import Path

from dashboard.data.build_geodata import OUTPUT_NAMES, build_all, main
from dashboard.paths import GEODATA_DIR


def test_committed_files_are_what_the_build_produces() -> None:
    built = build_all()
    assert sorted(built) == sorted(OUTPUT_NAMES)
    for name, text in built.items():
        committed = (GEODATA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, (
            f"geodata/{name} differs: run python -m dashboard.data.build_geodata"
        )


def test_main_writes_every_output(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUT_NAMES)


def test_district_names_are_readable() -> None:
    districts = build_all()["districts.geojson"]
    assert '"district":"Ganjam"' in districts
    assert '"district":"NTR"' in districts
    assert '"district_lgd":354,"district_census2011":388,"old_url_code":388' in districts
