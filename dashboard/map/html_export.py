"""The current map as one HTML file that works from disk, offline: Leaflet is inlined from the
installed package and the sources of everything drawn are listed under the map."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xstatic_leaflet

from dashboard.core.sources import Source
from dashboard.map.assets import AssetUrls

LEAFLET_DIR = Path(xstatic_leaflet.BASE_DIR)


def _inline_script(code: str) -> str:
    # "</script" inside the code would end the element early.
    return "<script>" + code.replace("</script", "<\\/script") + "</script>"


def standalone_html(
    fmap: folium.Map,
    overlays: Iterable[folium.FeatureGroup],
    assets: AssetUrls,
    title: str,
    caption: str,
    sources: Iterable[Source],
    sources_heading: str,
) -> str:
    """One self-contained HTML page with the map, its overlays, Leaflet inlined, the caption and the
    cited sources: it opens offline, from a file, years later."""
    for overlay in overlays:
        overlay.add_to(fmap)
    fmap.height = (78.0, "%")
    page = fmap.get_root().render()
    script_tag = re.compile(rf'<script src="{re.escape(assets.leaflet_js)}"></script>')
    css_tag = re.compile(rf'<link rel="stylesheet" href="{re.escape(assets.leaflet_css)}"\s*/>')
    leaflet_js = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")
    leaflet_css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    page, scripts = script_tag.subn(lambda _: _inline_script(leaflet_js), page)
    page, sheets = css_tag.subn(lambda _: f"<style>{leaflet_css}</style>", page)
    if scripts != 1 or sheets != 1:
        raise RuntimeError("the map page no longer links Leaflet as expected")
    items = "".join(
        f"<li>{_source_html(source)}</li>" for source in sorted(set(sources), key=_sort_key)
    )
    header = (
        f"<title>{html.escape(title)}</title>"
        f'<div style="font:15px sans-serif;padding:6px 10px"><b>{html.escape(title)}</b>'
        f"<br>{html.escape(caption)}</div>"
    )
    footer = (
        f'<section style="font:13px sans-serif;padding:4px 12px">'
        f"<h3>{html.escape(sources_heading)}</h3><ol>{items}</ol></section>"
    )
    page = page.replace("<body>", f"<body>{header}", 1)
    return page.replace("</body>", f"{footer}</body>", 1)


def _sort_key(source: Source) -> tuple[str, str]:
    return (source.title.lower(), source.url or "")


def _source_html(source: Source) -> str:
    title = html.escape(source.title)
    if source.url and source.url.startswith(("http://", "https://")):
        title = (
            f'<a href="{html.escape(source.url, quote=True)}" rel="noopener noreferrer">{title}</a>'
        )
    tail = ", ".join(html.escape(part) for part in (source.publisher, source.date) if part)
    return f"{title} — {tail}" if tail else title
