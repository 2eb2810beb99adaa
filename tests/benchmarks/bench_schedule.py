"""Benchmark: schedule synthetic estates (and the mixed sample when the pipeline works).

Prints, per case: servers, steps, status, objective, gap and wall time. Not a test.
Run: ``.venv/bin/python tests/benchmarks/bench_schedule.py [sizes...] [--limit S]``.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from planner.core.knowledge import load_knowledge
from planner.core.scheduler import schedule
from planner.core.settings import Decisions
from tests.synthetic import synthetic_case

ROOT = Path(__file__).resolve().parents[2]


def _row(name: str, servers: int, steps: int, seconds: float, sched: object) -> str:
    obj = sched.objective  # type: ignore[attr-defined]
    return (f"{name:<14} {servers:>6} {steps:>6} {obj.status:<10} {obj.blocked_days:>7} "
            f"{obj.throttled_days:>9} {obj.pause_days:>6} {obj.finish!s:>10} "
            f"{obj.gap:>6.3f} {seconds:>7.2f}s")


def _mixed(limit: float) -> str | None:
    try:
        from planner.pipeline import load_inputs, make_plan

        inputs = load_inputs([ROOT / "resources/samples/mixed/inventory.xlsx"])
        settings = replace(inputs.settings, solver_time_limit_s=limit)
        t = time.perf_counter()
        plan = make_plan(inputs.estate, inputs.findings, settings)
        took = time.perf_counter() - t
    except Exception as exc:  # the pipeline may not be complete yet; say so and go on
        return f"mixed sample: not available ({type(exc).__name__}: {exc})"
    return _row("mixed sample", len(plan.estate.servers), len(plan.proposal.steps), took,
                plan.schedule)


def main() -> None:
    """Print one line per case."""
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[20, 200, 2000])
    parser.add_argument("--limit", type=float, default=10.0, help="solver time limit, seconds")
    args = parser.parse_args()
    knowledge = load_knowledge()
    print(f"{'case':<14} {'servers':>6} {'steps':>6} {'status':<10} {'blocked':>7} "
          f"{'throttled':>9} {'pause':>6} {'finish':>10} {'gap':>6} {'time':>8}")
    print(_mixed(args.limit))
    for size in args.sizes:
        case = synthetic_case(size)
        settings = replace(case.settings, solver_time_limit_s=args.limit)
        t = time.perf_counter()
        sched = schedule(case.proposal, case.estate, settings, Decisions(), knowledge)
        took = time.perf_counter() - t
        print(_row(f"synthetic {size}", size, len(case.proposal.steps), took, sched), flush=True)


if __name__ == "__main__":
    main()
