"""Orientation labels: a point on the globe, shown over a sensible range of zooms, a label for
a place in Andhra Pradesh or Odisha placed inside them (a swapped latitude and longitude lands
it elsewhere), and one national capital per country, naming a country on the map."""

from __future__ import annotations

import geopandas as gpd
import shapely

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries
from dashboard.data.geometry import METRIC_CRS, WGS84
from dashboard.data.records import Checked, Record

# Leaflet's zoom levels the map uses.
ZOOMS = range(0, 19)
# The kinds of label that stand for a place in the two states.
IN_THE_STATES = ("state", "capital", "port", "district_hq", "town")
# A coastal town on the simplified coastline may sit just off the outline.
STATES_TOLERANCE_M = 5_000


def check(checked: Checked, boundaries: Boundaries) -> None:
    """Latitude and longitude in range, zooms in Leaflet's range and in order, and a label of a
    place in the two states inside them."""
    states = boundaries.states.to_crs(METRIC_CRS).union_all().buffer(STATES_TOLERANCE_M)
    _check_capitals(checked, set(boundaries.world["iso_a3"]))
    for record in checked.of(schema.LABELS):
        lat, lon = record.number("lat"), record.number("lon")
        if lat is not None and not -90 <= lat <= 90:
            checked.add(schema.LABELS, record, "lat", f"{lat:g} is not a latitude")
            lat = None
        if lon is not None and not -180 <= lon <= 180:
            checked.add(schema.LABELS, record, "lon", f"{lon:g} is not a longitude")
            lon = None
        _check_zooms(checked, record)
        if lat is None or lon is None or record.text("kind") not in IN_THE_STATES:
            continue
        point = gpd.GeoSeries([shapely.Point(lon, lat)], crs=WGS84).to_crs(METRIC_CRS).iloc[0]
        if not states.contains(point):
            checked.add(
                schema.LABELS,
                record,
                "lat",
                f"({lat:g}, {lon:g}) is not in Andhra Pradesh or Odisha, as a "
                f"{record.text('kind')} label must be (latitude and longitude swapped?)",
            )


def _check_capitals(checked: Checked, countries: set[str]) -> None:
    capitals: dict[str, str] = {}
    for record in checked.of(schema.LABELS):
        country, capital = record.text("country"), record.text("kind") == "national_capital"
        if capital and country is None:
            checked.add(schema.LABELS, record, "country", "a national capital names its country")
        elif not capital and country is not None:
            checked.add(schema.LABELS, record, "country", "only a national capital has a country")
        elif country is not None and country not in countries:
            checked.add(schema.LABELS, record, "country", f"{country!r} is not in world.geojson")
        elif country is not None and country in capitals:
            message = f"{country} already has its capital in {capitals[country]}"
            checked.add(schema.LABELS, record, "country", message)
        elif country is not None:
            capitals[country] = record.label


def _check_zooms(checked: Checked, record: Record) -> None:
    low, high = record.integer("min_zoom"), record.integer("max_zoom")
    for name, zoom in (("min_zoom", low), ("max_zoom", high)):
        if zoom is not None and zoom not in ZOOMS:
            checked.add(schema.LABELS, record, name, f"{zoom} is not a zoom level (0 to 18)")
    if low is not None and high is not None and high < low:
        checked.add(schema.LABELS, record, "max_zoom", f"{high} is below min_zoom {low}")
