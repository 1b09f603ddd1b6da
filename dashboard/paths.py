"""Where the project's files live, resolved from this package so the app runs from any folder."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GEODATA_DIR = REPO_ROOT / "geodata"
