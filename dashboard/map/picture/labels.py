"""Orientation labels on a picture: which place names show at the picture's zoom, and where
each goes so that no two overlap and none covers a site marker.

Placement is greedy, by priority: the two states first, then the capitals, ports and seas,
then the neighbours and smaller towns, district names last. Each label tries its places in
order (a point's name to its right, left, above, below; an area's name centred on it) and
takes the first one that is inside the frame and free; a label with no free place is left
out, as the live map leaves it for a closer zoom.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

# Label kinds in the order they are placed; a point's kind has a dot beside its name.
PRIORITY = (
    "state",
    "national_capital",
    "capital",
    "country",
    "port",
    "sea",
    "neighbour_state",
    "district_hq",
    "town",
    "district",
)
POINT_KINDS = frozenset({"national_capital", "capital", "port", "district_hq", "town"})
# District names are not rows of labels.csv: they show at the district's inner point from
# this zoom on (geodata/README.md, labels.csv).
DISTRICT_MIN_ZOOM = 8
# Pixels between a point's dot and its name, and around every label's box.
OFFSET = 4
PADDING = 1.5


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
    below the point; or, for an area, centred on it."""
    half = height / 2
    if not point:
        return (_spot(x - width / 2, y - half, width, height, x, "center"),)
    return (
        _spot(x + OFFSET, y - half, width, height, x + OFFSET, "left"),
        _spot(x - OFFSET - width, y - half, width, height, x - OFFSET, "right"),
        _spot(x - width / 2, y - OFFSET - height, width, height, x, "center"),
        _spot(x - width / 2, y + OFFSET, width, height, x, "center"),
    )


def _spot(left: float, top: float, width: float, height: float, x: float, ha: str) -> Spot:
    box = Box(left - PADDING, top - PADDING, left + width + PADDING, top + height + PADDING)
    return Spot(box, x, top + height / 2, ha)


def place_labels(
    candidates: Sequence[Candidate], obstacles: Iterable[Box], frame: Box
) -> list[tuple[Candidate, Spot]]:
    """The labels placed, each at its first free place, in ``PRIORITY`` order (the
    candidates' own order within a kind): free means inside ``frame`` and overlapping neither
    an obstacle (a site marker) nor a label placed before, nor its dot."""
    taken = list(obstacles)
    placed: list[tuple[Candidate, Spot]] = []
    for candidate in sorted(candidates, key=lambda c: PRIORITY.index(c.kind)):
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
