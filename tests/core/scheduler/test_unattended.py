"""A mailbox move batch holds its consultant only to set it up and to complete it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planner.core.calendar import build_calendar
from planner.core.knowledge import Knowledge
from planner.core.plan import Schedule, Step
from planner.core.scheduler import schedule
from planner.core.scheduler.greedy import Placement
from planner.core.scheduler.problem import build_problem
from planner.core.scheduler.validate import violations
from planner.core.settings import Consultant, Decisions
from planner.pipeline import knowledge_for, make_plan
from tests.core.scheduler.builders import make_step, one_server, proposal, settings
from tests.synthetic import synthetic_estate

START = date(2026, 12, 1)  # a Tuesday


def _move(days: int = 10) -> Step:
    return replace(make_step("moves", days), unattended=True, setup_days=1, completion_days=1)


def _plan(knowledge: Knowledge, *steps: Step, limit: float = 5.0) -> Schedule:
    s = settings(consultants=(Consultant("Anna"),), solver_time_limit_s=limit)
    return schedule(proposal(*steps), one_server(), s, Decisions(), knowledge)


@pytest.mark.parametrize("limit", [5.0, 0.0])  # solver and quick plan alone
def test_the_consultant_works_elsewhere_while_a_batch_moves(knowledge: Knowledge,
                                                            limit: float) -> None:
    plan = _plan(knowledge, _move(), make_step("other", 3), limit=limit)
    move, other = plan.for_step("moves"), plan.for_step("other")
    assert move is not None and other is not None
    assert move.consultant == other.consultant == "Anna"
    # the other step runs inside the batch, between its first and its last day
    assert move.start < other.start and other.end < move.end
    assert plan.objective.finish == move.end


def test_set_up_and_completion_days_are_not_shared(knowledge: Knowledge) -> None:
    plan = _plan(knowledge, _move(3), make_step("other", 3))
    move, other = plan.for_step("moves"), plan.for_step("other")
    assert move is not None and other is not None
    days = {move.start, move.end}  # the batch's set-up and completion day
    assert not any(other.start <= d <= other.end for d in days)


def test_an_attended_step_holds_its_consultant_throughout(knowledge: Knowledge) -> None:
    plan = _plan(knowledge, make_step("moves", 10), make_step("other", 3))
    move, other = plan.for_step("moves"), plan.for_step("other")
    assert move is not None and other is not None
    assert other.end < move.start or move.end < other.start


def _half_day_move(name: str, days: int = 5) -> Step:
    """A batch whose set-up and completion take half a day each (durations.toml's figures)."""
    return replace(make_step(name, days, resources=(f"server:{name}",)), unattended=True,
                   setup_days=0.5, completion_days=0.5)


@pytest.mark.parametrize("limit", [5.0, 0.0])  # solver and quick plan alone
def test_two_half_day_set_ups_share_one_consultant_day(knowledge: Knowledge,
                                                       limit: float) -> None:
    plan = _plan(knowledge, _half_day_move("a"), _half_day_move("b"), limit=limit)
    a, b = plan.for_step("a"), plan.for_step("b")
    assert a is not None and b is not None
    assert a.start == b.start == START and a.end == b.end


@pytest.mark.parametrize("limit", [5.0, 0.0])
def test_a_whole_day_step_does_not_share_a_day_with_a_half_day_set_up(
        knowledge: Knowledge, limit: float) -> None:
    plan = _plan(knowledge, _half_day_move("a"), make_step("other", 1), limit=limit)
    move, other = plan.for_step("a"), plan.for_step("other")
    assert move is not None and other is not None
    assert other.start not in (move.start, move.end)
    assert plan.objective.finish == move.end  # the other step fits inside the batch


def test_half_days_are_booked_as_half_days(knowledge: Knowledge) -> None:
    """A plan that puts three half days or a half and a whole day on one consultant's day
    breaks a hard constraint; two half days do not."""
    s = settings(consultants=(Consultant("Anna"),))
    steps = (_half_day_move("a"), _half_day_move("b"), _half_day_move("c"),
             make_step("other", 1))
    problem = build_problem(proposal(*steps), one_server(), s, Decisions(), knowledge,
                            build_calendar(s, one_server()))
    day0 = problem.index(START)

    def at(*starts: int) -> dict[int, Placement]:
        cal = problem.cal(problem.jobs[0])
        return {i: Placement(d, cal.end_after(d, problem.jobs[i].base_days), 0)
                for i, d in enumerate(starts)}

    assert violations(problem, at(day0, day0, day0 + 1, day0 + 2)) == []
    three_halves = violations(problem, at(day0, day0, day0, day0 + 2))
    assert three_halves and {v.kind for v in three_halves} == {"consultant"}
    half_and_whole = violations(problem, at(day0, day0 + 1, day0 + 2, day0))
    assert [(v.kind, v.jobs) for v in half_and_whole] == [("consultant", (0, 3))]


@pytest.mark.parametrize("limit", [5.0, 0.0])  # solver and quick plan alone
def test_the_schedule_says_which_days_of_a_batch_are_booked(knowledge: Knowledge,
                                                            limit: float) -> None:
    plan = _plan(knowledge, _move(), make_step("other", 3), limit=limit)
    move = plan.for_step("moves")
    assert move is not None
    setup, completion = move.booked
    assert (setup.part, setup.start, setup.end, setup.days) == ("setup", move.start,
                                                               move.start, 1.0)
    assert (completion.part, completion.end, completion.days) == ("completion", move.end, 1.0)
    run = move.unattended_run()
    assert run is not None and run[0] > setup.end and run[1] < completion.start
    other = plan.for_step("other")
    assert other is not None and other.booked == () and other.unattended_run() is None


def test_half_day_parts_are_booked_as_half_days(knowledge: Knowledge) -> None:
    plan = _plan(knowledge, _half_day_move("moves"))
    move = plan.for_step("moves")
    assert move is not None
    assert [(b.part, b.days) for b in move.booked] == [("setup", 0.5), ("completion", 0.5)]


def test_a_one_day_batch_completed_in_a_window_holds_only_its_two_halves() -> None:
    """Set-up 0.5 + completion 0.5 = a 1-day batch's duration: it was not treated as
    unattended and, its completion due on a window Saturday, held its consultant whole from
    a Monday to the Saturday 12 days later (seed 17, 24 servers, 2 consultants)."""
    estate, planned = synthetic_estate(24, 2, seed=17)
    planned = replace(planned, complete_moves_in_window=True)
    plan = make_plan(estate, (), planned, Decisions(), knowledge_for(planned))
    steps = {s.id: s for s in plan.proposal.steps}
    batches = [d for d in plan.schedule.steps
               if steps[d.step_id].unattended and steps[d.step_id].duration_days == 1]
    assert batches
    for dated in batches:
        assert [b.part for b in dated.booked] == ["setup", "completion"], dated
        assert sum(b.days for b in dated.booked) == 1.0
        assert dated.end.weekday() == 5  # completed in the Saturday window
