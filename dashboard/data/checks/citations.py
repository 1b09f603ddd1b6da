"""Citations: every source names its original publisher (no mirror, proxy, demo or test host
on geodata/host_blocklist.txt) and its publication date, which must agree with a date written
in its address."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from dashboard.data import schema
from dashboard.data.records import Checked
from dashboard.data.schema import PartialDate
from dashboard.paths import GEODATA_DIR


def read_blocklist(path: Path = GEODATA_DIR / schema.HOST_BLOCKLIST_FILE) -> list[str]:
    """Host patterns that no source may cite (mirrors, proxies, demo and test hosts), one a
    line; ``#`` starts a comment. The project's list applies to every folder checked, so a
    copy of the data cannot drop it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    patterns = (line.split("#", 1)[0].strip().lower() for line in lines)
    return [p for p in patterns if p]


def blocked_host(url: str, blocklist: Iterable[str]) -> str | None:
    """The blocklist entry that covers the address's host, if any: ``example.org`` and
    ``*.example.org`` cover that host and every host below it, ``demo.*`` every host whose
    first label is ``demo``."""
    host = (urlsplit(url).hostname or "").lower()
    for pattern in blocklist:
        if pattern.endswith(".*"):
            if host.startswith(pattern[:-1]):
                return pattern
        elif host == pattern.removeprefix("*.") or host.endswith(f".{pattern.removeprefix('*.')}"):
            return pattern
    return None


_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)(?:-(?P<m1>\d\d)-(?P<d1>\d\d)"
    r"|/(?P<m2>0[1-9]|1[0-2]|[A-Z][a-z]{2})(?:/(?P<d2>[0-3]\d))?)/"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_in_url(url: str) -> PartialDate | None:
    """The publication date an address shows in its path, to the precision it shows."""
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    month = match["m1"] or match["m2"]
    if month and not month.isdigit():
        if month not in _MONTHS:
            return None
        month = str(_MONTHS.index(month) + 1)
    day = match["d1"] or match["d2"]
    try:
        return schema.parse_date(
            "-".join(f"{int(p):02d}" for p in (match["year"], month, day) if p)
        )
    except ValueError:
        return None


def check(checked: Checked, blocklist: list[str]) -> None:
    """Every source names its original publisher's address and says when it was published."""
    spec = schema.SOURCES
    for record in checked.of(spec):
        url, date = record.get("url"), record.get("date")
        if isinstance(url, str):
            entry = blocked_host(url, blocklist)
            if entry:
                checked.add(
                    spec,
                    record,
                    "url",
                    f"the host is on the blocklist ({entry}, {schema.HOST_BLOCKLIST_FILE}): "
                    "cite the original publisher, not a mirror, demo or test host",
                )
        shown = date_in_url(url) if isinstance(url, str) else None
        if checked.reported(spec, record, "date"):
            continue
        if date is None:
            hint = f" (the address shows {shown})" if shown else ""
            checked.add(
                spec,
                record,
                "date",
                f"is required: the publication date, or {schema.NO_DATE} when the page shows "
                f"none{hint}",
            )
        elif shown is not None and (not isinstance(date, PartialDate) or not _agrees(date, shown)):
            checked.add(spec, record, "date", f"the address shows {shown}, but date is {date}")


def _agrees(date: PartialDate, shown: PartialDate) -> bool:
    """Equal to the precision the address shows."""
    return (date.year, date.month if shown.month else None, date.day if shown.day else None) == (
        shown.year,
        shown.month,
        shown.day,
    )
