"""What the user has selected: a district, site, zone or link, written as ``kind:key``.

The same reference travels in map features (so a click says what was clicked), in the
district picker and, later, in the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("district", "site", "zone", "link")


@dataclass(frozen=True)
class Selection:
    kind: str
    key: str

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.key}"


def parse_ref(ref: object) -> Selection | None:
    """A Selection for a well-formed reference, None for anything else (including hostile
    input from a URL or a forged component value)."""
    if not isinstance(ref, str) or len(ref) > 120 or ":" not in ref:
        return None
    kind, key = ref.split(":", 1)
    if kind not in KINDS or not key or not key.replace("-", "").isalnum() or not key.isascii():
        return None
    if kind == "district" and not key.isdigit():
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
