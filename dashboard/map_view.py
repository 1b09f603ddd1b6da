"""Build the Folium base map: an offline basemap from shipped polygons, fitted to a view.

The base map must come out identical on every rerun for a given view (streamlit-folium keys its
iframe on the generated script), so nothing here may depend on time, randomness, the year or
the filters: those only change the overlays (dashboard.map_layers).
"""

from __future__ import annotations

from enum import Enum

import folium
from branca.element import Element

from dashboard import theme
from dashboard.boundaries import Boundaries
from dashboard.static_assets import AssetUrls

ATTRIBUTION = "Boundaries: Survey of India (LGD), Natural Earth"
Bounds = tuple[tuple[float, float], tuple[float, float]]  # (south, west), (north, east)


class MapView(Enum):
    """The two named views: the two states, or every partner a link reaches."""

    STATES = "states"
    PARTNERS = "partners"


def bounds_of(frame_bounds: tuple[float, float, float, float]) -> Bounds:
    west, south, east, north = (float(v) for v in frame_bounds)
    return (south, west), (north, east)


def build_base_map(boundaries: Boundaries, assets: AssetUrls, bounds: Bounds) -> folium.Map:
    # Below zoom 2 the shipped basemap is a speck in an empty sea.
    fmap = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25, min_zoom=2)
    # Only Leaflet itself: the polygons, circles, tooltips and controls used are all core
    # Leaflet, so folium's default jQuery/Bootstrap/Font Awesome from CDNs are not needed.
    fmap.default_js = [("leaflet", assets.leaflet_js)]
    fmap.default_css = [("leaflet_css", assets.leaflet_css)]
    fmap.get_root().header.add_child(
        # Doubled class: wins over leaflet.css, whichever order the page loads them in.
        Element(
            f"<style>.leaflet-container.leaflet-container {{ background: {theme.SEA}; }}</style>"
        )
    )
    folium.GeoJson(
        boundaries.world[boundaries.world["iso_a3"] != "IND"],
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
    (south, west), (north, east) = bounds
    fmap.fit_bounds([[south, west], [north, east]])
    return fmap
