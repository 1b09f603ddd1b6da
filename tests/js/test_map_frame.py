"""map_frame.js: tooltips under the pointer at random points of a district, built from text
only whatever the data holds, in the page's language; the frame described for screen
readers when the map sits in one; and the credits folded into a button in an article's frame."""

from __future__ import annotations

import copy

import pytest
import shapely
from playwright.sync_api import Page

from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.map.layer_data import layer_index
from tests.js.conftest import ScriptServer
from tests.js.driver import apply, create, points_inside, screen_point, state_of

pytestmark = pytest.mark.browser

TOOLTIP = ".leaflet-tooltip"
# Ganjam, away from the site marker drawn over it (OSCOM, near Chhatrapur).
GANJAM = 354
SITE_CLEARANCE_DEGREES = 0.2
HOSTILE = '<img src=x onerror="window.ran = 1">Ganjam'


def ganjam_without_the_site(world: World) -> shapely.Geometry:
    district = world.boundaries.districts.set_index("district_lgd").geometry[GANJAM]
    sites = shapely.union_all(list(world.dataset.sites.geometry.dropna()))
    return district.difference(sites.buffer(SITE_CLEARANCE_DEGREES))


def tooltip_rows(page: Page) -> list[list[str]]:
    page.wait_for_selector(TOOLTIP)
    return page.eval_on_selector_all(
        f"{TOOLTIP} tr", "(rows) => rows.map((r) => [...r.cells].map((c) => c.textContent))"
    )


def test_a_district_tooltip_at_random_points_inside_it(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    apply(page, state_of(good_world, View(2020)))
    for lat, lon in points_inside(ganjam_without_the_site(good_world), 4, seed=354):
        page.mouse.move(*screen_point(page, lat, lon))
        assert tooltip_rows(page) == [
            ["District", "Ganjam"],
            ["State", "Odisha"],
            ["Sites", "1"],
            ["Zones", "2"],
        ]
        page.mouse.move(1, 1)


def test_hostile_data_text_is_shown_as_text(page: Page, document: dict, good_world: World) -> None:
    hostile = copy.deepcopy(document)
    position = layer_index(good_world).districts[GANJAM]
    hostile["districts"]["features"][position]["properties"]["name"]["en"] = HOSTILE
    create(page, hostile)
    apply(page, state_of(good_world, View(2020)))
    ((lat, lon),) = points_inside(ganjam_without_the_site(good_world), 1, seed=1)
    page.mouse.move(*screen_point(page, lat, lon))
    assert tooltip_rows(page)[0] == ["District", HOSTILE]
    assert page.locator(f"{TOOLTIP} img").count() == 0
    assert page.evaluate("window.ran") is None


def test_tooltips_and_values_follow_the_language(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document, language="ja")
    apply(page, state_of(good_world, View(2020)))
    page.evaluate("controller.sites[0].openTooltip()")
    rows = tooltip_rows(page)
    labels = document["labels"]["ja"]
    site = document["sites"]["features"][0]["properties"]
    assert rows[0] == [labels["text"]["tooltip_site"], site["name"]["ja"]]
    assert rows[1] == [labels["text"]["tooltip_kind"], labels["groups"]["site_kind"]["mine"]]
    assert rows[2][1] == labels["groups"]["site_status"]["operating"]
    zoom_in = page.get_attribute(".leaflet-control-zoom-in", "aria-label")
    assert zoom_in == labels["text"]["zoom_in"]


def test_an_unknown_value_is_shown_as_it_is_not_as_a_missing_label(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    state = state_of(good_world, View(2020))
    state["sites"] = [[state["sites"][0][0], "toString"]]  # not a status, but an Object key
    apply(page, state)
    page.evaluate("controller.sites[0].openTooltip()")
    assert tooltip_rows(page)[2][1] == "toString"


def test_features_stay_out_of_the_tab_order(page: Page, document: dict, good_world: World) -> None:
    create(page, document)
    apply(page, state_of(good_world, View(2020)))
    tab_stops = page.eval_on_selector_all(
        ".leaflet-overlay-pane path, .leaflet-pane path",
        "(nodes) => nodes.filter((n) => n.tabIndex >= 0).length",
    )
    assert tab_stops == 0


def test_in_a_frame_the_map_is_a_titled_document_with_a_live_summary(
    page: Page, server: ScriptServer, document: dict, good_world: World
) -> None:
    page.goto(f"{server.url}/framed/0")
    frame = page.frame_locator("#frame")
    inner = page.frames[1]
    inner.wait_for_load_state()
    create(inner, document, language="ja")
    title = document["labels"]["ja"]["text"]["map_frame_title"]
    assert page.get_attribute("#frame", "title") == title
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert inner.evaluate("document.documentElement.lang") == "ja"
    assert frame.locator("[role=main] h1").text_content() == title
    state = state_of(good_world, View(2020))
    state["summary"] = "<b>not bold</b> 2020"
    apply(inner, state)
    summary = frame.locator("#map-summary")
    assert summary.get_attribute("aria-live") == "polite"
    assert summary.text_content() == "<b>not bold</b> 2020"
    viewport = inner.get_attribute('meta[name="viewport"]', "content")
    assert viewport == "width=device-width, initial-scale=1"


def test_outside_a_frame_the_page_is_left_as_it_is(page: Page, document: dict) -> None:
    create(page, document)
    assert page.title() == "map"
    assert page.locator("#map-summary").count() == 0


CREDIT = "Boundaries: Survey of India (LGD), DataMeet"


def test_in_an_articles_frame_the_credits_fold_into_a_button(page: Page, document: dict) -> None:
    create(page, document, credits="地図の出典", foldCredits=True)
    page.evaluate(f"map.attributionControl.addAttribution({CREDIT!r})")  # after, as the basemap
    toggle = page.locator(".map-credits-toggle")
    credits = page.locator(".leaflet-control-attribution")
    assert toggle.get_attribute("aria-label") == "地図の出典"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == credits.get_attribute("id")
    assert not credits.is_visible()
    box = toggle.bounding_box()
    assert box is not None
    assert (box["width"], box["height"]) == (24, 24)  # WCAG 2.2's smallest target

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert credits.is_visible()
    assert CREDIT in (credits.text_content() or "")  # the same text, kept up to date
    assert "Leaflet" in (credits.text_content() or "")
    toggle.click()
    assert not credits.is_visible()

    toggle.focus()
    page.keyboard.press("Enter")
    assert credits.is_visible()
    page.keyboard.press("Tab")  # into the credits' own link
    page.keyboard.press("Escape")
    assert not credits.is_visible()
    assert page.evaluate("document.activeElement.className") == "map-credits-toggle"


def test_a_click_on_the_folded_credits_does_not_reach_the_map(page: Page, document: dict) -> None:
    create(page, document, credits="Map credits", foldCredits=True)
    page.evaluate("() => { window.clicks = 0; map.on('click', () => { window.clicks += 1; }); }")
    page.locator(".map-credits-toggle").click()
    assert page.evaluate("window.clicks") == 0


def test_without_the_option_the_credits_are_leaflets_own(page: Page, document: dict) -> None:
    create(page, document)
    page.evaluate(f"map.attributionControl.addAttribution({CREDIT!r})")
    assert page.locator(".map-credits-toggle").count() == 0
    assert page.locator(".leaflet-control-attribution").is_visible()


@pytest.mark.parametrize(("width", "folded"), [(390, True), (800, False)])
def test_a_narrow_map_folds_its_credits_by_itself(
    page: Page, document: dict, width: int, folded: bool
) -> None:
    page.evaluate("(w) => (document.getElementById('map').style.width = `${w}px`)", width)
    create(page, document, credits="Map credits", foldCredits=False)
    assert (page.locator(".map-credits-toggle").count() == 1) is folded
