"""geodata/CHANGELOG.md as dated sections: each ``## YYYY-MM-DD: title`` heading starts one,
newest first, and its text runs to the next such heading. The feed of changes is built from
them, so a heading that does not parse is a data problem, reported like any other."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

CHANGELOG_FILE = "CHANGELOG.md"
_HEADING = re.compile(r"## (?P<date>\d{4}-\d{2}-\d{2}): (?P<title>\S.*)")


@dataclass(frozen=True)
class Change:
    """One section of the changelog: the day of the change, its title and its text."""

    date: dt.date
    title: str
    body: str


def parse_changelog(text: str) -> tuple[list[Change], list[tuple[int, str]]]:
    """The sections in file order, and a problem for each level-two heading that does not read
    ``## YYYY-MM-DD: title``: its line number and why."""
    changes: list[Change] = []
    problems: list[tuple[int, str]] = []
    heading: tuple[dt.date, str] | None = None
    body: list[str] = []

    def close() -> None:
        if heading is not None:
            changes.append(Change(heading[0], heading[1], "\n".join(body).strip()))

    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("## "):
            body.append(line)
            continue
        close()
        heading, body = None, []
        match = _HEADING.fullmatch(line.rstrip())
        if match is None:
            problems.append((number, "a section heading must read '## YYYY-MM-DD: title'"))
            continue
        try:
            day = dt.date.fromisoformat(match["date"])
        except ValueError:
            problems.append((number, f"{match['date']} is not a calendar date"))
            continue
        heading = (day, match["title"].strip())
    close()
    return changes, problems


def read_changelog(folder: Path) -> tuple[list[Change], list[tuple[int, str]]]:
    """The folder's changelog sections and problems; none of either when it has no changelog
    (a downloaded subset of the data, say)."""
    path = folder / CHANGELOG_FILE
    if not path.is_file():
        return [], []
    return parse_changelog(path.read_text(encoding="utf-8"))
