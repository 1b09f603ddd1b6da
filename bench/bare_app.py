"""The yardstick: a bare Streamlit page with one slider and one text, served the same way."""

import datetime as dt

import streamlit as st

this_year = dt.date.today().year
year = st.slider("Year", min_value=1984, max_value=this_year, value=this_year, key="year")
st.text(f"Year: {year}")
