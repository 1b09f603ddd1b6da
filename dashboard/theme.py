"""Colours and line styles of the map, kept apart from the code that draws it."""

from __future__ import annotations

SEA = "#dce9f2"
COUNTRY_FILL = "#efede7"
COUNTRY_LINE = "#c4bfb3"
INDIA_FILL = "#f8f6f0"
INDIA_LINE = "#8c877b"
STATE_LINE = "#3d3a35"
DISTRICT_LINE = "#ffffff"
STATE_FILL = {"Andhra Pradesh": "#e7a84f", "Odisha": "#4f9d8a"}
DISTRICT_FILL_OPACITY = 0.6
