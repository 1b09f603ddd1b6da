"""Every text a rendered AppTest page shows a reader: element values, widget labels, options,
help and placeholders, the legend's HTML and the charts' titles."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Element, Expander, Widget

_VALUE_KINDS = {"Title", "Header", "Subheader", "Caption", "Markdown", "Info", "Warning", "Error"}
_WIDGET_KINDS = {
    "Radio",
    "Selectbox",
    "Multiselect",
    "Button",
    "DownloadButton",
    "Checkbox",
    "Slider",
    "Expander",
}


def _nodes(node: object) -> Iterator[object]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _chart_titles(spec: object) -> Iterator[str]:
    """Titles, axis and legend names and colour domains of a Vega-Lite spec."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "domain") and isinstance(value, (str, list)):
                yield from ([value] if isinstance(value, str) else map(str, value))
            else:
                yield from _chart_titles(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from _chart_titles(item)


def page_words(at: AppTest) -> list[str]:
    """The page's texts, one entry per element or widget part."""
    words: list[str] = []
    for node in _nodes(at._tree):
        kind = type(node).__name__
        proto = getattr(node, "proto", None)
        if kind in _VALUE_KINDS:
            assert isinstance(node, Element), kind
            words.append(str(node.value))
        elif kind in _WIDGET_KINDS:
            assert isinstance(node, (Widget, Expander)), kind
            words.append(str(node.label))
            words += [str(option) for option in getattr(node, "options", [])]
            for part in ("help", "placeholder"):
                words.append(str(getattr(proto, part, "") or ""))
        elif kind == "Html":  # what it shows: a style sheet, tags and attributes are not read
            assert proto is not None
            shown = re.sub(r"<style>.*?</style>", "", proto.body, flags=re.DOTALL)
            words.append(html.unescape(re.sub(r"<[^>]*>", " ", shown)))
        elif getattr(node, "type", "") == "vega_lite_chart":
            assert proto is not None
            words += list(_chart_titles(json.loads(proto.spec)))
    return [w for w in words if w]
