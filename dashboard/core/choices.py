"""The choices a user makes about the map: which layers, what the districts are coloured by,
which named view, and how much evidence a record needs. Each value also travels in the URL, so
the values are part of the links people share: never rename one."""

from __future__ import annotations

from enum import Enum

from dashboard.data.schema import EVIDENCE_GRADES


class Layer(Enum):
    """A layer of the map that can be switched on or off."""

    DISTRICTS = "districts"
    ZONES = "zones"
    LINKS = "links"
    SITES = "sites"


ALL_LAYERS = frozenset(Layer)


class Measure(Enum):
    """What the district choropleth counts."""

    SITES = "sites"
    ZONES = "zones"
    BLOCKS = "blocks"
    NONE = "none"


class MapView(Enum):
    """The two named views: the two states, or every partner a link reaches."""

    STATES = "states"
    PARTNERS = "partners"


class EvidenceLevel(Enum):
    """How sure a record must be to be shown; each level includes the ones above it."""

    VERIFIED = "verified"
    REPORTED = "reported"
    ALL = "all"

    @property
    def grades(self) -> tuple[str, ...]:
        """The evidence grades shown at this level, surest first."""
        return EVIDENCE_GRADES[: {"verified": 1, "reported": 2, "all": None}[self.value]]


class Language(Enum):
    """The languages the dashboard is written in (``lang`` in a link)."""

    EN = "en"
    JA = "ja"

    @classmethod
    def of_locale(cls, locale: str | None) -> Language:
        """The language for a browser's locale (``ja-JP`` -> Japanese); English otherwise."""
        code = (locale or "").split("-")[0].split("_")[0].lower()
        return cls.JA if code == "ja" else cls.EN
