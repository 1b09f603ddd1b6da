"""Colour arithmetic for the accessibility tests: WCAG contrast ratios, alpha blending, and how
a colour looks with the common colour-vision deficiencies (the Machado, Oliveira and Fernandes
2009 model at full severity, applied in linear RGB), compared in CIELAB."""

from __future__ import annotations

import math
from collections.abc import Sequence

RGB = tuple[float, float, float]

# Machado et al. (2009), severity 1.0, on linear RGB.
DEFICIENCIES: dict[str, Sequence[Sequence[float]]] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def rgb(hex_colour: str) -> RGB:
    """A #rrggbb colour as sRGB components from 0 to 1."""
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _encoded(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def luminance(colour: RGB) -> float:
    """WCAG's relative luminance."""
    red, green, blue = (_linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: RGB, second: RGB) -> float:
    """WCAG's contrast ratio, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: RGB, opacity: float, background: RGB) -> RGB:
    """A colour drawn at ``opacity`` over ``background``: what the eye gets."""
    return tuple(opacity * c + (1 - opacity) * b for c, b in zip(colour, background, strict=True))  # type: ignore[return-value]


def seen_with(deficiency: str, colour: RGB) -> RGB:
    """The colour as someone with the deficiency sees it."""
    linear = [_linear(c) for c in colour]
    matrix = DEFICIENCIES[deficiency]
    return tuple(_encoded(sum(m * c for m, c in zip(row, linear, strict=True))) for row in matrix)  # type: ignore[return-value]


def lab(colour: RGB) -> RGB:
    """CIELAB (D65) of an sRGB colour."""
    red, green, blue = (_linear(c) for c in colour)
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def difference(first: RGB, second: RGB) -> float:
    """CIE76 colour difference (Euclidean in CIELAB); about 2.3 is just noticeable."""
    return math.dist(lab(first), lab(second))
