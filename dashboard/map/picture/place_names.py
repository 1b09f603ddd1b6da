"""The place names on a picture's map: the orientation labels (geodata/labels.csv) the live
map shows at the picture's zoom and, from zoom 8, each district's name at its inner point,
placed by labels.place_labels off each other and off the markers, and drawn with a white halo
(a separate outline under the text, so the name itself stays text in SVG and PDF)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes

from dashboard.core.world import World
from dashboard.data.longitude import map_longitude
from dashboard.map import theme
from dashboard.map.picture.frame import MapFrame
from dashboard.map.picture.labels import (
    DISTRICT_MIN_ZOOM,
    Box,
    Candidate,
    Spot,
    candidates_from,
    place_labels,
    shown_at,
)
from dashboard.map.picture.mercator import mercator_xy
from dashboard.map.picture.strokes import points
from dashboard.map.picture.typeset import TextStyle, Typesetter

Z_LABELS = 20
HALO_PX = 3.0
LINE_HEIGHT = 1.15  # a label's box is this many times its type size tall


def names_in_view(world: World, frame: MapFrame) -> list[tuple[str, str, float, float]]:
    """(text, kind, x, y in the frame's pixels) of every name shown at the frame's zoom, in
    the world's language: the labels the live map shows at that zoom and, from zoom 8, the
    districts' names."""
    zoom = frame.zoom
    labels = shown_at(world.dataset.labels, zoom)
    lon = np.array([map_longitude(float(v)) for v in labels["lon"]])
    names = _at(labels["name"], labels["kind"], lon, labels["lat"].to_numpy(float), frame)
    if zoom >= DISTRICT_MIN_ZOOM:
        districts = world.boundaries.districts
        inner = districts.geometry.representative_point()
        names += _at(
            districts["district"],
            ["district"] * len(districts),
            inner.x.to_numpy(),
            inner.y.to_numpy(),
            frame,
        )
    return names


def _at(
    texts: Iterable[object], kinds: Iterable[str], lon: np.ndarray, lat: np.ndarray, frame: MapFrame
) -> list[tuple[str, str, float, float]]:
    x, y = mercator_xy(lon, lat)
    return [
        (str(text), str(kind), *frame.to_px(float(a), float(b)))
        for text, kind, a, b in zip(texts, kinds, x, y, strict=True)
    ]


def style_of(kind: str) -> TextStyle:
    """The type of a kind of name, as the live map sets it (theme.LABEL_TYPE; a weight of 600
    or more is set bold)."""
    size, weight, ink = theme.LABEL_TYPE.get(kind, theme.LABEL_TYPE["*"])
    return TextStyle(size, bold=weight >= 600, colour=ink)


def placed_names(
    world: World, frame: MapFrame, markers: Iterable[Box], typesetter: Typesetter
) -> list[tuple[Candidate, Spot]]:
    """The names that fit, each where it goes, off the markers and each other."""

    def measure(text: str, kind: str) -> tuple[float, float]:
        style = style_of(kind)
        return typesetter.width(text, style), style.size * LINE_HEIGHT

    candidates = candidates_from(names_in_view(world, frame), measure, theme.LABEL_DOT_PX / 2)
    return place_labels(candidates, markers, Box(0, 0, frame.width, frame.height))


def draw_names(
    ax: Axes, placed: Iterable[tuple[Candidate, Spot]], frame: MapFrame, typesetter: Typesetter
) -> None:
    """Draw the placed names (and a point's dot) on the map's axes."""
    outline = [patheffects.Stroke(linewidth=points(HALO_PX), foreground=theme.HALO)]
    for candidate, spot in placed:
        style = style_of(candidate.kind)
        font = typesetter.font(style)
        x, y = frame.to_metres(spot.x, spot.y)
        for colour, effects in ((theme.HALO, outline), (style.colour, None)):
            ax.text(
                x,
                y,
                candidate.text,
                fontproperties=font,
                color=colour,
                path_effects=effects,
                ha=spot.ha,
                va="center",
                zorder=Z_LABELS,
            )
        if candidate.dot is not None:
            dot_x, dot_y = frame.to_metres(
                (candidate.dot.left + candidate.dot.right) / 2,
                (candidate.dot.top + candidate.dot.bottom) / 2,
            )
            ax.scatter(
                [dot_x],
                [dot_y],
                s=points(theme.LABEL_DOT_PX) ** 2,
                color=theme.LABEL_INK,
                edgecolor=theme.HALO,
                linewidths=points(1),
                zorder=Z_LABELS,
            )
