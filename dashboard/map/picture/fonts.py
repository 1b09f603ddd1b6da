"""The fonts a picture is set in, found in installed packages rather than on the system, so
every server draws the same glyphs: DejaVu Sans (shipped with matplotlib) for Latin text and
IPAexGothic (IPA Font License v1.0, shipped by the PyPI package ``matplotlib-fontja``) for
Japanese, each the other's fallback for a glyph it lacks.

The Japanese font file is located through the package's installed metadata, without importing
the package: importing it changes matplotlib's global settings.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import threading
from pathlib import Path

from matplotlib import font_manager, ft2font

from dashboard.core.choices import Language

JAPANESE_DISTRIBUTION = "matplotlib-fontja"
JAPANESE_FILE = "ipaexg.ttf"
JAPANESE_FAMILY = "IPAexGothic"
LATIN_FAMILY = "DejaVu Sans"

_registered = threading.Lock()
_done: list[Path] = []


def japanese_font_file() -> Path:
    """The IPAexGothic TrueType file of the installed ``matplotlib-fontja`` package; raises
    RuntimeError when the package (a runtime dependency) is missing or no longer carries it."""
    try:
        distribution = importlib.metadata.distribution(JAPANESE_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        raise RuntimeError(f"{JAPANESE_DISTRIBUTION} is not installed") from None
    for file in distribution.files or ():
        if file.name == JAPANESE_FILE:
            return Path(str(distribution.locate_file(file)))
    raise RuntimeError(f"{JAPANESE_DISTRIBUTION} no longer ships {JAPANESE_FILE}")


def register_fonts() -> None:
    """Make IPAexGothic known to matplotlib's font manager, once per process. It has one
    weight, which also answers for bold (a Japanese heading stays regular, set larger),
    so matplotlib does not warn at every bold line that it found no bold face."""
    with _registered:
        if not _done:
            path = japanese_font_file()
            regular = font_manager.ttfFontProperty(ft2font.FT2Font(str(path)))
            font_manager.fontManager.ttflist.append(dataclasses.replace(regular, weight=700))
            font_manager.fontManager.addfont(str(path))  # the regular face; clears the lookups
            _done.append(path)


def families(language: Language) -> list[str]:
    """The font families for text in ``language``, first choice first: a Japanese picture is
    set in IPAexGothic throughout (its Latin letters match its kana), an English one in DejaVu
    Sans with IPAexGothic for any Japanese glyph (a source's own title)."""
    register_fonts()
    if language is Language.JA:
        return [JAPANESE_FAMILY, LATIN_FAMILY]
    return [LATIN_FAMILY, JAPANESE_FAMILY]
