"""The changes to the data as an Atom feed (RFC 4287): one entry per section of
geodata/CHANGELOG.md, newest first, so an analyst who cited a figure can subscribe and learn
when it was corrected. Built with ElementTree, so every text is escaped as XML text."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.data.changelog import Change

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
# Ids are URNs derived from fixed names, so they stay the same on every server and every day.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "india-japan-rare-earths-map/changes")
# The changelog is written in English (its sections cite sources by their ids).
CHANGELOG_LANGUAGE = "en"


def entry_id(change: Change) -> str:
    """A change's id: its day and title, as a URN."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{change.date.isoformat()} {change.title}')}"


def _timestamp(change: Change) -> str:
    return f"{change.date.isoformat()}T00:00:00Z"


def atom_feed(changes: Sequence[Change], feed_url: str, page_url: str, language: Language) -> bytes:
    """The feed document; ``feed_url`` is its own address, ``page_url`` the dashboard's."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: language.value})
    ordered = sorted(changes, key=lambda c: c.date, reverse=True)

    def add(parent: ET.Element, tag: str, value: str = "", **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = value or None
        return element

    add(feed, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, language.value)}")
    add(feed, "title", text("feed_title", language))
    add(feed, "subtitle", text("feed_subtitle", language))
    add(feed, "updated", _timestamp(ordered[0]) if ordered else "1970-01-01T00:00:00Z")
    author = add(feed, "author")
    add(author, "name", text("page_title", language))
    add(feed, "link", rel="self", type=MEDIA_TYPE.split(";")[0], href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=page_url)
    for change in ordered:
        entry = add(feed, "entry")
        add(entry, "id", entry_id(change))
        add(entry, "title", f"{change.date.isoformat()}: {change.title}")
        add(entry, "updated", _timestamp(change))
        add(entry, "link", rel="alternate", type="text/html", href=page_url)
        content = add(entry, "content", change.body, type="text")
        content.set(XML_LANG, CHANGELOG_LANGUAGE)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
