"""Mailbox moves as unattended work on whole estates: the consultant is booked for a batch's
set-up and completion only, and no judged server's exit waits for a consultant busy with one.

Not timed: the benchmark (tests/benchmarks/bench_schedule.py) prints the figures side by side.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.core.calendar import build_calendar
from planner.core.plan import Plan, Step
from planner.core.rules import propose
from planner.core.scheduler import schedule
from planner.core.scheduler.job_graph import ancestors
from planner.core.scheduler.problem import build_problem
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for
from tests.sample_plans import sample_plan
from tests.synthetic import synthetic_estate


def _moves(plan: Plan) -> list[Step]:
    return [s for s in plan.proposal.steps if s.unattended]


def _weekdays(first: date, last: date) -> list[date]:
    return [first + timedelta(d) for d in range((last - first).days + 1)
            if (first + timedelta(d)).weekday() < 5]


def _held(move: Step, first: date, last: date) -> list[date]:
    """The weekdays a batch run from ``first`` to ``last`` may hold its consultant: its
    set-up and its completion."""
    days = _weekdays(first, last)
    return days[:math.ceil(move.setup_days)] + days[-math.ceil(move.completion_days):]


def _held_days(plan: Plan, consultant: str) -> set[date]:
    """The weekdays a consultant may be held: a batch's set-up and completion (whatever the
    scheduler booked), any other step's whole span."""
    moving = {s.id: s for s in _moves(plan)}
    days: set[date] = set()
    for s in plan.schedule.steps:
        if s.consultant == consultant:
            move = moving.get(s.step_id)
            days.update(_held(move, s.start, s.end) if move is not None
                        else _weekdays(s.start, s.end))
    return days


def _waits_on_a_move(plan: Plan) -> list[str]:
    """Steps on a judged server's way out that waited for a consultant while a batch moved on
    its own: between the batch's last held day before the step and the step's start, the
    consultant had a weekday free (waiting for a set-up or a completion, and for what the
    consultant does next, is what a booked day means)."""
    knowledge = knowledge_for(plan.settings)
    problem = build_problem(plan.proposal, plan.estate, plan.settings, plan.decisions,
                            knowledge, build_calendar(plan.settings, plan.estate))
    moving = {s.id: s for s in _moves(plan)}
    chain = {problem.jobs[k].step.id for j in problem.judged for e in j.exit_jobs
             for k in ancestors(problem, e)}
    waits = []
    for s in plan.schedule.steps:
        move = moving.get(s.driver.step) if s.driver.key == "busy" else None
        batch = plan.schedule.for_step(move.id) if move is not None else None
        # a batch may wait so that its completion does not fall on another's: booked days
        if s.step_id not in chain or s.step_id in moving or move is None or batch is None:
            continue
        before = [d for d in _held(move, batch.start, batch.end) if d < s.start]
        busy = _held_days(plan, s.consultant)
        if not before or any(d not in busy for d in _weekdays(max(before), s.start)
                             if d < s.start):
            waits.append(s.step_id)
    return waits


def _synthetic_plan(size: int, gb_scale: float) -> Plan:
    """A synthetic estate planned as ``planner plan`` does (databases ``gb_scale`` times larger)."""
    estate, settings = synthetic_estate(size, max(1, size // 40))
    estate = replace(estate, databases=tuple(replace(d, size_gb=(d.size_gb or 0) * gb_scale)
                                             for d in estate.databases))
    settings = replace(settings, solver_time_limit_s=2.0)
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    return Plan(estate=estate, settings=settings, decisions=Decisions(), findings=(),
                proposal=proposal,
                schedule=schedule(proposal, estate, settings, Decisions(), knowledge))


@pytest.fixture(scope="module")
def synthetic_200() -> Plan:
    # databases of 500-520 GB, as mailbox servers hold them; at 50 GB every batch is a day
    # or two and set-up plus completion is the whole batch
    return _synthetic_plan(200, 10.0)


def test_the_mixed_sample_books_a_consultant_for_set_up_and_completion_only() -> None:
    plan = sample_plan("mixed")
    moves = _moves(plan)
    assert moves, "the mixed sample moves mailboxes"
    assert all(m.consultant_days < m.duration_days for m in moves)
    # half a day each for set-up and completion (durations.toml), booked as half days
    assert all(m.consultant_days == 1 for m in moves)
    assert sum(m.consultant_days for m in moves) <= 0.25 * sum(m.duration_days for m in moves)
    assert _waits_on_a_move(plan) == []


def test_a_200_server_estate_books_a_fraction_of_the_moves_elapsed_days(
        synthetic_200: Plan) -> None:
    moves = _moves(synthetic_200)
    assert len(moves) >= 20
    booked = sum(m.consultant_days for m in moves)
    assert booked <= 0.21 * sum(m.duration_days for m in moves)
    elapsed = 0
    for m in moves:
        batch = synthetic_200.schedule.for_step(m.id)
        assert batch is not None
        elapsed += (batch.end - batch.start).days + 1
    assert booked < 0.2 * elapsed
    assert _waits_on_a_move(synthetic_200) == []
