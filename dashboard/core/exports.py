"""The downloads of a view as plain addresses: ``exports/<file>?<the view's query>``.

A download is then an ordinary request that any replica answers from the data alone: no
session, and no file held in one server's memory between a click and its request (Streamlit's
own download files are deleted after two script runs anywhere on the server, so on a busy
server a reader's click could fetch nothing). The address of a view's data can also be pasted
into a report like the view's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from urllib.parse import quote, urlencode

# The folder inside each zip, and the start of every file's name.
EXPORT_NAME = "india-japan-rare-earths"
ROUTE = "exports"
# The feed of changes to the data, at a stable address below the server's base path.
FEED_FILE = "changes.atom"
# Where a reader's map tells the server it could not load its layers.
MAP_EVENTS = "map-events"
# Where a reader's map asks for the state of the year its slider moves to.
MAP_STATE = "map-state"
# Where it asks, as the reader takes the slider, for the states of the years around the view's.
MAP_YEARS = "map-years"


class Export(Enum):
    """The files a view can be downloaded as."""

    GEOJSON = "geojson"
    CSV = "csv"
    HTML = "html"
    SLIDE_PNG = "slide_png"
    SLIDE_SVG = "slide_svg"
    SLIDE_PDF = "slide_pdf"
    A4_PNG = "a4_png"
    A4_SVG = "a4_svg"
    A4_PDF = "a4_pdf"

    @property
    def file(self) -> ExportFile:
        """Its file name and media type."""
        return FILES[self]


class PictureLayout(Enum):
    """The page a picture of the map is laid out on: a 16:9 slide or an A4 portrait page."""

    SLIDE = "slide"
    A4 = "a4"


class PictureFormat(Enum):
    """The file format of a picture of the map."""

    PNG = "png"
    SVG = "svg"
    PDF = "pdf"


@dataclass(frozen=True)
class Picture:
    """What a picture download is: its layout and its format (the page groups its links by
    layout)."""

    layout: PictureLayout
    format: PictureFormat


@dataclass(frozen=True)
class ExportFile:
    """A download's file name and media type; ``picture`` for a picture of the map."""

    name: str
    media_type: str
    picture: Picture | None = None


PICTURE_MEDIA_TYPES = {
    PictureFormat.PNG: "image/png",
    PictureFormat.SVG: "image/svg+xml",
    PictureFormat.PDF: "application/pdf",
}


def _picture_file(layout: PictureLayout, form: PictureFormat) -> ExportFile:
    return ExportFile(
        f"{EXPORT_NAME}-{layout.value}.{form.value}",
        PICTURE_MEDIA_TYPES[form],
        Picture(layout, form),
    )


FILES = {
    Export.GEOJSON: ExportFile(f"{EXPORT_NAME}-geojson.zip", "application/zip"),
    Export.CSV: ExportFile(f"{EXPORT_NAME}-csv.zip", "application/zip"),
    Export.HTML: ExportFile(f"{EXPORT_NAME}-map.html", "text/html; charset=utf-8"),
    Export.SLIDE_PNG: _picture_file(PictureLayout.SLIDE, PictureFormat.PNG),
    Export.SLIDE_SVG: _picture_file(PictureLayout.SLIDE, PictureFormat.SVG),
    Export.SLIDE_PDF: _picture_file(PictureLayout.SLIDE, PictureFormat.PDF),
    Export.A4_PNG: _picture_file(PictureLayout.A4, PictureFormat.PNG),
    Export.A4_SVG: _picture_file(PictureLayout.A4, PictureFormat.SVG),
    Export.A4_PDF: _picture_file(PictureLayout.A4, PictureFormat.PDF),
}


def export_named(file_name: str) -> Export | None:
    """The export a requested file name stands for, if any."""
    return next((kind for kind, file in FILES.items() if file.name == file_name), None)


def route_path(base_url_path: str) -> str:
    """Where the export route listens, below the server's base path (``server.baseUrlPath``)."""
    base = base_url_path.strip("/")
    return f"/{base}/{ROUTE}" if base else f"/{ROUTE}"


def feed_href(base_url_path: str) -> str:
    """The address of the feed of changes (``changes.atom`` below the base path)."""
    return _below_base(base_url_path, FEED_FILE)


def map_events_href(base_url_path: str) -> str:
    """The address the map posts its problems to (``map-events`` below the base path)."""
    return _below_base(base_url_path, MAP_EVENTS)


def map_state_href(base_url_path: str) -> str:
    """The address the map asks for a view's state (``map-state`` below the base path)."""
    return _below_base(base_url_path, MAP_STATE)


def map_years_href(base_url_path: str) -> str:
    """The address the map asks for the states of the years around a view's (``map-years``
    below the base path)."""
    return _below_base(base_url_path, MAP_YEARS)


def _below_base(base_url_path: str, name: str) -> str:
    base = base_url_path.strip("/")
    return f"/{base}/{name}" if base else f"/{name}"


def export_href(kind: Export, params: Mapping[str, str], base_url_path: str) -> str:
    """The address of one download of the view whose URL parameters are ``params``."""
    return f"{route_path(base_url_path)}/{quote(kind.file.name)}?{urlencode(params)}"
