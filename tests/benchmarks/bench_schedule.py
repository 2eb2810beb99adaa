"""Benchmark: schedule the mixed sample and synthetic estates of 20, 200 and 2,000 servers.

Prints, per case: servers, steps, status, the objective, the gap, the seconds to the proven
optimum (status ``optimal``) or to the time limit, and the machine load before the case.
Not a test: nothing passes or fails on speed.
Run: ``.venv/bin/python tests/benchmarks/bench_schedule.py [sizes...] [--limit S]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from planner.core.knowledge import load_knowledge  # noqa: E402
from planner.core.plan import Schedule  # noqa: E402
from planner.core.scheduler import schedule  # noqa: E402
from planner.core.settings import Decisions  # noqa: E402
from tests.synthetic import synthetic_case  # noqa: E402

_HEAD = (f"{'case':<14} {'servers':>7} {'steps':>6} {'status':<9} {'blocked':>7} "
         f"{'throttled':>9} {'pause':>5} {'finish':>10} {'gap':>6} {'seconds':>8} {'load':>5}")


def _row(name: str, servers: int, steps: int, seconds: float, sched: Schedule,
         load: float) -> str:
    obj = sched.objective
    return (f"{name:<14} {servers:>7} {steps:>6} {obj.status:<9} {obj.blocked_days:>7} "
            f"{obj.throttled_days:>9} {obj.pause_days:>5} {obj.finish!s:>10} "
            f"{obj.gap:>6.3f} {seconds:>8.2f} {load:>5.1f}")


def _mixed(limit: float) -> str:
    from planner.core.rules import propose
    from planner.pipeline import knowledge_for, load_inputs

    inputs = load_inputs([ROOT / "resources/samples/mixed/inventory.xlsx"])
    settings = replace(inputs.settings, solver_time_limit_s=limit)
    knowledge = knowledge_for(settings)
    proposal = propose(inputs.estate, settings, Decisions(), knowledge)
    schedule(proposal, inputs.estate, settings, Decisions(), knowledge)  # warm the caches
    load = os.getloadavg()[0]
    t = time.perf_counter()
    sched = schedule(proposal, inputs.estate, settings, Decisions(), knowledge)
    took = time.perf_counter() - t  # a re-plan, as the GUI does it after an edit
    return _row("mixed sample", len(inputs.estate.servers), len(proposal.steps), took, sched,
                load)


def main() -> None:
    """Print one line per case."""
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[20, 40, 60, 200, 2000])
    parser.add_argument("--limit", type=float, default=10.0, help="solver time limit, seconds")
    args = parser.parse_args()
    knowledge = load_knowledge()
    print(f"time limit {args.limit:g} s; {os.cpu_count()} cores; load = 1-minute load average")
    print(_HEAD)
    print(_mixed(args.limit), flush=True)
    for size in args.sizes:
        case = synthetic_case(size)
        settings = replace(case.settings, solver_time_limit_s=args.limit)
        load = os.getloadavg()[0]
        t = time.perf_counter()
        sched = schedule(case.proposal, case.estate, settings, Decisions(), knowledge)
        took = time.perf_counter() - t
        print(_row(f"synthetic {size}", size, len(case.proposal.steps), took, sched, load),
              flush=True)


if __name__ == "__main__":
    main()
