"""The details panel as Markdown: every data text escaped, every source a link that opens in
a new tab."""

from __future__ import annotations

from dashboard.core.choices import Language
from dashboard.core.messages import text
from dashboard.panels.details import Details
from dashboard.panels.markdown import fact_line, md, md_link
from dashboard.panels.writers import MARKDOWN, source_line


def details_markdown(details: Details, language: Language) -> str:
    """The panel's Markdown: title, facts, the record's own words, grade, sources, sections."""
    # Below the panel's own heading (a level-two one): the record's name is level three.
    lines = [f"### {md(details.title)}", f"*{md(details.subtitle)}*", ""]
    if not details.shown:
        lines += [f"*{md(text('details_hidden', language))}*", ""]
    for name, value in details.facts:
        # A web address is a link (opens in a new tab), not text to copy out.
        if value.startswith(("https://", "http://")) and " " not in value:
            link = md_link(value, value)
            lines.append("- " + text("fact_line", language).format(name=md(name), value=link))
        else:
            lines.append(f"- {fact_line(name, value, language)}")
    if details.description:
        lines += ["", md(details.description)]
    if details.evidence:
        badge = MARKDOWN.evidence(details.evidence, language)
        evidence = text("fact_line", language).format(
            name=md(text("details_evidence", language)), value=badge
        )
        lines += ["", evidence]
        if details.evidence_note:
            lines.append(md(details.evidence_note))
    if details.sources:
        lines += ["", f"**{md(text('details_sources', language))}**"]
        lines += [f"1. {source_line(s, language)}" for s in details.sources]
    for section in details.sections:
        lines += ["", f"**{md(section.title)}**"]
        if not section.entries:
            lines.append(f"*{md(text('details_none', language))}*")
        for entry in section.entries:
            flag = f" *({md(text('not_yet', language))})*" if entry.upcoming else ""
            badge = MARKDOWN.evidence(entry.evidence, language)
            line = text("entry_line", language).format(
                title=md(entry.title), flag=flag, detail=md(entry.detail)
            )
            lines.append(f"- {badge} {line}")
            lines += [f"    - {source_line(source, language)}" for source in entry.sources]
        if section.more:
            lines.append(f"- *{md(text('details_more', language).format(count=section.more))}*")
    return "\n".join(lines)
