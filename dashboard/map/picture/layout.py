"""The two pages a picture is laid out on, and where each part goes on them.

Lengths are CSS pixels (96 to the inch, as Leaflet's and the browser's): a slide is PowerPoint's
16:9 page, 13.33 x 7.5 inches (1280 x 720 px), an A4 page 210 x 297 mm. The PNG is drawn at
twice that density, for projectors and high-density screens; SVG and PDF keep the page's size.

A page has a header (title, what is shown) over its body; the body holds the map, the legend
and the notes (review date, credits, sources, the view's link). How they share it depends on
the shape of the named view's extent: the two states are about as tall as wide, the partners'
world twice as wide as tall, so the slide tries two arrangements and keeps the one that draws
the map largest:

- ``SIDE``: the map as wide as its extent's shape asks, legend and notes in a column beside it;
- ``BOTTOM``: the map and the legend beside it, the notes across the page's foot;
- ``BELOW`` (the A4 page): the map across the page, the legend under it in columns, the notes
  at the foot.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from dashboard.core.exports import PictureLayout

PX_PER_INCH = 96
POINTS_PER_PX = 72 / PX_PER_INCH
PNG_DENSITY = 2
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Rect:
    """A rectangle on the page, from its top-left corner (y grows downwards)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        """Its right edge."""
        return self.x + self.width

    @property
    def bottom(self) -> float:
        """Its bottom edge."""
        return self.y + self.height


class Arrangement(Enum):
    """How the map, the legend and the notes share a page's body."""

    SIDE = "side"
    BOTTOM = "bottom"
    BELOW = "below"


@dataclass(frozen=True)
class Page:
    """One layout's page: its size, margins, arrangements and type sizes (px)."""

    layout: PictureLayout
    width_in: float
    height_in: float
    margin: float
    gap: float
    arrangements: tuple[Arrangement, ...]
    column_width: float  # the narrowest a legend column or the side column may be
    title_size: float
    subtitle_size: float
    summary_size: float
    legend_size: float
    notes_size: float
    sources_size: float
    min_map_share: float  # the least share of the body's height the map keeps under a legend

    @property
    def width(self) -> float:
        """The page's width in CSS pixels."""
        return self.width_in * PX_PER_INCH

    @property
    def height(self) -> float:
        """The page's height in CSS pixels."""
        return self.height_in * PX_PER_INCH

    @property
    def png_size(self) -> tuple[int, int]:
        """The PNG's size in pixels, at twice the page's density (what matplotlib's Agg
        canvas makes of the page's inches at that resolution)."""
        dpi = PX_PER_INCH * PNG_DENSITY
        return int(self.width_in * dpi), int(self.height_in * dpi)

    @property
    def content(self) -> Rect:
        """The page inside its margins."""
        return Rect(
            self.margin, self.margin, self.width - 2 * self.margin, self.height - 2 * self.margin
        )


PAGES = {
    PictureLayout.SLIDE: Page(
        layout=PictureLayout.SLIDE,
        width_in=1280 / PX_PER_INCH,
        height_in=720 / PX_PER_INCH,
        margin=22,
        gap=14,
        arrangements=(Arrangement.SIDE, Arrangement.BOTTOM),
        column_width=280,
        title_size=22,
        subtitle_size=13,
        summary_size=11,
        legend_size=10,
        notes_size=9,
        sources_size=7.5,
        min_map_share=0.5,
    ),
    PictureLayout.A4: Page(
        layout=PictureLayout.A4,
        width_in=210 / MM_PER_INCH,
        height_in=297 / MM_PER_INCH,
        margin=34,
        gap=14,
        arrangements=(Arrangement.BELOW,),
        column_width=300,
        title_size=19,
        subtitle_size=12,
        summary_size=10.5,
        legend_size=9.5,
        notes_size=8.5,
        sources_size=7,
        min_map_share=0.45,
    ),
}


@dataclass(frozen=True)
class Widths:
    """How wide the legend (and in how many columns) and the notes are set in one
    arrangement."""

    legend: float
    legend_columns: int
    notes: float


def widths(page: Page, arrangement: Arrangement, aspect: float, header_height: float) -> Widths:
    """The legend's and the notes' widths when the map shows an extent ``aspect`` times as
    wide as tall under a header this tall."""
    content = page.content
    if arrangement is Arrangement.SIDE:
        side = _side_width(page, aspect, header_height)
        columns = max(1, int((side + page.gap) // (page.column_width + page.gap)))
        return Widths(side, columns, side)
    if arrangement is Arrangement.BOTTOM:
        return Widths(page.column_width, 1, content.width)
    columns = max(1, int((content.width + page.gap) // (page.column_width + page.gap)))
    return Widths(content.width, columns, content.width)


def _side_width(page: Page, aspect: float, header_height: float) -> float:
    """The side column: what the map, as tall as the body and as wide as its extent's shape
    asks, leaves of the page's width (at least one column)."""
    content = page.content
    body_height = content.height - header_height - page.gap
    return max(page.column_width, content.width - page.gap - body_height * aspect)


@dataclass(frozen=True)
class Regions:
    """Where each part of a picture goes."""

    header: Rect
    map: Rect
    legend: Rect
    notes: Rect


def arrange(
    page: Page,
    arrangement: Arrangement,
    aspect: float,
    heights: tuple[float, float, float],
) -> Regions:
    """The regions of ``page`` for a header, a legend and notes of these ``heights``."""
    header_height, legend_height, notes_height = heights
    content = page.content
    header = Rect(content.x, content.y, content.width, header_height)
    top = header.bottom + page.gap
    bottom = content.bottom
    if arrangement is Arrangement.SIDE:
        side = _side_width(page, aspect, header_height)
        x = content.right - side
        legend = Rect(x, top, side, legend_height)
        notes = Rect(x, bottom - notes_height, side, notes_height)
        map_area = Rect(content.x, top, x - page.gap - content.x, bottom - top)
        return Regions(header, map_area, legend, notes)
    notes = Rect(content.x, bottom - notes_height, content.width, notes_height)
    bottom = notes.y - page.gap
    if arrangement is Arrangement.BOTTOM:
        legend = Rect(content.right - page.column_width, top, page.column_width, bottom - top)
        map_area = Rect(content.x, top, legend.x - page.gap - content.x, bottom - top)
        return Regions(header, map_area, legend, notes)
    legend = Rect(content.x, bottom - legend_height, content.width, legend_height)
    map_area = Rect(content.x, top, content.width, legend.y - page.gap - top)
    return Regions(header, map_area, legend, notes)


def legend_room(page: Page, arrangement: Arrangement, regions: Regions) -> float:
    """The height the legend may take in an arrangement."""
    if arrangement is Arrangement.SIDE:
        return regions.notes.y - page.gap - regions.legend.y
    if arrangement is Arrangement.BOTTOM:
        return regions.legend.height
    body = regions.legend.bottom - regions.map.y
    return body - page.gap - body * page.min_map_share


def map_scale(regions: Regions, aspect: float) -> float:
    """How large the map draws an extent of this shape: pixels across its width."""
    return min(regions.map.width, regions.map.height * aspect)
