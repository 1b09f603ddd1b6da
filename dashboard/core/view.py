"""What the user is looking at: one record of every choice, from the year to where the map was
moved. The URL codec, the filters, the scene and the Streamlit shell all take this record, so a
choice has one form from the address bar to the map."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core.choices import ALL_LAYERS, EvidenceLevel, Language, Layer, MapView, Measure
from dashboard.core.refs import Selection

# The map centre and zoom travel rounded: about 100 m and a quarter zoom step are plenty.
CENTRE_DECIMALS = 3
ZOOM_DECIMALS = 2


@dataclass(frozen=True)
class MapPosition:
    """A centre and zoom the user moved the map to."""

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
        """A position at the precision a link carries it."""
        return cls(
            round(lat, CENTRE_DECIMALS), round(lng, CENTRE_DECIMALS), round(zoom, ZOOM_DECIMALS)
        )


@dataclass(frozen=True)
class View:
    """Every choice behind what the user sees. ``year`` None means all years (each record as
    of its latest source); ``position`` None means the named view's own extent."""

    year: int | None
    evidence: EvidenceLevel = EvidenceLevel.ALL
    # The year to compare with (dashboard.core.changes): what changed from its start to
    # ``year``; None shows one year alone.
    since: int | None = None
    layers: frozenset[Layer] = ALL_LAYERS
    measure: Measure = Measure.SITES
    map_view: MapView = MapView.STATES
    selection: Selection | None = None
    position: MapPosition | None = None
    language: Language = Language.EN
