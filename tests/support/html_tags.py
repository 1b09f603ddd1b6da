"""The start tags of an HTML fragment with their attributes, read as a browser's parser reads
them (entities decoded): what a snippet really holds, whatever text went into it."""

from __future__ import annotations

from html.parser import HTMLParser

Attributes = dict[str, str | None]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, Attributes]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def start_tags(fragment: str) -> list[tuple[str, Attributes]]:
    """Each start tag's name and attributes, in order."""
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.tags


def only_iframe(fragment: str) -> Attributes:
    """The attributes of the fragment's one tag, which must be an ``<iframe>``."""
    ((tag, attrs),) = start_tags(fragment)
    assert tag == "iframe", fragment
    return attrs
