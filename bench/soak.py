"""Soak: many readers at once through nginx and two replicas, the way people use the map.

``python -m bench.soak --sessions 25 --minutes 5`` starts the documented deployment on
loopback (Debian's nginx with deploy/nginx.conf in front of two deploy/start replicas), then
drives that many real Chromium pages, each with its own cookies (so each keeps to one
replica). Every reader opens a shared deep link, then in turn changes the year, clicks a
district, switches to the partners view and back, reads the details and downloads the CSV
data, with a few seconds' thought between actions. It reports every error (failed requests,
dropped WebSockets, page exceptions, failed actions, tracebacks in the server logs), p50 and
p95 from a year change to the map updated, each replica's CPU and memory over time, and
memory's slope after warm-up; it writes a "Soak" section and a plot into bench/. With
``--capacity 10 20 30`` it drives one replica without nginx at each number of readers in
turn, to find where one replica's limit lies.

Why real browsers: a page's year change is only done when the map in its frame has applied
the new state, and a reader's errors (a dropped WebSocket, a script error, a failed request)
show in the page; a protocol-level client would see the server alone. The cost, measured on
this 2-core machine: a Streamlit page loads about 90 scripts and styles, and twelve pages
opening within 15 s took about 25 s each to load while the two servers used 5-7 % of a core.
So here the browsers saturate the machine long before the servers do: beyond about ten
readers the figures describe Chromium, not the dashboard (see bench/results.md). A
protocol-level client on Streamlit's own messages is the way to drive 25 and more.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import re
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import BrowserContext, Page, async_playwright

from bench.plot import Line, panel_svg, save_png
from bench.proc_stats import Series
from dashboard.core.choices import Language
from dashboard.core.messages import label, text
from dashboard.data.boundaries import load_boundaries
from tests.support.proxy import Replica, deployment, replica_env
from tests.support.serving import CHROMIUM, CHROMIUM_ARGS, free_port

MAP = 'iframe[title="streamlit_folium.st_folium"]'
RESULTS = Path(__file__).resolve().parent / "results.md"
PLOT = Path(__file__).resolve().parent / "soak.png"
SECTION = "## Soak"
CAPACITY_SECTION = "## Soak: one replica's limit"
EN = Language.EN
ACTION_TIMEOUT_MS = 30_000
# Everyone arriving at once on two cores: a page may take a while to open, and that is
# reported (p95 below), not an error, up to this.
OPEN_TIMEOUT_MS = 120_000
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
THINK_S = (2.0, 5.0)
SAMPLE_EVERY_S = 2.0


@dataclass
class Run:
    """What a soak saw."""

    sessions: int
    seconds: float
    through: str
    errors: list[str] = field(default_factory=list)
    year_changes: list[tuple[float, float]] = field(default_factory=list)  # (at s, took s)
    loads: list[float] = field(default_factory=list)  # link opened until the map was drawn, s
    actions: dict[str, int] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)
    warm_up_s: float = 0.0

    def p(self, share: float, times: Sequence[float] | None = None) -> float:
        """A percentile of the year-change times (or of ``times``), in seconds (0 with none)."""
        ordered = sorted(times if times is not None else (t for _, t in self.year_changes))
        if not ordered:
            return 0.0
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def district_points() -> dict[str, tuple[float, float, str]]:
    """A point well inside each district readers click (lat, lng), and its LGD code as the
    address writes it once selected."""
    districts = load_boundaries().districts.set_index("district")
    points = {}
    for name in DISTRICTS:
        point = districts.loc[name, "geometry"].representative_point()
        code = f"lgd-{int(districts.loc[name, 'district_lgd'])}"
        points[name] = (point.y, point.x, code)
    return points


class Reader:
    """One person with the map open: their page, their round of actions, what went wrong."""

    def __init__(self, number: int, page: Page, run: Run, started: float, points: dict) -> None:
        self.number, self.page, self.run, self.started = number, page, run, started
        self.points = points
        self.rng = random.Random(number)
        self.year = 0
        self.closing = False
        page.on("pageerror", lambda error: self.error(f"page exception: {error}"))
        page.on("requestfailed", self.request_failed)
        page.on("websocket", self.watch_socket)

    def error(self, message: str) -> None:
        """Record a problem, unless the reader is leaving (closing a page drops its socket)."""
        if not self.closing:
            self.run.errors.append(f"reader {self.number}: {message}")

    def request_failed(self, request: object) -> None:
        """A request that got no answer."""
        failure = getattr(request, "failure", None)
        url = getattr(request, "url", "")
        # A download's own navigation is reported as aborted when it turns into a download.
        if failure and "ERR_ABORTED" in str(failure) and "/_stcore/" not in url:
            return
        self.error(f"request failed: {url} ({failure})")

    def watch_socket(self, socket: object) -> None:
        """A WebSocket that closes while the reader is still there is a dropped session."""
        socket.on("close", lambda _: self.error("WebSocket closed"))  # type: ignore[attr-defined]

    async def open(self, link: str, url: str) -> None:
        """Arrive on a shared link and wait for the map."""
        start = time.monotonic()
        await self.page.goto(url + link, timeout=OPEN_TIMEOUT_MS)
        drawn = self.page.frame_locator(MAP).locator("path.district").nth(55)
        await drawn.wait_for(state="attached", timeout=OPEN_TIMEOUT_MS)
        self.run.loads.append(time.monotonic() - start)
        match = re.search(r"year=(\d+)", link)
        self.year = int(match.group(1)) if match else time.localtime().tm_year

    async def act(self, action: str) -> None:
        """One action of the round, counted."""
        self.run.actions[action] = self.run.actions.get(action, 0) + 1
        await getattr(self, f"do_{action}")()

    async def do_year(self) -> None:
        """One step of the year slider, timed until the map shows that year."""
        step = -1 if self.year > 2000 and self.rng.random() < 0.6 else 1
        if self.year + step > time.localtime().tm_year:
            step = -1
        slider = self.page.locator('[data-testid="stSlider"] input[type="range"]').first
        await slider.focus()
        start = time.monotonic()
        await self.page.keyboard.press("ArrowLeft" if step < 0 else "ArrowRight")
        self.year += step
        marked = self.page.frame_locator(MAP).locator(f"[data-year='{self.year}']").first
        await marked.wait_for(state="attached", timeout=ACTION_TIMEOUT_MS)
        done = time.monotonic()
        self.run.year_changes.append((done - self.started, done - start))

    async def do_district(self) -> None:
        """A click inside a district (in the states view), until the address selects it."""
        if "view=partners" in self.page.url:
            await self.do_view()
            await self.page.wait_for_timeout(1500)  # the map glides back to the two states
        # A district other than the one selected, so the click changes the selection.
        name = self.rng.choice([d for d in DISTRICTS if self.points[d][2] not in self.page.url])
        # A download below the map scrolls the page: bring the map back into view first.
        await self.page.locator(MAP).scroll_into_view_if_needed(timeout=ACTION_TIMEOUT_MS)
        frame = await (await self.page.locator(MAP).element_handle()).content_frame()
        x, y = await frame.evaluate(
            """([lat, lng]) => {
                const p = map_div.latLngToContainerPoint([lat, lng]);
                const r = map_div.getContainer().getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            list(self.points[name][:2]),
        )
        box = await self.page.locator(MAP).bounding_box()
        before = self.page.url
        await self.page.mouse.click(box["x"] + x, box["y"] + y)
        await self.page.wait_for_function(
            "(before) => location.href !== before && location.search.includes('sel=')",
            arg=before,
            timeout=ACTION_TIMEOUT_MS,
        )

    async def do_view(self) -> None:
        """Switch between the two named views."""
        partners = "view=partners" in self.page.url
        choice = label("view", "states" if partners else "partners", EN)
        await self.page.get_by_text(choice, exact=True).click()
        wanted = "!" if partners else ""
        await self.page.wait_for_function(
            f"{wanted}location.search.includes('view=partners')", timeout=ACTION_TIMEOUT_MS
        )

    async def do_details(self) -> None:
        """Read the details panel."""
        details = self.page.locator('[data-testid="stMainBlockContainer"]')
        heading = details.get_by_role("heading", name=text("details", EN), exact=True)
        await heading.wait_for(timeout=ACTION_TIMEOUT_MS)
        if not (await details.inner_text(timeout=ACTION_TIMEOUT_MS)).strip():
            self.error("the details panel is empty")

    async def do_download(self) -> None:
        """Download the CSV data and open the zip."""
        button = self.page.get_by_role("button", name=text("download_csv", EN))
        async with self.page.expect_download(timeout=ACTION_TIMEOUT_MS) as download_info:
            await button.click()
        download = await download_info.value
        path = await download.path()
        with zipfile.ZipFile(path) as archive:
            if not any(name.endswith("/sites.csv") for name in archive.namelist()):
                self.error("the CSV download has no sites.csv")

    async def live(self, url: str, deadline: float) -> None:
        """Open a link, then act and think until the deadline."""
        try:
            await self.open(self.rng.choice(LINKS), url)
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
                self.error(f"{action}: {type(error).__name__}: {str(error).splitlines()[0]}")


async def drive(url: str, sessions: int, seconds: float, run: Run, watch: Sequence[Series]) -> None:
    """Readers arrive over the first quarter of the run (at most 30 s), as a shared link's
    readers do, and stay until the end; the replicas are sampled meanwhile."""
    points = district_points()
    started = time.monotonic()
    deadline = started + seconds
    ramp = min(30.0, seconds / 4)
    run.warm_up_s = ramp + min(30.0, seconds / 4)

    async def sample() -> None:
        while time.monotonic() < deadline:
            for series in watch:
                series.sample(started)
            await asyncio.sleep(SAMPLE_EVERY_S)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts: list[BrowserContext] = []
        readers: list[Reader] = []

        async def arrive(number: int) -> None:
            await asyncio.sleep(ramp * number / max(1, sessions))
            context = await browser.new_context(
                viewport={"width": 1366, "height": 768}, locale="en-US", accept_downloads=True
            )
            contexts.append(context)
            reader = Reader(number, await context.new_page(), run, started, points)
            readers.append(reader)
            await reader.live(url, deadline)

        sampler = asyncio.create_task(sample())
        await asyncio.gather(*(arrive(n) for n in range(sessions)))
        await sampler
        for reader in readers:
            reader.closing = True
        for context in contexts:
            await context.close()
        await browser.close()


def log_errors(logs: Sequence[Path]) -> list[str]:
    """Tracebacks and errors the servers logged."""
    found = []
    for log in logs:
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if re.search(r"Traceback|Exception|\bERROR\b", line):
                found.append(f"{log.name}: {line.strip()[:200]}")
    return found


def soak(sessions: int, seconds: float, replicas: int = 2, direct: bool = False) -> Run:
    """Run the soak and return what it saw (errors include the servers' logs)."""
    with tempfile.TemporaryDirectory(prefix="soak-") as scratch:
        folder = Path(scratch)
        if direct:
            started = [
                Replica(free_port(), folder / f"replica-{i}.log", replica_env())
                for i in range(replicas)
            ]
            run = Run(sessions, seconds, f"{replicas} replica(s), no proxy")
            try:
                for replica in started:
                    replica.start()
                watch = [Series(f"replica {i + 1}", r.process.pid) for i, r in enumerate(started)]
                run.series = watch
                asyncio.run(drive(started[0].url, sessions, seconds, run, watch))
            finally:
                for replica in started:
                    replica.stop()
        else:
            with deployment(folder, replicas) as site:
                run = Run(sessions, seconds, f"nginx, {replicas} replicas")
                watch = [
                    Series(f"replica {i + 1}", r.process.pid) for i, r in enumerate(site.replicas)
                ]
                run.series = watch
                asyncio.run(drive(site.url, sessions, seconds, run, watch))
                started = site.replicas
        run.errors += log_errors([r.log for r in started])
    return run


def report(run: Run) -> str:
    """The run as a Markdown section."""
    lines = [
        f"{SECTION}\n",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}: {run.sessions} concurrent readers for "
        f"{run.seconds / 60:.1f} min through {run.through}, real Chromium pages (see "
        "`bench/soak.py` for why), each opening a shared link, then changing the year, "
        "clicking a district, switching views, reading the details and downloading the CSV "
        "data, 2-5 s apart. Plot: `bench/soak.png`.\n",
        "| measure | figure |",
        "|---|---|",
        f"| errors | {len(run.errors)} |",
        f"| actions | {', '.join(f'{k} {v}' for k, v in sorted(run.actions.items()))} |",
        f"| year change to map updated, p50 / p95 | {run.p(0.5):.2f} s / {run.p(0.95):.2f} s "
        f"({len(run.year_changes)} changes) |",
        f"| link opened to map drawn, p50 / p95 | {run.p(0.5, run.loads):.1f} s / "
        f"{run.p(0.95, run.loads):.1f} s ({len(run.loads)} readers) |",
    ]
    for series in run.series:
        if not series.rss:
            continue
        lines.append(
            f"| {series.name}: CPU (share of a core), memory at start / peak / end, slope "
            f"after {run.warm_up_s:.0f} s | {series.cpu_share():.2f}, "
            f"{series.rss[0]:.0f} / {max(series.rss):.0f} / {series.rss[-1]:.0f} MB, "
            f"{series.slope_mb_per_min(run.warm_up_s):+.2f} MB/min |"
        )
    if run.errors:
        lines += ["", "Errors (first 20):", ""]
        lines += [f"- {error}" for error in run.errors[:20]]
    return "\n".join(lines) + "\n"


def plot(run: Run, path: Path = PLOT) -> None:
    """Memory per replica and each year change's time, over the run."""
    memory = [Line(s.name, list(zip(s.times, s.rss, strict=True))) for s in run.series if s.times]
    latency = [Line("year change", run.year_changes, dots=True)]
    save_png(
        [
            panel_svg("Resident memory per replica", "seconds", "MB", memory),
            panel_svg("Year change to map updated", "seconds", "s", latency),
        ],
        path,
    )


def capacity(steps: Sequence[int], seconds: float) -> str:
    """One replica, no proxy, at each number of readers in turn: where p95 passes 2 s."""
    lines = [
        f"{CAPACITY_SECTION}\n",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}: one replica driven directly, "
        f"{seconds / 60:.1f} min per step, the same readers as above (their Chromium pages run "
        "on the same 2 cores as the server, so these figures are a lower bound).\n",
        "| readers | year change p50 / p95 (s) | link to map p95 (s) | errors | replica CPU |",
        "|---|---|---|---|---|",
    ]
    for sessions in steps:
        run = soak(sessions, seconds, replicas=1, direct=True)
        cpu = run.series[0].cpu_share() if run.series else 0.0
        lines.append(
            f"| {sessions} | {run.p(0.5):.2f} / {run.p(0.95):.2f} | "
            f"{run.p(0.95, run.loads):.1f} | {len(run.errors)} | {cpu:.2f} |"
        )
    return "\n".join(lines) + "\n"


def write_section(section: str, results: Path = RESULTS) -> None:
    """Put the section (its first line is its heading) in the results: in place of an earlier
    one with the same heading, else at the end."""
    current = results.read_text(encoding="utf-8") if results.exists() else ""
    heading = section.splitlines()[0] + "\n"
    if heading in current:
        before, after = current.split(heading, 1)
        rest = re.search(r"^## ", after, flags=re.MULTILINE)
        tail = after[rest.start() :] if rest else ""
        results.write_text(f"{before.rstrip()}\n\n{section}\n{tail}".rstrip() + "\n", "utf-8")
    else:
        results.write_text(f"{current.rstrip()}\n\n{section}", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; exit status 1 when the run saw any error."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--direct", action="store_true", help="no nginx: the first replica")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--capacity", type=int, nargs="*", help="readers per step, one replica, no proxy"
    )
    args = parser.parse_args(argv)
    if args.capacity:
        section = capacity(args.capacity, args.minutes * 60)
        print(section)
        if not args.no_write:
            write_section(section)
        return 0
    run = soak(args.sessions, args.minutes * 60, args.replicas, args.direct)
    section = report(run)
    print(section)
    if not args.no_write:
        write_section(section)
        plot(run)
    return 1 if run.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
