"""Benchmark: import a 20,000-row server inventory vs. python-calamine reading the same file.

Prints the time of the raw calamine read (the floor), of the full import (header
recognition, value parsing, merge, cross-reference and build checks) and of a CSV of the same
rows. The steps run in turn, once per round (the cycle collector's garbage cleared before
each), and each round's CPU time is divided by the same round's raw read: on a machine shared
with other work both wall and CPU time swing with the load, the ratios of one round much less.
Prints the best wall and CPU times, and the best and median ratio. Not a test.
Run: ``PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_import.py [rows] [rounds]``
(9 rounds unless told).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import xlsxwriter
from python_calamine import CalamineWorkbook

from planner.core.importing import import_files, read_file
from planner.core.importing.workbook_limits import workbook_problems
from planner.core.knowledge import load_knowledge

HEADER = ["Servername", "Standort", "Rolle(n)", "Exchange-Version", "Betriebssystem", "DAG",
          "VM?", "Anzahl Postfächer", "Postfachdaten", "Bemerkung"]
BUILDS = ["15.2.1748.39", "15.1.2507.61", "15.2.1544.36", "Version 15.2 (Build 1118.7)"]


def _row(i: int) -> list[object]:
    return [f"EX{i:05d}", ("Berlin", "München", "Hamburg")[i % 3], "Postfach",
            BUILDS[i % len(BUILDS)], "Windows Server 2019", f"DAG{i // 4:04d}",
            "ja" if i % 2 else "nein", str(100 + i % 900), f"{(i % 50) + 0.5:.1f} GB".replace(
                ".", ","), "" if i % 7 else "Altlast"]


def _write(folder: Path, rows: int) -> tuple[Path, Path]:
    xlsx, csv = folder / "inventory.xlsx", folder / "inventory.csv"
    book = xlsxwriter.Workbook(str(xlsx), {"constant_memory": True})
    sheet = book.add_worksheet("Server")
    sheet.write_row(0, 0, HEADER)
    lines = [";".join(HEADER)]
    for i in range(rows):
        row = _row(i)
        sheet.write_row(i + 1, 0, row)
        lines.append(";".join(str(c) for c in row))
    book.close()
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return xlsx, csv


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU time of one call (the cycle collector's garbage cleared first)."""
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - start_cpu


def _rounds(steps: dict[str, Callable[[], object]], rounds: int
            ) -> dict[str, list[tuple[float, float]]]:
    """Each step once per round, in turn: a change in the machine's load falls on all of
    them alike, so each round's ratio to its own raw read is the fair figure. Every other
    round runs the steps in reverse order, so that neither the raw read nor the import is
    always the one timed right after the other's garbage or at the same point of a swing."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in steps}
    for n in range(rounds):
        order = list(steps.items())
        for name, fn in order if n % 2 == 0 else reversed(order):
            times[name].append(_timed(fn))
    return times


def _calamine(path: Path) -> int:
    book = CalamineWorkbook.from_path(str(path))
    return len(book.get_sheet_by_name("Server").to_python())


def main() -> None:
    """Write the files, time each reader, print the figures."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    knowledge = load_knowledge()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, csv = _write(Path(tmp), rows)
        result = import_files([xlsx], knowledge=knowledge)
        assert len(result.estate.servers) == rows, len(result.estate.servers)
        times = _rounds({
            "python-calamine read only": lambda: _calamine(xlsx),
            "  size guard (pre-scan)": lambda: workbook_problems(xlsx, "zip"),
            "  read_file (guard + read)": lambda: read_file(xlsx),
            "import_files, xlsx": lambda: import_files([xlsx], knowledge=knowledge),
            "import_files, CSV (;)": lambda: import_files([csv], knowledge=knowledge),
        }, rounds)
    raw = times["python-calamine read only"]
    print(f"rows: {rows} ({len(HEADER)} columns, German headers and values), {rounds} rounds, "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"{'':27s}{'best wall':>10s}{'best CPU':>10s}{'CPU ratio: best':>17s}{'median':>8s}")
    for label, taken in times.items():
        ratios = sorted(cpu / raw_cpu for (_w, cpu), (_rw, raw_cpu) in zip(taken, raw,
                                                                        strict=True))
        print(f"{label:27s}{min(w for w, _c in taken):9.2f}s{min(c for _w, c in taken):9.2f}s"
              f"{ratios[0]:16.2f}x{statistics.median(ratios):7.2f}x")
    print("(ratios: CPU time to the raw read of the same file in the same round)")


if __name__ == "__main__":
    main()
