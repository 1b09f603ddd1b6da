"""map_changes.js: a sign beside each record the state marks as changed, its shape and glyph
by kind (not colour alone), none for a hidden layer, none in the pointer's way."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from dashboard.core.choices import Layer
from dashboard.core.view import View
from dashboard.core.world import World
from tests.js.driver import apply, create, state_of

pytestmark = pytest.mark.browser


def test_each_change_gets_its_sign(page: Page, document: dict, good_world: World) -> None:
    create(page, document)
    state = state_of(good_world, View(2020, since=2001))
    kinds = sorted(kind for _, _, kind in state["changes"])
    assert kinds
    apply(page, state)
    signs = page.eval_on_selector_all(
        ".change-mark",
        """(nodes) => nodes.map((n) => [
            [...n.classList].find((c) => c.startsWith("change-") && c !== "change-mark"),
            n.textContent,
            getComputedStyle(n).pointerEvents,
        ])""",
    )
    assert sorted(kind.removeprefix("change-") for kind, _, _ in signs) == kinds
    glyphs = {"change-appeared": "+", "change-changed": "↻", "change-ended": "×"}
    assert all(glyphs[kind] == glyph for kind, glyph, _ in signs)
    assert page.evaluate("getComputedStyle(map.getPane('changes')).pointerEvents") == "none"
    hidden = state_of(good_world, View(2020, since=2001, layers=frozenset({Layer.DISTRICTS})))
    apply(page, hidden)
    assert page.locator(".change-mark").count() == 0
    apply(page, state_of(good_world, View(2020)))
    assert page.locator(".change-mark").count() == 0
