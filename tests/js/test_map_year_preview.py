"""map_controller.js: when the page's year slider moves, the map asks the map-state route for
that year's state and draws it before the script's run brings the same; a run for a year the
slider has already left is held back (for a while), an answer for such a year is not drawn,
and nothing is asked in the all-years view or when the route fails.

The page stands in for Streamlit's: a range input inside ``[data-testid="stSlider"]`` whose
``aria-valuetext`` follows its value (tests/browser/test_year_change.py checks the real one)."""

from __future__ import annotations

import json
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


def move_slider(page: Page, year: int) -> None:
    page.evaluate(
        """(year) => {
            const input = document.querySelector('[data-testid="stSlider"] input');
            input.value = year;
            input.setAttribute("aria-valuetext", year);
        }""",
        str(year),
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


@pytest.fixture
def asked(page: Page) -> list[str]:
    """The years the map asked the state route for, in order."""
    years: list[str] = []
    page.on(
        "request",
        lambda r: years.append(r.url.rsplit("year=", 1)[1]) if "/data/state" in r.url else None,
    )
    return years


def open_map(
    page: Page, server: ScriptServer, document: dict, world: World, year: int | None = 2026
) -> dict[str, Any]:
    """The map drawn with the run's state for ``year``, which names the state route."""
    page.evaluate("(html) => document.body.insertAdjacentHTML('beforeend', html)", SLIDER)
    create(page, server.answer("layers.json", Answer(200, json.dumps(document).encode())))
    state = {**state_of(world, View(year)), "yearState": "/data/state?lang=en"}
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
