"""Checks right before the work they guard: the other last touch on a finished plan.

The AD backup guards PrepareSchema, and HealthChecker with SetupAssist the first upgrade of
a DAG; they hold up nothing but that work, so the objectives let a plan put them on the
first free day, and a consultant's review found the backup 33 days before the schema
extension (across a freeze) and a DAG's check six weeks before its upgrade: a backup that
old restores a forest changed since, a check that old says nothing of the day it matters.
Here each such step moves to the latest day before the work it guards that its consultant
(or the customer) and its calendar allow, everything else where it is; the plan is kept
only when it stays valid with the same cutovers and finish, so every objective, its proof
and its gap stand (a check only comes later and still before its work).
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.scheduler.board import Board, new_board
from planner.core.scheduler.floors import cutovers, plan_finish
from planner.core.scheduler.greedy import Placement, Why, fit_at, left_shift
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.validate import violations

__all__ = ["GUARD_PREFIXES", "checks_just_before"]

# Steps that guard the work right after them (ids start so): the AD backup, the prechecks.
GUARD_PREFIXES = ("adbackup:", "precheck:")
_MOST_JOBS = 5_000  # beyond (2,000 servers) not tried, as the follow-ups (prompt.py)


def checks_just_before(problem: Problem, placed: dict[int, Placement]) -> dict[int, Placement]:
    """The plan with each guarding check as late before its work as the others allow."""
    guards = [j.index for j in problem.jobs if j.step.id.startswith(GUARD_PREFIXES)
              and j.pin is None and j.index in placed]
    if not guards or len(placed) < len(problem.jobs) or len(problem.jobs) > _MOST_JOBS:
        return placed
    after: dict[int, list[int]] = {i: [] for i in guards}
    for job in problem.jobs:
        for dep in job.step.predecessors:
            k = problem.by_id.get(dep.step_id)
            if k in after:
                after[k].append(job.index)
    board = new_board(problem)
    for i, p in placed.items():
        if i not in after:
            board.book(problem.jobs[i], p.start, p.end, p.consultant)
    moved = dict(placed)
    for i in sorted(guards, key=lambda g: -placed[g].start):  # the latest first
        moved[i] = _latest(problem, board, placed, i, after[i]) or placed[i]
        board.book(problem.jobs[i], moved[i].start, moved[i].end, moved[i].consultant)
    if moved == placed or violations(problem, moved):
        return placed
    return _shifted(problem, placed, moved)


def _shifted(problem: Problem, placed: dict[int, Placement], moved: dict[int, Placement],
             ) -> dict[int, Placement]:
    """``moved`` laid out again with the moved checks where they are: a step that waited
    for a check's old day (its consultant busy with it) starts as early as it now can, so
    every driver stays true; kept when valid with the same cutovers and finish, else the
    plan as it was (``placed``: a driver naming a check's old day would be untrue)."""
    fixed = {i: p for i, p in moved.items() if p != placed[i]}
    pinned = replace(problem, jobs=[replace(j, pin=fixed[j.index].start) if j.index in fixed
                                    else j for j in problem.jobs], graph_of=None)
    again = left_shift(pinned, [moved[i].start for i in range(len(problem.jobs))],
                       [moved[i].consultant for i in range(len(problem.jobs))])
    again.update(fixed)  # its own reason, not "pinned"
    # the same cutovers and finish, not only none later: the exposure, the pauses and the
    # gap were worked out for them (an earlier finish here left a stale gap)
    if violations(problem, again) or plan_finish(again) != plan_finish(placed) \
            or cutovers(problem, again) != cutovers(problem, placed):
        return placed
    return again


def _latest(problem: Problem, board: Board, placed: dict[int, Placement], i: int,
            work: list[int]) -> Placement | None:
    """Step ``i`` on the latest day that ends before the first of ``work`` starts, by its
    own consultant, no earlier than where it is; None when no later day fits."""
    if not work:
        return None
    job, here = problem.jobs[i], placed[i]
    first = min(work, key=lambda w: (placed[w].start, w))
    cal = problem.cal(job)
    for start in range(placed[first].start - 1, here.start - 1, -1):
        if not cal.ok(start):
            continue
        end = fit_at(job, start, here.consultant, problem, board)
        if end is not None and end <= placed[first].start:
            if start == here.start:
                return None  # already as late as it can be
            return Placement(start, end, here.consultant,
                             Why("before", problem.jobs[first].step.id))
    return None
