"""What a reader's session remembers between script runs, and how each interaction changes it.

Streamlit keeps a session's state across runs; the shell (dashboard/shell/state.py) holds one
``Session`` there beside the widgets' own values, and calls these plain functions, so every
rule of the page's behaviour (a link restored once, a click applied once, the map's first
report, Play's steps) is tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.core.choices import EvidenceLevel, Language, Layer, MapView, Measure
from dashboard.core.refs import clicked_selection
from dashboard.core.view import MapPosition, View

# Play steps through the years at this pace (seconds a year).
PLAY_SECONDS = 1.0
# How long the page waits for the map's first report before drawing the rest without it: a
# map that stayed drawn while its server restarted may never be heard by the new process.
PAGE_WAIT_SECONDS = 6.0
# A step may come a little early: a click or a map report can rerun the year's part of the page
# between two timed runs, and the next timed run should still move on.
PLAY_EARLY = 0.8


@dataclass(frozen=True)
class Controls:
    """The values of the page's controls, as a link or the session sets them."""

    language: Language
    map_view: MapView
    all_years: bool
    year: int
    evidence: EvidenceLevel
    measure: Measure
    layers: list[Layer]
    since: int | None = None


@dataclass
class Session:
    """Everything a session remembers besides its controls' values. ``selection`` is a
    reference (``district:lgd-354``); ``position`` is where the opening link put the map, until
    a named view replaces it; ``fitted`` is where the map first reported itself for each named
    view (its fitted extent, not a move); ``applied_click`` identifies the last map click
    applied; ``reconnected`` is true until the map's value is known in the session's first run
    (a page that reconnected to a new server resends its last click, already applied through
    the address); ``page_complete`` once the map has reported (or ``waiting_since`` is
    PAGE_WAIT_SECONDS old)."""

    ignored: tuple[str, ...] = ()
    selection: str | None = None
    position: MapPosition | None = None
    fitted: dict[MapView, MapPosition] = field(default_factory=dict)
    applied_click: str | None = None
    reconnected: bool = True
    page_complete: bool = False
    waiting_since: float | None = None
    playing: bool = False
    played_at: float = 0.0


def restored(view: View, ignored: tuple[str, ...], last_year: int) -> tuple[Session, Controls]:
    """A new session opened on a link: what it remembers, and its controls' values."""
    session = Session(
        ignored=ignored,
        selection=view.selection.ref if view.selection else None,
        position=view.position,
    )
    controls = Controls(
        language=view.language,
        map_view=view.map_view,
        all_years=view.year is None,
        year=view.year or last_year,
        evidence=view.evidence,
        measure=view.measure,
        layers=[layer for layer in Layer if layer in view.layers],
        since=view.since,
    )
    return session, controls


def map_reported(map_value: Mapping[str, object] | None) -> bool:
    """Whether the map has drawn and sent its first report (its centre)."""
    return isinstance((map_value or {}).get("center"), dict)


def map_position(
    session: Session, map_value: Mapping[str, object] | None, map_view: MapView
) -> MapPosition | None:
    """Where the reader has moved the map, else where the link put it; None while the map
    shows its named view. The first report for a named view is its fitted extent: it is
    remembered, and a later report near it is no move."""
    value = map_value or {}
    centre, zoom = value.get("center"), value.get("zoom")
    if not (isinstance(centre, dict) and isinstance(zoom, (int, float))):
        return session.position
    try:
        reported = MapPosition.rounded(float(centre["lat"]), float(centre["lng"]), float(zoom))
    except (KeyError, TypeError, ValueError):
        return session.position
    if session.position is None and map_view not in session.fitted:
        session.fitted[map_view] = reported
    return None if reported.near(session.fitted.get(map_view)) else reported


def click_token(map_value: Mapping[str, object] | None) -> str | None:
    """What identifies the last click the map's value holds (None for no click)."""
    click = clicked_selection(map_value)
    if click is None or map_value is None:
        return None
    return repr(map_value.get("last_object_clicked")) + repr(click)


def take_click(session: Session, map_value: Mapping[str, object] | None) -> bool:
    """Apply the map's last click once (the value persists across runs): select what was
    clicked. True when a click was applied."""
    click = clicked_selection(map_value)
    token = click_token(map_value)
    if click is None or token == session.applied_click:
        return False
    session.applied_click = token
    session.selection = click.ref
    return True


def resume(session: Session, map_value: Mapping[str, object] | None) -> None:
    """At the start of each run of the map's part. In a session's first run the map's value is
    where the map already was: a page that reconnected to a new server resends its last click,
    which the address has already restored (and the reader may have changed the selection
    since), so that click counts as applied."""
    if session.reconnected:
        session.reconnected = False
        session.applied_click = click_token(map_value)


def first_report(session: Session, map_value: Mapping[str, object] | None) -> bool:
    """True once, when the map has just sent its first report: the rest of the page (the
    timeline, the charts) can now be drawn."""
    if session.page_complete or not map_reported(map_value):
        return False
    session.page_complete = True
    return True


def stop_waiting(session: Session, now: float) -> bool:
    """True once, when the map has not reported within PAGE_WAIT_SECONDS of the session's
    first look (``now`` on a monotonic clock): the rest of the page is then drawn without
    it."""
    if session.page_complete:
        return False
    if session.waiting_since is None:
        session.waiting_since = now
    if now - session.waiting_since < PAGE_WAIT_SECONDS:
        return False
    session.page_complete = True
    return True


def pick(session: Session, chosen: str | None) -> None:
    """The search chose a record (a reference), or cleared the selection."""
    session.selection = chosen


def change_view(session: Session) -> None:
    """A named view replaces wherever the map had been moved to."""
    session.position = None


def toggle_play(
    session: Session, year: int, all_years: bool, first_year: int, last_year: int, now: float
) -> int:
    """Start playing from the year shown (from the first year when at the end or showing all
    years), or pause where it is; returns the year to show."""
    if session.playing:
        session.playing = False
        return year
    if all_years or year >= last_year:
        year = first_year
    session.playing = True
    session.played_at = now
    return year


def play_step(session: Session, year: int, last_year: int, now: float) -> int:
    """While playing, the year to show: one more once a step's time has passed; play stops at
    the last year."""
    if now - session.played_at < PLAY_SECONDS * PLAY_EARLY:
        return year
    year = min(year + 1, last_year)
    session.played_at = now
    if year >= last_year:
        session.playing = False
    return year
