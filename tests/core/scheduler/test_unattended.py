"""A mailbox move batch holds its consultant only to set it up and to complete it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planner.core.knowledge import Knowledge
from planner.core.plan import Schedule, Step
from planner.core.scheduler import schedule
from planner.core.settings import Consultant, Decisions
from tests.core.scheduler.builders import make_step, one_server, proposal, settings

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
