"""Interchangeable consultants are one team in the model; each step still gets one person.

With one optional interval per step and consultant, 60 servers and 20 consultants (who
differ only in working four or five days a week) left CP-SAT without a single plan in its
time: it tried every permutation of people who change nothing. The model now picks a team
(:func:`planner.core.scheduler.pool.teams`) and :func:`~planner.core.scheduler.pool.assign`
names a member afterwards. These tests hold the three things that must stay true: teams
group only people the plan cannot tell apart, every team plan the solver may return gets a
member per step without double-booking anyone, and the search now proves such estates.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from ortools.sat.python import cp_model

from planner.core.calendar import build_calendar
from planner.core.rules import propose
from planner.core.scheduler import schedule
from planner.core.scheduler.greedy import as_solved, serial_plan
from planner.core.scheduler.model import build_model
from planner.core.scheduler.pool import assign, teams
from planner.core.scheduler.problem import Problem, build_problem
from planner.core.scheduler.solve import Solution, _read
from planner.core.scheduler.validate import violations
from planner.core.settings import Consultant, Decisions, Settings
from planner.pipeline import knowledge_for
from tests.synthetic import synthetic_estate


def _problem(size: int, staff: int, settings_change: dict[str, object] | None = None
             ) -> tuple[Problem, Settings]:
    estate, settings = synthetic_estate(size, staff)
    settings = replace(settings, **(settings_change or {}))
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    problem = build_problem(proposal, estate, settings, Decisions(), knowledge,
                            build_calendar(settings, estate))
    return problem, settings


def test_teams_hold_only_consultants_the_plan_cannot_tell_apart() -> None:
    """Four- and five-day weeks are two teams; an absence makes its consultant a team alone."""
    problem, _ = _problem(8, 5)  # consultants 1 and 4 work four days a week
    assert teams(problem) == [(0, 3), (1, 2, 4)]
    away = ((date(2027, 1, 11), date(2027, 1, 15)),)
    staff = tuple(Consultant(f"C{i}", absent=away if i == 2 else ()) for i in range(4))
    problem, _ = _problem(8, 4, {"consultants": staff})
    assert teams(problem) == [(0, 1, 3), (2,)]


@pytest.mark.parametrize(("size", "staff", "seed"),
                         [(20, 5, 1), (20, 5, 2), (20, 20, 3)])
def test_any_team_plan_of_the_model_gets_a_member_per_step_without_double_booking(
        size: int, staff: int, seed: int) -> None:
    """A first feasible solution (no objective: any dates the model allows) named by
    :func:`assign` is a valid plan, each step done by a member of the team it picked."""
    problem, _ = _problem(size, staff)
    grouped = teams(problem)
    assert any(len(team) > 1 for team in grouped)
    horizon = max(p.end for p in serial_plan(problem).values()) + 40
    sm = build_model(problem, horizon, None)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = 60
    assert solver.solve(sm.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    sol = Solution()
    _read(sm, solver, sol)
    named = assign(problem, sol.starts, sol.ends, sol.consultant, grouped)
    assert named is not None
    for i, k in enumerate(named):
        if k >= 0:
            assert sm.team_of(k) == sol.consultant[i]
    assert not violations(problem, as_solved(problem, sol.starts, sol.ends, named))


def test_sixty_servers_and_twenty_consultants_are_proven_optimal_in_the_default_time() -> None:
    """Before the teams this estate ended "feasible" with the quick plan, the solver having
    found nothing in its ten seconds; every step is done by someone, none twice at once."""
    estate, settings = synthetic_estate(60, 20)
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    plan = schedule(proposal, estate, settings, Decisions(), knowledge)
    assert plan.objective.status == "optimal"
    assert plan.objective.blocked_days == 0
    names = {c.name for c in settings.consultants}
    done_by = {s.consultant for s in plan.steps if s.consultant}
    assert done_by <= names and len(done_by) > 1
