"""A server process's resident memory and CPU time, read from /proc, sampled over a run; and
the slope of memory once warmed up (a leak shows as a steady climb)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used."""
    # The command name may hold spaces: fields are counted after its closing parenthesis.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


@dataclass
class Series:
    """Samples of one process: seconds since the start, MB resident, CPU seconds used."""

    name: str
    pid: int
    times: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def sample(self, since: float) -> None:
        """Add a sample (nothing once the process has gone)."""
        try:
            rss, cpu = rss_mb(self.pid), cpu_seconds(self.pid)
        except (OSError, RuntimeError):
            return
        self.times.append(time.monotonic() - since)
        self.rss.append(rss)
        self.cpu.append(cpu)

    def cpu_share(self) -> float:
        """Mean share of one core used over the samples (1.0 = one core busy)."""
        if len(self.times) < 2 or self.times[-1] == self.times[0]:
            return 0.0
        return (self.cpu[-1] - self.cpu[0]) / (self.times[-1] - self.times[0])

    def slope_mb_per_min(self, after_s: float) -> float:
        """Least-squares slope of memory over the samples taken after ``after_s`` seconds."""
        points = [(t, m) for t, m in zip(self.times, self.rss, strict=True) if t >= after_s]
        if len(points) < 3:
            return 0.0
        mean_t = sum(t for t, _ in points) / len(points)
        mean_m = sum(m for _, m in points) / len(points)
        spread = sum((t - mean_t) ** 2 for t, _ in points)
        if spread == 0:
            return 0.0
        slope = sum((t - mean_t) * (m - mean_m) for t, m in points) / spread
        return slope * 60


def machine_cpu() -> tuple[float, float]:
    """Seconds of CPU time the whole machine has spent busy, and in all, over every core."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields) - idle) / CLOCK_TICKS, sum(fields) / CLOCK_TICKS
