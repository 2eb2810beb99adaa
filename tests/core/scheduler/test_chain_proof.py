"""An estate too big to model: its exit chains alone prove the blocked days in the limit."""

from __future__ import annotations

import pytest

from planner.core.calendar import build_calendar
from planner.core.rules import propose
from planner.core.scheduler import capacity, energetic, schedule
from planner.core.scheduler.floors import cutovers, floor_cuts, lower_bound
from planner.core.scheduler.greedy import serial_plan
from planner.core.scheduler.pauses import best_pauses, fewest_pauses
from planner.core.scheduler.priority import chains_first
from planner.core.scheduler.problem import build_problem
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for
from tests.synthetic import synthetic_estate


def test_thirty_six_servers_with_one_consultant_get_their_blocked_days_proven(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """36 servers, one consultant: the steps over 400-odd days are past the model's size.
    Without the floors' two latest refinements (what follows the last of the work, and an
    unattended batch's two half days that nothing else can use) the bounds say 132 blocked
    days; the exit chains alone prove the plan's 146, so the plan says the days are
    unavoidable and measures its gap from there. (With the refinements the bounds prove it
    themselves, as they now do for 30 and 36 servers; the chains' proof stays for estates
    whose floors fall short.)"""
    monkeypatch.setattr(energetic, "_REACH", 0)
    monkeypatch.setattr(capacity.Work, "_wasted", lambda self, calendars: 0)
    estate, settings = synthetic_estate(36, 1)
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    plan = schedule(proposal, estate, settings, Decisions(), knowledge)
    problem = build_problem(proposal, estate, settings, Decisions(), knowledge,
                            build_calendar(settings, estate))
    obj = plan.objective
    assert lower_bound(problem, None)[0] < obj.blocked_days  # the bounds alone do not see it
    assert obj.floor[0] == obj.blocked_days == 146
    assert obj.explanation is not None and obj.explanation.key == "schedule.blocked.proven_tail"
    assert "unavoidable" in obj.reason("en")
    # the pause floor for those blocked days holds: the plan cannot need fewer
    assert obj.floor[2] <= obj.pause_days
    assert obj.status == "feasible" and obj.gap == round(
        (obj.pause_days - obj.floor[2]) / obj.pause_days, 4)


def test_the_fewest_pauses_within_caps_never_exceed_a_plans_pauses() -> None:
    """fewest_pauses at the floor's cutovers, capped at a plan's blocked and throttled
    days, is no more than that plan's pause days (a later cutover needs more pauses)."""
    for size, staff in ((20, 1), (60, 1), (60, 5)):
        estate, settings = synthetic_estate(size, staff)
        knowledge = knowledge_for(settings)
        proposal = propose(estate, settings, Decisions(), knowledge)
        problem = build_problem(proposal, estate, settings, Decisions(), knowledge,
                                build_calendar(settings, estate))
        cuts, _ = floor_cuts(problem)
        for placed in (serial_plan(problem), serial_plan(problem, order=chains_first(problem))):
            plan = best_pauses(problem, cutovers(problem, placed))
            assert all(cuts[name] <= cut for name, cut in cutovers(problem, placed).items())
            assert fewest_pauses(problem, cuts, (plan.blocked, plan.throttled)) <= plan.pause_days
