"""What no plan beats: per judged server the day before which it cannot leave Exchange
Online's view, and the lexicographic floor of blocked, throttled and pause days and finish.

The critical path with the best pauses for its cutovers, and where consultants are the
bottleneck, their workload, also along the exit chains (:mod:`.energetic`, :mod:`.tails`,
:mod:`.bounds`). The scheduler measures its plans against :func:`lower_bound`.
"""

from __future__ import annotations

from datetime import date

from planner.core.scheduler.bounds import (
    prefix_finishes,
    workload_blocked_floor,
    workload_finish_floor,
    workload_pause_floor,
)
from planner.core.scheduler.energetic import energetic_finish, exit_floors
from planner.core.scheduler.greedy import Placement, serial_plan
from planner.core.scheduler.pauses import best_pauses
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.tails import tail_floors

__all__ = ["cutovers", "floor_cuts", "lower_bound", "plan_finish"]


def cutovers(problem: Problem, placed: dict[int, Placement]) -> dict[str, int]:
    """Per judged server the exclusive end of its clock: the first exit step's last day + 1."""
    cuts: dict[str, int] = {}
    for judged in problem.judged:
        ends = [placed[i].start + 1 if problem.jobs[i].is_milestone else placed[i].end
                for i in judged.exit_jobs if i in placed]
        if ends:
            cuts[judged.name] = min(ends)
    return cuts


def plan_finish(placed: dict[int, Placement]) -> int:
    """The finish as the model counts it: the latest exclusive end (a milestone: its day)."""
    return max((p.end for p in placed.values()), default=0)


def floor_cuts(problem: Problem, starts_from: dict[int, int] | None = None,
               ) -> tuple[dict[str, int], int]:
    """Per judged server a day before which no plan cuts it over, and a finish no plan beats:
    the critical path, and where consultants are the bottleneck, their workload, also
    along the exit chains (:func:`.energetic.exit_floors`, :func:`.tails.tail_floors`).
    ``starts_from`` receives per job a day before which no plan starts it (on small
    estates, from the finish's reasoning: :func:`.energetic.energetic_finish`)."""
    floor_plan = serial_plan(problem, resources=False)
    cuts = cutovers(problem, floor_plan)
    relaxed = {i: (p.start, p.end) for i, p in floor_plan.items()}
    finish = max(plan_finish(floor_plan), workload_finish_floor(problem))
    if problem.consultants:  # the work of the exit chains and of all (bounds.exit_floors)
        release: dict[int, int] = {}
        chains = exit_floors(problem, relaxed, release)
        tails = tail_floors(problem, release)  # their last jobs solved exactly
        cuts = {name: max(cut, chains.get(name, cut), tails.get(name, cut))
                for name, cut in cuts.items()}
        finish = max(finish, energetic_finish(problem, relaxed, starts_from))
    return cuts, finish


def lower_bound(problem: Problem, fixed: tuple[tuple[date, int], ...] | None,
                floors: tuple[dict[str, int], int] | None = None,
                ) -> tuple[int, int, int, int]:
    """What no plan can beat (blocked, throttled, pause, finish), lexicographically.

    The critical path with the best pauses for its cutovers, and where consultants are the
    bottleneck, their workload, also along the exit chains (:func:`.bounds.exit_floors`).
    Only proven values count: where the pause optimiser stopped before proving a stage,
    that stage has the solver's proven bound and the stages after it none. ``floors``:
    :func:`floor_cuts`, when known.
    """
    cuts, finish = floors or floor_cuts(problem)
    floor = best_pauses(problem, cuts, fixed).floor
    if fixed is not None:
        return (*floor, finish)
    prefixes = prefix_finishes(problem)  # the costly part of both floors, found once
    blocked = workload_blocked_floor(problem, prefixes)
    if blocked > floor[0]:  # the consultants cannot keep every server from blocking
        return (blocked, 0, 0, finish)
    pause_floor = floor[2]
    if floor[:2] == (0, 0):  # a floor for plans with neither blocked nor throttled days
        pause_floor = max(pause_floor, workload_pause_floor(problem, prefixes))
    return (*floor[:2], pause_floor, finish)
