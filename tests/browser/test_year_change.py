"""A year change sends the map's state, not its geometry: the district shapes stay the same
DOM nodes, clicks keep selecting, the whole change stays within the transfer budget, the map
draws the slider's year before the page's run brings it, and Play steps through every year to
the last and stops, or pauses with its year in the address."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, WebSocket, WebSocketRoute, expect

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.core.url import domain_of
from dashboard.core.world import load_world
from tests.paths import DISTRICTS

from .pages import (
    MAP_IFRAME,
    district_point,
    map_frame,
    open_map,
    set_year_with_keyboard,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

# The years Play steps through in the test, up to the last.
PLAY_YEARS = 5

THIS_YEAR = dt.date.today().year
# Everything the server sends for one year step, over the WebSocket (issue 11's budget).
YEAR_CHANGE_BYTES_BUDGET = 25_000


def shown_year(page: Page) -> str:
    return map_frame(page).evaluate("() => map_div.getContainer().dataset.year")


def test_a_year_change_keeps_the_district_shapes_and_clicks_still_select(
    page: Page, app_url: str
) -> None:
    frame = open_map(page, app_url)
    map_frame(page).evaluate(
        "() => document.querySelectorAll('path.district')"
        ".forEach((p, i) => { p.dataset.drawn = String(i); })"
    )
    for year in (2020, 2014, 2011):
        set_year_with_keyboard(page, int(shown_year(page)), year)
        expect(page.frame_locator(MAP_IFRAME).locator(".leaflet-container")).to_have_attribute(
            "data-year", str(year), timeout=20_000
        )
    expect(frame.locator("path.district[data-drawn]")).to_have_count(DISTRICTS)
    wait_until_idle(page)
    x, y = district_point(page, "Puri")
    page.mouse.click(x, y)
    details = page.locator('[data-testid="stMainBlockContainer"]')
    expect(details.get_by_role("heading", name="Puri", exact=True)).to_be_visible(timeout=20_000)
    expect(frame.locator("path.selected")).to_have_count(1)


def test_a_year_change_sends_little(page: Page, app_url: str) -> None:
    received: list[int] = []

    def listen(socket: WebSocket) -> None:
        socket.on("framereceived", lambda payload: received.append(len(payload)))

    page.on("websocket", listen)
    open_map(page, app_url)
    received.clear()
    set_year_with_keyboard(page, THIS_YEAR, THIS_YEAR - 1)
    expect(page.frame_locator(MAP_IFRAME).locator(".leaflet-container")).to_have_attribute(
        "data-year", str(THIS_YEAR - 1), timeout=20_000
    )
    wait_until_idle(page)
    assert received, "the year change reached the server and came back"
    assert sum(received) <= YEAR_CHANGE_BYTES_BUDGET, received


def test_the_map_draws_the_slider_s_year_before_the_page_s_run(page: Page, app_url: str) -> None:
    """The map's frame watches Streamlit's slider (private_api.js, watchYearSlider: it fails
    here when Streamlit changes the slider's markup) and draws the year from the states of the
    years around the view's (the map-years route, asked once the map is drawn), or from the
    map-state route for a year farther off: held back, the server's messages are not needed
    for the map to show either."""
    held: list[str | bytes] = []
    holding = False

    def relay(socket: WebSocketRoute) -> None:
        server = socket.connect_to_server()
        socket.on_message(server.send)

        def to_page(message: str | bytes) -> None:
            if holding:
                held.append(message)
            else:
                socket.send(message)

        server.on_message(to_page)
        sockets.append(socket)

    sockets: list[WebSocketRoute] = []
    page.route_web_socket("**/_stcore/stream", relay)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(below_host(r.url)) if "/map-" in r.url else None)
    open_map(page, app_url)
    wait_until_idle(page)
    assert [url for url in asked if url.startswith("/map-years?")], asked
    container = page.frame_locator(MAP_IFRAME).locator(".leaflet-container")
    first_year = domain_of(load_world(), THIS_YEAR).first_year
    for year, move in (
        (THIS_YEAR - 1, lambda: set_year_with_keyboard(page, THIS_YEAR, THIS_YEAR - 1)),
        (first_year, lambda: page.keyboard.press("Home")),
    ):
        holding = True
        held.clear()
        move()
        expect(container).to_have_attribute("data-year", str(year), timeout=20_000)
        page.wait_for_timeout(500)
        assert held, "the page's run was held back"
        assert address_year(page) != str(year)  # the run has not reached the page
        holding = False
        for message in held:
            sockets[-1].send(message)
        page.wait_for_function(
            f"new URLSearchParams(location.search).get('year') === '{year}'", timeout=20_000
        )
        expect(container).to_have_attribute("data-year", str(year))
    # The first year is not among those around the last: it was asked for alone.
    assert [url for url in asked if url.startswith("/map-state?")] == [
        f"/map-state?lang=en&year={first_year}"
    ], asked


def below_host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def address_year(page: Page) -> str | None:
    return parse_qs(urlsplit(page.url).query).get("year", [None])[0]


def test_play_steps_through_every_year_to_the_last_and_stops(page: Page, app_url: str) -> None:
    # From a few years before the end: each year shown in turn, then a stop (starting again
    # from the first year at the end is the session's rule, unit-tested in test_session.py).
    domain = domain_of(load_world(), THIS_YEAR)
    start = domain.last_year - PLAY_YEARS
    open_map(page, f"{app_url}/?year={start}")
    # Record every year the map shows, as it shows it.
    map_frame(page).evaluate(
        """() => {
            window.shownYears = [];
            const map = map_div.getContainer();
            new MutationObserver(() => window.shownYears.push(map.dataset.year))
                .observe(map, { attributes: true, attributeFilter: ["data-year"] });
        }"""
    )
    page.get_by_role("button", name=text("play", Language.EN)).click()
    play = page.get_by_role("button", name=text("play", Language.EN))
    expect(page.get_by_role("button", name=text("pause", Language.EN))).to_be_visible(
        timeout=20_000
    )
    expect(play).to_be_visible(timeout=(PLAY_YEARS * 2 + 30) * 1000)  # stopped by itself
    shown = [int(y) for y in map_frame(page).evaluate("() => window.shownYears")]
    steps = [y for i, y in enumerate(shown) if i == 0 or y != shown[i - 1]]
    assert steps == list(range(start + 1, domain.last_year + 1))
    page.wait_for_timeout(2_000)
    assert shown_year(page) == str(domain.last_year)  # and stays there
    assert address_year(page) is None  # the last year is the default


def test_pausing_keeps_the_year_in_the_address(page: Page, app_url: str) -> None:
    open_map(page, f"{app_url}/?year=2015")
    page.get_by_role("button", name=text("play", Language.EN)).click()
    expect(page.frame_locator(MAP_IFRAME).locator(".leaflet-container")).to_have_attribute(
        "data-year", "2017", timeout=20_000
    )
    page.get_by_role("button", name=text("pause", Language.EN)).click()
    expect(page.get_by_role("button", name=text("play", Language.EN))).to_be_visible(timeout=20_000)
    paused = shown_year(page)
    page.wait_for_function(
        f"new URLSearchParams(location.search).get('year') === '{paused}'", timeout=20_000
    )
    page.wait_for_timeout(2_500)
    assert shown_year(page) == paused
    assert address_year(page) == paused
