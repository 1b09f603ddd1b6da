"""The share box's two code boxes as AppTest sees them, once its switch is on: the view's link
(plain text) and the ``<iframe>`` snippet that embeds the view in an article (HTML)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.shell.state import SHARE


def _shown(at: AppTest) -> AppTest:
    """The share box, its switch turned on if it was off."""
    switch = at.toggle(key=SHARE)
    return at if switch.value else switch.set_value(True).run()


def share_link(at: AppTest) -> str:
    """The view's link in the share box."""
    (link,) = [code.value for code in _shown(at).code if code.language != "html"]
    return link


def embed_snippet(at: AppTest) -> str:
    """The ``<iframe>`` snippet in the share box."""
    (snippet,) = [code.value for code in _shown(at).code if code.language == "html"]
    return snippet
