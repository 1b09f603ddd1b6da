"""What the user has selected: a district, site, zone, link or organisation, written as
``kind:key``.

The same reference travels in map features (so a click says what was clicked), in the
district picker and in the URL. A district's key names its code system, ``lgd-354``: links
made before the dashboard carried LGD codes used bare numbers of another system, and the two
systems share numbers (370-373 are different districts in each).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("district", "site", "zone", "link", "org")
LGD_PREFIX = "lgd-"
_DISTRICT_KEY = re.compile(rf"{LGD_PREFIX}[0-9]{{1,6}}")


@dataclass(frozen=True)
class Selection:
    """One record the user picked, by kind and key."""

    kind: str
    key: str

    @property
    def ref(self) -> str:
        """The reference as it travels: ``kind:key``."""
        return ref(self.kind, self.key)

    @property
    def district_code(self) -> int | None:
        """The LGD code of a selected district; None for other kinds."""
        return int(self.key.removeprefix(LGD_PREFIX)) if self.kind == "district" else None


def ref(kind: str, key: object) -> str:
    """The reference to a record: ``site:site-oscom``. Every reference is written here."""
    return f"{kind}:{key}"


def district_ref(lgd_code: int) -> str:
    """The reference to a district, which names its code system: ``district:lgd-354``."""
    return ref("district", f"{LGD_PREFIX}{lgd_code}")


def parse_ref(ref: object) -> Selection | None:
    """A Selection for a well-formed reference, None for anything else (including hostile
    input from a URL or a forged component value)."""
    if not isinstance(ref, str) or len(ref) > 120 or ":" not in ref:
        return None
    kind, key = ref.split(":", 1)
    if kind not in KINDS or not key or not key.replace("-", "").isalnum() or not key.isascii():
        return None
    if kind == "district" and not _DISTRICT_KEY.fullmatch(key):
        return None
    return Selection(kind, key)


def clicked_selection(map_state: object) -> Selection | None:
    """The selection carried by a map click (streamlit-folium's ``last_active_drawing``)."""
    if not isinstance(map_state, dict):
        return None
    feature = map_state.get("last_active_drawing")
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        return None
    return parse_ref(feature["properties"].get("ref"))
