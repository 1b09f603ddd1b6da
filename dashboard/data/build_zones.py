"""Build geodata/zones.geojson from geodata/zone_definitions.csv.

Zones have no official outline, so each is derived from named districts or named sites (see
dashboard.data.zones). Run ``python -m dashboard.data.build_zones`` after editing a definition; the
validator refuses a zones.geojson that its definitions would not produce.
"""

from __future__ import annotations

import sys

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.checks.zones import anchor_points
from dashboard.data.geojson_text import feature, feature_collection
from dashboard.data.records import Checked
from dashboard.data.validate import check_folder
from dashboard.data.zones import zone_geometry, zone_properties
from dashboard.paths import GEODATA_DIR


def zones_text(checked: Checked, boundaries: Boundaries) -> str:
    """The zones.geojson that the checked definitions produce, in definition order."""
    anchors = anchor_points(checked)
    return feature_collection(
        feature(zone_properties(d.values), zone_geometry(d.values, boundaries, anchors))
        for d in checked.of(schema.ZONE_DEFINITIONS)
    )


def main() -> int:
    """Rewrite geodata/zones.geojson; refuses (exit status 1, problems printed) while the
    definitions, sites or places have problems."""
    boundaries = load_boundaries()
    checked = check_folder(GEODATA_DIR, boundaries)
    blocking = [
        p
        for p in checked.problems
        if p.file in (schema.ZONE_DEFINITIONS.file, schema.SITES.file, schema.PLACES.file)
    ]
    if blocking:
        print("\n".join(str(p) for p in blocking))
        return 1
    path = GEODATA_DIR / schema.ZONES_FILE
    path.write_text(zones_text(checked, boundaries), encoding="utf-8")
    zones = len(checked.of(schema.ZONE_DEFINITIONS))
    print(f"{path}: {zones} zones, {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
