"""Benchmark: the whole ``planner plan`` pipeline on synthetic estates, beside a plain rule.

Estates of 4 to 2,000 servers (tests/synthetic.py ``synthetic_estate``: DAGs of 2-4 members,
1-3 databases each, Exchange 2013/2016/2019 CU12/CU14/CU15, two hub servers Exchange Online
judges) with 1, 5, 20 and 50 consultants. Per case, each in a fresh process: steps, status,
blocked/throttled/pause days, finish, gap (of the first objective not proven), gap1 (of
the first objective that is not zero, against the same bound: #17's measure), seconds for
the pipeline (rules + scheduler), peak memory (seconds on the wall clock and of CPU: the
machine is shared, and the CPU seconds say what the code costs whatever the load); and
beside it the plain priority rule (the judged servers' exit chains first, then the rest,
each step as early as it can, the best pauses for its cutovers); and the pause days and
finish with every mailbox move batch holding its consultant for its whole duration
("held"), and with set-up and completion rounded up to whole days ("whole days": how
consultants were booked before the scheduler counted half days), beside the move batches'
consultant days (set-up and completion) and their elapsed working and calendar days.
Not a test: nothing passes or fails on speed.
Run: ``.venv/bin/python tests/benchmarks/bench_schedule.py [--sizes 4 8 ...] [--limit S]``.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from planner.core.calendar import build_calendar  # noqa: E402
from planner.core.plan import Schedule  # noqa: E402
from planner.core.rules import propose  # noqa: E402
from planner.core.scheduler import schedule  # noqa: E402
from planner.core.scheduler.floors import lower_bound  # noqa: E402
from planner.core.scheduler.job_graph import ancestors, easiest_exit  # noqa: E402
from planner.core.scheduler.pauses import best_pauses  # noqa: E402
from planner.core.scheduler.problem import BOTH, Job, Problem, build_problem  # noqa: E402
from planner.core.settings import Decisions  # noqa: E402
from planner.pipeline import knowledge_for, load_inputs  # noqa: E402
from tests.sample_plans import sample_files  # noqa: E402
from tests.synthetic import JUDGED_VARIANTS, synthetic_estate  # noqa: E402

SIZES = (4, 8, 20, 60, 200, 800, 2000)
STAFF = (1, 5, 20, 50)
_HEAD = (f"{'servers':>7} {'cons':>4} {'variant':<15} {'steps':>5} {'status':<9} {'blk':>4} "
         f"{'thr':>4} {'pause':>5} {'finish':>10} {'gap':>6} {'gap1':>6} {'sec':>6} {'cpu':>6} "
         f"{'MB':>5} | "
         f"{'rule blk':>8} {'pause':>5} {'finish':>10} | "
         f"{'held blk':>8} {'pause':>5} {'finish':>10} "
         f"{'whole blk':>9} {'pause':>5} {'finish':>10} {'booked':>6} | "
         f"{'moves':>5} {'booked':>6} {'working':>7} {'calendar':>8}")


def _order(problem: Problem) -> list[int]:
    """The judged servers' exit chains first (most urgent server first), then the rest."""
    first: list[int] = []
    for judged in sorted(problem.judged, key=lambda j: j.detected):
        if judged.exit_jobs:
            first += sorted(ancestors(problem, easiest_exit(problem, judged)) - set(first))
    chained = set(first)
    rest = [i for i in range(len(problem.jobs)) if i not in chained]
    return first + rest  # job indices follow the proposal's topological order


class _Busy:
    """Disjoint busy intervals [a, b), kept sorted (so sorted by end too): a look-up is a
    bisection, not a scan (the rule took minutes on 2,000 servers / 5 consultants)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):  # absences may overlap: merged
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            elif b > a:
                self.starts.append(a)
                self.ends.append(b)

    def free(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.ends, s)
        return i >= len(self.starts) or self.starts[i] >= e

    def clear(self, s: int, e: int) -> int:
        """The first day from which nothing that overlaps [s, e) is in the way."""
        i, j = bisect.bisect_right(self.ends, s), bisect.bisect_left(self.starts, e) - 1
        return self.ends[j] if j >= i else s

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


def priority_rule(problem: Problem) -> tuple[dict[str, int], date]:
    """The plain rule's cutovers (exclusive) and last day, each step as early as it can go."""
    ends: dict[int, tuple[int, int]] = {}
    # per consultant their weekdays and window days (problem.WEEKDAY: a weekday step from
    # Friday to Monday leaves Saturday's window free), as the scheduler counts them
    people = [(_Busy(list(a)), _Busy(list(a))) for a in problem.absences]

    def sides(job: Job) -> tuple[int, ...]:
        held = set(job.sides(problem.apart))
        side = held.pop() if len(held) == 1 else BOTH
        return tuple(n for n in (0, 1) if side & (n + 1))

    shared: dict[str, _Busy] = {}
    for i in _order(problem):
        job = problem.jobs[i]
        cal = problem.cal(job)
        ready = max([job.not_before, *(ends[problem.by_id[d.step_id]][1]
                                       for d in job.step.predecessors
                                       if problem.by_id.get(d.step_id) in ends)])
        s = cal.next_ok(ready)
        while True:
            options = range(len(people)) if job.uses_consultant else [-1]
            fits = [(cal.end_after(s, job.days_by_consultant[k] if k >= 0 else job.base_days),
                     k) for k in options]
            fits = [(e, k) for e, k in fits
                    if (k < 0 or all(people[k][n].free(s, max(e, s + 1)) for n in sides(job)))
                    and all(shared.get(r, _Busy()).free(s, max(e, s + 1))
                            for r in job.step.resources)
                    and cal.freeze_end(s, e) is None]
            if fits or job.is_milestone:
                e, k = fits[0] if fits else (s, -1)
                break
            e = cal.end_after(s, job.fastest_days)  # jump past what is in the way
            later = [shared.get(r, _Busy()).clear(s, e) for r in job.step.resources]
            later += [people[k][n].clear(s, e) for k in options if k >= 0 for n in sides(job)]
            s = cal.next_ok(max(s + 1, min(later, default=s + 1)))
        e = s if job.is_milestone else e
        ends[i] = (s, e)
        if not job.is_milestone:
            if k >= 0:
                for n in sides(job):
                    people[k][n].add(s, e)
            for r in job.step.resources:
                shared.setdefault(r, _Busy()).add(s, e)
    cuts = {j.name: min(ends[i][0] + 1 if problem.jobs[i].is_milestone else ends[i][1]
                        for i in j.exit_jobs) for j in problem.judged if j.exit_jobs}
    return cuts, last_day(problem, ends)


def model_finish(problem: Problem, plan: Schedule) -> int:
    """The plan's finish as the scheduler and its bound count it: the latest exclusive end,
    a milestone's day for a milestone (its dates are that day, so the last date + 1 was a
    day too late when a milestone closes the plan)."""
    return max((problem.index(st.start) if problem.jobs[problem.by_id[st.step_id]].is_milestone
                else problem.index(st.end) + 1 for st in plan.steps), default=0)


def last_day(problem: Problem, placed: dict[int, tuple[int, int]]) -> date:
    """The last day of a plan given as (start, exclusive end) per job: a milestone's own day."""
    return problem.day(max(s if problem.jobs[i].is_milestone else e - 1
                           for i, (s, e) in placed.items()))


def one(size: int, staff: int, variant: str, limit: float,
        gb_scale: float = 1.0, plain: bool = False) -> dict[str, object]:
    """Plan one estate as ``planner plan`` does; the plain rule beside it."""
    if variant.startswith("sample:"):  # a bundled sample as it comes
        inputs = load_inputs(sample_files(variant.partition(":")[2]))
        estate, settings = inputs.estate, inputs.settings
        size, staff = len(estate.servers), len(settings.consultants)
    else:
        estate, settings = synthetic_estate(size, staff, variant)
        estate = replace(estate, databases=tuple(
            replace(d, size_gb=(d.size_gb or 0) * gb_scale) for d in estate.databases))
    settings = replace(settings, solver_time_limit_s=limit)
    knowledge = knowledge_for(settings)
    t, cpu = time.perf_counter(), time.process_time()
    proposal = propose(estate, settings, Decisions(), knowledge)
    plan = schedule(proposal, estate, settings, Decisions(), knowledge)
    took, cpu = time.perf_counter() - t, time.process_time() - cpu
    obj = plan.objective
    problem = build_problem(proposal, estate, settings, Decisions(), knowledge,
                            build_calendar(settings, estate))
    # the gap of the first objective that is not zero (#17's measure), against the bound
    # (the bounds', or the scheduler's own proven floor where it proved more: the exit
    # chains alone, see scheduler.chain_proof)
    bound: tuple[int, ...] = lower_bound(problem, settings.fixed_pauses)
    if obj.floor and tuple(obj.floor) > bound[:3]:  # what the scheduler proved beyond it
        bound = (*obj.floor[:3], bound[3])
    values = (obj.blocked_days, obj.throttled_days, obj.pause_days,
              model_finish(problem, plan))
    first = next((n for n, v in enumerate(values) if v), 3)
    gap1 = round((values[first] - bound[first]) / max(1, values[first]), 4)
    cuts, finish = priority_rule(problem)
    rule = best_pauses(problem, cuts, settings.fixed_pauses)
    # the same proposal with every move batch holding its consultant for its whole duration
    held = replace(proposal, steps=tuple(replace(st, unattended=False) for st in proposal.steps))
    # ... and with set-up and completion booked as whole days
    whole = replace(proposal, steps=tuple(
        replace(st, setup_days=math.ceil(st.setup_days),
                completion_days=math.ceil(st.completion_days)) for st in proposal.steps))
    if plain:  # --plain: the scheduler's figures and the rule's only
        held_obj = whole_obj = replace(obj, blocked_days=-1, pause_days=-1, finish=None)
    else:
        held_obj = schedule(held, estate, settings, Decisions(), knowledge).objective
        whole_obj = schedule(whole, estate, settings, Decisions(), knowledge).objective
    moves = [st for st in proposal.steps if st.unattended]
    dated = [plan.for_step(st.id) for st in moves]
    return {"servers": size, "staff": staff, "variant": variant, "steps": len(proposal.steps),
            "status": obj.status, "blocked": obj.blocked_days, "throttled": obj.throttled_days,
            "pause": obj.pause_days, "finish": str(obj.finish), "gap": obj.gap,
            "gap1": gap1, "bound": list(bound[:3]),
            "seconds": round(took, 2), "cpu": round(cpu, 2),
            "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "rule_blocked": rule.blocked, "rule_pause": rule.pause_days,
            "rule_finish": str(finish),
            "held_blocked": held_obj.blocked_days, "held_pause": held_obj.pause_days,
            "held_finish": str(held_obj.finish),
            "whole_blocked": whole_obj.blocked_days, "whole_pause": whole_obj.pause_days,
            "whole_finish": str(whole_obj.finish),
            "whole_booked": sum(st.consultant_days for st in whole.steps if st.unattended),
            "moves": len(moves), "booked": sum(st.consultant_days for st in moves),
            "working": sum(st.duration_days for st in moves),
            "calendar": sum((d.end - d.start).days + 1 for d in dated if d is not None)}


def _row(r: dict[str, object]) -> str:
    return (f"{r['servers']:>7} {r['staff']:>4} {r['variant']!s:<15} {r['steps']:>5} "
            f"{r['status']!s:<9} {r['blocked']:>4} {r['throttled']:>4} {r['pause']:>5} "
            f"{r['finish']!s:>10} {r['gap']:>6} {r['gap1']:>6} {r['seconds']:>6} {r['cpu']:>6} "
            f"{r['mb']:>5} | "
            f"{r['rule_blocked']:>8} {r['rule_pause']:>5} {r['rule_finish']!s:>10} | "
            f"{r['held_blocked']:>8} {r['held_pause']:>5} {r['held_finish']!s:>10} "
            f"{r['whole_blocked']:>9} "
            f"{r['whole_pause']:>5} "
            f"{r['whole_finish']!s:>10} {r['whole_booked']:>6} | {r['moves']:>5} "
            f"{r['booked']:>6} {r['working']:>7} {r['calendar']:>8}")


def main() -> None:
    """One line per case, each case in its own process (so peak memory is its own)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--staff", nargs="*", type=int, default=list(STAFF))
    parser.add_argument("--variants", nargs="*", default=["hubs-2016"],
                        choices=sorted(JUDGED_VARIANTS))
    parser.add_argument("--limit", type=float, default=10.0, help="solver time limit, seconds")
    parser.add_argument("--gb-scale", type=float, default=1.0,
                        help="synthetic database sizes times this (they are 50-52 GB)")
    parser.add_argument("--samples", nargs="*", default=["mixed"],
                        help="bundled samples planned first, with their own consultants")
    parser.add_argument("--plain", action="store_true",
                        help="leave out the held and whole-day variants (-1 in their columns)")
    parser.add_argument("--one", nargs=3, metavar=("SIZE", "STAFF", "VARIANT"))
    args = parser.parse_args()
    if args.one:
        size, staff, variant = args.one
        print(json.dumps(one(int(size), int(staff), variant, args.limit, args.gb_scale,
                             args.plain)))
        return
    print(f"time limit {args.limit:g} s; {os.cpu_count()} cores; 1-minute load "
          f"{os.getloadavg()[0]:.1f}; sec = rules + scheduler; MB = peak of the process; "
          f"databases x{args.gb_scale:g}")
    print(_HEAD, flush=True)
    cases = [(0, 0, f"sample:{name}") for name in args.samples]
    cases += [(size, staff, variant) for variant in args.variants for size in args.sizes
              for staff in args.staff]
    for size, staff, variant in cases:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size), str(staff), variant,
             "--limit", str(args.limit), "--gb-scale", str(args.gb_scale),
             *(["--plain"] if args.plain else [])],
            capture_output=True, text=True, check=True)
        print(_row(json.loads(done.stdout.splitlines()[-1])), flush=True)


if __name__ == "__main__":
    main()
