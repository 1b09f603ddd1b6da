"""map_labels.js: place names from the layer document, each shown only in its zoom range, in
the page's language, as text, and never over another name, a marker or a control."""

from __future__ import annotations

import copy
import itertools

import pytest
from playwright.sync_api import Page

from dashboard.core.view import View
from dashboard.core.world import World
from tests.js.driver import apply, create, state_of

pytestmark = pytest.mark.browser

SHOWN = ".map-label:not([hidden])"


def shown_labels(page: Page) -> dict[str, list[float]]:
    return dict(
        page.eval_on_selector_all(
            SHOWN,
            """(nodes) => nodes.map((n) => {
                const r = n.getBoundingClientRect();
                return [n.textContent, [r.left, r.top, r.width, r.height]];
            })""",
        )
    )


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def zoom_to(page: Page, zoom: float) -> None:
    page.evaluate("(zoom) => map.setZoom(zoom, { animate: false })", zoom)


def test_names_show_in_their_zoom_range_in_the_pages_language(
    page: Page, document: dict, good_world: World
) -> None:
    ganjam = next(
        f["properties"]
        for f in document["districts"]["features"]
        if f["properties"]["ref"] == "district:lgd-354"
    )
    create(page, document, language="ja")
    apply(page, state_of(good_world, View(2020)))
    zoom_to(page, 6)
    names = shown_labels(page)
    assert "オディシャ州" in names  # a state from zoom 5
    assert "インド" not in names  # India's name only below zoom 5 (max_zoom 4)
    assert ganjam["name"]["ja"] not in names  # district names from zoom 8
    zoom_to(page, 4)
    assert "インド" in shown_labels(page)
    page.evaluate("(at) => map.setView(at, 8, { animate: false })", ganjam["label"])
    assert ganjam["name"]["ja"] in shown_labels(page)


def test_no_name_overlaps_another_a_marker_or_a_control(
    page: Page, document: dict, good_world: World
) -> None:
    create(page, document)
    apply(page, state_of(good_world, View(2020)))
    for zoom in (5, 6, 7, 8):
        page.evaluate("(z) => map.setView([19.3, 84.8], z, { animate: false })", zoom)
        boxes = list(shown_labels(page).items())
        assert boxes
        for (one, a), (other, b) in itertools.combinations(boxes, 2):
            assert not overlap(a, b), (zoom, one, other)
        blockers = page.eval_on_selector_all(
            ".leaflet-sites-pane path, .leaflet-control",
            """(nodes) => nodes.map((n) => {
                const r = n.getBoundingClientRect();
                return [r.left, r.top, r.width, r.height];
            })""",
        )
        for name, label in boxes:
            assert not any(overlap(label, b) for b in blockers), (zoom, name)


def test_a_name_is_text_whatever_the_data_holds(
    page: Page, document: dict, good_world: World
) -> None:
    hostile = copy.deepcopy(document)
    hostile["placeLabels"][0]["name"]["en"] = '<img src=x onerror="window.ran = 1">Odisha'
    create(page, hostile)
    apply(page, state_of(good_world, View(2020)))
    zoom_to(page, 6)
    assert '<img src=x onerror="window.ran = 1">Odisha' in shown_labels(page)
    assert page.locator(".map-label img").count() == 0
    assert page.evaluate("window.ran") is None


def test_a_name_that_does_not_fit_waits_for_a_closer_zoom(page: Page, document: dict) -> None:
    crowded = copy.deepcopy(document)
    # Twenty names at one point: the first is written there, a few more find room around
    # it, the rest wait.
    first, *_ = crowded["placeLabels"]
    for n in range(20):
        twin = copy.deepcopy(first)
        twin["name"] = {"en": f"Twin {n}", "ja": f"双子{n}"}
        crowded["placeLabels"].append(twin)
    create(page, crowded)
    zoom_to(page, 6)
    names = shown_labels(page)
    assert first["name"]["en"] in names
    assert 0 < sum(name.startswith("Twin") for name in names) < 20
