"""The consultants' weekday work counted in working days: valid for every plan, and it proves.

With one consultant the finish of 12 servers stays unproven on calendar days (CP-SAT's
bound stuck at the floors' day 120 while the plan's 125 is optimal): the weekends dilute the
consultant's capacity. The working-day view (:mod:`planner.core.scheduler.workdays`) must
never cut off a valid plan, and with it the 125 is proven.
"""

from __future__ import annotations

import random

import pytest
from ortools.sat.python import cp_model

from planner.core.scheduler import workdays as view
from planner.core.scheduler.floors import lower_bound
from planner.core.scheduler.greedy import serial_plan
from planner.core.scheduler.model import build_model, hint_plan
from planner.core.scheduler.priority import chains_first, order_by
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.quick import quick_plan
from planner.core.scheduler.solve import DET_PER_SECOND, _solver, floor_constraints
from planner.core.scheduler.validate import violations
from tests.core.scheduler.builders import synthetic_problem


def _problem(size: int, staff: int, variant: str = "hubs-2016") -> Problem:
    return synthetic_problem(size, staff, variant)


@pytest.mark.parametrize(("size", "staff"), [(8, 1), (20, 1), (8, 2), (20, 2)])
def test_every_valid_plan_stays_a_solution_of_the_model(size: int, staff: int) -> None:
    """Valid plans of many priority orders, fixed in the model with the view: feasible."""
    problem = _problem(size, staff)
    rng = random.Random(size * 7 + staff)
    orders: list[list[int] | None] = [None, chains_first(problem)]
    orders += [order_by(problem, [rng.randrange(1000) for _ in problem.jobs])
               for _ in range(4)]
    for order in orders:
        plan = serial_plan(problem, order=order)
        assert not violations(problem, plan)
        sm = build_model(problem, max(p.end for p in plan.values()) + 2, None)
        for i, p in plan.items():
            sm.model.add(sm.starts[i] == p.start)
            sm.model.add(sm.ends[i] == p.end)
            for k, x in enumerate(sm.assigned[i]):
                if x is not None:
                    sm.model.add(x == int(k == sm.team_of(p.consultant)))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = 60
        assert solver.solve(sm.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _finish_proof(problem: Problem) -> tuple[str, int, int]:
    """CP-SAT on the finish alone, the first three objectives at their proven optimum (as
    the scheduler does), within 4 deterministic units: status, value, bound."""
    bound = lower_bound(problem, None)
    quick, exposure, _ = quick_plan(problem, None, 10, bound)
    assert exposure.key == bound[:3]
    sm = build_model(problem, max(p.end for p in quick.values()) + 1, None)
    hint_plan(sm, problem, {i: (p.start, p.end, p.consultant) for i, p in quick.items()},
              exposure.pauses)
    floor_constraints(sm, bound, True)
    assert sm.finish is not None
    sm.model.minimize(sm.finish)
    solver = _solver(4 / DET_PER_SECOND)  # the scheduler's solver, 4 deterministic units
    status = solver.solve(sm.model)
    return (solver.status_name(status), round(solver.objective_value),
            round(solver.best_objective_bound))


def test_the_view_proves_the_finish_of_one_consultant(monkeypatch: pytest.MonkeyPatch) -> None:
    """12 servers (Exchange Online judging 2019 hubs), one consultant: the weekday work
    fills the consultant's weekdays, so the plan's finish on day 125 is optimal; the floors
    say 120, and CP-SAT on calendar days alone finds no proof in the same time (its bound
    stays at the floors', its plan at 132). (The first case of this test, 8 servers
    with 2016 hubs, is now proven by the floors themselves: the work after the last of the
    consultants' work, :class:`.energetic._Tail`.)"""
    problem = _problem(12, 1, "hubs-2019")
    floor = lower_bound(problem, None)[3]
    assert floor < 125  # the floors alone do not prove it
    assert _finish_proof(problem) == ("OPTIMAL", 125, 125)
    monkeypatch.setattr(view, "_MOST_CONSULTANTS", 0)
    status, value, bound = _finish_proof(problem)
    assert status != "OPTIMAL" and value > 125 and bound == floor
