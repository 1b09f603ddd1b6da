"""Draw a Scene as the map's changing layers (Folium feature groups).

These groups are what streamlit-folium re-sends when the year or a filter changes; the base map
(dashboard.map.base) stays the same, so the map keeps its view and does not flicker. Each layer
is one ``Drawing``: how its features are styled and what a pointer on them gets. Every text
that reaches a tooltip is HTML-escaped here: Leaflet inserts tooltips as HTML.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import folium
import geopandas as gpd
import numpy as np
import shapely
from branca.element import MacroElement
from jinja2 import Template

from dashboard.core.choices import Layer, Measure
from dashboard.core.filters import year_span
from dashboard.core.messages import label, text
from dashboard.core.refs import Selection, district_ref, ref
from dashboard.core.scene import Scene
from dashboard.data.schema import CLAIM_GRADES
from dashboard.map import theme

Style = dict[str, object]
FeatureCollection = dict[str, object]
Columns = Mapping[str, Callable[[object], str]]

# Beyond this many sites in view, single markers would swamp the browser (and the map): sites
# are then drawn as counts per grid cell, and listed in the district details.
SITE_POINT_LIMIT = 1500
CELL_DEGREES = 0.2


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


@dataclass(frozen=True)
class Drawing:
    """How one set of features is drawn: a style per feature, and for interactive features
    the tooltip (property -> catalog key) and the style under the pointer. ``marker_radius``
    draws points as circles of that many pixels."""

    style: Callable[[dict], Style]
    tooltip: Mapping[str, str] | None = None
    highlight: Style | None = None
    marker_radius: float | None = None

    def draw(self, features: FeatureCollection | gpd.GeoDataFrame) -> folium.GeoJson:
        """The features as one GeoJSON layer; without a tooltip, clicks pass through."""
        tooltip = None
        if self.tooltip:
            aliases = [text(key) for key in self.tooltip.values()]
            tooltip = folium.GeoJsonTooltip(fields=list(self.tooltip), aliases=aliases, sticky=True)
        highlight = self.highlight
        return folium.GeoJson(
            features,
            style_function=self.style,
            highlight_function=(lambda _: highlight) if highlight else None,
            tooltip=tooltip,
            interactive=tooltip is not None,
            marker=(folium.CircleMarker(radius=self.marker_radius) if self.marker_radius else None),
        )


def draws_site_cells(scene: Scene) -> bool:
    """Whether the sites in view are too many for single markers (and so counted per cell)."""
    return int(scene.sites.geometry.notna().sum()) > SITE_POINT_LIMIT


def build_overlays(scene: Scene) -> list[folium.FeatureGroup]:
    """The scene's layers, in drawing order, and an outline around the view's selection."""
    mark = folium.FeatureGroup(name="Year", control=False)
    mark.add_child(YearMark(scene.view.year))
    groups = [mark]
    layers = scene.view.layers
    if Layer.DISTRICTS in layers:
        groups.append(_districts(scene))
    if Layer.ZONES in layers and scene.zones.geometry.notna().any():
        groups.append(_zones(scene))
    if Layer.LINKS in layers and len(scene.links):
        groups.append(_links(scene))
    located = scene.sites[scene.sites.geometry.notna()]
    if Layer.SITES in layers and len(located):
        groups.append(_site_cells(located) if draws_site_cells(scene) else _sites(located))
    if scene.view.selection is not None:
        highlight = _highlight(scene, scene.view.selection)
        if highlight is not None:
            groups.append(highlight)
    return groups


def count_colour(count: int) -> str:
    """The choropleth colour of a count (the last bin takes every larger count)."""
    return theme.COUNT_COLOURS[min(count, len(theme.COUNT_COLOURS) - 1)]


# GeoJSON of the geometries that stay the same from one rerun to the next (districts, zones,
# link paths are the same objects every time): converting them once saves most of a rerun.
_GEOMETRY_JSON: dict[int, tuple[shapely.Geometry, dict]] = {}


def _geometry_json(geometry: shapely.Geometry) -> dict:
    cached = _GEOMETRY_JSON.get(id(geometry))
    if cached is None or cached[0] is not geometry:
        cached = (geometry, shapely.geometry.mapping(geometry))
        _GEOMETRY_JSON[id(geometry)] = cached
    return cached[1]


def _escaped(frame: gpd.GeoDataFrame, columns: Columns) -> FeatureCollection:
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


def _group(name_key: str, *layers: folium.GeoJson) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=text(name_key))
    for layer in layers:
        layer.add_to(group)
    return group


# --- districts ---------------------------------------------------------------------------

DISTRICT_TOOLTIP = {
    "district": "tooltip_district",
    "state": "tooltip_state",
    "sites": "tooltip_sites",
    "zones": "tooltip_zones",
}


def _districts(scene: Scene) -> folium.FeatureGroup:
    count_column = {Measure.SITES: "site_count", Measure.ZONES: "zone_count"}.get(
        scene.view.measure
    )
    features = _escaped(
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
    drawing = Drawing(
        style=lambda feature: {
            **theme.DISTRICT_EDGE,
            "fillColor": feature["properties"]["fill"],
            "fillOpacity": opacity,
        },
        tooltip=DISTRICT_TOOLTIP,
        highlight={"weight": 2.5, "color": theme.STATE_LINE},
    )
    return _group("layer_districts", drawing.draw(features))


# --- zones -------------------------------------------------------------------------------

ZONE_TOOLTIP = {
    "name": "tooltip_zone",
    "kind": "tooltip_kind",
    "evidence": "tooltip_evidence",
    "basis": "tooltip_outline",
}
ZONE_COLUMNS: Columns = {
    "ref": lambda r: ref("zone", r.id),
    "name": lambda r: r.name,
    "kind": lambda r: label("zone_kind", r.kind),
    "evidence": lambda r: label("evidence", r.evidence),
    "basis": lambda r: label("geometry_basis", r.geometry_basis),
}
# A faint wash that clicks pass through: some zones cover much of a state, and the districts
# beneath must stay clickable.
ZONE_WASH = Drawing(
    style=lambda _: {
        "fillColor": theme.ZONE_FILL,
        "fillOpacity": theme.ZONE_FILL_OPACITY,
        "stroke": False,
    }
)


def _zone_edge(colour: str, weight: float, dash: str, css_class: str) -> Drawing:
    """A zone's outline, which takes its clicks and shows its tooltip."""
    return Drawing(
        style=lambda _: {
            "fill": False,
            "color": colour,
            "weight": weight,
            "dashArray": dash,
            "className": css_class,
        },
        tooltip=ZONE_TOOLTIP,
        highlight={"weight": weight + 2},
    )


MAPPED_ZONE_EDGE = _zone_edge(
    theme.ZONE_FILL, theme.ZONE_LINE_WEIGHT, theme.INDICATIVE_DASH, "zone"
)
# A claim is a dotted edge only, with no wash: it must not look like a mapped area.
CLAIMED_ZONE_EDGE = _zone_edge(
    theme.CLAIMED_ZONE_LINE, theme.CLAIMED_ZONE_WEIGHT, theme.CLAIMED_ZONE_DASH, "zone zone-claimed"
)


def _zones(scene: Scene) -> folium.FeatureGroup:
    drawn = scene.zones[scene.zones.geometry.notna()]
    claimed = drawn["evidence"].isin(CLAIM_GRADES)
    mapped = _escaped(drawn[~claimed], ZONE_COLUMNS)
    claims = _escaped(drawn[claimed], ZONE_COLUMNS)
    layers = []
    if mapped["features"]:
        layers += [ZONE_WASH.draw(_shapes_only(mapped)), MAPPED_ZONE_EDGE.draw(mapped)]
    if claims["features"]:
        layers.append(CLAIMED_ZONE_EDGE.draw(claims))
    return _group("layer_zones", *layers)


# --- links -------------------------------------------------------------------------------

LINK_LINES = Drawing(
    style=lambda feature: {
        **theme.LINK_STYLES[feature["properties"]["status"]],
        "fill": False,
        "className": "link",
    },
    tooltip={
        "name": "tooltip_link",
        "status_label": "tooltip_status",
        "years": "tooltip_years",
        "evidence": "tooltip_evidence",
    },
    highlight={"weight": 5},
)


def _link_end_style(feature: dict) -> Style:
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


# Direction, at the same size at every zoom: a hollow ring where a link starts, a dot where it
# arrives.
LINK_ENDS = Drawing(style=_link_end_style, marker_radius=theme.LINK_END_RADIUS)


def _links(scene: Scene) -> folium.FeatureGroup:
    lines = _escaped(
        scene.links,
        {
            "ref": lambda r: ref("link", r.id),
            "name": lambda r: r.name,
            "status": lambda r: r.status_in_year,
            "status_label": lambda r: label("link_status", r.status_in_year),
            "years": lambda r: year_span(r.start_year, r.end_year),
            "evidence": lambda r: label("evidence", r.evidence),
        },
    )
    ends = []
    for link in scene.links.itertuples():
        coords = list(link.geometry.coords)
        ends += [
            {"status": link.status_in_year, "end": "from", "geometry": shapely.Point(coords[0])},
            {"status": link.status_in_year, "end": "to", "geometry": shapely.Point(coords[-1])},
        ]
    end_frame = gpd.GeoDataFrame(ends, geometry="geometry", crs=scene.links.crs)
    return _group("layer_links", LINK_LINES.draw(lines), LINK_ENDS.draw(end_frame))


# --- sites -------------------------------------------------------------------------------


def _site_style(feature: dict) -> Style:
    properties = feature["properties"]
    status = properties["status"]
    return {
        **theme.EVIDENCE_RINGS[properties["evidence"]],
        "fill": True,
        "fillColor": theme.SITE_COLOURS[properties["kind"]],
        "fillOpacity": 0.9,
        **theme.STATUS_FILLS[theme.STATUS_GROUPS.get(status, "working")],
        "radius": theme.SITE_RADIUS,
        "className": f"site status-{status}",
    }


SITE_MARKERS = Drawing(
    style=_site_style,
    tooltip={
        "name": "tooltip_site",
        "kind_label": "tooltip_kind",
        "status_label": "tooltip_status",
        "evidence_label": "tooltip_evidence",
        "precision": "tooltip_location",
    },
    marker_radius=theme.SITE_RADIUS,
)
SITE_CELLS = Drawing(
    style=lambda feature: {**theme.SITE_CELL, "radius": feature["properties"]["radius"]},
    tooltip={"label": "tooltip_sites"},
    marker_radius=theme.SITE_RADIUS,
)


def _sites(sites: gpd.GeoDataFrame) -> folium.FeatureGroup:
    features = _escaped(
        sites,
        {
            "ref": lambda r: ref("site", r.id),
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
    return _group("layer_sites", SITE_MARKERS.draw(features))


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
    return _group("layer_sites", SITE_CELLS.draw(frame))


# --- the selection ----------------------------------------------------------------------

SELECTION_OUTLINE = Drawing(
    style=lambda _: {
        "fill": False,
        "color": theme.SELECTED_LINE,
        "weight": theme.SELECTED_WEIGHT,
        "className": "selected",
    }
)


def _highlight(scene: Scene, selection: Selection) -> folium.FeatureGroup | None:
    """A bright outline around what is selected, drawn last and not clickable."""
    if selection.kind == "district":
        frame = scene.districts[scene.districts["district_lgd"] == selection.district_code]
        shapes = list(frame.geometry)
    elif selection.kind == "site":
        sites = scene.sites[scene.sites.geometry.notna()]
        shapes = [p.buffer(0.05) for p in sites.loc[sites["id"] == selection.key].geometry]
    else:
        frame = scene.zones if selection.kind == "zone" else scene.links
        shapes = [g for g in frame.loc[frame["id"] == selection.key].geometry if g is not None]
    if not shapes:
        return None
    group = folium.FeatureGroup(name="Selected", control=False)
    SELECTION_OUTLINE.draw(gpd.GeoDataFrame(geometry=shapes, crs=scene.districts.crs)).add_to(group)
    return group
