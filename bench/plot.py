"""A small line-and-point chart as SVG, turned into a PNG by Chromium (no plotting library
needed): the soak's memory and latency over time."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.serving import CHROMIUM, CHROMIUM_ARGS

WIDTH, HEIGHT = 900, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 70, 170, 30, 40
COLOURS = ("#1f78b4", "#e31a1c", "#33a02c", "#6a3d9a")


@dataclass(frozen=True)
class Line:
    """One series: its name, and (x, y) points; ``dots`` draws points instead of a line."""

    name: str
    points: Sequence[tuple[float, float]]
    dots: bool = False


def panel_svg(title: str, x_label: str, y_label: str, lines: Sequence[Line]) -> str:
    """One chart: axes from zero to the largest value, a legend on the right."""
    xs = [x for line in lines for x, _ in line.points] or [1.0]
    ys = [y for line in lines for _, y in line.points] or [1.0]
    x_max, y_max = max(xs) or 1.0, (max(ys) or 1.0) * 1.1
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def at(x: float, y: float) -> tuple[float, float]:
        return MARGIN_LEFT + x / x_max * plot_w, MARGIN_TOP + plot_h - y / y_max * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        'font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{MARGIN_LEFT}" y="18" font-size="14" font-weight="bold">'
        f"{html.escape(title)}</text>",
    ]
    for step in range(5):
        y = y_max * step / 4
        _, py = at(0, y)
        parts.append(
            f'<line x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_w}" y1="{py:.1f}" y2="{py:.1f}" '
            'stroke="#ddd"/>'
            f'<text x="{MARGIN_LEFT - 6}" y="{py + 4:.1f}" text-anchor="end">{y:,.1f}</text>'
        )
        x = x_max * step / 4
        px, _ = at(x, 0)
        parts.append(
            f'<text x="{px:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 16}" text-anchor="middle">'
            f"{x:,.0f}</text>"
        )
    parts.append(
        f'<text x="{MARGIN_LEFT + plot_w / 2}" y="{HEIGHT - 6}" text-anchor="middle">'
        f"{html.escape(x_label)}</text>"
        f'<text x="14" y="{MARGIN_TOP + plot_h / 2}" text-anchor="middle" '
        f'transform="rotate(-90 14 {MARGIN_TOP + plot_h / 2})">{html.escape(y_label)}</text>'
    )
    for number, line in enumerate(lines):
        colour = COLOURS[number % len(COLOURS)]
        points = [at(x, y) for x, y in line.points]
        if line.dots:
            parts += [
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2" fill="{colour}" opacity="0.6"/>'
                for x, y in points
            ]
        elif points:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        legend_y = MARGIN_TOP + 16 * number
        parts.append(
            f'<rect x="{WIDTH - MARGIN_RIGHT + 12}" y="{legend_y}" width="12" height="12" '
            f'fill="{colour}"/><text x="{WIDTH - MARGIN_RIGHT + 30}" y="{legend_y + 10}">'
            f"{html.escape(line.name)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def save_png(panels: Sequence[str], path: Path) -> None:
    """The panels stacked, rendered by Chromium into a PNG at ``path``."""
    page_html = "<html><body style='margin:0'>" + "".join(panels) + "</body></html>"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT * len(panels)})
        page.set_content(page_html)
        page.screenshot(path=str(path), full_page=True)
        browser.close()
