"""Lexicographic solving: blocked days, then throttled days, then pause days, then finish.

Each stage minimises one objective with the previous optima fixed and the previous
solution as a hint; a last stage pulls steps and pauses as early as the optima allow, so
a plan has no gratuitous gaps. Parameters are fixed (seed, interleaved workers,
deterministic time) so the same input gives the same plan.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.core.scheduler.model import ScheduleModel

__all__ = ["Solution", "StageResult", "solve_lexicographic"]


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
    pauses: list[tuple[int, int]] = field(default_factory=list)  # (start, days)
    stages: list[StageResult] = field(default_factory=list)
    status: str = "unknown"  # optimal | feasible | infeasible | unknown

    @property
    def gap(self) -> float:
        """Relative gap of the first stage that was not proven optimal (0 when all were)."""
        for st in self.stages:
            if not st.optimal:
                return round((st.value - st.bound) / max(1, abs(st.value)), 4)
        return 0.0


def _solver(seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    params = solver.parameters
    # measured: on 2 cores the default worker count never closes the bound; 8 does
    params.num_workers = 8
    params.interleave_search = True  # deterministic multi-worker search
    params.random_seed = 20261201
    params.max_time_in_seconds = max(0.05, seconds)
    params.max_deterministic_time = max(0.5, seconds * 4)
    return solver


def _read(sm: ScheduleModel, solver: cp_model.CpSolver, out: Solution) -> None:
    out.starts = [solver.value(v) for v in sm.starts]
    out.ends = [solver.value(v) for v in sm.ends]
    out.consultant = [
        next((k for k, x in enumerate(row) if x is not None and solver.boolean_value(x)), -1)
        for row in sm.assigned
    ]
    out.pauses = [(solver.value(s), solver.value(n))
                  for s, n in zip(sm.pause_start, sm.pause_len, strict=True) if solver.value(n)]


def _hint(sm: ScheduleModel, solver: cp_model.CpSolver) -> None:
    model = sm.model
    model.clear_hints()  # type: ignore[no-untyped-call]
    for var in list(sm.starts) + list(sm.ends) + list(sm.pause_start) + list(sm.pause_len):
        model.add_hint(var, solver.value(var))
    for row in sm.assigned:
        for x in row:
            if x is not None:
                model.add_hint(x, solver.boolean_value(x))


def solve_lexicographic(sm: ScheduleModel, seconds: float,
                        hint: dict[int, tuple[int, int, int]] | None = None) -> Solution:
    """Solve stage by stage within ``seconds`` in total; the hint is (start, end, consultant)."""
    model = sm.model
    out = Solution()
    if hint:
        for i, (s, e, k) in hint.items():
            model.add_hint(sm.starts[i], s)
            model.add_hint(sm.ends[i], e)
            for j, x in enumerate(sm.assigned[i]):
                if x is not None:
                    model.add_hint(x, j == k)
    assert sm.pause_total is not None and sm.finish is not None
    objectives: list[tuple[str, cp_model.LinearExprT]] = [
        ("blocked", sum(sm.blocked)),
        ("throttled", sum(sm.throttled)),
        ("pause", sm.pause_total),
        ("finish", sm.finish),
        ("compact", sm.compactness),
    ]
    deadline = time.monotonic() + seconds
    for name, expr in objectives:
        left = deadline - time.monotonic()
        if out.stages and left <= 0.02:
            break
        model.minimize(expr)
        solver = _solver(left if name != "compact" else min(left, max(0.2, seconds / 5)))
        status = solver.solve(model)
        if status == cp_model.INFEASIBLE and not out.stages:
            out.status = "infeasible"
            return out
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break  # keep the previous stage's plan
        value = round(solver.objective_value)
        proven = status == cp_model.OPTIMAL
        if name != "compact":
            out.stages.append(StageResult(name, value, round(solver.best_objective_bound),
                                          proven))
        _read(sm, solver, out)
        model.add(expr <= value)
        _hint(sm, solver)
    if not out.stages:
        out.status = "unknown"
    elif len(out.stages) == 4 and all(st.optimal for st in out.stages):
        out.status = "optimal"
    else:
        out.status = "feasible"
    return out
