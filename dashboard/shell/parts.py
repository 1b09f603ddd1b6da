"""The page's pieces, each drawn with Streamlit, and the callbacks of its controls. The script
(dashboard/app.py) calls them in reading order; what they show comes from the pure functions of
the core and the panels, and what they remember goes through dashboard.shell.state."""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from contextlib import nullcontext
from enum import Enum
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.core import session as flow
from dashboard.core.choices import EvidenceLevel, Language, Layer, MapView, Measure
from dashboard.core.embed import embed_params
from dashboard.core.exports import Export, PictureLayout, export_href
from dashboard.core.filters import milestones_in_view
from dashboard.core.messages import label, text
from dashboard.core.search import SearchIndex, find, is_milestone, milestone_years
from dashboard.core.sources import Catalog
from dashboard.core.url import Domain
from dashboard.core.view import View
from dashboard.core.world import World
from dashboard.data.schema import PRODUCTION_YEAR, USGS_EDITION
from dashboard.panels.charts import import_share_chart, production_chart
from dashboard.panels.context import (
    group_shares_markdown,
    import_share_markdown,
    production_markdown,
    production_table,
    source_list,
)
from dashboard.panels.markdown import md
from dashboard.panels.milestones import by_year, milestone_html
from dashboard.shell import embedding, state


def _session() -> flow.Session:
    return state.current()


# --- callbacks ---------------------------------------------------------------------------


def on_pick(language: Language, milestones: dict[str, tuple[int | None, str | None]]) -> None:
    """Select what was chosen in the search (a keyboard or screen-reader user selects without
    clicking the map); a milestone moves the year to it and selects the record it concerns."""
    chosen = state.picked(language)
    if is_milestone(chosen):
        year, target = milestones[chosen or ""]
        if year is not None:
            go_to_year(year)
        flow.pick(_session(), target)
    else:
        flow.pick(_session(), chosen)


def on_change_view() -> None:
    """A named view replaces wherever the map had been moved to."""
    state.forget_map_moves()
    flow.change_view(_session())


def go_to_year(year: int) -> None:
    """Show one year (a milestone's "show on the map" button), leaving the all-years mode."""
    _session().playing = False
    state.set_year(year, all_years=False)


def on_play(first_year: int, last_year: int) -> None:
    """Start playing, or pause."""
    year = flow.toggle_play(
        _session(), state.year(), state.all_years(), first_year, last_year, time.monotonic()
    )
    state.set_year(year, all_years=False if _session().playing else None)


def stop_playing() -> None:
    """A hand on the year controls stops the play."""
    _session().playing = False


def play_step(last_year: int) -> None:
    """While playing, move one year on once a step's time has passed."""
    state.set_year(flow.play_step(_session(), state.year(), last_year, time.monotonic()))


# --- pieces ------------------------------------------------------------------------------


def sidebar_controls(language: Language, *, shown: bool) -> DeltaGenerator:
    """The sidebar's controls in reading order (language, view, the year's place, evidence,
    colouring, layers), or, until the map has reported (not ``shown``), a line saying they
    follow; returns the place of the year controls, which the map's fragment fills."""
    if not shown:
        st.header(text("sidebar_header", language), anchor=False)
        st.caption(text("loading_after_map", language))
        return st.container()
    st.radio(
        text("language", language),
        list(Language),
        format_func=choice_label("language", language),
        key=state.LANGUAGE,
        horizontal=True,
    )
    st.header(text("sidebar_header", language), anchor=False)
    st.radio(
        text("view", language),
        list(MapView),
        format_func=choice_label("view", language),
        key=state.MAP_VIEW,
        horizontal=True,
        on_change=on_change_view,
    )
    year_box = st.container()
    st.radio(
        text("evidence_filter", language),
        list(EvidenceLevel),
        format_func=choice_label("evidence_filter", language),
        key=state.EVIDENCE,
    )
    st.selectbox(
        text("measure", language),
        list(Measure),
        format_func=choice_label("measure", language),
        key=state.MEASURE,
    )
    st.multiselect(
        text("layers", language),
        list(Layer),
        format_func=lambda layer: layer_label(layer, language),
        key=state.LAYERS,
    )
    return year_box


def year_controls(domain: Domain, language: Language, *, in_a_row: bool = False) -> None:
    """The year slider, then play/pause and the all-years switch side by side (``in_a_row``:
    all three on one line, over the map in an article's frame); they set
    ``state.shown_year()``."""
    row = st.container(horizontal=True, vertical_alignment="bottom") if in_a_row else None
    with row or nullcontext():
        st.slider(
            text("year", language),
            min_value=domain.first_year,
            max_value=domain.last_year,
            key=state.YEAR,
            disabled=state.all_years(),
            on_change=stop_playing,
        )
    if row is None:
        play_column, all_column = st.columns([1, 1], vertical_alignment="center")
    else:
        play_column = all_column = row
    playing = _session().playing
    play_column.button(
        text("pause", language) if playing else text("play", language),
        key=state.PLAY,
        icon=":material/pause:" if playing else ":material/play_arrow:",
        help=text("play_help", language),
        on_click=on_play,
        args=(domain.first_year, domain.last_year),
    )
    all_column.checkbox(
        text("all_years", language),
        key=state.ALL_YEARS,
        help=text("all_years_help", language),
        on_change=stop_playing,
    )


def compared_year(year: int | None) -> int | None:
    """The year to compare with, None for no comparison: one before the year shown at most
    (none with all years). Read from the state, so it holds before its control is drawn and
    where it is not shown (an article's frame keeps the comparison its link asked for)."""
    if year is None:
        return None
    state.keep_since(year)
    return state.since()


def compare_control(domain: Domain, year: int | None, language: Language) -> None:
    """The control of ``compared_year``."""
    if year is None:
        return
    choices = [None, *range(year, domain.first_year, -1)]
    st.selectbox(
        text("compare", language),
        choices,
        format_func=lambda y: text("compare_none", language) if y is None else str(y),
        placeholder=text("compare_none", language),
        key=state.SINCE,
        help=text("compare_help", language),
    )


def search_box(index: SearchIndex, language: Language) -> None:
    """The search over everything (dashboard.core.search): what the reader types, then its
    best matches, the selection (which a map click may just have changed) marked among them.
    Choosing a match selects it as a click would; a milestone shows its year, with the record
    it concerns."""
    query = st.text_input(
        text("search", language),
        key=state.query_key(language),
        placeholder=text("search_none", language),
        help=text("search_help", language),
    )
    if not query.strip():
        return
    found = find(index, query)
    if not found.entries:
        st.caption(text("search_no_match", language).format(query=md(query.strip())))
        return
    labels = {entry.ref: entry.label for entry in found.entries}
    selected = _session().selection
    state.show_in_results(language, selected if selected in labels else None)
    heading = "search_found_all" if found.total == len(labels) else "search_found_some"
    st.radio(
        text(heading, language).format(shown=len(labels), total=f"{found.total:,}"),
        list(labels),
        index=None,
        format_func=labels.__getitem__,
        key=state.results_key(language),
        on_change=on_pick,
        args=(language, milestone_years(found.entries)),
    )


def share_url(params: dict[str, str]) -> str:
    """The address of this page with the view's query parameters: what the reader pastes into
    a report."""
    page = urlsplit(st.context.url or "")
    return urlunsplit((page.scheme, page.netloc, page.path or "/", urlencode(params), ""))


def details_panel(
    view: View,
    details: str | None,
    happening: str,
    changes: str,
    params: dict[str, str],
    *,
    share: bool = True,
) -> None:
    """The selected record's details (or, with none, the year's milestones), what changed
    since the comparison year and, with ``share``, the link to this view and the snippet
    that embeds it in an article."""
    language = view.language
    st.header(text("details", language), anchor=False)
    if changes:
        st.markdown(changes)
    if details is None:
        st.info(text("details_hint", language))
        if view.year is not None:
            st.html(happening)
    else:
        st.markdown(details)
    if not share:
        return
    # Shown on request: the two code boxes, drawn again at every year step, cost about 20 ms
    # of the page's work each time (bench/results.md). A switch in the page's order, where
    # the keyboard reaches it (Streamlit's popover leaves the focus behind its button).
    if not st.toggle(text("share", language), key=state.SHARE):
        return
    st.caption(text("share_help", language))
    # The code box (with its copy button) loads a large script: not before the map has drawn.
    if _session().page_complete:
        st.code(share_url(params), language=None, wrap_lines=True)
        embedding.embed_code(share_url(embed_params(params)), language)


def download_links(params: dict[str, str], language: Language) -> None:
    """Every download of the view shown (dashboard.core.exports.Export, each labelled by the
    catalog's ``download_<format>``), as plain links to the export route: each file is built
    when its link is followed, by whichever replica answers. The data come first, as
    buttons; the pictures follow in one line per layout ("Picture, slide 16:9: PNG · SVG ·
    PDF"), each link named in full for screen readers."""
    st.markdown(f"**{md(text('downloads', language))}**")
    base = st.get_option("server.baseUrlPath") or ""

    def link(kind: Export, css_class: str, caption: str) -> str:
        full = text(f"download_{kind.value}", language)
        named = "" if caption == full else f' aria-label="{html.escape(full)}"'
        return (
            f'<a class="{css_class}" href="{html.escape(export_href(kind, params, base))}" '
            f'download="{html.escape(kind.file.name)}"{named}>{html.escape(caption)}</a>'
        )

    data = "".join(
        link(kind, "export-link", text(f"download_{kind.value}", language))
        for kind in Export
        if kind.file.picture is None
    )
    groups: dict[PictureLayout, list[str]] = {}
    for kind in Export:
        picture = kind.file.picture
        if picture is not None:
            caption = label("picture_format", picture.format.value, language)
            groups.setdefault(picture.layout, []).append(link(kind, "picture-link", caption))
    separator = html.escape(text("picture_format_separator", language))
    pictures = "".join(
        '<p class="picture-group">'
        + text("picture_links", language).format(
            layout=html.escape(label("picture_layout", layout.value, language)),
            links=separator.join(links),
        )
        + "</p>"
        for layout, links in groups.items()
    )
    st.html(f'<div class="export-links">{data}</div><div class="picture-links">{pictures}</div>')


def timeline(world: World, view: View, catalog: Catalog) -> None:
    """The milestone list: long, and the same for every year."""
    language = view.language
    st.caption(text("milestones_help", language))
    shown = milestones_in_view(world.dataset.milestones, View(year=None, evidence=view.evidence))
    for milestone_year, group in by_year(shown):
        st.button(
            text("go_to_year", language).format(year=milestone_year),
            key=state.go_to_year_key(milestone_year),
            on_click=go_to_year,
            args=(milestone_year,),
            type="tertiary",
        )
        # As HTML: Markdown elements are parsed again at every run of the page (writers.py).
        st.html("".join(milestone_html(m, catalog, language) for _, m in group.iterrows()))


def global_context(world: World, catalog: Catalog, language: Language) -> None:
    """Who mines rare earths, and how much of Japan's supply is Chinese: figures and charts."""
    dataset = world.dataset
    table = production_table(dataset)
    production_column, imports_column = st.columns(2)
    with production_column:
        st.markdown(f"**{md(text('context_production', language))}**")
        st.markdown(group_shares_markdown(table, language))
        st.altair_chart(production_chart(table, language), width="stretch")
        st.caption(
            text("context_production_caption", language).format(
                edition=USGS_EDITION, year=PRODUCTION_YEAR
            )
        )
        with st.expander(text("context_production_figures", language)):
            st.markdown(production_markdown(table, language))
        st.markdown(source_list(dataset.production["sources"], catalog, language))
    with imports_column:
        st.markdown(f"**{md(text('context_imports', language))}**")
        st.altair_chart(import_share_chart(dataset.import_share, language), width="stretch")
        st.caption(text("context_imports_caption", language))
        with st.expander(text("context_imports_figures", language)):
            st.markdown(import_share_markdown(dataset.import_share, catalog, language))


def layer_label(layer: Layer, language: Language) -> str:
    """A layer's name in the layer chooser."""
    return text(f"layer_{layer.value}", language)


def choice_label(group: str, language: Language) -> Callable[[Enum], str]:
    """The label function of a radio or select box over one of the choices' enums."""
    return lambda choice: label(group, choice.value, language)
