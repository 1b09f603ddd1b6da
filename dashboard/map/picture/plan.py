"""A picture's plan: its words set in lines, its legend set at the largest type that fits, and
the arrangement of the page (layout.py) that draws the map largest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.map.legend import Row
from dashboard.map.picture.layout import (
    Arrangement,
    Page,
    Regions,
    arrange,
    legend_room,
    map_scale,
    widths,
)
from dashboard.map.picture.legend_panel import LegendBlock, lay_out
from dashboard.map.picture.typeset import TextStyle, Typesetter
from dashboard.map.picture.words import Words

LINE_SPACING = 1.3
SMALLEST_LEGEND = 7.0
LEGEND_STEP = 0.5
MUTED = "#4a4742"

Line = tuple[str, TextStyle]


@dataclass(frozen=True)
class Plan:
    """Where everything goes on one picture, and the lines it is written in."""

    arrangement: Arrangement
    regions: Regions
    header: list[Line]
    legend: LegendBlock
    notes: list[Line]
    fits: bool  # the legend fits its room (else it was set at the smallest size)


def plan_page(
    page: Page, aspect: float, words: Words, rows: Sequence[Row], typesetter: Typesetter
) -> Plan:
    """The page's arrangement that draws the map largest, among those whose legend fits."""
    header = header_lines(words, page, page.content.width, typesetter)
    header_height = height(header)
    plans = []
    for arrangement in page.arrangements:
        room = widths(page, arrangement, aspect, header_height)
        notes = notes_lines(words, page, room.notes, typesetter)
        size = page.legend_size
        while True:
            legend = lay_out(rows, room.legend, room.legend_columns, size, typesetter)
            heights = (header_height, legend.height, height(notes))
            regions = arrange(page, arrangement, aspect, heights)
            fits = legend.height <= legend_room(page, arrangement, regions)
            if fits or size <= SMALLEST_LEGEND:
                break
            size -= LEGEND_STEP
        plans.append(Plan(arrangement, regions, header, legend, notes, fits))
    return max(plans, key=lambda plan: (plan.fits, map_scale(plan.regions, aspect)))


def header_lines(words: Words, page: Page, width: float, typesetter: Typesetter) -> list[Line]:
    """The title, what is shown and the map's summary, broken to ``width``."""
    title = TextStyle(page.title_size, bold=True)
    subtitle = TextStyle(page.subtitle_size, colour=MUTED)
    summary = TextStyle(page.summary_size)
    lines = [(line, title) for line in typesetter.wrap(words.title, width, title)]
    lines += [(line, subtitle) for line in typesetter.wrap(words.subtitle, width, subtitle)]
    lines += [(line, summary) for line in typesetter.wrap(words.summary, width, summary)]
    return lines


def notes_lines(words: Words, page: Page, width: float, typesetter: Typesetter) -> list[Line]:
    """The review date, the credits, the sources' publishers and the view's address (last),
    broken to ``width``; a publisher is never split between two lines if it fits on one."""
    small = TextStyle(page.notes_size, colour=MUTED)
    sources = TextStyle(page.sources_size, colour=MUTED)
    link = TextStyle(page.notes_size)
    lines = [(line, small) for line in typesetter.wrap(words.as_of, width, small)]
    lines += [(line, small) for line in typesetter.wrap(words.credits, width, small)]
    listed = typesetter.wrap_items(
        words.sources_lead, words.publishers, words.separator, width, sources
    )
    lines += [(line, sources) for line in listed]
    lines += [(line, link) for line in typesetter.wrap(words.address_line, width, link)]
    return lines


def height(lines: Sequence[Line]) -> float:
    """The height of lines set one under the other."""
    return sum(style.size * LINE_SPACING for _, style in lines)
