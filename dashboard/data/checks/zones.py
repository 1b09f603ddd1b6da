"""Zones: each definition can be drawn, and zones.geojson is exactly what the definitions
build, so nobody edits an outline by hand."""

from __future__ import annotations

from pathlib import Path

import shapely

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.geometry import area_km2
from dashboard.data.parse import geometry_of
from dashboard.data.raw_files import WHOLE_FILE, read_geojson
from dashboard.data.records import Checked
from dashboard.data.schema import TableSpec
from dashboard.data.zones import ZoneDefinitionError, zone_geometry, zone_properties

# Zones rebuilt from their definitions may differ from the file by rounding only.
ZONE_TOLERANCE_KM2 = 0.05


def anchor_points(checked: Checked) -> dict[str, shapely.Point]:
    """Every site and place with a point: what zones are drawn around."""
    return {
        str(r["id"]): r.geometry
        for spec in (schema.SITES, schema.PLACES)
        for r in checked.of(spec)
        if r.get("id") and r.geometry is not None
    }


def check(checked: Checked, folder: Path, boundaries: Boundaries) -> None:
    """zones.geojson must be exactly what the definitions produce: nobody edits an outline."""
    spec = schema.ZONE_DEFINITIONS
    if {schema.SITES.file, schema.PLACES.file} & checked.unreadable:
        return
    broken = {
        str(r["id"])
        for anchor_spec in (schema.SITES, schema.PLACES)
        for r in checked.of(anchor_spec)
        if r.get("id") and r.geometry_reported
    }
    anchors = anchor_points(checked)
    built: dict[str, shapely.Geometry | None] = {}
    for record in checked.of(spec):
        basis = record.get("geometry_basis")
        if basis is None or not record.get("id"):
            continue
        if (basis == "none") != (record.get("location_precision") == "none"):
            checked.add(
                spec,
                record,
                "location_precision",
                "is none exactly when geometry_basis is none (a zone drawn without an outline)",
            )
        if broken & set(record.texts("anchor_ids")):
            continue  # the anchor's geometry is reported already
        try:
            built[str(record["id"])] = zone_geometry(record.values, boundaries, anchors)
        except ZoneDefinitionError as error:
            checked.add(spec, record, error.field, str(error))
    _compare_zone_file(checked, folder, built)


def _compare_zone_file(
    checked: Checked, folder: Path, built: dict[str, shapely.Geometry | None]
) -> None:
    rebuild = "run python -m dashboard.data.build_zones"
    features, problems = read_geojson(
        folder / schema.ZONES_FILE,
        TableSpec(schema.ZONES_FILE, schema.ZONE_DEFINITIONS.fields, ("Polygon", "MultiPolygon")),
    )
    checked.problems += problems
    definitions = {str(r["id"]): r for r in checked.of(schema.ZONE_DEFINITIONS) if r.get("id")}
    in_file = set()
    for feature in features:
        zone_id = feature.label
        in_file.add(zone_id)
        definition = definitions.get(zone_id)
        if definition is None:
            checked.add(
                schema.ZONES_FILE, zone_id, "id", f"has no row in zone_definitions.csv: {rebuild}"
            )
            continue
        if feature.values != zone_properties(definition.values):
            checked.add(
                schema.ZONES_FILE, zone_id, "properties", f"differ from the definition: {rebuild}"
            )
        if feature.geometry is None:
            if definition.get("geometry_basis") != "none":
                checked.add(schema.ZONES_FILE, zone_id, "geometry", f"is missing: {rebuild}")
            checked.zone_geometries[zone_id] = None
            continue
        geom = geometry_of(feature.geometry)
        if geom is None:
            checked.add(schema.ZONES_FILE, zone_id, "geometry", "is not a GeoJSON geometry")
            continue
        if not geom.is_valid or geom.geom_type not in ("Polygon", "MultiPolygon"):
            checked.add(schema.ZONES_FILE, zone_id, "geometry", "must be a valid (Multi)Polygon")
            continue
        checked.zone_geometries[zone_id] = geom
        expected = built.get(zone_id)
        if zone_id in built and (
            expected is None or area_km2(geom.symmetric_difference(expected)) > ZONE_TOLERANCE_KM2
        ):
            checked.add(
                schema.ZONES_FILE, zone_id, "geometry", f"differs from its definition: {rebuild}"
            )
    for zone_id in sorted(set(definitions) - in_file):
        checked.add(schema.ZONES_FILE, zone_id, WHOLE_FILE, f"zone is missing: {rebuild}")
