"""India-Japan rare earths and critical minerals dashboard: the pure core and the Streamlit app."""
