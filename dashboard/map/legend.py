"""The map legend, built only from the theme and the message catalog (no data text): first as
rows of entries, each a sample styled exactly as the map draws it and its caption, then as
the small HTML fragment the page shows (samples as CSS shapes: st.html strips inline SVG).
The pictures of the map (dashboard.map.picture) draw the same rows, so both legends name the
same entries."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from dashboard.core.choices import Language, Measure
from dashboard.core.messages import label, text
from dashboard.map import theme


class Shape(Enum):
    """How a legend sample is drawn."""

    DOT = "dot"  # a site marker: a filled circle with a ring
    LINE = "line"  # a link's stroke
    BOX = "box"  # an area: a district's fill or a zone's wash and edge
    DIRECTION = "direction"  # a link's ends: a ring, a line, a dot


@dataclass(frozen=True)
class Sample:
    """A legend sample: a shape, its fill (None: none) at an opacity and its stroke (colour,
    width in pixels, Leaflet dash pattern or None for solid); ``opacity`` fades the whole
    sample (a zone's faint wash)."""

    shape: Shape
    fill: str | None
    stroke: str
    weight: float
    dash: str | None = None
    fill_opacity: float = 1.0
    opacity: float = 1.0


@dataclass(frozen=True)
class Entry:
    """One sample and what it means."""

    sample: Sample
    caption: str


@dataclass(frozen=True)
class Row:
    """A titled group of entries."""

    title: str
    entries: tuple[Entry, ...]


SITE_RING = "#1b1b1b"
BOX_EDGE = "#999"


def legend_rows(
    measure: Measure,
    language: Language,
    state_names: Mapping[str, str],
    site_cells: bool = False,
) -> list[Row]:
    """The legend for the measure the districts are coloured by, in ``language`` (with the
    states under ``state_names``); ``site_cells`` says the map shows sites as counts per cell
    (a large dataset) rather than as markers."""
    sites = [
        Entry(Sample(Shape.DOT, colour, SITE_RING, 2), label("site_kind", kind, language))
        for kind, colour in theme.SITE_COLOURS.items()
    ]
    if site_cells:
        cell = theme.SITE_CELL
        sites.append(
            Entry(
                Sample(Shape.DOT, str(cell["fillColor"]), str(cell["color"]), 1),
                text("legend_cells", language),
            )
        )
    kind_colour = theme.SITE_COLOURS["plant"]
    statuses = [
        Entry(
            Sample(
                Shape.DOT,
                str(style.get("fillColor", kind_colour)),
                SITE_RING,
                2,
                fill_opacity=float(style["fillOpacity"]),
            ),
            label("status_group", group, language),
        )
        for group, style in theme.STATUS_FILLS.items()
    ]
    rings = [
        Entry(
            Sample(Shape.DOT, "#ffffff", ring["color"], ring["weight"], ring["dashArray"]),
            label("evidence", grade, language),
        )
        for grade, ring in theme.EVIDENCE_RINGS.items()
    ]
    links = [
        Entry(
            Sample(Shape.LINE, None, style["color"], style["weight"], style["dashArray"]),
            label("link_status", status, language),
        )
        for status, style in theme.LINK_STYLES.items()
    ]
    links.append(
        Entry(
            Sample(Shape.DIRECTION, None, theme.LINK_STYLES["active"]["color"], 2),
            text("legend_link_direction", language),
        )
    )
    zones = [
        Entry(
            Sample(
                Shape.BOX,
                theme.ZONE_FILL,
                theme.ZONE_FILL,
                theme.ZONE_LINE_WEIGHT,
                theme.INDICATIVE_DASH,
                opacity=0.6,
            ),
            text("legend_zones", language),
        ),
        Entry(
            Sample(
                Shape.BOX,
                None,
                theme.CLAIMED_ZONE_LINE,
                theme.CLAIMED_ZONE_WEIGHT,
                theme.CLAIMED_ZONE_DASH,
            ),
            text("legend_zones_claimed", language),
        ),
    ]
    if measure is Measure.NONE:
        title = text("layer_districts", language)
        districts = [
            Entry(Sample(Shape.BOX, colour, BOX_EDGE, 1), state_names.get(state, state))
            for state, colour in theme.STATE_FILL.items()
        ]
    else:
        title = text("legend_counts", language).format(
            measure=label("measure", measure.value, language).lower()
        )
        districts = [
            Entry(
                Sample(Shape.BOX, colour, BOX_EDGE, 1),
                f"{count}+" if count == theme.COUNT_BINS[-1] else str(count),
            )
            for count, colour in zip(theme.COUNT_BINS, theme.COUNT_COLOURS, strict=True)
        ]
    return [
        Row(text("legend_sites", language), tuple(sites)),
        Row(text("legend_status", language), tuple(statuses)),
        Row(text("legend_rings", language), tuple(rings)),
        Row(text("legend_links", language), tuple(links)),
        Row(text("layer_zones", language), tuple(zones)),
        Row(title, tuple(districts)),
    ]


def legend_html(
    measure: Measure,
    language: Language,
    state_names: Mapping[str, str],
    site_cells: bool = False,
) -> str:
    """The legend's HTML (see ``legend_rows``)."""
    return "".join(
        _row(row.title, [_item(_sample_html(e.sample), e.caption) for e in row.entries])
        for row in legend_rows(measure, language, state_names, site_cells)
    )


_ITEM = (
    '<span style="display:inline-flex;align-items:center;gap:5px;margin:0 12px 4px 0">{}{}</span>'
)


def _sample_html(sample: Sample) -> str:
    border = _border(sample.stroke, sample.weight, sample.dash)
    if sample.shape is Shape.LINE:
        return _line(border)
    if sample.shape is Shape.DIRECTION:
        solid = f"2px solid {sample.stroke}"
        return _dot("#ffffff", solid) + _line(solid) + _dot(sample.stroke, solid)
    fill = "transparent" if sample.fill is None else _css_colour(sample.fill, sample.fill_opacity)
    if sample.shape is Shape.DOT:
        return _dot(fill, border)
    return _box(fill, border, sample.opacity)


def _border(colour: str, weight: float, dash: str | None) -> str:
    """A CSS border standing for a Leaflet stroke: dashed or dotted as the map draws it."""
    style = "solid" if dash is None else ("dotted" if dash.startswith(("1 ", "2 ")) else "dashed")
    return f"{weight:g}px {style} {colour}"


def _css_colour(hex_colour: str, opacity: float) -> str:
    """A fill as the map draws it: the colour at the fill's opacity (solid when opaque)."""
    if opacity >= 1:
        return hex_colour
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{opacity:g})"


def _shape(css: str) -> str:
    return f'<span style="display:inline-block;{css}"></span>'


def _dot(fill: str, border: str) -> str:
    return _shape(f"width:12px;height:12px;border-radius:50%;background:{fill};border:{border}")


def _line(border: str) -> str:
    return _shape(f"width:26px;height:0;border-top:{border}")


def _box(fill: str, border: str = f"1px solid {BOX_EDGE}", opacity: float = 1) -> str:
    return _shape(f"width:22px;height:12px;background:{fill};opacity:{opacity:g};border:{border}")


def _item(sample: str, caption: str) -> str:
    return _ITEM.format(sample, html.escape(caption))


def _row(title: str, items: list[str]) -> str:
    heading = f"<b>{html.escape(title)}</b><br>"
    return f'<div style="font-size:0.85rem;margin-bottom:4px">{heading}{"".join(items)}</div>'
