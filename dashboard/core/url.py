"""Everything that defines what the user is looking at, and its round trip through the URL.

``encode`` writes only what differs from the default, so a link stays short; ``decode`` accepts
any query string at all: each value that is missing, repeated, too long or not understood is
dropped (with a notice naming its key) and the default used instead. Nothing from the URL is
ever shown or run as anything but plain text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from dashboard.core.filters import EvidenceLevel
from dashboard.core.refs import parse_ref
from dashboard.core.scene import Layer, Measure
from dashboard.map.base import MapView

MAX_VALUE_LENGTH = 100
ALL_YEARS = "all"
NO_LAYERS = "none"
KEYS = ("year", "sel", "layers", "evidence", "measure", "view", "at")
_SAFE_KEY = re.compile(r"[a-z_]{1,20}")
LAYER_ORDER = tuple(Layer)

# The map centre and zoom travel rounded: about 100 m and a quarter zoom step are plenty.
CENTRE_DECIMALS = 3
ZOOM_DECIMALS = 2
MIN_ZOOM, MAX_ZOOM = 2.0, 18.0


@dataclass(frozen=True)
class MapPosition:
    lat: float
    lng: float
    zoom: float

    def near(self, other: MapPosition | None) -> bool:
        """The same view to the eye: same zoom, centres within 1 % of a map tile. A resize of
        the map's column nudges Leaflet's centre by a few pixels; that is not a move."""
        if other is None or self.zoom != other.zoom:
            return False
        tolerance = 360.0 / 2**self.zoom / 100
        return abs(self.lat - other.lat) < tolerance and abs(self.lng - other.lng) < tolerance

    @classmethod
    def rounded(cls, lat: float, lng: float, zoom: float) -> MapPosition:
        return cls(
            round(lat, CENTRE_DECIMALS), round(lng, CENTRE_DECIMALS), round(zoom, ZOOM_DECIMALS)
        )


@dataclass(frozen=True)
class ViewState:
    year: int | None  # None: all years
    selection: str | None = None  # "kind:key", see dashboard.core.refs
    layers: frozenset[Layer] = frozenset(Layer)
    evidence: EvidenceLevel = EvidenceLevel.ALL
    measure: Measure = Measure.SITES
    view: MapView = MapView.STATES
    position: MapPosition | None = None  # a centre and zoom the user moved to


@dataclass(frozen=True)
class Domain:
    """What a valid state may contain, from the data: the year range and the selectable
    records."""

    first_year: int
    last_year: int
    refs: frozenset[str] = field(default_factory=frozenset)
    # References that links made earlier may carry, and what they mean now (a district's code
    # before LGD codes, e.g. "district:388" for "district:lgd-354").
    aliases: Mapping[str, str] = field(default_factory=dict)

    def default(self) -> ViewState:
        return ViewState(year=self.last_year)


def encode(state: ViewState, domain: Domain) -> dict[str, str]:
    default = domain.default()
    params: dict[str, str] = {}
    if state.year != default.year:
        params["year"] = ALL_YEARS if state.year is None else str(state.year)
    if state.selection:
        params["sel"] = state.selection
    if state.layers != default.layers:
        chosen = [layer.value for layer in LAYER_ORDER if layer in state.layers]
        params["layers"] = ",".join(chosen) or NO_LAYERS
    if state.evidence != default.evidence:
        params["evidence"] = state.evidence.value
    if state.measure != default.measure:
        params["measure"] = state.measure.value
    if state.view != default.view:
        params["view"] = state.view.value
    if state.position is not None:
        p = state.position
        params["at"] = f"{p.lat:.{CENTRE_DECIMALS}f},{p.lng:.{CENTRE_DECIMALS}f},{p.zoom:g}"
    return params


def decode(params: Mapping[str, Sequence[str]], domain: Domain) -> tuple[ViewState, list[str]]:
    """The state a query string asks for, and the keys that were ignored (unknown keys are
    reported as ``?`` unless their name is a plain word)."""
    state = domain.default()
    ignored: list[str] = []
    for key, values in params.items():
        if key not in KEYS:
            ignored.append(key if _SAFE_KEY.fullmatch(key) else "?")
            continue
        value = values[0] if len(values) == 1 else None
        try:
            if value is None or len(value) > MAX_VALUE_LENGTH or not value.isascii():
                raise ValueError(key)
            state = _apply(state, key, value, domain)
        except ValueError:
            ignored.append(key)
    return state, ignored


def _apply(state: ViewState, key: str, value: str, domain: Domain) -> ViewState:
    if key == "year":
        if value == ALL_YEARS:
            return replace(state, year=None)
        if not value.isdigit() or not domain.first_year <= int(value) <= domain.last_year:
            raise ValueError(key)
        return replace(state, year=int(value))
    if key == "sel":
        selection = parse_ref(domain.aliases.get(value, value))
        if selection is None or selection.ref not in domain.refs:
            raise ValueError(key)
        return replace(state, selection=selection.ref)
    if key == "layers":
        names = [] if value == NO_LAYERS else value.split(",")
        layers = frozenset(Layer(name) for name in names)  # ValueError on an unknown name
        if len(layers) != len(names):
            raise ValueError(key)
        return replace(state, layers=layers)
    if key == "evidence":
        return replace(state, evidence=EvidenceLevel(value))
    if key == "measure":
        return replace(state, measure=Measure(value))
    if key == "view":
        return replace(state, view=MapView(value))
    return replace(state, position=_position(value))


def _position(value: str) -> MapPosition:
    parts = value.split(",")
    if len(parts) != 3:
        raise ValueError("at")
    lat, lng, zoom = (float(p) for p in parts)  # ValueError on anything but numbers
    if not (-85 <= lat <= 85 and -180 <= lng <= 360 and MIN_ZOOM <= zoom <= MAX_ZOOM):
        raise ValueError("at")
    return MapPosition.rounded(lat, lng, zoom)
