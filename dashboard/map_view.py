"""Build the Folium map: an offline basemap from shipped polygons and the two states' districts.

The base map must come out identical on every rerun (streamlit-folium keys its iframe on the
generated script), so nothing here may depend on time, randomness or widget state.
"""

from __future__ import annotations

import folium
from branca.element import Element

from dashboard import theme
from dashboard.boundaries import Boundaries
from dashboard.messages import text
from dashboard.static_assets import AssetUrls

# Leaflet's default would add a link to its own site to every exported view.
ATTRIBUTION = "Boundaries: Survey of India (LGD), Natural Earth"


def build_base_map(boundaries: Boundaries, assets: AssetUrls) -> folium.Map:
    fmap = folium.Map(
        tiles=None,
        control_scale=True,
        zoom_snap=0.25,
        attribution_control=True,
    )
    # Only Leaflet itself: the polygons, tooltips and controls used here are all core Leaflet,
    # so folium's default jQuery/Bootstrap/Font Awesome from CDNs are not needed at all.
    fmap.default_js = [("leaflet", assets.leaflet_js)]
    fmap.default_css = [("leaflet_css", assets.leaflet_css)]
    fmap.get_root().header.add_child(
        Element(f"<style>.leaflet-container {{ background: {theme.SEA}; }}</style>")
    )
    _add_basemap(fmap, boundaries)
    _add_districts(fmap, boundaries)
    _add_state_outlines(fmap, boundaries)
    fmap.fit_bounds(_bounds(boundaries))
    return fmap


def _bounds(boundaries: Boundaries) -> list[list[float]]:
    west, south, east, north = boundaries.states.total_bounds
    return [[float(south), float(west)], [float(north), float(east)]]


def _add_basemap(fmap: folium.Map, boundaries: Boundaries) -> None:
    world = boundaries.world[boundaries.world["iso_a3"] != "IND"]
    folium.GeoJson(
        world,
        name="Countries",
        style_function=lambda _: {
            "fillColor": theme.COUNTRY_FILL,
            "fillOpacity": 1,
            "color": theme.COUNTRY_LINE,
            "weight": 0.6,
        },
        interactive=False,
        control=False,
        attribution=ATTRIBUTION,
    ).add_to(fmap)
    folium.GeoJson(
        boundaries.india,
        name="India",
        style_function=lambda _: {
            "fillColor": theme.INDIA_FILL,
            "fillOpacity": 1,
            "color": theme.INDIA_LINE,
            "weight": 1,
        },
        interactive=False,
        control=False,
    ).add_to(fmap)


def _add_districts(fmap: folium.Map, boundaries: Boundaries) -> None:
    columns = ["district_lgd", "district", "state", "state_lgd", "geometry"]
    folium.GeoJson(
        boundaries.districts[columns],
        name=text("layer_districts"),
        style_function=lambda feature: {
            "fillColor": theme.STATE_FILL[feature["properties"]["state"]],
            "fillOpacity": theme.DISTRICT_FILL_OPACITY,
            "color": theme.DISTRICT_LINE,
            "weight": 0.8,
            "className": "district",
        },
        highlight_function=lambda _: {"weight": 2.5, "color": theme.STATE_LINE},
        tooltip=folium.GeoJsonTooltip(
            fields=["district", "state"],
            aliases=[text("tooltip_district"), text("tooltip_state")],
            sticky=True,
        ),
    ).add_to(fmap)


def _add_state_outlines(fmap: folium.Map, boundaries: Boundaries) -> None:
    folium.GeoJson(
        boundaries.states,
        name="States",
        style_function=lambda _: {"fill": False, "color": theme.STATE_LINE, "weight": 2},
        interactive=False,
        control=False,
    ).add_to(fmap)
