"""Orientation labels on a picture: which place names show at the picture's zoom, and where
each goes so that no two overlap and none covers a site marker, as the live map places them
(dashboard/map/js/map_labels.js).

Placement is greedy, in the theme's order of kinds (LABEL_ORDER: the two states first,
district names last). Each label tries its places in order (a point's name to the right of its
dot, then left, above, below; an area's name on its point, then shifted a little) and takes the
first one that is inside the frame and free; a label with no free place is left out, as the
live map leaves it for a closer zoom.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.map import theme

# A point's kind has a dot beside its name; the others are centred on their point.
POINT_KINDS = frozenset({"national_capital", "capital", "port", "district_hq", "town"})
# District names are not rows of labels.csv: they show at the district's inner point from
# this zoom on (geodata/README.md, labels.csv).
DISTRICT_MIN_ZOOM = theme.DISTRICT_LABEL_ZOOM
# Half the room kept free between two labels, around each label's box.
PADDING = theme.LABEL_GAP / 2
# Between a point's dot and its name.
OFFSET = theme.LABEL_DOT_PX / 2 + theme.LABEL_GAP
# Where an area's name may go, in its own widths and heights off its point, nearest first
# (as the live map tries them: dashboard/map/js/map_labels.js).
AREA_SHIFTS = sorted(
    ((dx, dy) for dx in (0, 0.5, -0.5) for dy in (0, -1.6, 1.6, -3.2, 3.2)),
    key=lambda shift: math.hypot(shift[0] * 4, shift[1]),
)


@dataclass(frozen=True)
class Box:
    """A rectangle in the picture's pixels (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """Whether the two share any area."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def inside(self, frame: Box) -> bool:
        """Whether the box lies wholly inside ``frame``."""
        return (
            frame.left <= self.left
            and self.right <= frame.right
            and frame.top <= self.top
            and self.bottom <= frame.bottom
        )


def circle_box(x: float, y: float, radius: float) -> Box:
    """The box around a circle (a site marker or a label's dot)."""
    return Box(x - radius, y - radius, x + radius, y + radius)


@dataclass(frozen=True)
class Spot:
    """One place a label may take: its box and where its text is anchored."""

    box: Box
    x: float
    y: float
    ha: str  # matplotlib's horizontal alignment of the text at (x, y)


@dataclass(frozen=True)
class Candidate:
    """A label that may be placed: its text and kind, its dot (for a point) and its places in
    order of preference."""

    text: str
    kind: str
    spots: tuple[Spot, ...]
    dot: Box | None = None


def spots_around(x: float, y: float, width: float, height: float, point: bool) -> tuple[Spot, ...]:
    """The places for a ``width`` x ``height`` label of a point at (x, y): right, left, above,
    below the point; or, for an area, centred on it, then shifted by parts of its size."""
    half = height / 2
    if not point:
        return tuple(
            _spot(
                x - width / 2 + dx * width,
                y - half + dy * height,
                width,
                height,
                x + dx * width,
                "center",
            )
            for dx, dy in AREA_SHIFTS
        )
    return (
        _spot(x + OFFSET, y - half, width, height, x + OFFSET, "left"),
        _spot(x - OFFSET - width, y - half, width, height, x - OFFSET, "right"),
        _spot(x - width / 2, y - OFFSET - height, width, height, x, "center"),
        _spot(x - width / 2, y + OFFSET, width, height, x, "center"),
    )


def _spot(left: float, top: float, width: float, height: float, x: float, ha: str) -> Spot:
    box = Box(left - PADDING, top - PADDING, left + width + PADDING, top + height + PADDING)
    return Spot(box, x, top + height / 2, ha)


def rank(kind: str) -> int:
    """Where a kind of label comes in the order of placing (unknown kinds last)."""
    order = theme.LABEL_ORDER
    return order.index(kind) if kind in order else len(order)


def place_labels(
    candidates: Sequence[Candidate], obstacles: Iterable[Box], frame: Box
) -> list[tuple[Candidate, Spot]]:
    """The labels placed, each at its first free place, in the theme's order of kinds (the
    candidates' own order within a kind): free means inside ``frame`` and overlapping neither
    an obstacle (a site marker) nor a label placed before, nor its dot."""
    taken = list(obstacles)
    placed: list[tuple[Candidate, Spot]] = []
    for candidate in sorted(candidates, key=lambda c: rank(c.kind)):
        if candidate.dot is not None and not _free(candidate.dot, taken, frame):
            continue
        for spot in candidate.spots:
            if _free(spot.box, taken, frame):
                taken.append(spot.box)
                if candidate.dot is not None:
                    taken.append(candidate.dot)
                placed.append((candidate, spot))
                break
    return placed


def _free(box: Box, taken: list[Box], frame: Box) -> bool:
    return box.inside(frame) and not any(box.overlaps(other) for other in taken)


def shown_at(labels: pd.DataFrame, zoom: float) -> pd.DataFrame:
    """The labels the live map would show at ``zoom``: from ``min_zoom`` up to ``max_zoom``."""
    upper = labels["max_zoom"].isna() | (labels["max_zoom"] >= zoom)
    return labels[(labels["min_zoom"] <= zoom) & upper.fillna(True).astype(bool)]


def candidates_from(
    names: Iterable[tuple[str, str, float, float]],
    measure: Callable[[str, str], tuple[float, float]],
    dot_radius: float,
) -> list[Candidate]:
    """Candidates for (text, kind, x, y) in pixels, sized by ``measure(text, kind)`` (the
    width and height its style gives it)."""
    candidates = []
    for text, kind, x, y in names:
        width, height = measure(text, kind)
        point = kind in POINT_KINDS
        dot = circle_box(x, y, dot_radius) if point else None
        candidates.append(Candidate(text, kind, spots_around(x, y, width, height, point), dot))
    return candidates
