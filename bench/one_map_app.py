"""The floor under the dashboard: a title and one ``st_folium`` map with one marker, no tiles,
Leaflet from the same server (bench/one_map_server.py), as the dashboard loads it. What this
page costs over the bare one is the map component's own; what the dashboard costs over this
page is ours."""

import folium
import streamlit as st
from streamlit_folium import st_folium

st.title("One map")
fmap = folium.Map(location=(18.5, 84.0), zoom_start=6, tiles=None)
fmap.default_js = [("leaflet", "/leaflet/leaflet.js")]
fmap.default_css = [("leaflet_css", "/leaflet/leaflet.css")]
folium.CircleMarker((18.5, 84.0), radius=8, class_name="one-marker").add_to(fmap)
st_folium(fmap, height=640, use_container_width=True, key="map")
