"""Floors from the last part of each exit chain, solved exactly by CP-SAT.

Energetic reasoning counts the consultants' work as if it could be split among them; near
the end of an exit chain that is where it is weak: four servers to install in parallel
with three full-time consultants and two on four days a week take longer than their work
divided by the pool (60 servers, 5 consultants: the floor said day 68, the plan 75). The
jobs of the chain that cannot start before some day T are few, so CP-SAT finds the
earliest end of the exit step for them alone, each no sooner than its release day.

Why it is a floor: every plan does those jobs, after their release days (a floor of the
energetic reasoning), with the same consultants, calendars and DAG/server rules; leaving
the other jobs out and their predecessors outside the tail only makes it easier. Only the
solver's proven bound counts, never a plan it found.
"""

from __future__ import annotations

import math
from dataclasses import replace

from ortools.sat.python import cp_model

from planner.core.scheduler.energetic import fs_preds
from planner.core.scheduler.greedy import Placement, earliest_bound, left_shift, serial_plan
from planner.core.scheduler.job_graph import sub_problem
from planner.core.scheduler.model import build_model, hint_plan
from planner.core.scheduler.pool import assign
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.validate import violations

__all__ = ["repair_tail", "tail_floors"]

_TAIL = 24  # jobs in a tail at the most (measured: proven in 0.01-0.1 deterministic units)
_TAIL_DET = 0.2  # deterministic time per exit step; a tail not proven keeps its bound
_TAIL_RETRY = 1.0  # when that found no plan at all (so no bound either): 150 servers / 1
# consultant's last 24 steps, where 1.0 proves day 551 in 0.3 CPU s; 1.0 for every tail
# cost 2,000 servers 1 s and 24 / 5 2 s


def tail_floors(problem: Problem, release: dict[int, int]) -> dict[str, int]:
    """Per judged server a day before which no plan's cutover comes (exclusive), from the
    tails of its exit steps' chains. ``release``: per job a day before which it cannot
    start (:func:`.energetic.exit_floors`)."""
    floors: dict[str, int] = {}
    cache: dict[int, int] = {}
    for judged in problem.judged:
        if not judged.exit_jobs or any(e not in release for e in judged.exit_jobs):
            continue
        # an exit with another of the server's exits in front of it never comes first
        chains = {e: _fs_ancestors(problem, e) for e in judged.exit_jobs}
        first = [e for e in judged.exit_jobs
                 if not any(x != e and x in chains[e] for x in judged.exit_jobs)]
        for e in first:
            if e not in cache:
                cache[e] = _tail(problem, e, release)
        floors[judged.name] = min(cache[e] + problem.jobs[e].is_milestone for e in first)
    return floors


def _tail(problem: Problem, exit_job: int, release: dict[int, int]) -> int:
    """The earliest end (a milestone: its day) of the exit step over its chain's last jobs
    (0 when nothing is proven)."""
    chain = _fs_ancestors(problem, exit_job)  # each ends before the exit starts, so a plan
    # that ends the exit within the model's days has them there too
    if any(k not in release for k in chain):
        return 0
    days = sorted({release[k] for k in chain}, reverse=True)
    keep: set[int] = set()
    for t in days:  # the largest tail of at most _TAIL jobs
        more = {k for k in chain if release[k] >= t}
        if len(more) > _TAIL:
            break
        keep = more
    if len(keep) < 2 or any(problem.jobs[k].pin is not None for k in keep):
        return 0  # a lone job is the energetic floor already; pins: keep it simple
    sub, olds = sub_problem(problem, keep)
    sub.jobs = [replace(job, not_before=max(job.not_before, release[olds[n]]), deadline=None)
                for n, job in enumerate(sub.jobs)]
    sub.judged = []
    # any plan of the tail bounds its optimum from above, so the model need not look
    # beyond it: a plan ending the exit later than this one ends it later than the optimum
    known = serial_plan(sub)
    exit_new = olds.index(exit_job)
    if exit_new not in known or violations(sub, known):
        return 0
    sm = build_model(sub, max(p.end for p in known.values()) + 1, ())
    hint_plan(sm, sub, {i: (p.start, p.end, p.consultant) for i, p in known.items()}, ())
    sm.model.minimize(sm.ends[exit_new])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 20261201
    solver.parameters.max_deterministic_time = _TAIL_DET
    status = solver.solve(sm.model)
    if status == cp_model.UNKNOWN:  # nothing found in the short time: once more, longer
        solver.parameters.max_deterministic_time = _TAIL_RETRY
        status = solver.solve(sm.model)
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value)
    if status == cp_model.FEASIBLE:  # the objective is integral, so its bound rounds up
        return max(0, math.ceil(solver.best_objective_bound - 1e-6))
    return 0  # infeasible within the horizon is not expected; claim nothing


def _fs_ancestors(problem: Problem, job: int) -> set[int]:
    """The jobs that end before this one starts: finish-to-start links without a lead."""
    seen, stack = {job}, [job]
    while stack:
        for k in fs_preds(problem, stack.pop()):
            if k not in seen:
                seen.add(k)
                stack.append(k)
    return seen


_REPAIR_DET = 0.5  # deterministic time for re-planning a plan's tail exactly


def repair_tail(problem: Problem, placed: dict[int, Placement], exit_job: int,
                ) -> dict[int, Placement] | None:
    """The plan with the last jobs of ``exit_job``'s chain (at most ``_TAIL``, those that
    start last) re-planned by CP-SAT for the soonest end of the exit, everything before
    them kept; None when nothing ends sooner, or when another job of the plan runs beside
    them (its consultant and DAG would have to be modelled too).

    The serial plan gives each step the first consultant free, which at a chain's end can
    cost a week: 120 servers, two consultants (one twice as fast): the fast one took the
    new DAG's creation and the four baselines waited, the databases missed the Friday and
    the send connector its Saturday (day 257, against 250 with the slow one on the DAG).
    """
    chain = _fs_ancestors(problem, exit_job)
    keep: set[int] = set()
    for t in sorted({placed[k].start for k in chain}, reverse=True):
        more = {k for k in chain if placed[k].start >= t}
        if len(more) > _TAIL:
            break
        keep = more
    if len(keep) < 2 or any(problem.jobs[k].pin is not None for k in keep):
        return None
    first = min(placed[k].start for k in keep)
    if any(p.end > first for i, p in placed.items() if i not in keep):
        return None  # work beside the tail: left alone
    fixed = {i: p for i, p in placed.items() if i not in keep}
    sub, olds = sub_problem(problem, keep)
    # from the tail's first day on (the days before it are the other steps'), after the
    # steps before it in the plan
    sub.jobs = [replace(job, not_before=max(job.not_before, first, earliest_bound(
        problem.jobs[olds[n]], fixed, problem)[0]), deadline=None)
        for n, job in enumerate(sub.jobs)]
    sub.judged = []
    exit_new = olds.index(exit_job)
    sm = build_model(sub, placed[exit_job].end + 1, ())
    hint_plan(sm, sub, {n: (placed[old].start, placed[old].end, placed[old].consultant)
                        for n, old in enumerate(olds)}, ())
    sm.model.add(sm.ends[exit_new] < placed[exit_job].end)  # only a sooner exit counts
    sm.model.minimize(sm.ends[exit_new])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 20261201
    solver.parameters.max_deterministic_time = _REPAIR_DET
    if solver.solve(sm.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    starts = [solver.value(v) for v in sm.starts]
    picked = [next((k for k, x in enumerate(row) if x is not None and solver.boolean_value(x)),
                   -1) for row in sm.assigned]
    named = assign(sub, starts, [solver.value(v) for v in sm.ends], picked, sm.teams) \
        if sm.shared else picked
    if named is None:
        return None
    # the whole plan replayed in order of its starts with these consultants: every step as
    # early as it can after its real predecessors (so its reason names them)
    all_starts = [placed[i].start for i in range(len(problem.jobs))]
    consultants = [placed[i].consultant for i in range(len(problem.jobs))]
    for n, old in enumerate(olds):
        all_starts[old], consultants[old] = starts[n], named[n]
    plan = left_shift(problem, all_starts, consultants)
    if violations(problem, plan) or plan[exit_job].end >= placed[exit_job].end:
        return None
    return plan
