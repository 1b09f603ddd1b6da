"""Colours and line styles of the map, kept apart from the code that draws it."""

from __future__ import annotations

from typing import Any, TypedDict


class LineStyle(TypedDict):
    """A stroke as Leaflet takes it: colour, width in pixels and dash pattern (None: solid)."""

    color: str
    weight: float
    dashArray: str | None


SEA = "#dce9f2"
COUNTRY_FILL = "#efede7"
COUNTRY_LINE = "#c4bfb3"
INDIA_FILL = "#f8f6f0"
INDIA_LINE = "#8c877b"
STATE_LINE = "#1f1d1a"
DISTRICT_LINE = "#ffffff"
STATE_FILL = {"Andhra Pradesh": "#e7a84f", "Odisha": "#4f9d8a"}
DISTRICT_FILL_OPACITY = 0.6
DISTRICT_EDGE = {"color": DISTRICT_LINE, "weight": 0.8, "className": "district"}

# Choropleth: one colour per bin of the chosen count, 0 first.
COUNT_BINS = (0, 1, 2, 3, 4)  # the last bin is "4 or more"
COUNT_COLOURS = ("#f3f1ec", "#c7e9c0", "#74c476", "#31a354", "#006d2c")
COUNT_FILL_OPACITY = 0.75

# Site kinds are told apart by colour alone (every marker is a circle): five colours that
# stay apart with each common colour-vision deficiency (tests/unit/test_palettes.py).
SITE_COLOURS = {
    "plant": "#6a3d9a",
    "mine": "#d55e00",
    "deposit": "#f0e442",
    "exploration": "#56b4e9",
    "block": "#01665e",
}
SITE_RADIUS = 7
SITE_FILL_OPACITY = 0.9
# A site's status in the chosen year, drawn as its fill: the kind's colour, solid while it works,
# pale before it does, white once it has stopped. Unknown statuses are drawn like working ones.
STATUS_GROUPS = {
    "operating": "working",
    "exploration": "working",
    "planned": "not_yet",
    "construction": "not_yet",
    "commissioning": "not_yet",
    "identified": "not_yet",
    "allotted": "not_yet",
    "offered": "not_yet",
    "preferred_bidder": "not_yet",
    "letter_of_intent": "not_yet",
    "granted": "working",
    "suspended": "stopped",
    "lease_ended": "stopped",
    "closed": "stopped",
    "no_bids": "stopped",
    "annulled": "stopped",
}
STATUS_FILLS: dict[str, dict[str, str | float]] = {
    "working": {"fillOpacity": 0.9},
    "not_yet": {"fillOpacity": 0.35},
    "stopped": {"fillColor": "#ffffff", "fillOpacity": 0.9},
}
# Many sites counted per cell (large datasets): one purple disc per cell, sized by its count.
SITE_CELL: dict[str, Any] = {
    "fill": True,
    "fillColor": "#5e3c99",
    "fillOpacity": 0.75,
    "color": "#ffffff",
    "weight": 1,
    "className": "site-cell",
}
# How sure a site is, drawn as its ring: colour, width and dash pattern.
EVIDENCE_RINGS: dict[str, LineStyle] = {
    "verified": {"color": "#1b1b1b", "weight": 2.5, "dashArray": None},
    "reported": {"color": "#1b1b1b", "weight": 2, "dashArray": "4 3"},
    "claimed": {"color": "#1b1b1b", "weight": 2, "dashArray": "1 3"},
    "disputed": {"color": "#d00000", "weight": 2.5, "dashArray": "5 2"},
}

ZONE_FILL = "#b15928"
# Zones overlap and some cover a whole state: a faint wash and a dashed edge keep the
# district colours readable underneath.
ZONE_FILL_OPACITY = 0.06
ZONE_LINE_WEIGHT = 2.5
INDICATIVE_DASH = "6 4"
# A zone that only a claim describes: no wash, a dotted grey edge, so it cannot pass for a
# mapped area.
CLAIMED_ZONE_LINE = "#6b6b6b"
CLAIMED_ZONE_WEIGHT = 2
CLAIMED_ZONE_DASH = "1 5"

LINK_STYLES: dict[str, LineStyle] = {
    "active": {"color": "#0b6e4f", "weight": 3, "dashArray": None},
    "suspended": {"color": "#d95f02", "weight": 3, "dashArray": "10 5"},
    "planned": {"color": "#1f78b4", "weight": 2.5, "dashArray": "2 6"},
    "ended": {"color": "#6b6b6b", "weight": 2, "dashArray": "6 6"},
}
# Lines and markers carry meaning over light and dark fills alike: the panes they are drawn in
# give each a thin white halo, so each colour needs 3:1 against white (and the map's light
# backgrounds) only.
HALO = "#ffffff"
HALO_PANES = ("zones", "links", "sites", "selection")
# The keyboard focus ring on the map and its buttons.
FOCUS = "#1b1b1b"

# Link ends, in pixels: a ring where a link starts, a dot where it arrives.
LINK_END_RADIUS = 4
LINK_END_WEIGHT = 2
LINK_START_FILL = "#ffffff"

SELECTED_LINE = "#c51b7d"
SELECTED_WEIGHT = 5

# The pictures of the map: their scale bar (as Leaflet's scale control) and the map's frame.
SCALE_LINE = "#555555"
MAP_FRAME = "#8c877b"

# Highlight under the pointer, per layer.
DISTRICT_HOVER = {"weight": 2.5, "color": STATE_LINE}
ZONE_HOVER_EXTRA_WEIGHT = 2
LINK_HOVER_WEIGHT = 5
# The selected record's outline; a site gets a ring this many pixels wider than its marker.
SELECTED_RING_EXTRA = 5

# Orientation labels (geodata/labels.csv, and district names): placed in this order of kinds,
# each where it overlaps no label placed before it and no marker; one that does not fit waits
# for a closer zoom. District names show from DISTRICT_LABEL_ZOOM on.
LABEL_ORDER = (
    "state",
    "national_capital",
    "capital",
    "sea",
    "port",
    "country",
    "district_hq",
    "town",
    "neighbour_state",
    "district",
)
DISTRICT_LABEL_ZOOM = 8
# Pixels kept free around each label, and its colour and halo per family of kinds.
LABEL_GAP = 3
LABEL_INK = "#1f1d1a"
LABEL_FAINT_INK = "#5f5a52"
LABEL_SEA_INK = "#2f5d7c"
# Each kind's type, as the map's style sheet sets it (dashboard/map/base.py, .map-label and
# .map-label-<kind>; a test keeps the two together): size in CSS pixels, weight, ink. The
# pictures of the map set their names from here; "*" is every other kind.
LABEL_TYPE: dict[str, tuple[float, int, str]] = {
    "*": (12, 600, LABEL_INK),
    "state": (14, 700, LABEL_INK),
    "neighbour_state": (12, 400, LABEL_FAINT_INK),
    "country": (12, 400, LABEL_FAINT_INK),
    "sea": (12, 400, LABEL_SEA_INK),
    "district": (11, 400, LABEL_INK),
}
# A point's dot beside its name, in pixels across.
LABEL_DOT_PX = 5

# Sites closer than this many pixels (centre to centre) are drawn as one counted group,
# which spreads them around itself when clicked.
SITE_GROUP_PX = 14

# The signs of what changed since the comparison year (each also has its own glyph and shape).
CHANGE_APPEARED = "#1a7f37"
CHANGE_CHANGED = "#9a6700"
CHANGE_ENDED = "#57606a"
SITE_SPREAD_PX = 26


def client_theme() -> dict[str, object]:
    """Every style the browser's map script needs, in one JSON-ready mapping: the script holds
    no colour of its own, so this module stays the only place to change one."""
    return {
        "stateFill": STATE_FILL,
        "districtEdge": DISTRICT_EDGE,
        "districtFillOpacity": DISTRICT_FILL_OPACITY,
        "countColours": COUNT_COLOURS,
        "countFillOpacity": COUNT_FILL_OPACITY,
        "districtHover": DISTRICT_HOVER,
        "siteColours": SITE_COLOURS,
        "siteRadius": SITE_RADIUS,
        "siteFillOpacity": SITE_FILL_OPACITY,
        "statusGroups": STATUS_GROUPS,
        "statusFills": STATUS_FILLS,
        "evidenceRings": EVIDENCE_RINGS,
        "siteCell": SITE_CELL,
        "zoneFill": ZONE_FILL,
        "zoneFillOpacity": ZONE_FILL_OPACITY,
        "zoneLineWeight": ZONE_LINE_WEIGHT,
        "indicativeDash": INDICATIVE_DASH,
        "claimedZoneLine": CLAIMED_ZONE_LINE,
        "claimedZoneWeight": CLAIMED_ZONE_WEIGHT,
        "claimedZoneDash": CLAIMED_ZONE_DASH,
        "zoneHoverExtraWeight": ZONE_HOVER_EXTRA_WEIGHT,
        "linkStyles": LINK_STYLES,
        "linkEndRadius": LINK_END_RADIUS,
        "linkEndWeight": LINK_END_WEIGHT,
        "linkStartFill": LINK_START_FILL,
        "linkHoverWeight": LINK_HOVER_WEIGHT,
        "selectedLine": SELECTED_LINE,
        "selectedWeight": SELECTED_WEIGHT,
        "selectedRingExtra": SELECTED_RING_EXTRA,
        "labelOrder": LABEL_ORDER,
        "districtLabelZoom": DISTRICT_LABEL_ZOOM,
        "labelGap": LABEL_GAP,
        "siteGroupPx": SITE_GROUP_PX,
        "siteSpreadPx": SITE_SPREAD_PX,
    }
