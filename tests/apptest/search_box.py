"""The sidebar's search as a reader uses it: a name typed (and Enter pressed), then one of the
matches listed under it chosen."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.core.choices import Language
from dashboard.shell.state import query_key, results_key


def search(at: AppTest, typed: str, language: Language = Language.EN) -> AppTest:
    """Type into the search and press Enter."""
    return at.text_input(key=query_key(language)).input(typed).run()


def pick(at: AppTest, typed: str, ref: str, language: Language = Language.EN) -> AppTest:
    """Search for ``typed``, then choose the match ``ref`` among the results."""
    search(at, typed, language)
    return at.radio(key=results_key(language)).set_value(ref).run()


def marked(at: AppTest, typed: str, language: Language = Language.EN) -> str | None:
    """The match marked as selected once ``typed`` is searched for."""
    search(at, typed, language)
    value = at.radio(key=results_key(language)).value
    return value if isinstance(value, str) else None
