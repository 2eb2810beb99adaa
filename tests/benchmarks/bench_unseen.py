"""Benchmark: the scheduler on estates its benchmark table does not show, one line each.

The table's estates (``bench_schedule.py``) are the ones the scheduler was tuned on; these
are other seeds of the same generator (``tests/synthetic.py``), so a change that only fits
the table shows here. Per case: seed, judged variant, servers, consultants, status,
blocked / throttled / pause days, finish, gap (of the first objective not proven), the
proven floor (blocked, throttled, pause days, finish day) and the seconds of rules and
scheduler. Not a test: nothing passes or fails on speed or gap.

Run: ``.venv/bin/python tests/benchmarks/bench_unseen.py`` (seeds 7 and 11, 12-30 servers,
1, 2 and 5 consultants, both judged variants: 60 cases, about five minutes), or with
``--sizes``, ``--staff``, ``--variants``, ``--seeds``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from planner.core.calendar import build_calendar  # noqa: E402
from planner.core.rules import propose  # noqa: E402
from planner.core.scheduler import schedule  # noqa: E402
from planner.core.scheduler.floors import lower_bound  # noqa: E402
from planner.core.scheduler.problem import build_problem  # noqa: E402
from planner.core.settings import Decisions  # noqa: E402
from planner.pipeline import knowledge_for  # noqa: E402
from tests.synthetic import synthetic_estate  # noqa: E402


def main() -> None:
    """Plan every case and print one line per case, then how many were proven."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[12, 16, 20, 24, 30])
    parser.add_argument("--staff", type=int, nargs="*", default=[1, 2, 5])
    parser.add_argument("--variants", nargs="*", default=["hubs-2016", "hubs-2019"])
    parser.add_argument("--seeds", type=int, nargs="*", default=[7, 11])
    args = parser.parse_args()
    proven = total = 0
    print("seed variant servers cons status blk thr pause finish gap floor sec")
    for seed in args.seeds:
        for variant in args.variants:
            for size in args.sizes:
                for staff in args.staff:
                    estate, settings = synthetic_estate(size, staff, variant, seed=seed)
                    knowledge = knowledge_for(settings)
                    proposal = propose(estate, settings, Decisions(), knowledge)
                    began = time.perf_counter()
                    plan = schedule(proposal, estate, settings, Decisions(), knowledge)
                    took = time.perf_counter() - began
                    problem = build_problem(proposal, estate, settings, Decisions(), knowledge,
                                            build_calendar(settings, estate))
                    floor = lower_bound(problem, settings.fixed_pauses)
                    o = plan.objective
                    total += 1
                    proven += o.status == "optimal"
                    print(seed, variant, size, staff, o.status, o.blocked_days, o.throttled_days,
                          o.pause_days, o.finish, o.gap, "/".join(map(str, floor)),
                          round(took, 1), flush=True)
    print(f"{proven} of {total} proven optimal")


if __name__ == "__main__":
    main()
