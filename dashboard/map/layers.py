"""The map's own layers as Folium elements. ``MapLayers`` goes into the base map: it loads the
browser scripts (dashboard/map/js/, as one file: assets.map_bundle) and hands them the static
layer document.
``state_overlay`` carries one View's state (dashboard.map.map_state) as the tiny overlay
streamlit-folium re-sends on each rerun: the script then restyles what it already holds."""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from dashboard.core.choices import Language, MapView
from dashboard.core.messages import text
from dashboard.map.assets import MAP_BUNDLE, AssetUrls


class MapLayers(JSCSSMixin, MacroElement):
    """Creates the districts, zones, links and sites layers from the layer document, fetched
    from ``assets.layers`` or, when that is empty, inlined from ``document``. ``view`` is the
    named view the base map is fitted to. ``fold_credits`` (an article's frame, where the map
    is small) folds the credits into a button in their corner; a narrow map folds them too."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        RareEarthMap.create({{ this._parent.get_name() }}, {{ this.options | tojson }});
        {% endmacro %}"""
    )

    def __init__(
        self,
        assets: AssetUrls,
        document: dict[str, object] | None,
        language: Language,
        view: MapView,
        fold_credits: bool = False,
    ) -> None:
        super().__init__()
        self._name = "MapLayers"
        if not assets.layers and document is None:
            raise ValueError("the layer document must be served or inlined")
        self.default_js = [(MAP_BUNDLE, assets.map_js)]
        self.options: dict[str, object] = {
            "data": assets.layers or document,
            "language": language.value,
            "view": view.value,
            # Shown, and reported, when the served document cannot be fetched.
            "messages": {
                "failed": text("map_layers_failed", language),
                "retry": text("map_retry", language),
            },
            "report": assets.events,
            # The credits fold into a button in an article's frame, and on any map too narrow
            # for their line (a phone): the script decides the latter from the map's width.
            "credits": text("map_credits", language),
            "foldCredits": fold_credits,
        }


class MapState(MacroElement):
    """Applies one state to the page's map layers."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        RareEarthMap.apply({{ this.state | tojson }});
        {% endmacro %}"""
    )

    def __init__(self, state: dict[str, object]) -> None:
        super().__init__()
        self._name = "MapState"
        self.state = state


def state_overlay(state: dict[str, object]) -> folium.FeatureGroup:
    """The state as the overlay streamlit-folium sends on every rerun (a few kilobytes)."""
    group = folium.FeatureGroup(name="State", control=False)
    group.add_child(MapState(state))
    return group
