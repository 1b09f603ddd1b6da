"""What the map must show for one View, as a few kilobytes of JSON: which features of the
static layer document (dashboard.map.layer_data) are visible, each one's status in the year,
the district counts, the measure, the layers, the selection and the named view's extent.

This is all that travels to the browser when the year or a filter changes; the browser keeps
the geometry and restyles what it holds.
"""

from __future__ import annotations

import numpy as np

from dashboard.core.choices import Layer
from dashboard.core.scene import Scene
from dashboard.map.bounds import Bounds
from dashboard.map.layer_data import LayerIndex

# Sites counted per grid cell of this many degrees (when there are too many for markers).
CELL_DEGREES = 0.2
CELL_DECIMALS = 4


def map_state(scene: Scene, index: LayerIndex, fit: Bounds) -> dict[str, object]:
    """The state of the map for the scene's view; ``fit`` is the named view's extent, which the
    map fits to when the named view changes."""
    view = scene.view
    districts = scene.districts.assign(
        position=scene.districts["district_lgd"].map(index.districts)
    )
    districts = districts.sort_values("position")
    located = scene.sites[scene.sites.geometry.notna()]
    state: dict[str, object] = {
        "year": "all" if view.year is None else str(view.year),
        "view": view.map_view.value,
        "fit": [list(corner) for corner in fit],
        "layers": [layer.value for layer in Layer if layer in view.layers],
        "measure": view.measure.value,
        "counts": {
            "sites": [int(c) for c in districts["site_count"]],
            "zones": [int(c) for c in districts["zone_count"]],
            "blocks": [int(c) for c in districts["block_count"]],
        },
        "zones": sorted(index.zones[z] for z in scene.zones["id"] if z in index.zones),
        "links": sorted(
            [index.links[row.id], row.status_in_year] for row in scene.links.itertuples()
        ),
        "selection": view.selection.ref if view.selection else None,
        # What changed since the comparison year: [layer, position, kind] of each record the
        # map can mark (a site without a point, or a zone without an outline, has no mark).
        "changes": _change_marks(scene, index),
    }
    if index.cells:
        state["cells"] = site_cells(located.geometry.x.to_numpy(), located.geometry.y.to_numpy())
    else:
        state["sites"] = sorted(
            [index.sites[row.id], row.status_in_year or "unknown"] for row in located.itertuples()
        )
    return state


def _change_marks(scene: Scene, index: LayerIndex) -> list[list[object]]:
    positions = {"site": index.sites, "zone": index.zones, "link": index.links}
    marks: list[list[object]] = []
    for change in scene.changes:
        kind, _, key = change.ref.partition(":")
        position = positions[kind].get(key)
        if position is not None:
            marks.append([f"{kind}s", position, change.kind.value])
    return marks


def site_cells(lon: np.ndarray, lat: np.ndarray) -> list[list[float]]:
    """Sites counted per CELL_DEGREES grid cell: each cell's mean position and its count, in
    grid order (west to east, then south to north)."""
    if not len(lon):
        return []
    grid = np.column_stack([np.floor(lon / CELL_DEGREES), np.floor(lat / CELL_DEGREES)])
    _, inverse, counts = np.unique(
        grid.astype(np.int64), axis=0, return_inverse=True, return_counts=True
    )
    inverse = inverse.ravel()
    mean_lon = np.bincount(inverse, weights=lon) / counts
    mean_lat = np.bincount(inverse, weights=lat) / counts
    return [
        [round(float(x), CELL_DECIMALS), round(float(y), CELL_DECIMALS), int(n)]
        for x, y, n in zip(mean_lon, mean_lat, counts, strict=True)
    ]
