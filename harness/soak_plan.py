"""What the soak's readers do, whichever way they reach the app, and what a run saw.

Every reader arrives on one of a few shared links, then goes round the same actions (change
the year, click a district, switch views, read the details, download the data) with a few
seconds' thought between them, starting at a different point of the round. The base class
keeps the round, the year a reader is on and the errors; a browser reader and a protocol
reader each carry the actions out in their own way.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from dashboard.data.boundaries import load_boundaries
from harness.proc_stats import Series

# Shared links readers arrive with, and the districts they click.
LINKS = (
    "/?year=2015&lang=en",
    "/?year=2012&sel=district:lgd-354&lang=en",
    "/?year=2019&sel=site:site-srikurmam-bhavanapadu&lang=en",
    "/?year=2020&evidence=verified&lang=en",
)
DISTRICTS = ("Ganjam", "Puri", "Srikakulam", "Visakhapatnam", "Kendrapara", "Krishna")
# Each reader goes round this, from a different starting point.
ROUND = ("year", "year", "district", "year", "details", "view", "year", "download", "year")
ACTIONS = frozenset(ROUND)
THINK_S = (2.0, 5.0)
# How long an action may take before it counts as failed.
ACTION_TIMEOUT_S = 30.0
# Everyone arriving at once: a link may take a while to open, which is reported, not an
# error, up to this.
OPEN_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class District:
    """A district readers click: a point well inside it and its code as the address writes
    it once selected."""

    name: str
    lat: float
    lng: float
    code: str


def districts_to_click() -> dict[str, District]:
    """The districts of DISTRICTS, from the committed boundaries."""
    districts = load_boundaries().districts.set_index("district")
    points = {}
    for name in DISTRICTS:
        point = districts.loc[name, "geometry"].representative_point()
        code = f"lgd-{int(districts.loc[name, 'district_lgd'])}"
        points[name] = District(name, point.y, point.x, code)
    return points


@dataclass
class Run:
    """What a soak saw. Year changes are (seconds into the run, seconds taken, reader kind)."""

    sessions: int
    browsers: int
    seconds: float
    through: str
    errors: list[str] = field(default_factory=list)
    year_changes: list[tuple[float, float, str]] = field(default_factory=list)
    loads: list[tuple[float, str]] = field(default_factory=list)  # link to map, s, kind
    actions: dict[str, int] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)
    warm_up_s: float = 0.0
    machine_busy: float = 0.0  # share of all the machine's cores busy over the run
    sessions_per_replica: list[int] = field(default_factory=list)

    def times(self, kind: str | None = None) -> list[float]:
        """The year changes' times, of one kind of reader or of all."""
        return [took for _, took, k in self.year_changes if kind in (None, k)]

    def load_times(self, kind: str | None = None) -> list[float]:
        """The times from a link opened to its map, of one kind of reader or of all."""
        return [took for took, k in self.loads if kind in (None, k)]


def percentile(share: float, times: Sequence[float]) -> float:
    """The value below which ``share`` of ``times`` lie, in seconds (0 with none)."""
    ordered = sorted(times)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Reader:
    """One person with the map open: their round of actions, the year they are on, what
    went wrong. Subclasses open the link and carry out each action (``do_<action>``)."""

    kind = "reader"

    def __init__(self, number: int, run: Run, started: float, points: dict[str, District]):
        self.number, self.run, self.started, self.points = number, run, started, points
        self.rng = random.Random(number)
        self.year = 0
        self.closing = False

    def error(self, message: str) -> None:
        """Record a problem, unless the reader is leaving (leaving drops the socket)."""
        if not self.closing:
            self.run.errors.append(f"{self.kind} reader {self.number}: {message}")

    def link_year(self, link: str) -> int:
        """The year a link opens on."""
        match = re.search(r"year=(\d+)", link)
        return int(match.group(1)) if match else time.localtime().tm_year

    def next_year(self) -> int:
        """One step back (more often) or forward, within the years the slider has."""
        step = -1 if self.year > 2000 and self.rng.random() < 0.6 else 1
        if self.year + step > time.localtime().tm_year:
            step = -1
        return self.year + step

    def year_changed(self, took: float) -> None:
        """A year change that took ``took`` seconds to reach the map."""
        self.run.year_changes.append((time.monotonic() - self.started, took, self.kind))

    def another_district(self, selected: str) -> District:
        """A district other than the one the address selects, so a click changes it."""
        return self.points[
            self.rng.choice([d for d in DISTRICTS if self.points[d].code not in selected])
        ]

    async def open(self, link: str) -> None:
        """Arrive on a shared link and wait for the map."""
        raise NotImplementedError

    async def leave(self) -> None:
        """Close the page: from now on a dropped socket is the reader's own doing."""
        self.closing = True

    async def act(self, action: str) -> None:
        """One action of the round, counted."""
        self.run.actions[action] = self.run.actions.get(action, 0) + 1
        await getattr(self, f"do_{action}")()

    async def live(self, deadline: float) -> None:
        """Open a link, then act and think until the deadline."""
        try:
            await self.open(self.rng.choice(LINKS))
        except Exception as error:
            self.error(f"opening the link: {type(error).__name__}: {str(error)[:200]}")
            return
        turn = self.number
        while time.monotonic() < deadline:
            await asyncio.sleep(self.rng.uniform(*THINK_S))
            if time.monotonic() >= deadline:
                break
            action = ROUND[turn % len(ROUND)]
            turn += 1
            try:
                await self.act(action)
            except Exception as error:
                lines = str(error).splitlines() or [""]
                self.error(f"{action}: {type(error).__name__}: {lines[0][:300]}")
