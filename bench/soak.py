"""Soak: many readers at once through nginx and two replicas, the way people use the map.

``python -m bench.soak --sessions 25 --minutes 5`` starts the documented deployment on
loopback (Debian's nginx with deploy/nginx.conf in front of two deploy/start replicas) and
sends that many readers through it, arriving over the first half-minute as a shared link's
readers do. Each opens a shared deep link, then in turn changes the year, clicks a district,
switches to the partners view and back, reads the details and downloads the CSV data, with a
few seconds' thought between actions (harness/soak_plan.py). It reports every error (failed
requests, dropped WebSockets, exceptions in the page, failed actions, tracebacks in the
server logs), p50 and p95 from a year change to the map updated, each replica's CPU and memory
over time and memory's slope after warm-up, checks them against the budgets, and writes a
"Soak" section and a plot into bench/. ``--capacity 10 20 40`` drives one replica without
nginx at each number of readers in turn, to find where one replica's limit lies.

Two kinds of reader, because on a 2-core machine one kind alone cannot measure the servers:

- **protocol readers** (bench/protocol_reader.py) make the requests a first visit makes, as a
  scout Chromium page recorded them at the start of the run, then speak Streamlit's own
  WebSocket messages as the page's front end does, and ask the map-years route as the map's
  frame does (once the map is drawn, and when the reader takes the slider). Their times run
  from a request to the server's last message for it;
- **browser readers** (bench/browser_reader.py, ``--browsers``, 2 by default) are real
  Chromium pages, timed until the map's frame shows the new state. Twelve Chromium pages
  opening within 15 s took about 25 s each to load here while the servers idled, so a soak of
  browsers alone measures Chromium; two of them beside the protocol readers measure what a
  person sees while the others load the servers.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import re
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import Browser, BrowserContext, ViewportSize, async_playwright

from bench.browser_reader import MAP, BrowserReader
from bench.plot import Line, panel_svg, save_png
from bench.protocol_reader import ProtocolReader
from harness.proc_stats import Series, machine_cpu
from harness.proxy import Replica, deployment, replica_env
from harness.serving import CHROMIUM, CHROMIUM_ARGS, free_port
from harness.soak_plan import LINKS, OPEN_TIMEOUT_S, Reader, Run, districts_to_click, percentile

RESULTS = Path(__file__).resolve().parent / "results.md"
PLOT = Path(__file__).resolve().parent / "soak.png"
SECTION = "## Soak"
CAPACITY_SECTION = "## Soak: one replica's limit"
SAMPLE_EVERY_S = 2.0
# Issue 13's budgets.
P95_BUDGET_S = 2.0
MEMORY_BASE_MB, MEMORY_PER_SESSION_MB = 300.0, 30.0
SLOPE_BUDGET_MB_PER_MIN = 1.0
VIEWPORT: ViewportSize = {"width": 1366, "height": 768}


async def scout(browser: Browser, url: str) -> list[str]:
    """Open the first shared link in a real page and list, in order, what it fetched from the
    app (scripts, styles, fonts, the map's frame and files): a protocol reader's first visit
    fetches the same."""
    context = await browser.new_context(viewport=VIEWPORT, locale="en-US")
    page = await context.new_page()
    fetched: list[str] = []
    origin = urlsplit(url).netloc

    def record(request: object) -> None:
        parts = urlsplit(request.url)  # type: ignore[attr-defined]
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        kind = request.resource_type  # type: ignore[attr-defined]
        if parts.netloc == origin and kind != "websocket" and path not in fetched:
            fetched.append(path)

    page.on("request", record)
    await page.goto(url + LINKS[0], timeout=OPEN_TIMEOUT_S * 1000)
    drawn = page.frame_locator(MAP).locator("path.district").nth(55)
    await drawn.wait_for(state="attached", timeout=OPEN_TIMEOUT_S * 1000)
    # The timeline and the charts follow the map's first report; their scripts load then.
    await page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(
        timeout=OPEN_TIMEOUT_S * 1000
    )
    await page.wait_for_timeout(2000)
    await context.close()
    return [path for path in fetched if path != LINKS[0]]


async def drive(
    url: str, sessions: int, browsers: int, seconds: float, run: Run, watch: Sequence[Series]
) -> None:
    """Readers arrive over the first quarter of the run (at most 30 s), browser readers
    spread among them, and stay until the end; the processes are sampled meanwhile."""
    points = districts_to_click()
    ramp = min(30.0, seconds / 4)
    run.warm_up_s = ramp + min(30.0, seconds / 4)
    in_browser = {round(i * sessions / browsers) for i in range(browsers)} if browsers else set()
    pool = ThreadPoolExecutor(max_workers=64, thread_name_prefix="soak-http")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        assets = await scout(browser, url)
        started = time.monotonic()
        deadline = started + seconds
        contexts: list[BrowserContext] = []
        readers: list[Reader] = []

        async def sample() -> None:
            while time.monotonic() < deadline:
                for series in watch:
                    series.sample(started)
                await asyncio.sleep(SAMPLE_EVERY_S)

        async def arrive(number: int) -> None:
            await asyncio.sleep(ramp * number / max(1, sessions))
            reader: Reader
            if number in in_browser:
                context = await browser.new_context(
                    viewport=VIEWPORT, locale="en-US", accept_downloads=True
                )
                contexts.append(context)
                page = await context.new_page()
                reader = BrowserReader(number, run, started, points, page, url)
            else:
                reader = ProtocolReader(number, run, started, points, url, assets, pool)
            readers.append(reader)
            await reader.live(deadline)

        machine_before = machine_cpu()
        sampler = asyncio.create_task(sample())
        await asyncio.gather(*(arrive(n) for n in range(sessions)))
        await sampler
        (busy, total), (busy_before, total_before) = machine_cpu(), machine_before
        run.machine_busy = (busy - busy_before) / max(total - total_before, 1e-9)
        for reader in readers:
            await reader.leave()
        for context in contexts:
            await context.close()
        await browser.close()
    pool.shutdown()


def log_errors(logs: Sequence[Path]) -> list[str]:
    """Tracebacks and errors the servers logged."""
    found = []
    for log in logs:
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if re.search(r"Traceback|Exception|\bERROR\b", line):
                found.append(f"{log.name}: {line.strip()[:200]}")
    return found


def soak(
    sessions: int, browsers: int, seconds: float, replicas: int = 2, direct: bool = False
) -> Run:
    """Run the soak and return what it saw (errors include the servers' logs)."""
    own = Series("soak's readers (this process)", os.getpid())
    with tempfile.TemporaryDirectory(prefix="soak-") as scratch:
        folder = Path(scratch)
        if direct:
            started = [
                Replica(free_port(), folder / f"replica-{i}.log", replica_env())
                for i in range(replicas)
            ]
            run = Run(sessions, browsers, seconds, f"{replicas} replica(s), no proxy")
            try:
                for replica in started:
                    replica.start()
                watch = [Series(f"replica {i + 1}", r.pid) for i, r in enumerate(started)]
                run.series = [*watch, own]
                asyncio.run(drive(started[0].url, sessions, browsers, seconds, run, run.series))
            finally:
                for replica in started:
                    replica.stop()
        else:
            with deployment(folder, replicas) as site:
                run = Run(sessions, browsers, seconds, f"nginx, {replicas} replicas")
                watch = [Series(f"replica {i + 1}", r.pid) for i, r in enumerate(site.replicas)]
                run.series = [*watch, own]
                asyncio.run(drive(site.url, sessions, browsers, seconds, run, run.series))
                started = site.replicas
            # Each page's WebSocket is logged once it closes: which replica held each session.
            held = site.upstreams("/_stcore/stream")
            run.sessions_per_replica = [
                sum(1 for u in held if u.endswith(f":{r.port}")) for r in started
            ]
        run.errors += log_errors([r.log for r in started])
    return run


def verdict(ok: bool) -> str:
    """A budget's verdict as the results write it."""
    return "meets" if ok else "**misses**"


def report(run: Run) -> str:
    """The run as a Markdown section, its budgets checked."""
    kinds = (("protocol", "protocol readers"), ("browser", "browser readers"), (None, "all"))
    lines = [
        f"{SECTION}\n",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}: {run.sessions} concurrent readers "
        f"({run.sessions - run.browsers} protocol readers, {run.browsers} in Chromium; see "
        f"`bench/soak.py` for why) for {run.seconds / 60:.1f} min through {run.through}, each "
        "opening a shared link, then changing the year, clicking a district, switching views, "
        "reading the details and downloading the CSV data, 2-5 s apart. Plot: "
        "`bench/soak.png`.\n",
        "| measure | figure |",
        "|---|---|",
        f"| errors | {len(run.errors)} |",
        f"| actions | {', '.join(f'{k} {v}' for k, v in sorted(run.actions.items()))} |",
    ]
    for kind, name in kinds:
        times = run.times(kind)
        if times:
            lines.append(
                f"| year change to map updated, p50 / p95, {name} | "
                f"{percentile(0.5, times):.2f} s / {percentile(0.95, times):.2f} s "
                f"({len(times)} changes) |"
            )
    for kind, name in kinds[:2]:
        loads = run.load_times(kind)
        if loads:
            lines.append(
                f"| link opened to map drawn, p50 / p95, {name} | {percentile(0.5, loads):.1f} s "
                f"/ {percentile(0.95, loads):.1f} s ({len(loads)} readers) |"
            )
    for series in run.series:
        if series.rss:
            lines.append(
                f"| {series.name}: CPU (share of a core), memory at start / peak / end, slope "
                f"after {run.warm_up_s:.0f} s / over the second half | {series.cpu_share():.2f}, "
                f"{series.rss[0]:.0f} / {max(series.rss):.0f} / {series.rss[-1]:.0f} MB, "
                f"{series.slope_mb_per_min(run.warm_up_s):+.2f} / "
                f"{series.slope_mb_per_min(run.seconds / 2):+.2f} MB/min |"
            )
    lines.append(
        f"| the machine's CPU, busy share of its {os.cpu_count()} cores | {run.machine_busy:.2f} |"
    )
    if run.sessions_per_replica:
        lines.append(
            "| sessions held per replica | "
            f"{' / '.join(str(n) for n in run.sessions_per_replica)} |"
        )
    lines += ["", *budget_table(run)]
    if run.errors:
        lines += ["", "Errors (first 20):", ""]
        lines += [f"- {error}" for error in run.errors[:20]]
    return "\n".join(lines) + "\n"


def budget_table(run: Run) -> list[str]:
    """Issue 13's budgets against this run."""
    p95 = percentile(0.95, run.times())
    lines = [
        "| budget | this run | |",
        "|---|---|---|",
        f"| 0 errors | {len(run.errors)} | {verdict(not run.errors)} |",
        f"| p95 year change <= {P95_BUDGET_S:.0f} s | {p95:.2f} s | "
        f"{verdict(p95 <= P95_BUDGET_S)} |",
    ]
    replicas = [s for s in run.series if s.name.startswith("replica") and s.rss]
    held = run.sessions_per_replica or [run.sessions] * len(replicas)
    for series, sessions in zip(replicas, held, strict=False):
        limit = MEMORY_BASE_MB + MEMORY_PER_SESSION_MB * sessions
        peak = max(series.rss)
        slope = series.slope_mb_per_min(run.warm_up_s)
        lines += [
            f"| {series.name}: memory <= 300 MB + 30 MB x {sessions} sessions = {limit:.0f} MB "
            f"| {peak:.0f} MB | {verdict(peak <= limit)} |",
            f"| {series.name}: memory slope after warm-up <= {SLOPE_BUDGET_MB_PER_MIN:.0f} "
            f"MB/min | {slope:+.2f} MB/min | {verdict(slope <= SLOPE_BUDGET_MB_PER_MIN)} |",
        ]
    return lines


def plot(run: Run, path: Path = PLOT) -> None:
    """Memory per replica and each year change's time, over the run."""
    memory = [
        Line(s.name, list(zip(s.times, s.rss, strict=True)))
        for s in run.series
        if s.times and s.name.startswith("replica")
    ]
    latency = [
        Line(f"{kind} readers", [(at, took) for at, took, k in run.year_changes if k == kind], True)
        for kind in ("protocol", "browser")
        if run.times(kind)
    ]
    save_png(
        [
            panel_svg("Resident memory per replica", "seconds", "MB", memory),
            panel_svg("Year change to map updated", "seconds", "s", latency),
        ],
        path,
    )


def capacity(steps: Sequence[int], seconds: float) -> str:
    """One replica, no proxy, protocol readers only, at each number of readers in turn: where
    p95 passes the budget."""
    lines = [
        f"{CAPACITY_SECTION}\n",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}: one replica driven directly by protocol readers "
        f"(the same round as above), {seconds / 60:.1f} min per step.\n",
        "| readers | actions per second | year change p50 / p95 (s) | link to map p95 (s) | "
        "errors | replica CPU (share of a core) | replica memory peak (MB) | machine busy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for sessions in steps:
        run = soak(sessions, 0, seconds, replicas=1, direct=True)
        replica = run.series[0]
        times = run.times()
        lines.append(
            f"| {sessions} | {sum(run.actions.values()) / seconds:.1f} | "
            f"{percentile(0.5, times):.2f} / {percentile(0.95, times):.2f} | "
            f"{percentile(0.95, run.load_times()):.1f} | {len(run.errors)} | "
            f"{replica.cpu_share():.2f} | {max(replica.rss, default=0):.0f} | "
            f"{run.machine_busy:.2f} |"
        )
        print(lines[-1], flush=True)
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
    parser.add_argument("--sessions", type=int, default=25, help="readers in all")
    parser.add_argument("--browsers", type=int, default=2, help="of which in Chromium")
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
    browsers = min(args.browsers, args.sessions)
    run = soak(args.sessions, browsers, args.minutes * 60, args.replicas, args.direct)
    section = report(run)
    print(section)
    if not args.no_write:
        write_section(section)
        plot(run)
    return 1 if run.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
