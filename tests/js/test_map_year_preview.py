"""map_controller.js: when the page's year slider moves, the map draws that year's state before
the script's run brings the same: one of the years around the view's, asked for from the
map-years route once the map is drawn and when the reader takes the slider, is drawn as the
slider moves; another is asked for from the map-state route and drawn when it comes. A run for
a year the slider has already left is held back (for a while), an answer for such a year is
not drawn, and nothing is asked in the all-years view or drawn when a route fails.

The page stands in for Streamlit's: a range input inside ``[data-testid="stSlider"]`` whose
``aria-valuetext`` follows its value (tests/browser/test_year_change.py checks the real one)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from dashboard.core.view import View
from dashboard.core.world import World
from tests.js.conftest import Answer, ScriptServer
from tests.js.driver import apply, attribute, create, state_of

pytestmark = pytest.mark.browser

SLIDER = (
    '<div data-testid="stSlider"><input type="range" min="1990" max="2026" value="2026"'
    ' aria-valuetext="2026"></div>'
)
# How long a run's state for a year the slider has left is held back (map_controller.js).
HOLD_MS = 3000


def move_slider(page: Page, year: int, focused: bool = True) -> None:
    """The slider moved to ``year``: by the reader (it holds the focus), or by the page."""
    page.evaluate(
        """([year, focused]) => {
            const input = document.querySelector('[data-testid="stSlider"] input');
            if (focused) {
                input.focus();
            }
            input.value = year;
            input.setAttribute("aria-valuetext", year);
        }""",
        [str(year), focused],
    )


def shown_year(page: Page) -> str | None:
    return page.locator("#map").get_attribute("data-year")


def wait_for_year(page: Page, year: int | str) -> None:
    page.wait_for_function(
        "(year) => document.querySelector('#map').dataset.year === year", arg=str(year)
    )


def district_fills(page: Page) -> list[str | None]:
    return attribute(page, ".leaflet-districts-pane path.district", "fill")


def state_body(world: World, year: int) -> bytes:
    return json.dumps(state_of(world, View(year))).encode()


def years_body(world: World, years: range) -> bytes:
    return json.dumps({str(year): state_of(world, View(year)) for year in years}).encode()


def move_slider_and_read_the_map(page: Page, year: int) -> str | None:
    """Move the slider and read the map's year before anything else can happen: after the
    slider's observer, with no network answer or timer in between."""
    return page.evaluate(
        """async (year) => {
            const input = document.querySelector('[data-testid="stSlider"] input');
            input.focus();
            input.value = year;
            input.setAttribute("aria-valuetext", year);
            await null;  // the observer's callback ran first: it was queued with the change
            return document.querySelector('#map').dataset.year;
        }""",
        str(year),
    )


def near_years_held(page: Page) -> None:
    page.wait_for_function("() => Object.keys(window.controller.near?.states ?? {}).length > 0")


def questions_to(page: Page, route: str, part: Callable[[str], str]) -> list[str]:
    """What ``part`` takes of each address the map asks of ``route``, in order."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(part(r.url)) if f"/data/{route}" in r.url else None)
    return seen


@pytest.fixture
def asked(page: Page) -> list[str]:
    """The years the map asked the state route for, in order."""
    return questions_to(page, "state", lambda url: url.rsplit("year=", 1)[1])


@pytest.fixture
def asked_near(page: Page) -> list[str]:
    """The questions the map asked the years route, in order (the query of each)."""
    return questions_to(page, "years", lambda url: url.split("?", 1)[1])


def run_state(world: World, year: int | None, query: str = "lang=en") -> dict[str, Any]:
    """A run's state for ``year`` of the view ``query`` names, with the routes' addresses."""
    near = query + (f"&year={year}" if year else "&year=all")
    return {
        **state_of(world, View(year)),
        "yearState": f"/data/state?{query}",
        "nearYears": f"/data/years?{near}",
    }


def open_map(
    page: Page,
    server: ScriptServer,
    document: dict,
    world: World,
    year: int | None = 2026,
    near: bool = False,
) -> dict[str, Any]:
    """The map drawn with the run's state for ``year``, which names the state route (and,
    given ``near``, the years route)."""
    page.evaluate("(html) => document.body.insertAdjacentHTML('beforeend', html)", SLIDER)
    create(page, server.answer("layers.json", Answer(200, json.dumps(document).encode())))
    state = run_state(world, year)
    if not near:
        del state["nearYears"]
    apply(page, state)
    return state


def test_the_slider_s_year_is_drawn_before_the_run_brings_it(
    page: Page, server: ScriptServer, document: dict, good_world: World, asked: list[str]
) -> None:
    server.answer("state", Answer(200, state_body(good_world, 2020)))
    open_map(page, server, document, good_world)
    assert shown_year(page) == "2026"
    before = district_fills(page)
    move_slider(page, 2020)
    wait_for_year(page, 2020)
    assert asked == ["2020"]
    drawn_ahead = district_fills(page)
    # The run for the same year follows and is drawn as usual: the same picture.
    apply(page, {**state_of(good_world, View(2020)), "yearState": "/data/state?lang=en"})
    assert shown_year(page) == "2020"
    assert asked == ["2020"]
    assert district_fills(page) == drawn_ahead != before


def test_a_run_for_a_year_the_slider_has_left_is_held_back_for_a_while(
    page: Page, server: ScriptServer, document: dict, good_world: World
) -> None:
    server.answer("state", Answer(200, state_body(good_world, 2015)))
    open_map(page, server, document, good_world)
    move_slider(page, 2015)
    wait_for_year(page, 2015)
    # Streamlit draws the slider again as the runs come in, and its input says its year again.
    move_slider(page, 2015)
    page.wait_for_timeout(100)
    apply(page, state_of(good_world, View(2016)))  # a run for a year passed on the way
    page.wait_for_timeout(300)
    assert shown_year(page) == "2015"
    # No run for the slider's year comes (say the server lost it): the last run's state is
    # drawn after a while, so the map never stays on an answer the server did not confirm.
    page.wait_for_timeout(HOLD_MS)
    assert shown_year(page) == "2016"


def test_only_the_answer_for_the_year_the_slider_is_on_is_drawn(
    page: Page, server: ScriptServer, document: dict, good_world: World, asked: list[str]
) -> None:
    # The first question (2024) is answered late, after the second (2022).
    server.answer(
        "state",
        Answer(200, state_body(good_world, 2024), delay_s=0.5),
        Answer(200, state_body(good_world, 2022)),
    )
    open_map(page, server, document, good_world)
    move_slider(page, 2024)
    page.wait_for_timeout(50)
    move_slider(page, 2022)
    wait_for_year(page, 2022)
    page.wait_for_timeout(700)  # the late answer has come by now
    assert shown_year(page) == "2022"
    assert asked == ["2024", "2022"]


def test_a_failed_answer_leaves_the_map_to_the_run(
    page: Page, server: ScriptServer, document: dict, good_world: World, asked: list[str]
) -> None:
    server.answer("state", Answer(503, b""))
    open_map(page, server, document, good_world)
    move_slider(page, 2018)
    page.wait_for_timeout(300)
    assert asked == ["2018"]
    assert shown_year(page) == "2026"
    apply(page, state_of(good_world, View(2018)))
    assert shown_year(page) == "2018"


def test_nothing_is_asked_in_the_all_years_view_or_for_the_year_shown(
    page: Page, server: ScriptServer, document: dict, good_world: World, asked: list[str]
) -> None:
    server.answer("state", Answer(200, state_body(good_world, 2010)))
    open_map(page, server, document, good_world, year=None)
    move_slider(page, 2010)
    page.wait_for_timeout(300)
    assert shown_year(page) == "all"
    apply(page, {**state_of(good_world, View(2010)), "yearState": "/data/state?lang=en"})
    move_slider(page, 2010)  # the slider catches up with the run's year: nothing to ask
    page.wait_for_timeout(300)
    assert asked == []


def test_the_years_around_are_asked_once_the_map_is_drawn_and_drawn_as_the_slider_moves(
    page: Page,
    server: ScriptServer,
    document: dict,
    good_world: World,
    asked: list[str],
    asked_near: list[str],
) -> None:
    server.answer("years", Answer(200, years_body(good_world, range(2019, 2027))))
    open_map(page, server, document, good_world, near=True)
    before = district_fills(page)
    near_years_held(page)
    assert asked_near == ["lang=en&year=2026"]
    assert move_slider_and_read_the_map(page, 2020) == "2020"
    drawn_ahead = district_fills(page)
    # The run brings the same picture.
    apply(page, run_state(good_world, 2020))
    assert district_fills(page) == drawn_ahead != before
    assert move_slider_and_read_the_map(page, 2021) == "2021"
    assert asked == []
    # A year not among them is asked for, as before, and so are the years around the last
    # run's.
    server.answer("state", Answer(200, state_body(good_world, 2012)))
    move_slider(page, 2012)
    wait_for_year(page, 2012)
    assert asked == ["2012"]
    assert asked_near == ["lang=en&year=2026", "lang=en&year=2020"]


def test_taking_the_slider_asks_for_the_years_around_again_once_the_view_or_year_moved(
    page: Page, server: ScriptServer, document: dict, good_world: World, asked_near: list[str]
) -> None:
    server.answer("years", Answer(200, years_body(good_world, range(2015, 2027))))
    open_map(page, server, document, good_world, near=True)
    near_years_held(page)
    slider = page.locator('[data-testid="stSlider"] input')
    page.evaluate("() => document.body.insertAdjacentHTML('beforeend', '<button>x</button>')")

    def take(how: str) -> None:
        page.focus("button")  # not the slider: nothing asked
        if how == "focus":
            slider.focus()
        else:
            slider.dispatch_event("pointerdown")
        page.wait_for_timeout(200)

    # Two years from the one they were asked for, the years around still reach two either side.
    apply(page, run_state(good_world, 2024))
    take("focus")
    assert asked_near == ["lang=en&year=2026"]
    apply(page, run_state(good_world, 2023))
    take("focus")
    apply(page, run_state(good_world, 2020))
    take("press")
    apply(page, run_state(good_world, 2020, "lang=en&evidence=confirmed"))  # a filter changed
    take("press")
    take("focus")
    assert asked_near == [
        "lang=en&year=2026",
        "lang=en&year=2023",
        "lang=en&year=2020",
        "lang=en&evidence=confirmed&year=2020",
    ]


def test_the_years_around_another_view_are_not_drawn(
    page: Page,
    server: ScriptServer,
    document: dict,
    good_world: World,
    asked: list[str],
) -> None:
    server.answer("years", Answer(200, years_body(good_world, range(2021, 2027))))
    server.answer("state", Answer(200, state_body(good_world, 2025), delay_s=0.2))
    open_map(page, server, document, good_world, near=True)
    near_years_held(page)
    # The reader changed a filter: the run's view is another.
    apply(page, run_state(good_world, 2026, "lang=en&evidence=confirmed"))
    assert move_slider_and_read_the_map(page, 2025) == "2026"
    wait_for_year(page, 2025)
    assert asked == ["2025"]


def test_a_failed_answer_for_the_years_around_leaves_each_year_to_its_own_question(
    page: Page, server: ScriptServer, document: dict, good_world: World, asked: list[str]
) -> None:
    server.answer("years", Answer(503, b""))
    server.answer("state", Answer(200, state_body(good_world, 2024)))
    open_map(page, server, document, good_world, near=True)
    page.wait_for_function("() => window.controller.near !== null")
    page.wait_for_timeout(200)
    move_slider(page, 2024)
    wait_for_year(page, 2024)
    assert asked == ["2024"]


def test_a_slider_moved_by_the_page_not_the_reader_is_left_to_the_runs(
    page: Page, server: ScriptServer, document: dict, good_world: World, asked: list[str]
) -> None:
    # While Play runs, the focus is on its button, and Streamlit draws the slider with the year
    # before the run's for a moment, after the run's state has come.
    server.answer("years", Answer(200, years_body(good_world, range(2019, 2027))))
    server.answer("state", Answer(200, state_body(good_world, 2012)))
    open_map(page, server, document, good_world, near=True)
    near_years_held(page)
    apply(page, run_state(good_world, 2025))
    move_slider(page, 2024, focused=False)
    move_slider(page, 2012, focused=False)
    page.wait_for_timeout(300)
    assert shown_year(page) == "2025"
    assert asked == []
