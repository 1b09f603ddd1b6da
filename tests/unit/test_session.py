"""The page's behaviour between runs, without Streamlit: a link restored once, a click applied
once (and not again when a reconnecting page resends it), the map's first report, the fitted
extent that is not a move, and Play's steps."""

from __future__ import annotations

from dashboard.core import session as flow
from dashboard.core.choices import EvidenceLevel, Language, Layer, MapView, Measure
from dashboard.core.refs import Selection
from dashboard.core.view import MapPosition, View

CLICK_GANJAM = {
    "last_active_drawing": {"properties": {"ref": "district:lgd-354"}},
    "last_object_clicked": {"lat": 19.4, "lng": 84.7},
}
REPORT = {"center": {"lat": 17.6, "lng": 82.1}, "zoom": 6}


def test_a_link_sets_the_controls_and_the_selection() -> None:
    view = View(
        year=2012,
        evidence=EvidenceLevel.VERIFIED,
        layers=frozenset({Layer.SITES, Layer.DISTRICTS}),
        measure=Measure.ZONES,
        map_view=MapView.PARTNERS,
        selection=Selection("district", "lgd-354"),
        position=MapPosition(19.3, 84.8, 8),
        language=Language.JA,
    )
    session, controls = flow.restored(view, ("sel",), last_year=2026)
    assert session.selection == "district:lgd-354"
    assert session.position == MapPosition(19.3, 84.8, 8)
    assert session.ignored == ("sel",)
    assert controls.year == 2012
    assert not controls.all_years
    assert controls.layers == [Layer.DISTRICTS, Layer.SITES]  # in the layer chooser's order
    assert controls.language is Language.JA


def test_all_years_starts_the_slider_at_the_last_year() -> None:
    _, controls = flow.restored(View(year=None), (), last_year=2026)
    assert controls.all_years
    assert controls.year == 2026


def test_a_click_is_applied_once() -> None:
    session = flow.Session(reconnected=False)
    assert flow.take_click(session, CLICK_GANJAM)
    assert session.selection == "district:lgd-354"
    session.selection = "district:lgd-369"  # the reader picks Puri afterwards
    assert not flow.take_click(session, CLICK_GANJAM)  # the same value comes with every run
    assert session.selection == "district:lgd-369"


def test_a_reconnecting_page_does_not_replay_its_last_click() -> None:
    session = flow.Session(selection="district:lgd-369")  # restored from the address
    flow.resume(session, CLICK_GANJAM)
    assert not flow.take_click(session, CLICK_GANJAM)
    assert session.selection == "district:lgd-369"
    flow.resume(session, CLICK_GANJAM)  # only the first run counts as a reconnect
    assert not session.reconnected


def test_a_forged_click_is_no_selection() -> None:
    session = flow.Session(reconnected=False)
    forged = {"last_active_drawing": {"properties": {"ref": "<script>"}}}
    assert not flow.take_click(session, forged)
    assert session.selection is None


def test_the_first_report_completes_the_page_once() -> None:
    session = flow.Session()
    assert not flow.first_report(session, {})
    assert flow.first_report(session, REPORT)
    assert not flow.first_report(session, REPORT)


def test_a_page_stops_waiting_for_a_silent_map_once() -> None:
    """A map that stayed drawn while its server restarted may never report to the new one."""
    session = flow.Session()
    assert not flow.stop_waiting(session, 100.0)  # starts the wait
    assert not flow.stop_waiting(session, 100.0 + flow.PAGE_WAIT_SECONDS - 0.1)
    assert flow.stop_waiting(session, 100.0 + flow.PAGE_WAIT_SECONDS)
    assert session.page_complete
    assert not flow.stop_waiting(session, 1000.0)


def test_a_page_whose_map_reported_does_not_wait() -> None:
    session = flow.Session()
    flow.first_report(session, REPORT)
    assert not flow.stop_waiting(session, 100.0)
    assert not flow.stop_waiting(session, 100.0 + 10 * flow.PAGE_WAIT_SECONDS)
    assert session.page_complete


def test_the_fitted_extent_is_not_a_move_but_a_pan_is() -> None:
    session = flow.Session()
    assert flow.map_position(session, REPORT, MapView.STATES) is None
    moved = {"center": {"lat": 19.3, "lng": 84.8}, "zoom": 8}
    assert flow.map_position(session, moved, MapView.STATES) == MapPosition(19.3, 84.8, 8)
    assert flow.map_position(session, REPORT, MapView.STATES) is None  # back where it was


def test_a_link_position_holds_until_the_view_changes() -> None:
    session = flow.Session(position=MapPosition(19.3, 84.8, 8))
    assert flow.map_position(session, {}, MapView.STATES) == MapPosition(19.3, 84.8, 8)
    flow.change_view(session)
    assert flow.map_position(session, {}, MapView.STATES) is None


def test_play_starts_from_the_first_year_at_the_end_and_steps_a_second_at_a_time() -> None:
    session = flow.Session()
    year = flow.toggle_play(session, 2026, False, 1984, 2026, now=100.0)
    assert (year, session.playing) == (1984, True)
    assert flow.play_step(session, year, 2026, now=100.5) == 1984  # too soon
    assert flow.play_step(session, year, 2026, now=101.0) == 1985
    assert flow.toggle_play(session, 1985, False, 1984, 2026, now=101.2) == 1985
    assert not session.playing


def test_play_stops_at_the_last_year() -> None:
    session = flow.Session(playing=True, played_at=0.0)
    assert flow.play_step(session, 2025, 2026, now=5.0) == 2026
    assert not session.playing


def test_the_search_selects_what_it_chose_or_clears() -> None:
    session = flow.Session(selection="district:lgd-354")
    flow.pick(session, "org:org-irel")
    assert session.selection == "org:org-irel"
    flow.pick(session, None)
    assert session.selection is None
