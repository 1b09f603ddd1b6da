"""Measuring and breaking text into lines before it is drawn: a picture has fixed room, so the
header, the legend and the footer are laid out from the width each line really takes in its
font (matplotlib's own measure, the same in every output format).

Latin text breaks at spaces; Japanese between any two characters, except before closing
punctuation and after opening brackets (kinsoku), as a Japanese typesetter breaks it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from dashboard.core.choices import Language
from dashboard.map.picture.fonts import families
from dashboard.map.picture.layout import POINTS_PER_PX

# Characters a line may not start with, and ones it may not end with.
NO_LINE_START = frozenset(
    "、。，．・：；？！）」』】〕〉》”’ー～ぁぃぅぇぉっゃゅょァィゥェォッャュョ" + "%,.;:!?)]}"
)
NO_LINE_END = frozenset("（「『【〔〈《“‘([{")
# Lines are filled to this share of their width: the PNG's hinted glyphs run up to 2 % wider
# than the outlines they are measured by (SVG and PDF keep the outlines' widths).
FILL = 0.97
# Scripts written without spaces: kana, CJK ideographs, full-width forms.
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# A run that is never broken inside: a Latin word (with its trailing space) or one character
# of a script written without spaces.
_UNIT = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+\s*|\s+")


@dataclass(frozen=True)
class TextStyle:
    """How a piece of text is set: its size in CSS pixels, weight and colour (no slant: the
    Japanese font has none)."""

    size: float
    bold: bool = False
    colour: str = "#1b1b1b"


class Typesetter:
    """Measures and breaks text in the fonts of one language; lengths are CSS pixels."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._families = families(language)
        self._measure = TextToPath()
        self._widths: dict[tuple[str, float, bool], float] = {}

    def font(self, style: TextStyle) -> FontProperties:
        """The matplotlib font for a style (its size in points: 1 CSS pixel is 0.75 pt)."""
        return _font(tuple(self._families), style.size * POINTS_PER_PX, style.bold)

    def width(self, text: str, style: TextStyle) -> float:
        """The width ``text`` takes on one line."""
        if not text:
            return 0.0
        key = (text, style.size, style.bold)
        if key not in self._widths:
            # Measured at the pixel size as if it were points: the answer is then in pixels.
            prop = _font(tuple(self._families), style.size, style.bold)
            width, _, _ = self._measure.get_text_width_height_descent(text, prop, ismath=False)
            self._widths[key] = float(width)
        return self._widths[key]

    def wrap(self, text: str, width: float, style: TextStyle) -> list[str]:
        """``text`` broken into lines no wider than ``width`` (a unit wider than a line is
        broken between characters)."""
        return self._fill(_units(text), width * FILL, style)

    def wrap_items(
        self, lead: str, items: Sequence[str], separator: str, width: float, style: TextStyle
    ) -> list[str]:
        """A lead and a list, broken only between items where the items allow it, so each
        item (a publisher's name) stays whole on one line unless it is longer than one."""
        # The lead runs into the list as the language joins words: a space, or none.
        units = [lead + (" " if separator.endswith(" ") else "")] if lead else []
        for position, item in enumerate(items):
            last = position == len(items) - 1
            units.append(item if last else item + separator)
        return self._fill(units, width * FILL, style, atomic=True)

    def _fill(
        self, units: list[str], width: float, style: TextStyle, atomic: bool = False
    ) -> list[str]:
        """Units added to a line while it fits. A line's width is the sum of its units'
        (each measured once): kerning across a break opportunity is too small to matter
        within the fill's margin."""
        lines: list[str] = []
        line, used = "", 0.0
        for unit in units:
            if line and used + self.width(unit.rstrip(), style) > width:
                lines.append(line.rstrip())
                line, used = "", 0.0
                unit = unit.lstrip()
            line += unit
            used += self.width(unit, style)
            while len(line) > 1 and self.width(line.rstrip(), style) > width:
                head, line = self._split(line, width, style, atomic)
                lines.append(head)
                used = self.width(line, style)
        if line.strip():
            lines.append(line.rstrip())
        return lines

    def _split(self, line: str, width: float, style: TextStyle, atomic: bool) -> tuple[str, str]:
        """The longest head of ``line`` that fits (at a space if an atomic item allows it),
        and the rest."""
        low, high = 1, len(line) - 1  # the head line[:cut] fits for cut <= low
        while low < high:
            middle = (low + high + 1) // 2
            if self.width(line[:middle].rstrip(), style) <= width:
                low = middle
            else:
                high = middle - 1
        cut = low
        if atomic:
            space = line.rfind(" ", 0, cut + 1)
            cut = space + 1 if space > 0 else cut
        while 1 < cut < len(line) and (line[cut] in NO_LINE_START or line[cut - 1] in NO_LINE_END):
            cut -= 1
        return line[:cut].rstrip(), line[cut:].lstrip()


def _units(text: str) -> list[str]:
    """The pieces a line may break between, with the kinsoku rules applied: closing
    punctuation joins the piece before it, an opening bracket the piece after it."""
    pieces = _UNIT.findall(text)
    units: list[str] = []
    carry = ""
    for piece in pieces:
        if units and (piece[0] in NO_LINE_START):
            units[-1] += piece
        elif piece[-1] in NO_LINE_END and not piece.isspace():
            carry += piece
        else:
            units.append(carry + piece)
            carry = ""
    if carry:
        units.append(carry)
    return units


@functools.cache
def _font(family: tuple[str, ...], size: float, bold: bool) -> FontProperties:
    return FontProperties(family=list(family), size=size, weight="bold" if bold else "normal")
