"""The exit chains alone in CP-SAT: a proof of the blocked, throttled and pause days.

Where the whole estate is too big for the model, the judged servers' exit chains
(:func:`.decompose.exit_chains`) often are not. They are closed under predecessors, so a plan
of the whole estate without its other steps is a plan of the chains: what no plan of the
chains beats, no plan of the estate beats. CP-SAT minimises the chains' blocked, throttled
and pause days (not their finish, which says nothing about the estate's) from the quick
plan's placement of them; proven, that is a floor of the whole plan's first three
objectives, and a chains' plan better than the quick one is planned around
(:func:`.decompose.around`).

Measured (2026-12-06): 30 servers with one consultant, 97 chain steps over 239 days: the
quick plan's 146 blocked days proven in 5.8 deterministic units (8.6 s; the bounds said
132); the estate's full model, 152 steps over 400-odd days, found nothing in 15 s.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ortools.sat.python import cp_model

from planner.core.scheduler.greedy import Placement, left_shift
from planner.core.scheduler.job_graph import sub_problem
from planner.core.scheduler.model import build_model, hint_plan
from planner.core.scheduler.pauses import best_pauses
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.progress import watching
from planner.core.scheduler.solve import (
    CPU_SAFETY,
    DET_PER_SECOND,
    _solver,
    floor_constraints,
    team_cost,
)
from planner.core.scheduler.validate import violations

__all__ = ["ChainProof", "prove_chains"]


@dataclass(frozen=True)
class ChainProof:
    """What the chains alone gave: the least (blocked, throttled, pause) days, if proven, and
    the chains' plan when better than the quick plan's (indices of the sub-problem; ``olds``
    maps them to the estate's, as :func:`.decompose.around` takes them)."""

    floor: tuple[int, int, int]
    proven: int  # how many of the three ``floor`` holds as proven optima (then a bound)
    better: dict[int, Placement] | None
    olds: list[int]
    spent: float = 0.0  # seconds of the time limit the proof used (deterministic time)


Horizon = Callable[[Problem, dict[int, Placement]], int]  # days a model of a plan covers
Floor = Callable[[Problem], tuple[int, int, int, int]]  # what no plan of a problem beats


def _whole_hint(model: cp_model.CpModel, solver: cp_model.CpSolver) -> None:
    """Hint every variable of the model with the solver's last solution."""
    model.clear_hints()  # type: ignore[no-untyped-call]
    for n in range(len(model.proto.variables)):
        var = model.get_int_var_from_proto_index(n)
        model.add_hint(var, solver.value(var))


def prove_chains(problem: Problem, keep: set[int], placed: dict[int, Placement],
                 cutovers: dict[str, int], horizon_of: Horizon, floor_of: Floor, cells: int,
                 seconds: float, fixed: tuple[tuple[date, int], ...] | None,
                 cancel: threading.Event | None = None) -> ChainProof | None:
    """CP-SAT on the jobs ``keep`` (the exit chains) from their places in ``placed`` (the quick
    plan, which cuts over on ``cutovers``) over ``horizon_of`` their plan, from the chains'
    own ``floor_of`` (the proof closes sooner), blocked, throttled and pause days in turn
    within ``seconds`` of the limit; None when the chains are the whole estate, bigger than
    ``cells`` steps x days, or no plan came."""
    if not keep or len(keep) == len(problem.jobs):
        return None
    sub, olds = sub_problem(problem, keep)
    chain = {n: placed[old] for n, old in enumerate(olds)}
    horizon = horizon_of(sub, chain)
    if not sub.judged or len(sub.jobs) * horizon > cells:
        return None
    known = best_pauses(sub, cutovers, fixed)
    sm = build_model(sub, horizon, fixed)
    hint_plan(sm, sub, {i: (p.start, p.end, p.consultant) for i, p in chain.items()},
              known.pauses)
    floor_constraints(sm, floor_of(sub), exact=False)
    assert sm.pause_total is not None
    model = sm.model
    stages = (sum(sm.blocked), sum(sm.throttled), sm.pause_total)
    floor: list[int] = []  # the proven stages, then the bound of the first one not proven
    open_stage: int | None = None
    left, cost = seconds, team_cost(sm)
    solver = _solver(left, cost)
    starts: list[int] = []
    picked: list[int] = []  # the last plan found: per step its start and team
    for expr in stages:  # in turn: a proof of the blocked days alone closes soonest
        if starts and round(solver.value(expr)) == 0:
            floor.append(0)  # the plan found has none: nothing to prove
            model.add(expr <= 0)
            continue
        if left <= 0.02:
            break
        model.minimize(expr)
        solver = _solver(left, cost)
        spent: list[bool] = []
        with watching(solver, cancel, max(0.05, left) * CPU_SAFETY, spent):
            status = solver.solve(model)
        left -= solver.deterministic_time * cost / DET_PER_SECOND
        if spent or status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break  # the CPU safety net (load-dependent) or nothing found: no proof
        starts = [solver.value(v) for v in sm.starts]
        picked = [next((k for k, x in enumerate(row) if x is not None
                        and solver.boolean_value(x)), -1) for row in sm.assigned]
        value = round(solver.objective_value)
        if status != cp_model.OPTIMAL:
            floor.append(0)
            open_stage = max(0, math.ceil(solver.best_objective_bound - 1e-6))
            break
        floor.append(value)
        model.add(expr <= value)
        _whole_hint(model, solver)  # the next stage starts from this plan, clocks and all
    if not starts:
        return None
    proven = len(floor) - (open_stage is not None)
    if open_stage is not None:
        floor[-1] = open_stage
    floor += [0] * (3 - len(floor))
    better = None
    if not sm.shared:
        shifted = left_shift(sub, starts, picked)
        cuts = {j.name: min(shifted[i].start + 1 if sub.jobs[i].is_milestone
                            else shifted[i].end for i in j.exit_jobs)
                for j in sub.judged if j.exit_jobs}
        if not violations(sub, shifted) and best_pauses(sub, cuts, fixed).key < known.key:
            better = shifted
    return ChainProof((floor[0], floor[1], floor[2]), proven, better, olds, seconds - left)
