"""Run the benchmark: ``python -m bench`` (``--runs N``, ``--sizes 10000 100000``).

Prints a table and writes it, with the date and the machine, to bench/results.md (the
"Before/after" notes at the end of that file are kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
from pathlib import Path

from bench.browser import PageTimes, measure_browser
from bench.pictures import picture_seconds
from bench.server import component_payload, layer_document_bytes, script_seconds, startup_seconds
from dashboard.core.choices import Language
from dashboard.paths import GEODATA_DIR
from harness.synthetic import write_synthetic

RESULTS = Path(__file__).resolve().parent / "results.md"
NOTES_MARK = "## Before/after"
KB = 1024


def machine() -> str:
    """One line describing this machine, printed beside the results, since ratios depend on it."""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split()[1])
        memory = f", {total_kb / 1024 / 1024:.0f} GiB"
    return (
        f"{platform.machine()}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"
    )


def budget(value: float, limit: float) -> str:
    """Whether a measured value is within its budget, as a word for the report."""
    return "meets" if value <= limit else "**misses**"


BROWSER_COLUMNS = (
    "| page | navigation to map drawn (s) | ratio to bare | year change to map updated (s) | "
    "ratio to bare | year change to the page's run in (s) | ratio to bare |"
)


def page_row(label: str, times: PageTimes, bare: PageTimes, *more: str) -> str:
    """One page's line of a browser table: each time beside its ratio to the bare page's, then
    ``more`` cells."""
    cells = [
        f"{value:.2f} | {value / of_bare:.2f}"
        for value, of_bare in (
            (times.load_s, bare.load_s),
            (times.change_s, bare.change_s),
            (times.settled_s, bare.settled_s),
        )
    ]
    return f"| {label} | {' | '.join([*cells, *more])} |"


def browser_rows(
    pages: dict[str, PageTimes], datasets: list[str], pan: dict[str, str]
) -> list[str]:
    """The browser table's lines after its head: the bare page, the two pages beside it and
    the dashboard on each dataset (with ``pan`` as a last cell, when given)."""
    bare = pages["bare"]
    more = ("",) if pan else ()
    return [
        page_row("bare Streamlit page (slider + text)", bare, bare, *more),
        page_row(
            "the same, served with TCP_NODELAY (as the dashboard's server)",
            pages["bare_nodelay"],
            bare,
            *more,
        ),
        page_row(
            "one `st_folium` map and a year slider, with TCP_NODELAY", pages["one_map"], bare, *more
        ),
        *(
            page_row(f"dashboard, {name}", pages[name], bare, *((pan[name],) if pan else ()))
            for name in datasets
        ),
    ]


def main() -> int:
    """Run every measure and print the report as Markdown; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (median)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument(
        "--browser-only",
        action="store_true",
        help="only the browser's figures, printed (bench/results.md is left as it is)",
    )
    args = parser.parse_args()
    if args.browser_only:
        return browser_only(args.runs)

    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        folders = {"real": GEODATA_DIR}
        for size in args.sizes:
            folders[f"{size:,} sites"] = write_synthetic(Path(scratch) / str(size), size)
        lines = [
            f"# Benchmark results\n\n{dt.datetime.now():%Y-%m-%d %H:%M}, {machine()}; "
            f"median of {args.runs} runs.\n",
            "## Server\n",
            "| dataset | start-up: load, validate, derive (s) | first page load, one script "
            "run (s) | year change, one script run (s) |",
            "|---|---|---|---|",
        ]
        for name, folder in folders.items():
            start = startup_seconds(folder, max(1, args.runs // 2))
            load, change = script_seconds(folder, args.runs)
            lines.append(f"| {name} | {start:.2f} | {load:.2f} | {change:.2f} |")
            print(lines[-1], flush=True)

        raw, gz, change_raw, change_gz = component_payload(GEODATA_DIR)
        document = layer_document_bytes(GEODATA_DIR)
        lines += [
            "\n## Map payload (real dataset)\n",
            "| | raw (KB) | gzip (KB) | sent |",
            "|---|---|---|---|",
            f"| layer document (static file) | {document[0] / KB:.0f} | {document[1] / KB:.0f} | "
            "once; the browser caches it |",
            f"| map component, default view | {raw / KB:.1f} | {gz / KB:.1f} | on load |",
            f"| map component, after a year change | {change_raw / KB:.1f} | "
            f"{change_gz / KB:.1f} | on each change |",
        ]
        print("\n".join(lines[-5:]), flush=True)

        pictures = picture_seconds(GEODATA_DIR, args.runs)
        lines += [
            "\n## Pictures of a view (real dataset, default view)\n",
            "| picture | build, English (s) | build, Japanese (s) | size, English (KB) | "
            "again, from the cache (ms) |",
            "|---|---|---|---|---|",
        ]
        for picture, times in pictures.items():
            lines.append(
                f"| {picture.layout.value} {picture.format.value.upper()} | "
                f"{times.seconds[Language.EN]:.2f} | {times.seconds[Language.JA]:.2f} | "
                f"{times.size / KB:.0f} | {times.cached_seconds * 1000:.1f} |"
            )
        slowest = max(max(times.seconds.values()) for times in pictures.values())
        print("\n".join(lines[-(len(pictures) + 3) :]), flush=True)

        browser = measure_browser(folders, args.runs)
        pages = browser.pages
        bare, nodelay = pages["bare"], pages["bare_nodelay"]
        pan = {name: f"{browser.pan_ms[name]:.0f}" for name in folders}
        lines += [
            "\n## Browser (Chromium, headless)\n",
            "Each time by the page's own clock, to the animation frame that first shows what is "
            "awaited (bench/browser.py, PageTimes).\n",
            f"{BROWSER_COLUMNS} pan, next frame (ms) |",
            "|---|---|---|---|---|---|---|---|",
            *browser_rows(pages, list(folders), pan),
            "\nThe same by the test driver's clock, until Playwright hears of it (a page whose "
            "main thread is busy tells it later than it paints):\n",
            BROWSER_COLUMNS,
            "|---|---|---|---|---|---|---|",
            *browser_rows(browser.driver_pages, ["real"], {}),
        ]
        real = pages["real"]
        driven, driven_bare = browser.driver_pages["real"], browser.driver_pages["bare"]
        largest = list(folders)[-1]
        sent = browser.bytes_per_year_change / KB
        extra_mb = (browser.rss_10_mb - browser.rss_1_mb) / 9
        lines += [
            "\n## Budgets\n",
            "| budget | figure | |",
            "|---|---|---|",
            f"| navigation to map drawn <= 1.6x bare page | {real.load_s / bare.load_s:.2f}x | "
            f"{budget(real.load_s / bare.load_s, 1.6)} |",
            f"| year change to map updated <= 1.5x bare slider round trip | "
            f"{real.change_s / bare.change_s:.2f}x | "
            f"{budget(real.change_s / bare.change_s, 1.5)} |",
            f"| (not a budget) year change to map updated, by the test driver's clock | "
            f"{driven.change_s / driven_bare.change_s:.2f}x | |",
            f"| (not a budget) navigation against the bare page served with TCP_NODELAY | "
            f"{real.load_s / nodelay.load_s:.2f}x | |",
            f"| (not a budget) year change to map updated against the bare page served with "
            f"TCP_NODELAY | {real.change_s / nodelay.change_s:.2f}x | |",
            f"| (not a budget) year change to the page's run in (the details, the address), "
            f"against the bare round trip | {real.settled_s / bare.settled_s:.2f}x | |",
            f"| bytes over the WebSocket per year change <= 25 KB | {sent:.1f} KB | "
            f"{budget(sent, 25)} |",
            f"| year change at {largest} <= 1 s | {pages[largest].change_s:.2f} s | "
            f"{budget(pages[largest].change_s, 1.0)} |",
            f"| a picture (any layout, format, language) built <= 2 s | {slowest:.2f} s | "
            f"{budget(slowest, 2.0)} |",
            f"| server RSS, 1 session <= 300 MB | {browser.rss_1_mb:.0f} MB | "
            f"{budget(browser.rss_1_mb, 300)} |",
            f"| each extra session <= 30 MB | {extra_mb:.1f} MB "
            f"({browser.rss_10_mb:.0f} MB with 10) | {budget(extra_mb, 30)} |",
        ]
    table = "\n".join(lines) + "\n"
    print(table)
    notes = ""
    if RESULTS.exists() and NOTES_MARK in RESULTS.read_text(encoding="utf-8"):
        notes = RESULTS.read_text(encoding="utf-8").split(NOTES_MARK, 1)[1]
        notes = f"\n{NOTES_MARK}{notes}"
    RESULTS.write_text(table + notes, encoding="utf-8")
    print(f"written to {RESULTS}")
    return 0


def browser_only(runs: int) -> int:
    """The navigation and year-change figures alone, for profiling a change quickly."""
    browser = measure_browser({"real": GEODATA_DIR}, runs)
    print(
        f"by the page's clock:\n{summary(browser.pages)}\n"
        f"by the driver's clock:\n{summary(browser.driver_pages)}\n"
        f"{browser.bytes_per_year_change / KB:.1f} KB over the WebSocket per year change"
    )
    return 0


def summary(pages: dict[str, PageTimes]) -> str:
    """Two lines: navigation and year change, each page beside the bare one."""
    bare, real, one_map = pages["bare"], pages["real"], pages["one_map"]
    nodelay = pages["bare_nodelay"]
    return (
        f"navigation: bare {bare.load_s:.2f} s (with TCP_NODELAY {nodelay.load_s:.2f} s), "
        f"one map {one_map.load_s:.2f} s "
        f"({one_map.load_s / bare.load_s:.2f}x), dashboard {real.load_s:.2f} s "
        f"({real.load_s / bare.load_s:.2f}x)\n"
        f"year change: bare {bare.change_s:.3f} s, one map {one_map.change_s:.3f} s "
        f"({one_map.change_s / bare.change_s:.2f}x), dashboard {real.change_s:.3f} s "
        f"({real.change_s / bare.change_s:.2f}x), its run in {real.settled_s:.3f} s "
        f"({real.settled_s / bare.settled_s:.2f}x)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
