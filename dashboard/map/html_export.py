"""The current map as one HTML file that works from disk, offline: Leaflet (from the installed
package), the map's own script and its data are inlined, and the sources of everything drawn
are listed under the map. Folium builds the page; the same browser script as the app's draws
the layers, so the file shows exactly what the dashboard showed."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xstatic_leaflet

from dashboard.core.localize import localized
from dashboard.core.messages import text
from dashboard.core.scene import Scene
from dashboard.core.sources import Source, cited_sources, source_catalog
from dashboard.core.world import World
from dashboard.map.assets import AssetUrls, asset_urls, map_bundle
from dashboard.map.base import build_base_map
from dashboard.map.bounds import view_bounds
from dashboard.map.layer_data import layer_document, layer_index
from dashboard.map.layers import MapState
from dashboard.map.map_state import map_state

LEAFLET_DIR = Path(xstatic_leaflet.BASE_DIR)


def _inline_script(code: str) -> str:
    # "</script" inside the code would end the element early.
    return "<script>" + code.replace("</script", "<\\/script") + "</script>"


def _literal(replacement: str) -> Callable[[re.Match[str]], str]:
    """A substitution that puts ``replacement`` in as it is (no escapes interpreted)."""
    return lambda _match: replacement


def standalone_map(world: World, scene: Scene) -> str:
    """The scene's map as one self-contained HTML page in the view's language: the same base
    map and layers as the app's, with the basemap, the layer document, Leaflet and the map
    script inlined, the caption and the cited sources. It opens offline, from a file, years
    later. ``world`` holds both languages (the layer document carries both)."""
    assets = asset_urls()  # no basemap or layer folder: their data is inlined
    view, language = scene.view.map_view, scene.view.language
    bounds = view_bounds(world, view)
    fmap = build_base_map(world.boundaries, assets, bounds, view, layer_document(world), language)
    state = map_state(scene, layer_index(world), bounds)
    shown = localized(world, language)
    return standalone_html(
        fmap,
        state,
        assets,
        Page(
            language=language.value,
            title=text("title", language),
            caption=text("map_caption", language),
            sources=cited_sources(scene, source_catalog(shown.dataset, language)),
            sources_heading=text("details_sources", language),
        ),
    )


@dataclass(frozen=True)
class Page:
    """The words around the map in a downloaded page."""

    language: str
    title: str
    caption: str
    sources: Iterable[Source]
    sources_heading: str


def standalone_html(
    fmap: folium.Map, state: dict[str, object], assets: AssetUrls, words: Page
) -> str:
    """A page of ``fmap`` (built with its data inlined) showing ``state``, with Leaflet and the
    map scripts inlined, the caption and the cited sources under the map."""
    fmap.add_child(MapState(state))
    fmap.height = (78.0, "%")
    page = fmap.get_root().render()
    css_tag = re.compile(rf'<link rel="stylesheet" href="{re.escape(assets.leaflet_css)}"\s*/>')
    leaflet_css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    page, sheets = css_tag.subn(lambda _: f"<style>{leaflet_css}</style>", page)
    inlined = sheets
    scripts = [(assets.map_js, map_bundle())]
    for url, code in scripts:
        script_tag = re.compile(rf'<script src="{re.escape(url)}"></script>')
        page, count = script_tag.subn(_literal(_inline_script(code)), page)
        inlined += count
    if inlined != 1 + len(scripts):
        raise RuntimeError("the map page no longer links Leaflet's CSS and the map's scripts")
    items = "".join(
        f"<li>{_source_html(source)}</li>" for source in sorted(set(words.sources), key=_sort_key)
    )
    title = html.escape(words.title)
    header = (
        f"<title>{title}</title>"
        f'<div style="font:15px sans-serif;padding:6px 10px"><b>{title}</b>'
        f"<br>{html.escape(words.caption)}</div>"
    )
    footer = (
        f'<section style="font:13px sans-serif;padding:4px 12px">'
        f"<h3>{html.escape(words.sources_heading)}</h3><ol>{items}</ol></section>"
    )
    page = re.sub(r"<html(?=[\s>])", f'<html lang="{html.escape(words.language)}"', page, count=1)
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
