"""The map legend as a small HTML fragment built only from the theme and the message catalog
(no data text). Samples are CSS shapes styled exactly as the map draws them (st.html strips
inline SVG)."""

from __future__ import annotations

import html
from collections.abc import Mapping

from dashboard.core.choices import Language, Measure
from dashboard.core.messages import label, text
from dashboard.map import theme

_ITEM = (
    '<span style="display:inline-flex;align-items:center;gap:5px;margin:0 12px 4px 0">{}{}</span>'
)


def _border(colour: str, weight: float, dash: str | None) -> str:
    """A CSS border standing for a Leaflet stroke: dashed or dotted as the map draws it."""
    style = "solid" if dash is None else ("dotted" if dash.startswith(("1 ", "2 ")) else "dashed")
    return f"{max(weight, 1.5):g}px {style} {colour}"


def _css_colour(hex_colour: str, opacity: float) -> str:
    """A fill as the map draws it: the colour at the fill's opacity."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{opacity:g})"


def _shape(css: str) -> str:
    return f'<span style="display:inline-block;{css}"></span>'


def _dot(fill: str, border: str) -> str:
    return _shape(f"width:12px;height:12px;border-radius:50%;background:{fill};border:{border}")


def _line(border: str) -> str:
    return _shape(f"width:26px;height:0;border-top:{border}")


def _box(fill: str, border: str = "1px solid #999", opacity: float = 1) -> str:
    return _shape(f"width:22px;height:12px;background:{fill};opacity:{opacity:g};border:{border}")


def _item(sample: str, caption: str) -> str:
    return _ITEM.format(sample, html.escape(caption))


def _row(title: str, items: list[str]) -> str:
    heading = f"<b>{html.escape(title)}</b><br>"
    return f'<div style="font-size:0.85rem;margin-bottom:4px">{heading}{"".join(items)}</div>'


def legend_html(
    measure: Measure,
    language: Language,
    state_names: Mapping[str, str],
    site_cells: bool = False,
) -> str:
    """The legend's HTML for the measure the districts are coloured by, in ``language`` (with
    the states under ``state_names``); ``site_cells`` says the map shows sites as counts per
    cell (a large dataset) rather than as markers."""
    sites = [
        _item(_dot(colour, "2px solid #1b1b1b"), label("site_kind", kind, language))
        for kind, colour in theme.SITE_COLOURS.items()
    ]
    if site_cells:
        sites.append(
            _item(
                _dot(theme.SITE_CELL["fillColor"], "1px solid #ffffff"),
                text("legend_cells", language),
            )
        )
    kind_colour = theme.SITE_COLOURS["plant"]
    statuses = [
        _item(
            _dot(
                _css_colour(str(style.get("fillColor", kind_colour)), float(style["fillOpacity"])),
                "2px solid #1b1b1b",
            ),
            label("status_group", group, language),
        )
        for group, style in theme.STATUS_FILLS.items()
    ]
    rings = [
        _item(
            _dot("#ffffff", _border(ring["color"], ring["weight"], ring["dashArray"])),
            label("evidence", grade, language),
        )
        for grade, ring in theme.EVIDENCE_RINGS.items()
    ]
    links = [
        _item(
            _line(_border(style["color"], style["weight"], style["dashArray"])),
            label("link_status", status, language),
        )
        for status, style in theme.LINK_STYLES.items()
    ]
    colour = theme.LINK_STYLES["active"]["color"]
    links.append(
        _item(
            _dot("#ffffff", f"2px solid {colour}")
            + _line(f"2px solid {colour}")
            + _dot(colour, f"2px solid {colour}"),
            text("legend_link_direction", language),
        )
    )
    zones = [
        _item(
            _box(
                theme.ZONE_FILL,
                _border(theme.ZONE_FILL, theme.ZONE_LINE_WEIGHT, theme.INDICATIVE_DASH),
                opacity=0.6,
            ),
            text("legend_zones", language),
        ),
        _item(
            _box(
                "transparent",
                _border(
                    theme.CLAIMED_ZONE_LINE, theme.CLAIMED_ZONE_WEIGHT, theme.CLAIMED_ZONE_DASH
                ),
            ),
            text("legend_zones_claimed", language),
        ),
    ]
    if measure is Measure.NONE:
        title = text("layer_districts", language)
        districts = [
            _item(_box(colour), state_names.get(state, state))
            for state, colour in theme.STATE_FILL.items()
        ]
    else:
        title = text("legend_counts", language).format(
            measure=label("measure", measure.value, language).lower()
        )
        districts = [
            _item(_box(colour), f"{count}+" if count == theme.COUNT_BINS[-1] else str(count))
            for count, colour in zip(theme.COUNT_BINS, theme.COUNT_COLOURS, strict=True)
        ]
    return "".join(
        [
            _row(text("legend_sites", language), sites),
            _row(text("legend_status", language), statuses),
            _row(text("legend_rings", language), rings),
            _row(text("legend_links", language), links),
            _row(text("layer_zones", language), zones),
            _row(title, districts),
        ]
    )
