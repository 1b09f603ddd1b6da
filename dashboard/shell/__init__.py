"""The Streamlit shell's parts: the session's state, the cached world and the page's pieces."""
