"""Draw a Scene as the map's changing layers (Folium feature groups).

These groups are what streamlit-folium re-sends when the year or a filter changes; the base map
(dashboard.map.base) stays the same, so the map keeps its view and does not flicker.
Every text that reaches a tooltip is HTML-escaped here: Leaflet inserts tooltips as HTML.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import folium
import geopandas as gpd
import numpy as np
import shapely
from branca.element import MacroElement
from jinja2 import Template

from dashboard.core.filters import year_span
from dashboard.core.messages import label, text
from dashboard.core.refs import Selection, district_ref
from dashboard.core.scene import Layer, Measure, Scene
from dashboard.map import theme

Style = dict[str, object]

# Beyond this many sites in view, single markers would swamp the browser (and the map): sites
# are then drawn as counts per grid cell, and listed in the district details.
SITE_POINT_LIMIT = 1500
CELL_DEGREES = 0.2
# Grades at which a record is a claim, not a finding: drawn so it cannot pass for a mapped one.
CLAIM_GRADES = ("claimed", "disputed")


class YearMark(MacroElement):
    """Marks the map with the year it shows (``data-year`` on the map's container), so a
    browser, a test or a screen reader can tell that the map has caught up with the slider."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        document.querySelectorAll(".leaflet-container").forEach(
            (c) => { c.dataset.year = {{ this.year | tojson }}; });
        {% endmacro %}"""
    )

    def __init__(self, year: int | None) -> None:
        super().__init__()
        self._name = "YearMark"
        self.year = "all" if year is None else str(year)


def build_overlays(scene: Scene, selection: Selection | None) -> list[folium.FeatureGroup]:
    mark = folium.FeatureGroup(name="Year", control=False)
    mark.add_child(YearMark(scene.filters.year))
    groups = [mark]
    if Layer.DISTRICTS in scene.layers:
        groups.append(_districts(scene))
    if Layer.ZONES in scene.layers and scene.zones.geometry.notna().any():
        groups.append(_zones(scene))
    if Layer.LINKS in scene.layers and len(scene.links):
        groups.append(_links(scene))
    if Layer.SITES in scene.layers:
        located = scene.sites[scene.sites.geometry.notna()]
        if len(located) > SITE_POINT_LIMIT:
            groups.append(_site_cells(located))
        elif len(located):
            groups.append(_sites(located))
    if selection is not None:
        highlight = _highlight(scene, selection)
        if highlight is not None:
            groups.append(highlight)
    return groups


def count_colour(count: int) -> str:
    return theme.COUNT_COLOURS[min(count, len(theme.COUNT_COLOURS) - 1)]


FeatureCollection = dict[str, object]
# GeoJSON of the geometries that stay the same from one rerun to the next (districts, zones,
# link paths are the same objects every time): converting them once saves most of a rerun.
_GEOMETRY_JSON: dict[int, tuple[shapely.Geometry, dict]] = {}


def _geometry_json(geometry: shapely.Geometry) -> dict:
    cached = _GEOMETRY_JSON.get(id(geometry))
    if cached is None or cached[0] is not geometry:
        cached = (geometry, shapely.geometry.mapping(geometry))
        _GEOMETRY_JSON[id(geometry)] = cached
    return cached[1]


def _escaped(
    frame: gpd.GeoDataFrame, columns: dict[str, Callable[[object], str]]
) -> FeatureCollection:
    """The frame as GeoJSON with only the display columns, each made safe for Leaflet's
    innerHTML."""
    features = [
        {
            "type": "Feature",
            "properties": {name: html.escape(make(row)) for name, make in columns.items()},
            "geometry": _geometry_json(row.geometry),
        }
        for row in frame.itertuples()
    ]
    return {"type": "FeatureCollection", "features": features}


def _shapes_only(collection: FeatureCollection) -> FeatureCollection:
    features = [
        {"type": "Feature", "properties": {}, "geometry": f["geometry"]}
        for f in collection["features"]  # type: ignore[union-attr]
    ]
    return {"type": "FeatureCollection", "features": features}


def _tooltip(**fields: str) -> folium.GeoJsonTooltip:
    """A tooltip showing each property under the catalog text named for it."""
    return folium.GeoJsonTooltip(
        fields=list(fields), aliases=[text(key) for key in fields.values()], sticky=True
    )


def _districts(scene: Scene) -> folium.FeatureGroup:
    measure = scene.measure
    count_column = {Measure.SITES: "site_count", Measure.ZONES: "zone_count"}.get(measure)
    frame = _escaped(
        scene.districts,
        {
            "ref": lambda r: district_ref(r.district_lgd),
            "district": lambda r: r.district,
            "state": lambda r: r.state,
            "sites": lambda r: str(r.site_count),
            "zones": lambda r: str(r.zone_count),
            "fill": lambda r: (
                count_colour(getattr(r, count_column))
                if count_column
                else theme.STATE_FILL[r.state]
            ),
        },
    )
    opacity = theme.COUNT_FILL_OPACITY if count_column else theme.DISTRICT_FILL_OPACITY
    group = folium.FeatureGroup(name=text("layer_districts"))
    folium.GeoJson(
        frame,
        style_function=lambda feature: {
            "fillColor": feature["properties"]["fill"],
            "fillOpacity": opacity,
            "color": theme.DISTRICT_LINE,
            "weight": 0.8,
            "className": "district",
        },
        highlight_function=lambda _: {"weight": 2.5, "color": theme.STATE_LINE},
        tooltip=_tooltip(
            district="tooltip_district",
            state="tooltip_state",
            sites="tooltip_sites",
            zones="tooltip_zones",
        ),
    ).add_to(group)
    return group


def _zones(scene: Scene) -> folium.FeatureGroup:
    drawn = scene.zones[scene.zones.geometry.notna()]
    claimed = drawn["evidence"].isin(CLAIM_GRADES)
    group = folium.FeatureGroup(name=text("layer_zones"))
    columns: dict[str, Callable[[object], str]] = {
        "ref": lambda r: f"zone:{r.id}",
        "name": lambda r: r.name,
        "kind": lambda r: label("zone_kind", r.kind),
        "evidence": lambda r: label("evidence", r.evidence),
        "basis": lambda r: label("geometry_basis", r.geometry_basis),
    }
    mapped = _escaped(drawn[~claimed], columns)
    if mapped["features"]:
        # A faint wash that clicks pass through (some zones cover a whole state, and the
        # districts beneath must stay clickable), under the dashed edge that takes the
        # zone's own clicks.
        folium.GeoJson(
            _shapes_only(mapped),
            style_function=lambda _: {
                "fillColor": theme.ZONE_FILL,
                "fillOpacity": theme.ZONE_FILL_OPACITY,
                "stroke": False,
            },
            interactive=False,
        ).add_to(group)
        edge = (theme.ZONE_FILL, theme.ZONE_LINE_WEIGHT, theme.INDICATIVE_DASH)
        _zone_edges(mapped, *edge, "zone").add_to(group)
    claims = _escaped(drawn[claimed], columns)
    if claims["features"]:
        # A claim is a dotted edge only, with no wash: it must not look like a mapped area.
        edge = (theme.CLAIMED_ZONE_LINE, theme.CLAIMED_ZONE_WEIGHT, theme.CLAIMED_ZONE_DASH)
        _zone_edges(claims, *edge, "zone zone-claimed").add_to(group)
    return group


def _zone_edges(
    zones: FeatureCollection, colour: str, weight: float, dash: str, css_class: str
) -> folium.GeoJson:
    """Zone outlines that take the zones' clicks and show their tooltip."""
    return folium.GeoJson(
        zones,
        style_function=lambda _: {
            "fill": False,
            "color": colour,
            "weight": weight,
            "dashArray": dash,
            "className": css_class,
        },
        highlight_function=lambda _: {"weight": weight + 2},
        tooltip=_tooltip(
            name="tooltip_zone",
            kind="tooltip_kind",
            evidence="tooltip_evidence",
            basis="tooltip_outline",
        ),
    )


def _links(scene: Scene) -> folium.FeatureGroup:
    columns: dict[str, Callable[[object], str]] = {
        "ref": lambda r: f"link:{r.id}",
        "name": lambda r: r.name,
        "status": lambda r: r.status_in_year,
        "status_label": lambda r: label("link_status", r.status_in_year),
        "years": lambda r: year_span(r.start_year, r.end_year),
        "evidence": lambda r: label("evidence", r.evidence),
    }
    lines = _escaped(scene.links, columns)
    group = folium.FeatureGroup(name=text("layer_links"))
    tooltip = _tooltip(
        name="tooltip_link",
        status_label="tooltip_status",
        years="tooltip_years",
        evidence="tooltip_evidence",
    )
    folium.GeoJson(
        lines,
        style_function=lambda f: {
            **theme.LINK_STYLES[f["properties"]["status"]],
            "fill": False,
            "className": "link",
        },
        highlight_function=lambda _: {"weight": 5},
        tooltip=tooltip,
    ).add_to(group)
    _add_link_ends(group, scene.links)
    return group


def _add_link_ends(group: folium.FeatureGroup, links: gpd.GeoDataFrame) -> None:
    """Direction, at the same size at every zoom: a hollow ring where a link starts, a dot
    where it arrives."""
    ends = []
    for link in links.itertuples():
        coords = list(link.geometry.coords)
        ends += [
            {"status": link.status_in_year, "end": "from", "geometry": shapely.Point(coords[0])},
            {"status": link.status_in_year, "end": "to", "geometry": shapely.Point(coords[-1])},
        ]
    frame = gpd.GeoDataFrame(ends, geometry="geometry", crs=links.crs)

    def style(feature: dict) -> Style:
        colour = theme.LINK_STYLES[feature["properties"]["status"]]["color"]
        arriving = feature["properties"]["end"] == "to"
        return {
            "color": colour,
            "weight": 2,
            "fill": True,
            "fillColor": colour if arriving else "#ffffff",
            "fillOpacity": 1,
            "radius": theme.LINK_END_RADIUS,
            "className": f"link-{feature['properties']['end']}",
        }

    folium.GeoJson(
        frame,
        marker=folium.CircleMarker(radius=theme.LINK_END_RADIUS),
        style_function=style,
        interactive=False,
    ).add_to(group)


def _sites(sites: gpd.GeoDataFrame) -> folium.FeatureGroup:
    frame = _escaped(
        sites,
        {
            "ref": lambda r: f"site:{r.id}",
            "name": lambda r: r.name,
            "kind": lambda r: r.kind,
            "kind_label": lambda r: label("site_kind", r.kind),
            "evidence": lambda r: r.evidence,
            "evidence_label": lambda r: label("evidence", r.evidence),
            "status": lambda r: r.status_in_year or "unknown",
            "status_label": lambda r: label("site_status", r.status_in_year or "unknown"),
            "precision": lambda r: label("location_precision", r.location_precision),
        },
    )
    group = folium.FeatureGroup(name=text("layer_sites"))

    def style(feature: dict) -> Style:
        properties = feature["properties"]
        ring = theme.EVIDENCE_RINGS[properties["evidence"]]
        status = properties["status"]
        return {
            **ring,
            "fill": True,
            "fillColor": theme.SITE_COLOURS[properties["kind"]],
            "fillOpacity": 0.9,
            **theme.STATUS_FILLS[theme.STATUS_GROUPS.get(status, "working")],
            "radius": theme.SITE_RADIUS,
            "className": f"site status-{status}",
        }

    folium.GeoJson(
        frame,
        marker=folium.CircleMarker(radius=theme.SITE_RADIUS),
        style_function=style,
        tooltip=_tooltip(
            name="tooltip_site",
            kind_label="tooltip_kind",
            status_label="tooltip_status",
            evidence_label="tooltip_evidence",
            precision="tooltip_location",
        ),
    ).add_to(group)
    return group


def _site_cells(sites: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """Sites counted per CELL_DEGREES grid cell, each cell a circle at the mean position of its
    sites with an area proportional to the count."""
    lon, lat = sites.geometry.x.to_numpy(), sites.geometry.y.to_numpy()
    cells = gpd.GeoDataFrame(
        {
            "cx": np.floor(lon / CELL_DEGREES).astype(int),
            "cy": np.floor(lat / CELL_DEGREES).astype(int),
            "lon": lon,
            "lat": lat,
        }
    )
    grouped = cells.groupby(["cx", "cy"], sort=True).agg(
        count=("lon", "size"), lon=("lon", "mean"), lat=("lat", "mean")
    )
    largest = int(grouped["count"].max())
    frame = gpd.GeoDataFrame(
        {
            "count": grouped["count"].to_numpy(),
            "label": [text("site_cell").format(count=int(c)) for c in grouped["count"]],
            "radius": [
                round(theme.SITE_RADIUS * (1 + 2 * math.sqrt(int(c) / largest)), 1)
                for c in grouped["count"]
            ],
        },
        geometry=gpd.points_from_xy(grouped["lon"].round(4), grouped["lat"].round(4)),
        crs=sites.crs,
    )
    group = folium.FeatureGroup(name=text("layer_sites"))
    folium.GeoJson(
        frame,
        marker=folium.CircleMarker(radius=theme.SITE_RADIUS),
        style_function=lambda feature: {
            "radius": feature["properties"]["radius"],
            "fill": True,
            "fillColor": theme.SITE_CELL_FILL,
            "fillOpacity": 0.75,
            "color": "#ffffff",
            "weight": 1,
            "className": "site-cell",
        },
        tooltip=_tooltip(label="tooltip_sites"),
    ).add_to(group)
    return group


def _highlight(scene: Scene, selection: Selection) -> folium.FeatureGroup | None:
    """A bright outline around what is selected, drawn last and not clickable."""
    geometry = None
    if selection.kind == "district":
        match = scene.districts[scene.districts["district_lgd"] == selection.district_code]
        geometry = match.geometry
    elif selection.kind == "zone":
        geometry = scene.zones.loc[scene.zones["id"] == selection.key].geometry
    elif selection.kind == "link":
        geometry = scene.links.loc[scene.links["id"] == selection.key].geometry
    elif selection.kind == "site":
        sites = scene.sites[scene.sites.geometry.notna()]
        geometry = [p.buffer(0.05) for p in sites.loc[sites["id"] == selection.key].geometry]
    if geometry is None:
        return None
    geometry = [g for g in geometry if g is not None]  # a zone may have no outline
    if not geometry:
        return None
    group = folium.FeatureGroup(name="Selected", control=False)
    folium.GeoJson(
        gpd.GeoDataFrame(geometry=list(geometry), crs="EPSG:4326"),
        style_function=lambda _: {
            "fill": False,
            "color": theme.SELECTED_LINE,
            "weight": theme.SELECTED_WEIGHT,
            "className": "selected",
        },
        interactive=False,
    ).add_to(group)
    return group
