"""Benchmark: read generated transport logs vs. plain ``csv`` reading the same files.

Writes SMTP Receive protocol logs and message tracking logs with tests/transport_log_maker.py,
then, each in its own process, (1) reads every file with ``csv.reader`` and counts the rows
(the floor), (2) runs the planner's log import (header recognition, sessions, relay client
discovery, flow counting, merge into an empty estate). Prints lines per second, the ratio
and each child's peak memory. Best of ``RUNS`` runs each. Not a test.

Run: ``PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_transport_logs.py [scale] [days]``
(default scale 50, 3 days: about 0.56 million lines, 100 MB; ``450 3`` writes about 5 million
lines, 0.9 GB).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 3
ROOT = Path(__file__).resolve().parents[2]


def read_csv(folder: Path) -> int:
    """Every row of every log file through csv.reader: the floor any reader must pay."""
    # A broken quote makes csv swallow the rest of a file into one field: allow it, since
    # the floor only has to touch every byte (the planner's reader contains it to one line).
    csv.field_size_limit(sys.maxsize)
    rows = 0
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open(encoding="utf-8-sig", newline="") as handle:
                for _ in csv.reader(handle):
                    rows += 1
    return rows


def read_planner(folder: Path) -> int:
    """The planner's import of the same folder; returns the data lines it read."""
    from planner.core.importing.log_files import find_logs
    from planner.core.importing.relay_discovery import merge_transport_logs
    from planner.core.importing.transport_logs import read_transport_logs
    from planner.core.model import Estate

    sources, _, _ = find_logs([folder])
    logs = read_transport_logs(sources, Estate())
    merge_transport_logs(Estate(), logs)
    return logs.receive.count.lines + logs.flows.count.lines


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: reset at exec, unlike ru_maxrss, which
    would still count the benchmark parent's memory that fork copied)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _child(mode: str, folder: Path) -> tuple[float, int, float]:
    """Run one reader in a fresh process: (seconds, lines, peak RSS in MB)."""
    code = (f"import time, sys; sys.path.insert(0, {str(ROOT)!r}); "
            "from tests.benchmarks.bench_transport_logs import read_csv, read_planner, peak_mb; "
            f"t = time.perf_counter(); n = read_{mode}(__import__('pathlib').Path("
            f"{str(folder)!r})); print(time.perf_counter() - t, n, peak_mb())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=dict(os.environ, PYTHONPATH=str(ROOT))).stdout
    seconds, lines, peak = out.split()
    return float(seconds), int(lines), float(peak)


def main(scale: int, days: int) -> None:
    """Write the logs, time both readers, print the figures."""
    from tests.transport_log_maker import write_logs

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        truth = write_logs(folder, days=days, scale=scale)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"wrote {truth.lines:,} lines, {size / 1024**2:,.0f} MB in {len(truth.files)} "
              f"files ({time.perf_counter() - started:.0f} s)")
        best: dict[str, tuple[float, int, float]] = {}
        for mode in ("csv", "planner"):
            runs = [_child(mode, folder) for _ in range(RUNS)]
            best[mode] = min(runs)
            seconds, lines, _ = best[mode]
            print(f"{mode:8} {seconds:7.2f} s  {lines / seconds:12,.0f} lines/s  "
                  f"peak RSS {max(r[2] for r in runs):5.0f} MB")
        ratio = best["planner"][0] / best["csv"][0]
        print(f"planner / csv: {ratio:.2f}x (target <= 2x), peak "
              f"{best['planner'][2]:.0f} MB (target < 500 MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50,
         int(sys.argv[2]) if len(sys.argv) > 2 else 3)
