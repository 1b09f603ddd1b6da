"""Check every curated file in geodata/ and report all problems at once.

Run ``python -m dashboard.data.validate [FOLDER]``: each problem prints as
``file: record id: field: problem`` and the exit status is 1; clean data prints a count per
layer and per evidence grade and exits 0. The app runs the same checks at start-up. The rules
themselves are in dashboard.data.checks, one module per concern.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from dashboard.data import schema
from dashboard.data.boundaries import Boundaries, load_boundaries
from dashboard.data.checks import (
    blocks,
    citations,
    currency,
    districts,
    figures,
    identity,
    japanese,
    labels,
    locations,
    notes,
    organisations,
    translations,
    years,
    zones,
)
from dashboard.data.parse import parse_folder
from dashboard.data.records import Checked
from dashboard.paths import GEODATA_DIR


def check_folder(
    folder: Path = GEODATA_DIR,
    boundaries: Boundaries | None = None,
    today: dt.date | None = None,
) -> Checked:
    """The folder's typed records and every problem, sorted by file, record and field.
    ``boundaries`` default to the repository's; ``today`` decides what is the future."""
    boundaries = boundaries or load_boundaries()
    today = today or dt.date.today()
    checked = parse_folder(folder)
    identity.check(checked, boundaries)
    organisations.check(checked, boundaries)
    citations.check(checked, citations.read_blocklist())
    districts.check(checked, boundaries)
    notes.check(checked)
    locations.check(checked, boundaries)
    years.check(checked, today)
    years.check_site_status(checked)
    blocks.check(checked)
    currency.check(checked, folder, today)
    zones.check(checked, folder, boundaries)
    figures.check(checked, boundaries)
    labels.check(checked, boundaries)
    translations.check(checked, boundaries)
    japanese.check(checked, folder)
    checked.problems.sort()
    return checked


def summary(checked: Checked) -> list[str]:
    """One line for the totals, then a line per graded layer with its evidence grades."""
    layers = [s for s in schema.CURATED if "evidence" in s.names]
    grades: Counter[str] = Counter()
    lines = []
    for spec in layers:
        counts = Counter(str(r.get("evidence")) for r in checked.of(spec))
        grades.update(counts)
        detail = ", ".join(f"{g} {counts[g]}" for g in schema.EVIDENCE_GRADES if counts[g])
        lines.append(f"  {spec.file}: {len(checked.of(spec))} records ({detail})")
    total = sum(grades.values())
    overall = ", ".join(f"{g} {grades[g]}" for g in schema.EVIDENCE_GRADES)
    head = (
        f"geodata is valid: {total} records in {len(layers)} layers, "
        f"{len(checked.of(schema.DISTRICT_CODES))} district codes, "
        f"{len(checked.of(schema.SOURCES))} sources; evidence: {overall}"
    )
    latest = currency.newest(checked, currency.EVENT_DATES)
    reviewed = f"  reviewed {checked.of(schema.REVIEW)[0]['reviewed']}; newest event: {latest}"
    return [head, reviewed, *lines]


def main(argv: Iterable[str] | None = None) -> int:
    """The command line: print each problem and return 1, or print the summary and return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=GEODATA_DIR)
    args = parser.parse_args(list(argv) if argv is not None else None)
    checked = check_folder(args.folder)
    if checked.problems:
        for problem in checked.problems:
            print(problem)
        print(f"{len(checked.problems)} problem(s) found", file=sys.stderr)
        return 1
    print("\n".join(summary(checked)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
