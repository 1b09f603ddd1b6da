"""What the server computes once and every session shares: the validated world (in each
language), the published map assets, the layer index, and each view's outputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dashboard.core.choices import Language
from dashboard.core.localize import localized
from dashboard.core.scene import compose_scene
from dashboard.core.search import SearchIndex, search_entries
from dashboard.core.sources import source_catalog
from dashboard.core.view import View
from dashboard.core.world import World, shared_world
from dashboard.map.assets import AssetUrls
from dashboard.map.bounds import view_bounds
from dashboard.map.layer_data import LayerIndex, layer_index
from dashboard.map.map_state import map_state
from dashboard.map.publish import publish_all
from dashboard.map.summary import map_summary
from dashboard.panels.changes import changes_markdown
from dashboard.panels.details import describe
from dashboard.panels.details_markdown import details_markdown
from dashboard.panels.milestones import year_html


@st.cache_resource
def world_of(folder: Path) -> World:
    """The validated world, loaded once per server process and shared by every session (and
    by the export route)."""
    return shared_world(folder)


@st.cache_resource
def world_in(folder: Path, language: Language) -> World:
    """The world with its data texts in one language, once per language."""
    return localized(world_of(folder), language)


@st.cache_resource
def assets(folder: Path) -> AssetUrls:
    """Publish Leaflet, the map script, the basemap and the layer document to the static route
    once, and return the URLs the browser must use below the proxy's path prefix."""
    return publish_all(folder, world_of(folder), st.get_option("server.baseUrlPath"))


@st.cache_resource
def search_of(folder: Path, language: Language) -> SearchIndex:
    """What the search looks through for a reader of ``language``, once per dataset and
    language."""
    other = next(other for other in Language if other is not language)
    return SearchIndex(
        search_entries(world_in(folder, language), world_in(folder, other), language)
    )


@st.cache_resource
def index_of(folder: Path) -> LayerIndex:
    """Where each drawn record sits in the layer document, once per dataset."""
    return layer_index(world_of(folder))


@dataclass(frozen=True)
class ViewOutputs:
    """What a view shows beside the geometry: the map's state (with its summary as text), the
    selected record's details as Markdown (None when there is no such record in the view), the
    year's milestones as HTML (dashboard/panels/writers.py says why), and what changed since the
    comparison year."""

    state: dict[str, object]
    details: str | None
    happening: str
    changes: str = ""  # what changed since the comparison year, as Markdown


@st.cache_data(max_entries=1024, show_spinner=False)
def view_outputs(folder: Path, view: View) -> ViewOutputs:
    """A view's outputs, cached for every session: a year someone has looked at before costs a
    lookup."""
    shown = world_in(folder, view.language)
    scene = compose_scene(shown, view)
    state = map_state(scene, index_of(folder), view_bounds(shown, view.map_view))
    state["summary"] = map_summary(scene, shown)
    sources = source_catalog(shown.dataset, view.language)
    details = describe(view.selection, scene, shown, sources) if view.selection else None
    happening = (
        year_html(scene.milestones, view.year, view.language) if view.year is not None else ""
    )
    changes = (
        changes_markdown(scene.changes, view.since, view.year, sources, view.language)
        if view.since is not None and view.year is not None
        else ""
    )
    return ViewOutputs(
        state, details_markdown(details, view.language) if details else None, happening, changes
    )
