"""The picture's scale bar, in the map frame's bottom-left corner as Leaflet's scale control
puts it: a round number of kilometres at the frame's centre latitude (Mercator's scale changes
with latitude), on a pale box that place names keep off."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.map import theme
from dashboard.map.picture.frame import MapFrame
from dashboard.map.picture.labels import Box
from dashboard.map.picture.mercator import scale_bar
from dashboard.map.picture.strokes import points
from dashboard.map.picture.typeset import TextStyle, Typesetter

INSET = 10  # px from the frame's edges
PAD = 4
STYLE = TextStyle(10, colour="#333333")
Z_SCALE = 30


def scale_box(frame: MapFrame) -> Box:
    """Where the scale bar goes, in the frame's pixels."""
    _, length = scale_bar(frame.extent, frame.width)
    height = STYLE.size * 1.2 + 3 * PAD
    return Box(INSET, frame.height - INSET - height, INSET + length + 2 * PAD, frame.height - INSET)


def draw_scale(ax: Axes, frame: MapFrame, typesetter: Typesetter, language: Language) -> None:
    """Draw the bar, its ends and its length on the map's axes."""
    km, length = scale_bar(frame.extent, frame.width)
    box = scale_box(frame)
    left, top = frame.to_metres(box.left, box.top)
    right, bottom = frame.to_metres(box.right, box.bottom)
    ax.add_patch(
        Rectangle(
            (left, bottom),
            right - left,
            top - bottom,
            facecolor=(1, 1, 1, 0.8),
            edgecolor="none",
            zorder=Z_SCALE,
        )
    )
    bar_y = box.bottom - PAD
    x0, y0 = frame.to_metres(box.left + PAD, bar_y)
    x1, _ = frame.to_metres(box.left + PAD + length, bar_y)
    _, tick_top = frame.to_metres(0, bar_y - 5)
    ax.add_line(
        Line2D(
            [x0, x0, x1, x1],
            [tick_top, y0, y0, tick_top],
            color=theme.SCALE_LINE,
            linewidth=points(2),
            zorder=Z_SCALE,
        )
    )
    label_x, label_y = frame.to_metres(box.left + PAD + length / 2, box.top + PAD)
    ax.text(
        label_x,
        label_y,
        text("picture_scale", language).format(length=f"{km:g}"),
        fontproperties=typesetter.font(STYLE),
        color=STYLE.colour,
        ha="center",
        va="top",
        zorder=Z_SCALE,
    )
