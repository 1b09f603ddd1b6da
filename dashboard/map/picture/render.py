"""A picture of a view, start to finish: the view's scene and words in its language, the page
planned (plan.py: the words and the legend decide how much room the map gets), the page drawn,
the map fitted to the named view's extent in the room left, and the page saved as PNG (at
twice the page's density), SVG (text kept as text, its font named) or PDF (the fonts embedded
as TrueType).

Matplotlib's settings are global to the process, so a picture is drawn under a lock with the
picture's own settings; the drawing is one thread's work in any case (the GIL).
"""

from __future__ import annotations

import io
import threading
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

from dashboard.core.exports import Picture, PictureFormat
from dashboard.core.localize import localized
from dashboard.core.scene import Scene, compose_scene
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map.bounds import view_bounds
from dashboard.map.legend import legend_rows
from dashboard.map.picture.drawing import draw_map, shows_cells
from dashboard.map.picture.fonts import families
from dashboard.map.picture.frame import MapFrame
from dashboard.map.picture.layout import PAGES, PNG_DENSITY, PX_PER_INCH, Page, Rect
from dashboard.map.picture.legend_panel import draw_legend
from dashboard.map.picture.mercator import aspect, fit
from dashboard.map.picture.place_names import draw_names, placed_names
from dashboard.map.picture.plan import LINE_SPACING, Line, plan_page
from dashboard.map.picture.scale import draw_scale, scale_box
from dashboard.map.picture.typeset import Typesetter
from dashboard.map.picture.words import picture_words

# Room kept free inside the map's frame around the named view's extent, in pixels.
FIT_PADDING = 10
SALT = "india-japan-rare-earths"

_drawing = threading.Lock()


def picture_bytes(world: World, view: View, picture: Picture, address: str) -> bytes:
    """The file of a view's picture; ``world`` is the loaded world (in every language) and
    ``address`` the link that reopens the view."""
    shown = localized(world, view.language)
    scene = compose_scene(shown, view)
    page = PAGES[picture.layout]
    with _drawing, matplotlib.rc_context(_settings(view)):
        figure = compose(scene, shown, page, address)
        return _save(figure, picture.format)


def _settings(view: View) -> dict[RcKeyType, Any]:
    return {
        "font.family": families(view.language),
        "pdf.fonttype": 42,  # TrueType, embedded (subset): Japanese glyphs travel with the file
        "svg.fonttype": "none",  # text stays text, its font named
        "svg.hashsalt": SALT,  # the same ids on every build
        "lines.scale_dashes": False,  # dash patterns are Leaflet's pixels, whatever the width
        "text.parse_math": False,  # a "$" in a name is a dollar sign
    }


def compose(scene: Scene, world: World, page: Page, address: str) -> Figure:
    """The picture as a matplotlib figure (``world`` in the view's language)."""
    language = scene.view.language
    typesetter = Typesetter(language)
    words = picture_words(scene, world, address)
    districts = world.boundaries.districts
    state_names = dict(zip(districts["state"], districts["state_name"], strict=True))
    rows = legend_rows(scene.view.measure, language, state_names, shows_cells(world))
    bounds = view_bounds(world, scene.view.map_view)
    plan = plan_page(page, aspect(bounds), words, rows, typesetter)

    figure = Figure(figsize=(page.width_in, page.height_in), dpi=PX_PER_INCH)
    figure.set_label(words.title)
    sheet = figure.add_axes((0, 0, 1, 1))  # the page, in CSS pixels from its top-left corner
    sheet.set_xlim(0, page.width)
    sheet.set_ylim(page.height, 0)
    sheet.set_axis_off()
    _write(sheet, plan.header, plan.regions.header, typesetter)
    _write(sheet, plan.notes, plan.regions.notes, typesetter, url=words.address)
    draw_legend(sheet, plan.legend, plan.regions.legend, typesetter)

    area = plan.regions.map
    frame = MapFrame(fit(bounds, area.width, area.height, FIT_PADDING), area.width, area.height)
    ax = figure.add_axes(
        (
            area.x / page.width,
            1 - area.bottom / page.height,
            area.width / page.width,
            area.height / page.height,
        )
    )
    markers = draw_map(ax, scene, world, frame)
    placed = placed_names(world, frame, [*markers, scale_box(frame)], typesetter)
    draw_names(ax, placed, frame, typesetter)
    draw_scale(ax, frame, typesetter, language)
    return figure


def _write(
    ax: Axes, lines: list[Line], area: Rect, typesetter: Typesetter, url: str | None = None
) -> None:
    """Lines of text from the area's top, one under the other; the last one links to ``url``
    (a live link in SVG and PDF)."""
    y = area.y
    for number, (line, style) in enumerate(lines):
        step = style.size * LINE_SPACING
        artist = ax.text(
            area.x,
            y + step / 2,
            line,
            fontproperties=typesetter.font(style),
            color=style.colour,
            va="center",
            ha="left",
        )
        if url and number == len(lines) - 1:
            artist.set_url(url)
        y += step


def _save(figure: Figure, form: PictureFormat) -> bytes:
    buffer = io.BytesIO()
    title = figure.get_label()
    if form is PictureFormat.PNG:
        figure.savefig(buffer, format="png", dpi=PX_PER_INCH * PNG_DENSITY)
    elif form is PictureFormat.SVG:
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title})
    else:
        figure.savefig(
            buffer, format="pdf", metadata={"CreationDate": None, "ModDate": None, "Title": title}
        )
    return buffer.getvalue()
