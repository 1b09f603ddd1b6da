"""Synthetic datasets for scale tests: the real geodata/ plus N generated sites, each a valid
record placed inside a real district, so the validator, the loader and the map treat them
exactly like curated ones. Deterministic for a given N (fixed seed)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import shapely

from dashboard.data import schema
from dashboard.data.boundaries import load_boundaries
from dashboard.paths import GEODATA_DIR

SEED = 20261125
SOURCE_ID = "synthetic-benchmark"
KINDS = ("plant", "mine", "deposit", "exploration")
GRADES = ("verified", "reported", "claimed", "disputed")
FIRST_YEAR, LAST_YEAR = 1984, 2026


def write_synthetic(folder: Path, count: int) -> Path:
    """Copy geodata/ into ``folder`` and add ``count`` synthetic sites; returns the folder."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(GEODATA_DIR, folder)
    rng = np.random.default_rng(SEED)
    districts = load_boundaries().districts
    # Spread the sites over the districts in proportion to their area.
    weights = districts.to_crs("EPSG:6933").area.to_numpy()
    chosen = rng.choice(len(districts), size=count, p=weights / weights.sum())
    features = []
    for number, index in enumerate(chosen):
        district = districts.iloc[index]
        point = _point_inside(district.geometry, rng)
        start = int(rng.integers(FIRST_YEAR, LAST_YEAR + 1))
        grade = GRADES[int(rng.integers(len(GRADES)))]
        properties = {
            "id": f"site-synthetic-{number}",
            "name": f"Synthetic site {number}",
            "name_ja": f"合成サイト{number}",
            "kind": KINDS[int(rng.integers(len(KINDS)))],
            "description": "Generated for the benchmark; not a real site.",
            "description_ja": "ベンチマーク用に生成したもので、実在のサイトではない。",
            "sources": [SOURCE_ID],
            "evidence": grade,
            "state": [district["state"]],
            "district_lgd": [int(district["district_lgd"])],
            "start_year": start,
            "location_precision": "exact",
        }
        if grade in ("claimed", "disputed"):
            properties["evidence_note"] = "Synthetic record."
            properties["evidence_note_ja"] = "合成レコード。"
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": shapely.geometry.mapping(point),
            }
        )
    sites_path = folder / schema.SITES.file
    collection = json.loads(sites_path.read_text(encoding="utf-8"))
    collection["features"] += features
    sites_path.write_text(json.dumps(collection), encoding="utf-8")
    with (folder / schema.SOURCES.file).open("a", newline="", encoding="utf-8") as handle:
        row = [SOURCE_ID, "Synthetic benchmark records", "this project", "", schema.NO_DATE]
        csv.writer(handle, lineterminator="\n").writerow([*row, "generated", ""])
    return folder


def _point_inside(polygon: shapely.Geometry, rng: np.random.Generator) -> shapely.Point:
    west, south, east, north = polygon.bounds
    while True:
        point = shapely.Point(
            round(float(rng.uniform(west, east)), 5), round(float(rng.uniform(south, north)), 5)
        )
        if polygon.contains(point):
            return point
