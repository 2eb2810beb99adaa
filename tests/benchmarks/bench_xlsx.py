"""Benchmark: the Excel project plan of 5,000 steps vs. plain XlsxWriter writing the same cells.

The floor writes the Plan sheet's values and the Gantt's bar cells with one format each and
nothing else (no styles per cell, outline, shading, other sheets). The export writes the full
six-sheet workbook. Also times the MS Project XML of the same plan. Best of five rounds in
which the two take turns.
Not a test. Run: ``PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_xlsx.py [steps]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import xlsxwriter

from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import _plan_values, build_context, write_workbook
from planner.core.knowledge import load_knowledge
from planner.core.model import Estate, Server
from planner.core.plan import (
    Dependency,
    Phase,
    Plan,
    Proposal,
    Schedule,
    ScheduledStep,
    Step,
)
from planner.core.settings import Consultant, Decisions, Settings

PHASES = [Phase.PREPARE, Phase.UPDATE, Phase.IN_PLACE, Phase.SIDE_BY_SIDE, Phase.DECOMMISSION]


def synthetic_plan(n_steps: int) -> Plan:
    """``n_steps`` steps, ten per server, chained FS per server and SS+1d across servers."""
    start = date(2027, 1, 4)
    settings = Settings(customer="Bench AG", start=start, consultants=(
        Consultant("A"), Consultant("B"), Consultant("C")))
    steps, dated = [], []
    for i in range(n_steps):
        server, k = divmod(i, 10)
        preds = (Dependency(f"s{i - 1}"),) if k else ()
        if server and not k:
            preds = (Dependency(f"s{i - 10}", "SS", 1),)
        steps.append(Step(f"s{i}", f"Step {k} on EX{server:04d}", f"Schritt {k} auf EX{server:04d}",
                          "work", PHASES[k // 2], f"server:EX{server:04d}", 1, "R-BENCH",
                          "why " * 12, "warum " * 12, preds))
        day = start + timedelta(days=(server % 40) * 3 + k)
        dated.append(ScheduledStep(f"s{i}", day, day + timedelta(days=i % 3), "ABC"[i % 3]))
    estate = Estate(servers=tuple(Server(f"EX{s:04d}") for s in range(n_steps // 10)))
    return Plan(estate, settings, Decisions(), (), Proposal(tuple(steps)),
                Schedule(tuple(dated)))


def floor_cells(plan: Plan) -> tuple[list[list[object]], list[tuple[int, str, range]]]:
    """The Plan sheet's values and the Gantt's (id, title, bar columns), computed up front."""
    ctx = build_context(plan, load_knowledge(), "en")
    values = [_plan_values(ctx, row) for row in ctx.outline.rows]
    bars = [(row.id, row.title, ctx.timeline.span(row.start, row.end)
             if row.start and row.end else range(0)) for row in ctx.outline.rows]
    return values, bars


def floor(cells: tuple[list[list[object]], list[tuple[int, str, range]]], path: Path) -> None:
    """Plain XlsxWriter: the same Plan values and Gantt bar cells, one format each."""
    values, bars = cells
    book = xlsxwriter.Workbook(str(path))
    date_fmt, bar = book.add_format({"num_format": "yyyy-mm-dd"}), book.add_format(
        {"bg_color": "#4472C4"})
    sheet = book.add_worksheet("Plan")
    for r, row in enumerate(values, start=4):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(r, c, value, date_fmt)
            elif isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write_number(r, c, value)  # type: ignore[arg-type]
    gantt = book.add_worksheet("Gantt")
    for r, (task_id, title, span) in enumerate(bars, start=6):
        gantt.write_number(r, 0, task_id)
        gantt.write_string(r, 2, title)
        for i in span:
            gantt.write_blank(r, 5 + i, None, bar)
    book.close()


def best_of(runs: int, *actions: Callable[[], None]) -> list[float]:
    """The fastest wall time of each action over ``runs`` rounds, the actions taking turns.

    Taking turns measures them side by side: when other work on the machine comes and goes,
    it slows both alike and the ratio holds (one after the other it skewed it by 2x).
    """
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, taken in zip(actions, times, strict=True):
            started = time.perf_counter()
            action()
            taken.append(time.perf_counter() - started)
    return [min(taken) for taken in times]


def main(n_steps: int) -> None:
    """Print the figures."""
    plan = synthetic_plan(n_steps)
    plan = replace(plan, settings=replace(plan.settings, language="en"))
    knowledge = load_knowledge()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cells = floor_cells(plan)
        t_floor, t_export = best_of(
            5, lambda: floor(cells, out / "floor.xlsx"),
            lambda: write_workbook(plan, knowledge, out / "plan.xlsx", "en"))
        [t_mspdi] = best_of(3, lambda: write_mspdi(plan, knowledge, out / "plan.xml", "en"))
        sizes = {p.name: p.stat().st_size // 1024 for p in out.iterdir()}
    ctx = build_context(plan, knowledge, "en")
    print(f"{n_steps} steps, {len(ctx.outline.rows)} outline rows, "
          f"{len(ctx.timeline.columns)} {ctx.timeline.scale} columns in the Gantt")
    print(f"plain xlsxwriter, same Plan values + Gantt bars: {t_floor:.2f} s "
          f"({sizes['floor.xlsx']} KB)")
    print(f"write_workbook, six formatted sheets:           {t_export:.2f} s "
          f"({sizes['plan.xlsx']} KB, {t_export / t_floor:.1f}x the floor)")
    print(f"write_mspdi:                                    {t_mspdi:.2f} s "
          f"({sizes['plan.xml']} KB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
