"""Lexicographic solving: blocked days, then throttled days, then pause days, then finish.

Usually one weighted objective whose weights keep that order (one proof instead of four);
when the weights would get too big, each stage minimises one objective with the previous
optima fixed and the previous solution as a hint. The caller's bounds are added as
constraints so proofs close sooner. One worker, a fixed seed and a deterministic-time limit
make the same model give the same plan on every run; the caller left-shifts the answer.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.core.scheduler.model import ScheduleModel
from planner.core.scheduler.progress import Found, SolutionTap, watching

__all__ = ["Solution", "StageResult", "floor_constraints", "solve_lexicographic", "team_cost"]

# deterministic time units per second of the limit: measured 0.2-0.4 per wall second for one
# worker on the shared 2-core machine under a load of 6 (0.1 had a 10 s limit stop after
# 2.5 s with the search unfinished), so the limit is mostly spent searching; in CPU time
# (2026-12-05, load 9): 1.5-1.9 CPU seconds per unit with 1 consultant, 4.4 with 5, about
# 20 with 50 (presolve of 50 optional intervals per step). At 0.2 a 10 s limit searched
# about 4 CPU seconds of it with one consultant and stopped 8 servers' proof short (it
# needs 3.1 units: 7.2 CPU s of the whole plan, load 2); at 0.35 it ended in the limit.
# Since a weekday step leaves its Saturday to a window step (problem.WEEKDAY) the models
# run about 1 CPU s per unit (2026-12-06, quiet): at 0.6 a 10 s limit proves 20 servers
# with one consultant (4.6 s, about 4.5 units; at 0.35 it stopped at 3.5, gap 0.06), and 8
# servers in 3.2 s; 20-60 servers with 5-50 consultants kept their results (0.3-2.6 s);
# many consultants are cut by the CPU safety net as before
DET_PER_SECOND = 0.6
# safety nets for a model whose deterministic time runs slow: the process's CPU time (the
# same on a loaded machine as on a quiet one, so the plan does not depend on the load),
# and the wall clock only for a badly overloaded machine; either means the quick plan
CPU_SAFETY = 1.5
# CPU seconds per deterministic unit grow with the teams a step may go to (one optional
# interval each): measured 2026-12-07 on 60 unseen estates of 12-30 servers, 1.0-1.4 with
# one team and 1.9-2.2 with two, so two teams' 10 s limit ran 11.5-13.3 s and the CPU net
# fired in some runs (keeping the quick plan). Each team after the first costs this much
# more of the budget, so the limit holds without the net.
TEAM_COST = 0.4
WALL_SAFETY = 6.0
PROBE_DET = 0.05
_TRACE = bool(os.environ.get("PLANNER_TRACE_SOLVER"))


@dataclass(frozen=True)
class StageResult:
    """One stage's value, proven bound and whether it was proven optimal."""

    name: str
    value: int
    bound: int
    optimal: bool


@dataclass
class Solution:
    """Values read back from the last successful stage."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    consultant: list[int] = field(default_factory=list)
    stages: list[StageResult] = field(default_factory=list)
    status: str = "unknown"  # optimal | feasible | infeasible | unknown
    wall_limited: bool = False  # the safety net stopped it: the result depends on the load

    @property
    def gap(self) -> float:
        """Relative gap of the first stage that was not proven optimal (0 when all were)."""
        for st in self.stages:
            if not st.optimal:
                return round((st.value - st.bound) / max(1, abs(st.value)), 4)
        return 0.0


def team_cost(sm: ScheduleModel) -> float:
    """How much slower than a one-team model this model spends its deterministic time."""
    return 1.0 + TEAM_COST * max(0, len(sm.teams) - 1)


def _solver(seconds: float, cost: float = 1.0) -> cp_model.CpSolver:
    """One worker with a fixed seed, limited by deterministic time: the same plan every run.

    Measured on the 2-core machine: for these models one worker proves optima faster than
    eight (eight interleaved workers, the deterministic multi-worker mode, were 5-8x
    slower), and only deterministic time makes the result independent of machine load.
    The process's CPU time (watched while solving) and the wall clock are safety nets for a
    model whose deterministic time runs slow and for a badly overloaded machine; hitting
    either is reported, and the caller then falls back to the deterministic quick plan.
    """
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.random_seed = 20261201
    params.num_workers = 1
    params.max_deterministic_time = max(0.05, seconds) * DET_PER_SECOND / cost
    params.max_time_in_seconds = max(0.05, seconds) * WALL_SAFETY
    # measured: presolve probing of the day-indexed model took the whole deterministic
    # budget (1.0 per round, three rounds) on estates of 30+ steps and the search never
    # started; a short probe leaves the limit to the search
    params.presolve_probing_deterministic_time_limit = PROBE_DET
    params.probing_deterministic_time_limit = PROBE_DET
    return solver


def _read(sm: ScheduleModel, solver: cp_model.CpSolver, out: Solution) -> None:
    out.starts = [solver.value(v) for v in sm.starts]
    out.ends = [solver.value(v) for v in sm.ends]
    out.consultant = [
        next((k for k, x in enumerate(row) if x is not None and solver.boolean_value(x)), -1)
        for row in sm.assigned
    ]


def _hint(sm: ScheduleModel, solver: cp_model.CpSolver) -> None:
    model = sm.model
    model.clear_hints()  # type: ignore[no-untyped-call]
    for var in list(sm.starts) + list(sm.ends):
        model.add_hint(var, solver.value(var))
    for row in sm.assigned:
        for x in row:
            if x is not None:
                model.add_hint(x, solver.boolean_value(x))


def _parts(sm: ScheduleModel) -> list[tuple[str, cp_model.LinearExprT]]:
    assert sm.pause_total is not None and sm.finish is not None
    return [("blocked", sum(sm.blocked)), ("throttled", sum(sm.throttled)),
            ("pause", sm.pause_total), ("finish", sm.finish)]


def _weighted(sm: ScheduleModel, parts: list[tuple[str, cp_model.LinearExprT]],
              ) -> cp_model.LinearExprT | None:
    """One objective whose weights keep the lexicographic order, or None if they get huge."""
    finish_max = sm.horizon + 2
    pause_max = sm.horizon + 2  # paused days lie within the horizon
    throttle_max = 60 * max(1, len(sm.throttled)) + 1
    w_pause = finish_max
    w_throttle = w_pause * pause_max
    w_block = w_throttle * throttle_max
    if w_block * (sm.horizon + 100) * max(1, len(sm.blocked)) > 2**50:
        return None
    weights = (w_block, w_throttle, w_pause, 1)
    return sum(w * expr for w, (_, expr) in zip(weights, parts, strict=True))


def floor_constraints(sm: ScheduleModel, floor: tuple[int, int, int, int], exact: bool) -> None:
    """Bounds every plan meets (from the critical path), so the proof closes sooner.

    ``floor`` is (blocked, throttled, pause days, finish); with ``exact`` the first three are
    already reached by a known plan, so they are fixed and only the finish is left to solve.
    """
    assert sm.pause_total is not None and sm.finish is not None
    blocked, throttled, pause, finish = floor
    model = sm.model
    model.add(sum(sm.blocked) >= blocked)
    model.add(sm.finish >= finish)
    if blocked == throttled == 0 and pause:  # pause floor holds for plans with neither
        clean = model.new_bool_var("no_throttled_or_blocked")
        hurt = sum(sm.blocked) + sum(sm.throttled)
        model.add(hurt == 0).only_enforce_if(clean)
        model.add(hurt >= 1).only_enforce_if(~clean)
        model.add(sm.pause_total >= pause).only_enforce_if(clean)
    if exact:
        model.add(sum(sm.blocked) == blocked)
        model.add(sum(sm.throttled) == throttled)
        model.add(sm.pause_total == pause)


def solve_lexicographic(sm: ScheduleModel, seconds: float,
                        floor: tuple[int, int, int, int] | None = None,
                        exact: bool = False, found: Found | None = None,
                        cancel: threading.Event | None = None) -> Solution:
    """Solve stage by stage within ``seconds`` in total, from the hints already on the model.

    ``found`` sees every solution as it comes; ``cancel`` stops the search, and the best
    solution so far is kept (a cancelled search is not a load-dependent one: the caller
    asked for it).
    """
    model = sm.model
    out = Solution()
    if floor is not None:
        floor_constraints(sm, floor, exact)
    assert sm.pause_total is not None and sm.finish is not None
    objectives: list[tuple[str, cp_model.LinearExprT]] = [
        ("blocked", sum(sm.blocked)),
        ("throttled", sum(sm.throttled)),
        ("pause", sm.pause_total),
        ("finish", sm.finish),
    ]
    used = 0.0  # deterministic time, so the stages split the budget the same way every run
    cost = team_cost(sm)
    weighted = _weighted(sm, objectives)
    if weighted is not None:  # one proof instead of four when the weights stay small
        objectives = [("weighted", weighted)]
    for name, expr in objectives:
        left = seconds - used
        if out.stages and left <= 0.02:
            break
        if cancel is not None and cancel.is_set():
            break
        model.minimize(expr)
        solver = _solver(left, cost)
        cpu, spent = time.process_time(), list[bool]()
        with watching(solver, cancel, max(0.05, left) * CPU_SAFETY, spent):
            status = solver.solve(model, SolutionTap(sm, found) if found else None)
        cpu = time.process_time() - cpu
        used += solver.deterministic_time * cost / DET_PER_SECOND
        stopped = cancel is not None and cancel.is_set()
        if _TRACE:  # wall and CPU seconds against deterministic time (see DET_PER_SECOND)
            print(name, solver.status_name(status), round(solver.wall_time, 3),
                  round(cpu, 3), round(solver.deterministic_time, 3))
        if status not in (cp_model.OPTIMAL, cp_model.INFEASIBLE) and not stopped and \
                (spent or solver.deterministic_time
                 < solver.parameters.max_deterministic_time * 0.98):
            out.wall_limited = True
            break
        if status == cp_model.INFEASIBLE and not out.stages:
            out.status = "infeasible"
            return out
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break  # keep the previous stage's plan
        value = round(solver.objective_value)
        proven = status == cp_model.OPTIMAL
        bound = round(solver.best_objective_bound)
        if name == "weighted":
            for part, part_expr in _parts(sm):
                got = round(solver.value(part_expr))
                out.stages.append(StageResult(part, got, got if proven else 0, proven))
                model.add(part_expr <= got)
            if not proven:  # marks the sum open; the caller measures the plan against its bounds
                out.stages[0] = StageResult("weighted", value, bound, False)
        else:
            out.stages.append(StageResult(name, value, bound, proven))
        _read(sm, solver, out)
        model.add(expr <= value)
        _hint(sm, solver)
    if not out.stages:
        out.status = "unknown"
    elif len(out.stages) >= 4 and all(st.optimal for st in out.stages):
        out.status = "optimal"
    else:
        out.status = "feasible"
    return out
