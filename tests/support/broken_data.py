"""A copy of the real geodata/ with one file broken, for the pages that must report it."""

import shutil
from pathlib import Path

from dashboard.paths import GEODATA_DIR

# The message the validator gives for the cut file, as its first problem.
BROKEN_SITES_PROBLEM = "sites.geojson: -: -: is not valid JSON"


def geodata_with_broken_sites(folder: Path) -> Path:
    """geodata/ copied into ``folder`` with sites.geojson cut short (no longer JSON)."""
    shutil.copytree(GEODATA_DIR, folder, dirs_exist_ok=True)
    sites = folder / "sites.geojson"
    sites.write_text(sites.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    return folder
