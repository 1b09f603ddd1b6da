"""The one place that reads and writes Streamlit's session state.

A session holds a ``Session`` record (dashboard.core.session) and the values of the page's
controls, which Streamlit keeps under each widget's key. Every key is named here; the script
and its pieces use the typed accessors below, never a string key of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import streamlit as st

from dashboard.core.choices import EvidenceLevel, Language, Layer, MapView, Measure
from dashboard.core.session import Controls, Session

# Widget keys: Streamlit keeps each widget's value under its key, and tests find widgets by it.
LANGUAGE = "language"
MAP_VIEW = "map_view"
YEAR = "year"
ALL_YEARS = "all_years"
EVIDENCE = "evidence"
MEASURE = "measure"
LAYERS = "layers"
SINCE = "since"
PLAY = "play"
SHARE = "share"  # the switch that shows the view's link and its embed snippet
MAP = "map"  # the map component's value: its last report (centre, zoom, clicks)
_SESSION = "session"


def query_key(language: Language) -> str:
    """The key of what the reader typed into the search, one per language (a name typed on
    the English page need not find anything on the Japanese one)."""
    return f"search-{language.value}"


def results_key(language: Language) -> str:
    """The key of the search's list of matches, one per language like the query's, set from
    the selection before it is drawn."""
    return f"found-{language.value}"


def go_to_year_key(year: int) -> str:
    """The key of a timeline entry's "show on the map" button."""
    return f"go-{year}"


def session() -> Session | None:
    """This session's record, None before the link has been restored."""
    value = st.session_state.get(_SESSION)
    return value if isinstance(value, Session) else None


def current() -> Session:
    """This session's record, once started."""
    record = session()
    if record is None:
        raise RuntimeError("the session is started from the link before anything reads it")
    return record


def start(record: Session, controls: Controls) -> None:
    """Begin a session: its record and its controls' values, from the opening link."""
    st.session_state.update(
        {
            _SESSION: record,
            LANGUAGE: controls.language,
            MAP_VIEW: controls.map_view,
            ALL_YEARS: controls.all_years,
            YEAR: controls.year,
            EVIDENCE: controls.evidence,
            MEASURE: controls.measure,
            LAYERS: controls.layers,
            SINCE: controls.since,
        }
    )


def language() -> Language | None:
    """The language chosen in this session, if any."""
    value = st.session_state.get(LANGUAGE)
    return value if isinstance(value, Language) else None


def map_view() -> MapView:
    """The named view shown."""
    return cast(MapView, st.session_state[MAP_VIEW])


def evidence() -> EvidenceLevel:
    """The evidence level chosen."""
    return cast(EvidenceLevel, st.session_state[EVIDENCE])


def measure() -> Measure:
    """What the districts are coloured by."""
    return cast(Measure, st.session_state[MEASURE])


def layers() -> frozenset[Layer]:
    """The layers switched on."""
    return frozenset(cast(list[Layer], st.session_state[LAYERS]))


def year() -> int:
    """The year on the slider."""
    return int(st.session_state[YEAR])


def all_years() -> bool:
    """Whether every year is shown at once."""
    return bool(st.session_state.get(ALL_YEARS))


def shown_year() -> int | None:
    """The year the page shows, None for all years: what the year controls say, readable
    before they are drawn (and while they wait for the map)."""
    return None if all_years() else year()


def set_year(value: int, *, all_years: bool | None = None) -> None:
    """Move the slider (and, if given, set the all-years switch)."""
    st.session_state[YEAR] = value
    if all_years is not None:
        st.session_state[ALL_YEARS] = all_years


def since() -> int | None:
    """The year compared with, None for no comparison."""
    value = st.session_state.get(SINCE)
    return value if isinstance(value, int) else None


def keep_since(year: int) -> None:
    """Drop a comparison year the year shown has moved to or before (the year must follow it)."""
    since = st.session_state.get(SINCE)
    if isinstance(since, int) and since > year:
        st.session_state[SINCE] = None


def map_value() -> Mapping[str, Any]:
    """The map's last report (centre, zoom, last click), empty before it has reported."""
    value = st.session_state.get(MAP)
    return value if isinstance(value, Mapping) else {}


def forget_map_moves() -> None:
    """Drop the map's last report, so a named view replaces wherever the map had been."""
    st.session_state[MAP] = {}


def picked(language_: Language) -> str | None:
    """The match chosen in the search: a reference (``site:site-oscom``,
    ``milestone:ms-...``), or None."""
    value = st.session_state.get(results_key(language_))
    return value if isinstance(value, str) else None


def show_in_results(language_: Language, chosen: str | None) -> None:
    """Mark a record (or none) among the search's matches before they are drawn."""
    st.session_state[results_key(language_)] = chosen
