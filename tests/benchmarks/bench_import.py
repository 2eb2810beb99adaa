"""Benchmark: import a 20,000-row server inventory vs. python-calamine reading the same file.

Prints the time of the raw calamine read (the floor), of the full import (header
recognition, value parsing, merge, cross-reference and build checks) and of a CSV of the same
rows, each as wall time and as the process's CPU time (best of three runs each, the cycle
collector's garbage cleared before each). On a machine shared with other work the wall time
swings with the load; the CPU time and its ratios do not. Not a test.
Run: ``PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_import.py [rows]``.
"""

from __future__ import annotations

import gc
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


def _best(fn: Callable[[], object], runs: int = 3) -> tuple[float, float]:
    """The best wall time and the best CPU time of ``runs`` calls."""
    wall, cpu = [], []
    for _ in range(runs):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(wall), min(cpu)


def _calamine(path: Path) -> int:
    book = CalamineWorkbook.from_path(str(path))
    return len(book.get_sheet_by_name("Server").to_python())


def main() -> None:
    """Write the files, time each reader, print the figures."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    knowledge = load_knowledge()
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, csv = _write(Path(tmp), rows)
        result = import_files([xlsx], knowledge=knowledge)
        assert len(result.estate.servers) == rows, len(result.estate.servers)
        raw = _best(lambda: _calamine(xlsx))
        guard = _best(lambda: workbook_problems(xlsx, "zip"))
        read = _best(lambda: read_file(xlsx))
        full = _best(lambda: import_files([xlsx], knowledge=knowledge))
        text = _best(lambda: import_files([csv], knowledge=knowledge))
    print(f"rows: {rows} ({len(HEADER)} columns, German headers and values)")
    print(f"{'':27s}{'wall':>8s}{'ratio':>8s}{'CPU':>9s}{'ratio':>8s}")
    for label, (wall, cpu) in (("python-calamine read only", raw),
                               ("  size guard (pre-scan)", guard),
                               ("  read_file (guard + read)", read),
                               ("import_files, xlsx", full),
                               ("import_files, CSV (;)", text)):
        print(f"{label:27s}{wall:7.2f}s{wall / raw[0]:7.1f}x{cpu:8.2f}s{cpu / raw[1]:7.1f}x")
    print("(ratios: to the raw read of the same file in the same run)")

if __name__ == "__main__":
    main()
