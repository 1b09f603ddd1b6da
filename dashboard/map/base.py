"""Build the Folium base map: an offline basemap from shipped polygons, the map's own layers
(dashboard.map.layers) and the extent of the two states.

The base map must come out identical on every rerun (streamlit-folium keys its iframe on the
generated script), so nothing here may depend on time, randomness, the year or the filters:
those travel as the small state of dashboard.map.map_state. Its polygons are fetched by the
browser from the app's static files (and cached), so they do not travel with the map on every
rerun; the exported HTML page inlines them instead.
"""

from __future__ import annotations

import json

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from dashboard.core.choices import Language, MapView
from dashboard.core.messages import text
from dashboard.data.boundaries import Boundaries
from dashboard.map import theme
from dashboard.map.assets import AssetUrls
from dashboard.map.bounds import Bounds
from dashboard.map.layers import MapLayers

# Leaflet's panes: the basemap under the overlays (400), the state outlines over them.
BASEMAP_PANE, BASEMAP_Z = "basemap", 250
OUTLINE_PANE, OUTLINE_Z = "outlines", 450

WORLD_STYLES = {
    "IND": {
        "fillColor": theme.INDIA_FILL,
        "fillOpacity": 1,
        "color": theme.INDIA_LINE,
        "weight": 1,
    },
    "*": {
        "fillColor": theme.COUNTRY_FILL,
        "fillOpacity": 1,
        "color": theme.COUNTRY_LINE,
        "weight": 0.6,
    },
}
STATE_STYLE = {"fill": False, "color": theme.STATE_LINE, "weight": 2}


class MetricScale(MacroElement):
    """The map's scale in kilometres only: the readers (in India and Japan) measure in them,
    and Leaflet's default adds miles, which the Japanese page would show untranslated."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        L.control.scale({ imperial: false }).addTo({{ this._parent.get_name() }});
        {% endmacro %}"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "MetricScale"


class BasemapLayer(MacroElement):
    """A non-interactive GeoJSON layer in a pane, styled by one property, from a URL or from
    inline data."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function () {
            var styles = {{ this.styles | tojson }};
            var draw = function (data) {
                L.geoJson(data, {
                    pane: {{ this.pane | tojson }},
                    interactive: false,
                    attribution: {{ this.attribution | tojson }},
                    style: function (f) {
                        return styles[f.properties[{{ this.key | tojson }}]] || styles["*"];
                    },
                }).addTo({{ this._parent.get_name() }});
            };
            {% if this.url %}
            fetch({{ this.url | tojson }})
                .then(function (r) { return r.json(); })
                .then(draw);
            {% else %}
            draw({{ this.data }});
            {% endif %}
        })();
        {% endmacro %}"""
    )

    def __init__(
        self,
        pane: str,
        key: str,
        styles: dict[str, dict[str, object]],
        url: str | None = None,
        data: str | None = None,
        attribution: str = "",
    ) -> None:
        super().__init__()
        self._name = "BasemapLayer"
        self.pane, self.key, self.styles, self.url, self.data = pane, key, styles, url, data
        self.attribution = attribution


def frame_css() -> str:
    """The style of the map's own page (the app's frame and the downloaded page)."""
    # Doubled class: wins over leaflet.css, whichever order the page loads them in. In the
    # app's frame (streamlit-folium's #map_div), the map fills the frame, whose height the
    # page sets from the window (dashboard/page.css).
    return (
        f".leaflet-container.leaflet-container {{ background: {theme.SEA}; }}"
        " body:has(#map_div) { margin: 0; overflow: hidden; }"
        " #map_div { height: 100vh !important; }"
        # Long names (Japanese ones run long) wrap rather than run off the map.
        " .leaflet-tooltip { white-space: normal; width: max-content; max-width: 20rem; }"
        # Where the attribution wraps (any map narrower than its line) it would cover the
        # scale bar in the other corner: keep it beside it.
        " .leaflet-control-attribution { max-width: calc(100vw - 8.5rem); }"
        # In an article's frame the credits fold into a small round button in their corner
        # (dashboard/map/js/map_frame.js), the text to its left once unfolded (after it in
        # the document, so Tab goes from the button into the credits' links).
        " .map-credits { display: flex; flex-direction: row-reverse; align-items: flex-end;"
        " gap: 4px;"
        " margin: 0 6px 6px 0; }"
        " .map-credits .leaflet-control-attribution { float: none; clear: none; margin: 0;"
        " max-width: calc(100vw - 4rem); border-radius: 4px; }"
        " .map-credits .leaflet-control-attribution[hidden] { display: none; }"
        " .map-credits-toggle { width: 24px; height: 24px; padding: 0; flex: none;"
        " border: 1px solid rgba(0, 0, 0, 0.45); border-radius: 50%; background: #fff;"
        " color: #2b2824; cursor: pointer; font: italic bold 14px/22px Georgia, serif; }"
        f" .map-credits-toggle:focus-visible {{ outline: 3px solid {theme.FOCUS};"
        " outline-offset: 1px; }"
        # A thin halo around every line and marker: each stays visible over light and dark
        # district fills alike.
        f" {_halo_panes()} {{ filter: drop-shadow(0 0 1px {theme.HALO})"
        f" drop-shadow(0 0 1px {theme.HALO}); }}"
        # Where the keyboard is, always in sight: the map itself and its buttons.
        f" .leaflet-container:focus-visible {{ outline: 3px solid {theme.FOCUS};"
        " outline-offset: -3px; }"
        f" .leaflet-bar a:focus-visible {{ outline: 3px solid {theme.FOCUS};"
        " outline-offset: 1px; }"
        # Text for screen readers only: the map's heading and its summary.
        " .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;"
        " clip-path: inset(50%); white-space: nowrap; }"
        # Place names: halo-ed text, never in the pointer's way; faint for the neighbours.
        f" .map-label {{ position: absolute; white-space: nowrap; pointer-events: none;"
        f" font: 600 12px/1.15 sans-serif; color: {theme.LABEL_INK};"
        f" text-shadow: 0 0 2px {theme.HALO}, 0 0 2px {theme.HALO}, 0 0 3px {theme.HALO}; }}"
        " .map-label[hidden], .map-label-dot[hidden] { display: none; }"
        " .map-label-state { font-size: 14px; font-weight: 700; letter-spacing: 0.04em; }"
        f" .map-label-neighbour_state, .map-label-country {{ color: {theme.LABEL_FAINT_INK};"
        " font-weight: 400; }"
        f" .map-label-sea {{ color: {theme.LABEL_SEA_INK}; font-style: italic;"
        " font-weight: 400; }"
        " .map-label-district { font-size: 11px; font-weight: 400; }"
        f" .map-label-dot {{ position: absolute; width: 5px; height: 5px; border-radius: 50%;"
        f" background: {theme.LABEL_INK}; box-shadow: 0 0 0 1px {theme.HALO};"
        " pointer-events: none; }"
        # Sites drawn as a counted group, and the legs of a spread group.
        " .site-grouped { display: none; }"
        f" .site-group {{ display: flex; align-items: center; justify-content: center;"
        f" border-radius: 50%; background: {theme.LABEL_INK}; color: {theme.HALO};"
        f" font: 700 13px/1 sans-serif; box-shadow: 0 0 0 2px {theme.HALO}; cursor: pointer; }}"
        f" .site-leg {{ stroke: {theme.LABEL_INK}; stroke-width: 1; }}"
        # What changed since the comparison year: a sign in a shape of its own per kind.
        " .change-mark { display: flex; align-items: center; justify-content: center;"
        f" font: 700 12px/1 sans-serif; color: {theme.HALO};"
        f" box-shadow: 0 0 0 1.5px {theme.HALO}; }}"
        f" .change-appeared {{ background: {theme.CHANGE_APPEARED}; border-radius: 50%; }}"
        f" .change-changed {{ background: {theme.CHANGE_CHANGED}; border-radius: 3px; }}"
        f" .change-ended {{ background: {theme.CHANGE_ENDED}; }}"
        # The layers could not be fetched: a notice over the map, above Leaflet's panes.
        " .map-problem { position: absolute; z-index: 1000; top: 0.75rem; left: 3.5rem;"
        " right: 0.75rem; max-width: 26rem; padding: 0.6rem 0.8rem; background: #fff;"
        f" border: 2px solid {theme.FOCUS}; border-radius: 4px; font: 14px/1.4 sans-serif; }}"
        " .map-problem p { margin: 0 0 0.5rem; }"
        " .map-problem button { font: inherit; padding: 0.25rem 0.75rem; cursor: pointer; }"
    )


def _halo_panes() -> str:
    return ", ".join(f".leaflet-{pane}-pane" for pane in theme.HALO_PANES)


def build_base_map(
    boundaries: Boundaries,
    assets: AssetUrls,
    bounds: Bounds,
    view: MapView = MapView.STATES,
    document: dict[str, object] | None = None,
    language: Language = Language.EN,
    *,
    fold_credits: bool = False,
) -> folium.Map:
    """The base map fitted to ``bounds`` (the extent of ``view``): Leaflet from ``assets``, the
    world's countries and the two states' outlines in their panes, and the map's own layers
    from the static layer document (``document`` inlined when ``assets`` has no URL for it);
    the same script for the same arguments. ``fold_credits``: the credits as a small button
    (for an article's frame)."""
    fmap = folium.Map(tiles=None, zoom_snap=0.25, min_zoom=2)
    fmap.add_child(MetricScale())
    # No script of folium's own (jQuery, Bootstrap, Font Awesome from CDNs): the polygons,
    # circles, tooltips and controls used are all core Leaflet, which comes in one file with
    # the map's scripts (MapLayers, assets.map_bundle).
    fmap.default_js = []
    fmap.default_css = [("leaflet_css", assets.leaflet_css)]
    root = fmap.get_root()
    assert isinstance(root, Figure)  # a folium.Map's root is always its page
    root.header.add_child(Element(f"<style>{frame_css()}</style>"))
    folium.map.CustomPane(BASEMAP_PANE, z_index=BASEMAP_Z, pointer_events=False).add_to(fmap)
    folium.map.CustomPane(OUTLINE_PANE, z_index=OUTLINE_Z, pointer_events=False).add_to(fmap)
    attribution = text("map_attribution", language)
    layers = (
        ("world.geojson", boundaries.world, BASEMAP_PANE, "iso_a3", WORLD_STYLES, attribution),
        ("states.geojson", boundaries.states, OUTLINE_PANE, "state", {"*": STATE_STYLE}, ""),
    )
    for name, frame, pane, key, styles, attribution in layers:
        url = assets.basemap.get(name)
        data = None if url else json.dumps(frame.__geo_interface__, separators=(",", ":"))
        fmap.add_child(BasemapLayer(pane, key, styles, url, data, attribution))
    fmap.add_child(MapLayers(assets, document, language, view, fold_credits))
    (south, west), (north, east) = bounds
    fmap.fit_bounds([[south, west], [north, east]])
    return fmap
