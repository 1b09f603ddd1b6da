"""The map of a picture, drawn with geopandas and matplotlib from the same Scene and theme as
the live map, layer by layer in the live map's pane order: the light basemap from the world's
boundaries, the districts filled by the view's measure (or by state), the zones' washes and
edges, the links and their ends, the sites (status as fill, evidence as ring) or their cells,
the states' outlines, then the selection. Widths, radii and dash patterns are Leaflet's pixels
(see strokes.py); lines and markers get the live map's white halo.

``draw_map`` returns the boxes, in the frame's pixels, of every site marker and link end it
drew, so the place names can be kept off them.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba

from dashboard.core.changes import SIGNS
from dashboard.core.choices import Layer, Measure
from dashboard.core.refs import ref
from dashboard.core.scene import Scene
from dashboard.core.world import World
from dashboard.data.schema import CLAIM_GRADES
from dashboard.map import theme
from dashboard.map.layer_data import SITE_POINT_LIMIT
from dashboard.map.map_state import site_cells
from dashboard.map.picture.frame import MapFrame
from dashboard.map.picture.labels import Box, circle_box
from dashboard.map.picture.mercator import WEB_MERCATOR, mercator_xy, to_mercator
from dashboard.map.picture.strokes import dashes, halo, points

# Leaflet's panes, bottom to top (dashboard/map/base.py and js/map_controller.js).
Z_BASEMAP, Z_DISTRICTS, Z_WASH, Z_ZONES, Z_LINKS, Z_ENDS, Z_SITES = 1, 2, 3, 4, 5, 6, 7
Z_OUTLINES, Z_SELECTION = 8, 9
# Geometry this far (pixels) beyond the frame is cut off before drawing: lines running out of
# the frame still leave it at the right angle.
CLIP_MARGIN_PX = 40


def draw_map(ax: Axes, scene: Scene, world: World, frame: MapFrame) -> list[Box]:
    """Draw the scene's map on ``ax`` (whose box is the frame) and return the boxes of the
    markers drawn."""
    extent = frame.extent
    ax.set_facecolor(theme.SEA)
    clip = frame.clip_box(CLIP_MARGIN_PX)
    layers = scene.view.layers
    _basemap(ax, world, clip)
    if Layer.DISTRICTS in layers:
        _districts(ax, scene, clip)
    if Layer.ZONES in layers:
        _zones(ax, scene.zones, clip)
    markers: list[Box] = []
    if Layer.LINKS in layers:
        markers += _links(ax, scene, world, frame, clip)
    if Layer.SITES in layers:
        markers += _sites(ax, scene, world, frame)
    _plot(ax, scene.states, clip, facecolor="none", edgecolor=theme.STATE_LINE, lw=2, z=Z_OUTLINES)
    _selection(ax, scene, world, frame, clip)
    markers += _changes(ax, scene, frame)
    ax.set_xlim(extent.west, extent.east)
    ax.set_ylim(extent.south, extent.north)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_edgecolor(theme.MAP_FRAME)
        spine.set_linewidth(points(1))
    return markers


def _projected(frame: gpd.GeoDataFrame, clip: shapely.Polygon) -> gpd.GeoDataFrame:
    """The frame's rows with their geometry in Mercator metres, cut to ``clip``; rows left
    empty are dropped."""
    rows = frame[frame.geometry.notna()]
    geometry = to_mercator(rows).clip_by_rect(*clip.bounds)
    kept = ~geometry.is_empty.to_numpy()
    return gpd.GeoDataFrame(
        rows[kept].drop(columns=rows.geometry.name),
        geometry=geometry[kept].to_numpy(),
        crs=WEB_MERCATOR,
    )


def _plot(
    ax: Axes,
    frame: gpd.GeoDataFrame,
    clip: shapely.Polygon,
    *,
    lw: float,
    z: float,
    dash: str | None = None,
    glow: bool = False,
    fill_column: str | None = None,
    **style: object,
) -> None:
    """Plot a frame's geometries with one style (widths in pixels), or each filled with its
    ``fill_column``; nothing if none is left in the clip."""
    shown = _projected(frame, clip)
    if shown.empty:
        return
    if fill_column is not None:
        style["facecolor"] = list(shown[fill_column])
    shown.plot(
        ax=ax,
        aspect=None,
        linewidth=points(lw),
        linestyle=dashes(dash),
        zorder=z,
        path_effects=halo(lw) if glow else None,
        **style,
    )


def _basemap(ax: Axes, world: World, clip: shapely.Polygon) -> None:
    countries = world.boundaries.world
    india = countries["iso_a3"] == "IND"
    # India and every other country, styled as dashboard/map/base.py styles them.
    for rows, fill, line, weight in (
        (countries[~india], theme.COUNTRY_FILL, theme.COUNTRY_LINE, 0.6),
        (countries[india], theme.INDIA_FILL, theme.INDIA_LINE, 1.0),
    ):
        _plot(ax, rows, clip, facecolor=fill, edgecolor=line, lw=weight, z=Z_BASEMAP)


def _districts(ax: Axes, scene: Scene, clip: shapely.Polygon) -> None:
    districts = scene.districts
    measure = scene.view.measure
    if measure is Measure.NONE:
        fills = [
            to_rgba(theme.STATE_FILL[state], theme.DISTRICT_FILL_OPACITY)
            for state in districts["state"]
        ]
    else:
        counts = districts[f"{measure.value[:-1]}_count"]
        last = len(theme.COUNT_COLOURS) - 1
        fills = [
            to_rgba(theme.COUNT_COLOURS[min(int(count), last)], theme.COUNT_FILL_OPACITY)
            for count in counts
        ]
    edge = theme.DISTRICT_EDGE
    _plot(
        ax,
        districts.assign(fill=fills),
        clip,
        fill_column="fill",
        edgecolor=str(edge["color"]),
        lw=float(str(edge["weight"])),
        z=Z_DISTRICTS,
    )


def _zones(ax: Axes, zones: gpd.GeoDataFrame, clip: shapely.Polygon) -> None:
    outlined = zones[zones.geometry.notna()]
    claimed = outlined["evidence"].isin(CLAIM_GRADES)
    mapped = outlined[~claimed]
    _plot(
        ax,
        mapped,
        clip,
        facecolor=to_rgba(theme.ZONE_FILL, theme.ZONE_FILL_OPACITY),
        edgecolor="none",
        lw=0,
        z=Z_WASH,
    )
    _plot(
        ax,
        mapped,
        clip,
        facecolor="none",
        edgecolor=theme.ZONE_FILL,
        lw=theme.ZONE_LINE_WEIGHT,
        dash=theme.INDICATIVE_DASH,
        glow=True,
        z=Z_ZONES,
    )
    _plot(
        ax,
        outlined[claimed],
        clip,
        facecolor="none",
        edgecolor=theme.CLAIMED_ZONE_LINE,
        lw=theme.CLAIMED_ZONE_WEIGHT,
        dash=theme.CLAIMED_ZONE_DASH,
        glow=True,
        z=Z_ZONES,
    )


def _links(
    ax: Axes, scene: Scene, world: World, frame: MapFrame, clip: shapely.Polygon
) -> list[Box]:
    """Each link as the named view draws it, styled by its status, and its ends (a ring where
    it starts, a dot where it arrives) at the ends of its whole path, as the live map puts
    them."""
    links = scene.links
    for status, rows in links.groupby("status_in_year"):
        style = theme.LINK_STYLES[str(status)]
        _plot(
            ax,
            rows,
            clip,
            facecolor="none",
            edgecolor=style["color"],
            lw=style["weight"],
            dash=style["dashArray"],
            glow=True,
            z=Z_LINKS,
        )
    whole = world.geography.link_paths.set_index("id").geometry
    markers: list[Box] = []
    radius = theme.LINK_END_RADIUS
    for link in links.itertuples():
        coords = shapely.get_coordinates(whole[link.id])
        colour = theme.LINK_STYLES[link.status_in_year]["color"]
        for (lon, lat), fill in ((coords[0], theme.LINK_START_FILL), (coords[-1], colour)):
            x, y = mercator_xy(np.array([lon]), np.array([lat]))
            ax.scatter(
                x,
                y,
                s=points(2 * radius) ** 2,
                facecolor=fill,
                edgecolor=colour,
                linewidths=points(theme.LINK_END_WEIGHT),
                zorder=Z_ENDS,
                path_effects=halo(theme.LINK_END_WEIGHT),
            )
            markers.append(circle_box(*frame.to_px(float(x[0]), float(y[0])), radius + 2))
    return markers


def _sites(ax: Axes, scene: Scene, world: World, frame: MapFrame) -> list[Box]:
    located = scene.sites[scene.sites.geometry.notna()]
    if located.empty:
        return []
    lon = located.geometry.x.to_numpy()
    lat = located.geometry.y.to_numpy()
    if shows_cells(world):
        return _site_cells(ax, lon, lat, frame)
    x, y = mercator_xy(lon, lat)
    reach = _site_extent()
    markers = [
        circle_box(*frame.to_px(float(a), float(b)), reach) for a, b in zip(x, y, strict=True)
    ]
    groups = [theme.STATUS_GROUPS.get(str(s), "working") for s in located["status_in_year"]]
    for grade, ring in theme.EVIDENCE_RINGS.items():
        chosen = (located["evidence"] == grade).to_numpy()
        if not chosen.any():
            continue
        fills = [
            _status_fill(kind, group)
            for kind, group, keep in zip(located["kind"], groups, chosen, strict=True)
            if keep
        ]
        ax.scatter(
            x[chosen],
            y[chosen],
            s=points(2 * theme.SITE_RADIUS) ** 2,
            facecolors=fills,
            edgecolors=ring["color"],
            linewidths=points(ring["weight"]),
            linestyles=[dashes(ring["dashArray"])],
            zorder=Z_SITES,
            path_effects=halo(ring["weight"]),
        )
    return markers


def shows_cells(world: World) -> bool:
    """Whether the live map shows this dataset's sites as counts per cell."""
    return int(world.dataset.sites.geometry.notna().sum()) > SITE_POINT_LIMIT


def _site_extent() -> float:
    """A site marker's radius in pixels, with its ring and halo."""
    widest = max(ring["weight"] for ring in theme.EVIDENCE_RINGS.values())
    return theme.SITE_RADIUS + widest / 2 + 1


def _status_fill(kind: str, group: str) -> tuple[float, float, float, float]:
    """A site's fill: its kind's colour, as its status in the year asks."""
    style = {"fillColor": theme.SITE_COLOURS.get(kind, "#777777")} | dict(theme.STATUS_FILLS[group])
    return to_rgba(str(style["fillColor"]), float(style["fillOpacity"]))


def _site_cells(ax: Axes, lon: np.ndarray, lat: np.ndarray, frame: MapFrame) -> list[Box]:
    """Sites counted per cell, one disc each, its area growing with the count (as the live
    map draws them)."""
    cells = np.array(site_cells(lon, lat))
    counts = cells[:, 2]
    radii = theme.SITE_RADIUS * (1 + 2 * np.sqrt(counts / counts.max()))
    x, y = mercator_xy(cells[:, 0], cells[:, 1])
    cell = theme.SITE_CELL
    ax.scatter(
        x,
        y,
        s=points(2 * radii) ** 2,
        facecolor=to_rgba(cell["fillColor"], cell["fillOpacity"]),
        edgecolor=cell["color"],
        linewidths=points(cell["weight"]),
        zorder=Z_SITES,
    )
    return [
        circle_box(*frame.to_px(float(a), float(b)), float(r) + 1)
        for a, b, r in zip(x, y, radii, strict=True)
    ]


def _selection(
    ax: Axes, scene: Scene, world: World, frame: MapFrame, clip: shapely.Polygon
) -> None:
    """The selected record's outline, or a picked organisation's records' outlines, where the
    view shows them (as the live map outlines them)."""
    selection, layers = scene.view.selection, scene.view.layers
    refs = set(scene.highlight) | ({selection.ref} if selection else set())
    if not refs:
        return
    frames: list[gpd.GeoDataFrame] = []
    if selection is not None and selection.kind == "district" and Layer.DISTRICTS in layers:
        districts = scene.districts
        frames.append(districts[districts["district_lgd"] == selection.district_code])
    for layer, kind, shown in (
        (Layer.ZONES, "zone", scene.zones),
        (Layer.LINKS, "link", scene.links),
    ):
        if layer in layers:
            frames.append(shown[shown["id"].map(lambda key, k=kind: ref(k, key) in refs)])
    for outlined in frames:
        if not outlined.empty:
            _plot(
                ax,
                outlined,
                clip,
                facecolor="none",
                edgecolor=theme.SELECTED_LINE,
                lw=theme.SELECTED_WEIGHT,
                glow=True,
                z=Z_SELECTION,
            )
    if Layer.SITES in layers and not shows_cells(world):
        chosen = scene.sites["id"].map(lambda key: ref("site", key) in refs)
        site = scene.sites[chosen & scene.sites.geometry.notna()]
        if not site.empty:
            x, y = mercator_xy(site.geometry.x.to_numpy(), site.geometry.y.to_numpy())
            radius = theme.SITE_RADIUS + theme.SELECTED_RING_EXTRA
            ax.scatter(
                x,
                y,
                s=points(2 * radius) ** 2,
                facecolor="none",
                edgecolor=theme.SELECTED_LINE,
                linewidths=points(theme.SELECTED_WEIGHT),
                zorder=Z_SELECTION,
                path_effects=halo(theme.SELECTED_WEIGHT),
            )


# The signs of what changed since the comparison year, as the live map draws them.
CHANGE_COLOURS = {
    "appeared": theme.CHANGE_APPEARED,
    "changed": theme.CHANGE_CHANGED,
    "ended": theme.CHANGE_ENDED,
}
CHANGE_BOX = {"appeared": "circle", "changed": "round", "ended": "square"}


def _changes(ax: Axes, scene: Scene, frame: MapFrame) -> list[Box]:
    """A sign beside each changed site, zone and link the view shows (up and right of it)."""
    layers = scene.view.layers
    anchors: dict[str, shapely.Geometry] = {}
    if Layer.SITES in layers:
        located = scene.sites[scene.sites.geometry.notna()]
        anchors |= {ref("site", k): g for k, g in zip(located["id"], located.geometry, strict=True)}
    if Layer.ZONES in layers:
        outlined = scene.zones[scene.zones.geometry.notna()]
        anchors |= {
            ref("zone", k): g.representative_point()
            for k, g in zip(outlined["id"], outlined.geometry, strict=True)
        }
    if Layer.LINKS in layers:
        drawn = scene.links[~scene.links.geometry.is_empty]
        anchors |= {
            ref("link", k): g.interpolate(0.5, normalized=True)
            for k, g in zip(drawn["id"], drawn.geometry, strict=True)
        }
    boxes: list[Box] = []
    for change in scene.changes:
        point = anchors.get(change.ref)
        if point is None:
            continue
        kind = change.kind.value
        (x,), (y,) = mercator_xy(np.array([point.x]), np.array([point.y]))
        px, py = frame.to_px(float(x), float(y))
        if not (0 <= px <= frame.width and 0 <= py <= frame.height):
            continue
        ax.annotate(
            SIGNS[change.kind],
            (x, y),
            xytext=(points(10), points(10)),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=points(11),
            fontweight="bold",
            color=theme.HALO,
            zorder=Z_SELECTION + 1,
            bbox={
                "boxstyle": f"{CHANGE_BOX[kind]},pad=0.25",
                "facecolor": CHANGE_COLOURS[kind],
                "edgecolor": theme.HALO,
                "linewidth": points(1.5),
            },
        )
        boxes.append(circle_box(px + 10, py - 10, 9))
    return boxes
