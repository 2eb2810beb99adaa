"""The first window day takes only what the weekdays before it make ready (an unseen
estate, 20 servers, a four-day and a five-day consultant, seed 7: the floors counted two
in-place upgrades on the first Saturday and said day 90; the licence, the AD preparation and
each DAG's HealthChecker leave room for one, so the plan's day 97 is the optimum, now proven)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from ortools.sat.python import cp_model

from planner.core.calendar import build_calendar
from planner.core.model import Estate
from planner.core.rules import propose
from planner.core.scheduler import schedule
from planner.core.scheduler.floors import floor_cuts, plan_finish
from planner.core.scheduler.greedy import serial_plan
from planner.core.scheduler.model import build_model
from planner.core.scheduler.problem import build_problem
from planner.core.scheduler.quick import quick_plan
from planner.core.scheduler.window_count import window_finish
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for
from tests.core.scheduler.builders import proposal, synthetic_problem
from tests.core.scheduler.test_pins_property import KNOWLEDGE, Case, cases
from tests.synthetic import synthetic_estate


def test_the_first_window_day_takes_only_what_its_weekdays_make_ready() -> None:
    problem = synthetic_problem(20, 2, "hubs-2016", seed=7)
    assert floor_cuts(problem)[1] == 90  # two upgrades on Saturday 5 December, it says
    assert window_finish(problem, serial_plan(problem, resources=False)) == 97
    estate, settings = synthetic_estate(20, 2, "hubs-2016", seed=7)
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    plan = schedule(proposal, estate, settings, Decisions(), knowledge)
    assert plan.objective.status == "optimal"
    assert (plan.objective.finish - settings.start).days == 97


@pytest.mark.parametrize(("size", "staff", "seed", "variant"), list(itertools.product(
    (12, 16, 24), (1, 2, 5), (5, 11), ("hubs-2016", "hubs-2019"))))
def test_the_count_is_never_above_a_plan(size: int, staff: int, seed: int,
                                         variant: str) -> None:
    """No plan beats a floor: the count never exceeds the finish of a valid plan (measured
    on 108 estates of 8-30 servers, 1, 2 and 5 consultants, seeds 5, 7 and 11: it raised five
    floors, four of them to the plan's own finish)."""
    problem = synthetic_problem(size, staff, variant, seed=seed)
    placed, _, ok = quick_plan(problem, None, 0.0)
    assert ok
    assert window_finish(problem, serial_plan(problem, resources=False)) <= plan_finish(placed)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(max_steps=7))
def test_the_count_is_never_above_the_optimum_under_pins_absences_and_freezes(
        case: Case) -> None:
    """On random tiny estates (windows on Saturdays, at weekends or on a Wednesday, pins,
    not-before dates, an absent consultant, a year-end freeze) the count never exceeds the
    finish CP-SAT proves no plan beats."""
    decisions = Decisions(pins=case.pins, not_before=case.not_before)
    problem = build_problem(proposal(*case.steps), Estate(), case.settings, decisions,
                            KNOWLEDGE, build_calendar(case.settings, Estate()))
    counted = window_finish(problem, serial_plan(problem, resources=False))
    if counted == 0:
        return
    sm = build_model(problem, 120, None)
    assert sm.finish is not None
    sm.model.minimize(sm.finish)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    status = solver.solve(sm.model)
    if status == cp_model.OPTIMAL:
        assert counted <= round(solver.objective_value)
