"""What changed between two years, as the details panel lists it: each record that appeared,
changed status or ended, its status then and now, and each dated step between, with sources.
The marks on the map (dashboard/map/js/map_changes.js) use the same three signs, written
beside their words here, so the list is the map's legend too."""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.core.changes import SIGNS, Change, ChangeKind, Step
from dashboard.core.choices import Language
from dashboard.core.messages import date_text, label, text
from dashboard.core.sources import Source
from dashboard.panels.markdown import md, md_link


def changes_markdown(
    changes: tuple[Change, ...],
    since: int,
    year: int,
    catalog: Mapping[str, Source],
    language: Language,
) -> str:
    """The list of changes from the start of ``since`` to ``year``, grouped by kind."""
    head = f"**{md(text('changes_title', language).format(since=since, year=year))}**"
    key = " · ".join(
        f"{md(SIGNS[kind])} {md(label('change', kind.value, language))}" for kind in SIGNS
    )
    if not changes:
        return f"{head}\n\n{key}\n\n{md(text('changes_none', language))}"
    blocks = [head, key]
    for kind in ChangeKind:
        chosen = [c for c in changes if c.kind is kind]
        if chosen:
            title = f"{label('change', kind.value, language)} ({len(chosen)})"
            blocks.append(f"**{md(SIGNS[kind])} {md(title)}**")
            blocks.append("\n".join(_change_lines(c, catalog, language) for c in chosen))
    return "\n\n".join(blocks)


def _change_lines(change: Change, catalog: Mapping[str, Source], language: Language) -> str:
    kind = change.ref.partition(":")[0]
    group = "site_status" if kind == "site" else "link_status"
    statuses = [
        label(group, status, language) if status else text("change_none", language)
        for status in (change.before, change.after)
    ]
    # In bold: a bare "+" after a list dash would open a list of its own.
    sign = f"**{md(SIGNS[change.kind])}**"
    if change.before is None and change.after is None:
        line = f"- {sign} {md(change.name)}"
    else:
        line = "- " + text("change_line", language).format(
            sign=sign,
            name=md(change.name),
            before=md(statuses[0]),
            after=md(statuses[1]),
        )
    # A site's own start says nothing its first status does not already say.
    steps = [
        step
        for step in change.steps
        if not (kind == "site" and step.what == "started" and len(change.steps) > 1)
    ]
    lines = [f"  - {_step_line(step, group, catalog, language)}" for step in steps]
    return "\n".join([line, *lines])


def _step_line(step: Step, group: str, catalog: Mapping[str, Source], language: Language) -> str:
    if step.what == "started":
        what = text("change_step_started", language)
    elif step.what == "ended":
        what = text("change_step_ended", language)
    else:
        what = label(group, step.what, language)
    # Short citations (publisher and date, linked): the record's details give the titles.
    cited = text("list_separator", language).join(
        _short_source(catalog[s], language) for s in step.sources if s in catalog
    )
    line = text("change_step", language).format(
        date=md(date_text(step.date, language)), what=md(what)
    )
    return line + (text("change_cited", language).format(sources=cited) if cited else "")


def _short_source(source: Source, language: Language) -> str:
    words = text("list_separator", language).join(p for p in (source.publisher, source.date) if p)
    return md_link(words, source.url) if source.url else md(words)
