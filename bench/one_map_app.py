"""The floor under the dashboard: a title, a year slider and one ``st_folium`` map with one
marker, no tiles, Leaflet from the same server (bench/one_map_server.py), as the dashboard
loads it. The slider and the map form one fragment, and the map learns the year as the
dashboard's does: from a small overlay streamlit-folium sends on each run, whose script marks
the map with the year. What this page costs over the bare one is the map component's own; what
the dashboard costs over this page is ours."""

import datetime as dt

import folium
import streamlit as st
from branca.element import MacroElement
from jinja2 import Template
from streamlit_folium import st_folium

THIS_YEAR = dt.date.today().year


class YearMark(MacroElement):
    """Marks the map with the year (``data-year``), which the benchmark waits for."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        document.querySelector(".leaflet-container").dataset.year = {{ this.year }};
        {% endmacro %}"""
    )

    def __init__(self, year: int) -> None:
        super().__init__()
        self._name = "YearMark"
        self.year = year


@st.fragment
def year_map() -> None:
    """The slider and the map rerun together, as the dashboard's year view does."""
    year = st.slider("Year", min_value=1984, max_value=THIS_YEAR, value=THIS_YEAR, key="year")
    fmap = folium.Map(location=(18.5, 84.0), zoom_start=6, tiles=None)
    fmap.default_js = [("leaflet", "/leaflet/leaflet.js")]
    fmap.default_css = [("leaflet_css", "/leaflet/leaflet.css")]
    folium.CircleMarker((18.5, 84.0), radius=8, class_name="one-marker").add_to(fmap)
    overlay = folium.FeatureGroup(name="State", control=False)
    overlay.add_child(YearMark(year))
    st_folium(fmap, height=640, use_container_width=True, key="map", feature_group_to_add=overlay)


st.title("One map")
year_map()
