"""The picture's legend: the live legend's rows (dashboard.map.legend), each entry's sample
drawn as the map draws it and its caption broken to the legend's width, in one column beside
the map or in columns under it. The rows are kept whole and split between the columns where
the columns come out most even."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Rectangle

from dashboard.map.legend import Row, Sample, Shape
from dashboard.map.picture.layout import POINTS_PER_PX, Rect
from dashboard.map.picture.strokes import dashes
from dashboard.map.picture.typeset import TextStyle, Typesetter

SAMPLE_WIDTH = 28  # px: room for a sample, its caption starts after it
SAMPLE_HEIGHT = 12
CAPTION_GAP = 6
LINE_SPACING = 1.3
ROW_GAP = 0.5  # of a line, between rows
COLUMN_GAP = 18


@dataclass(frozen=True)
class Placed:
    """A line of the legend: a title line, or an entry's caption line (with its sample on the
    entry's first line), at (x, y) from the legend's top-left corner."""

    x: float
    y: float
    text: str
    bold: bool
    sample: Sample | None = None


@dataclass(frozen=True)
class LegendBlock:
    """The legend laid out: its lines, its height and the type size it was set at."""

    lines: tuple[Placed, ...]
    height: float
    size: float


def lay_out(
    rows: Sequence[Row], width: float, columns: int, size: float, typesetter: Typesetter
) -> LegendBlock:
    """The rows set at ``size`` px in ``columns`` columns across ``width`` px."""
    column_width = (width - COLUMN_GAP * (columns - 1)) / columns
    blocks = [_row_lines(row, column_width, size, typesetter) for row in rows]
    heights = [height for _, height in blocks]
    split = _balanced(heights, columns)
    lines: list[Placed] = []
    tallest = 0.0
    for column, (start, end) in enumerate(split):
        x0, y = column * (column_width + COLUMN_GAP), 0.0
        for row_lines, height in blocks[start:end]:
            lines += [
                Placed(x0 + line.x, y + line.y, line.text, line.bold, line.sample)
                for line in row_lines
            ]
            y += height
        tallest = max(tallest, y)
    return LegendBlock(tuple(lines), tallest, size)


def _row_lines(
    row: Row, width: float, size: float, typesetter: Typesetter
) -> tuple[list[Placed], float]:
    """A row's lines from its top, and its height (with the gap after it)."""
    step = size * LINE_SPACING
    title = TextStyle(size, bold=True)
    body = TextStyle(size)
    lines = [
        Placed(0, y * step, text, True)
        for y, text in enumerate(typesetter.wrap(row.title, width, title))
    ]
    y = len(lines) * step
    caption_x = SAMPLE_WIDTH + CAPTION_GAP
    for entry in row.entries:
        wrapped = typesetter.wrap(entry.caption, width - caption_x, body) or [""]
        for number, text in enumerate(wrapped):
            sample = entry.sample if number == 0 else None
            lines.append(Placed(caption_x, y, text, False, sample))
            y += step
    return lines, y + step * ROW_GAP


def _balanced(heights: Sequence[float], columns: int) -> list[tuple[int, int]]:
    """Split consecutive rows into ``columns`` runs whose tallest is as short as possible."""
    if columns <= 1 or len(heights) <= 1:
        return [(0, len(heights))]
    best: list[tuple[int, int]] = [(0, len(heights))]
    best_height = sum(heights)
    for cut in range(1, len(heights)):
        tallest = max(sum(heights[:cut]), sum(heights[cut:]))
        if columns == 2 and tallest < best_height:
            best, best_height = [(0, cut), (cut, len(heights))], tallest
    return best


def draw_legend(ax: Axes, block: LegendBlock, area: Rect, typesetter: Typesetter) -> None:
    """Draw the legend at ``area``'s top-left corner on the page's axes (pixel units)."""
    step = block.size * LINE_SPACING
    for line in block.lines:
        x, y = area.x + line.x, area.y + line.y
        style = TextStyle(block.size, bold=line.bold)
        ax.text(
            x,
            y + step / 2,
            line.text,
            fontproperties=typesetter.font(style),
            color=style.colour,
            va="center",
            ha="left",
        )
        if line.sample is not None:
            draw_sample(ax, line.sample, area.x + line.x - SAMPLE_WIDTH - CAPTION_GAP, y + step / 2)


def draw_sample(ax: Axes, sample: Sample, left: float, middle: float) -> None:
    """One sample, ``SAMPLE_WIDTH`` wide, centred on the line at ``middle``."""
    edge = sample.stroke
    width = sample.weight * POINTS_PER_PX
    style = dashes(sample.dash)
    if sample.shape is Shape.DOT:
        fill = _fill(sample.fill, sample.fill_opacity)
        centre = (left + SAMPLE_WIDTH / 2 - 2, middle)
        ax.add_patch(Circle(centre, SAMPLE_HEIGHT / 2, fc=fill, ec=edge, lw=width, ls=style))
    elif sample.shape is Shape.BOX:
        fill = _fill(sample.fill, sample.fill_opacity * sample.opacity)
        corner = (left + 2, middle - SAMPLE_HEIGHT / 2)
        ax.add_patch(
            Rectangle(corner, SAMPLE_WIDTH - 6, SAMPLE_HEIGHT, fc=fill, ec=edge, lw=width, ls=style)
        )
    elif sample.shape is Shape.LINE:
        ax.add_line(
            Line2D(
                [left, left + SAMPLE_WIDTH - 2],
                [middle, middle],
                color=sample.stroke,
                linewidth=sample.weight * POINTS_PER_PX,
                linestyle=dashes(sample.dash),
            )
        )
    else:  # a link's direction: a ring where it starts, a dot where it arrives
        width = sample.weight * POINTS_PER_PX
        ax.add_line(
            Line2D(
                [left + 4, left + SAMPLE_WIDTH - 4],
                [middle, middle],
                color=sample.stroke,
                linewidth=width,
            )
        )
        for x, fill in ((left + 4, "#ffffff"), (left + SAMPLE_WIDTH - 4, sample.stroke)):
            ax.add_patch(
                Circle((x, middle), 4, facecolor=fill, edgecolor=sample.stroke, linewidth=width)
            )


def _fill(colour: str | None, opacity: float) -> tuple[float, float, float, float] | str:
    return "none" if colour is None else to_rgba(colour, opacity)
