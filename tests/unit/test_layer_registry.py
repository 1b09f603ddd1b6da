"""A map layer is one member of dashboard.core.choices.Layer: each place that must know every
layer is checked against it here, so a new member fails with the file that lacks it (the
README's recipe lists the rest)."""

from __future__ import annotations

import re

from dashboard.core.choices import Layer
from dashboard.core.world import World
from dashboard.map.assets import MAP_SCRIPTS
from dashboard.map.layer_data import layer_document
from dashboard.map.summary import COUNTED

CONTROLLER = next(s for s in MAP_SCRIPTS if s.name == "map_controller.js").read_text("utf-8")
NAMES = {layer.value for layer in Layer}


def _js_list(pattern: str) -> set[str]:
    match = re.search(pattern, CONTROLLER, re.S)
    assert match, f"map_controller.js: {pattern} not found"
    return set(re.findall(r'"(\w+)"', match.group(1)))


def test_the_browser_script_knows_every_layer() -> None:
    assert _js_list(r"const LAYERS = \[(.*?)\];") == NAMES, "map_controller.js LAYERS"
    assert _js_list(r"const PANES = \[(.*?)\n  \];") >= NAMES, "map_controller.js PANES"


def test_the_layer_document_holds_every_layer(good_world: World) -> None:
    document = layer_document(good_world)
    assert set(document) >= NAMES, "map/layer_data.py layer_document"


def test_the_summary_counts_every_layer_but_the_districts() -> None:
    assert {layer for layer, _ in COUNTED} == set(Layer) - {Layer.DISTRICTS}, "map/summary.py"
