"""The details panel as Markdown: every data text escaped, every source a link that opens in
a new tab."""

from __future__ import annotations

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.panels.details import Details
from dashboard.panels.markdown import evidence_badge, md, source_line


def details_markdown(details: Details, language: Language) -> str:
    """The panel's Markdown: title, facts, the record's own words, grade, sources, sections."""
    # Below the panel's own heading (a level-two one): the record's name is level three.
    lines = [f"### {md(details.title)}", f"*{md(details.subtitle)}*", ""]
    if not details.shown:
        lines += [f"*{md(text('details_hidden', language))}*", ""]
    lines += [f"- **{md(name)}:** {md(value)}" for name, value in details.facts]
    if details.description:
        lines += ["", md(details.description)]
    if details.evidence:
        badge = evidence_badge(details.evidence, language)
        lines += ["", f"**{md(text('details_evidence', language))}:** {badge}"]
        if details.evidence_note:
            lines.append(md(details.evidence_note))
    if details.sources:
        lines += ["", f"**{md(text('details_sources', language))}**"]
        lines += [f"1. {source_line(s)}" for s in details.sources]
    for section in details.sections:
        lines += ["", f"**{md(section.title)}**"]
        if not section.entries:
            lines.append(f"*{md(text('details_none', language))}*")
        for entry in section.entries:
            flag = f" *({md(text('not_yet', language))})*" if entry.upcoming else ""
            badge = evidence_badge(entry.evidence, language)
            lines.append(f"- {badge} {md(entry.title)}{flag} — {md(entry.detail)}")
            lines += [f"    - {source_line(source)}" for source in entry.sources]
        if section.more:
            lines.append(f"- *{md(text('details_more', language).format(count=section.more))}*")
    return "\n".join(lines)
