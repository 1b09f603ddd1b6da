"""Leaflet's strokes in matplotlib's terms: Leaflet measures widths and dash patterns in CSS
pixels, matplotlib in points (3/4 of a pixel), and the live map gives every line and marker a
thin white halo (a CSS drop shadow), drawn here as a wider white stroke beneath it."""

from __future__ import annotations

from matplotlib import patheffects
from matplotlib.typing import LineStyleType

from dashboard.map import theme
from dashboard.map.picture.layout import POINTS_PER_PX

# The halo's width on each side of a stroke, in pixels.
HALO_PX = 1.0


def points(px: float) -> float:
    """A length in CSS pixels as matplotlib's points."""
    return px * POINTS_PER_PX


def dashes(dash_array: str | None) -> LineStyleType:
    """Leaflet's ``dashArray`` ("4 3", pixels) as a matplotlib line style (points, which the
    picture does not scale by the line's width: ``lines.scale_dashes`` is off)."""
    if not dash_array:
        return "solid"
    return (0.0, tuple(points(float(part)) for part in dash_array.replace(",", " ").split()))


def halo(weight_px: float) -> list[patheffects.AbstractPathEffect]:
    """The path effects that put a white halo under a stroke ``weight_px`` wide."""
    return [
        patheffects.Stroke(linewidth=points(weight_px + 2 * HALO_PX), foreground=theme.HALO),
        patheffects.Normal(),
    ]
