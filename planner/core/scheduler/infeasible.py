"""Reasons a consultant understands: why no plan exists, and why blocked days remain.

CP-SAT only says "infeasible"; these checks find the concrete culprit with a
critical-path pass (pins against predecessors, deadlines against the earliest finish),
and say it as a message with step titles and dates (``schedule.infeasible.*``,
``schedule.blocked.*``) that the edges render in the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from planner.core.errors import InfeasiblePlanError
from planner.core.explanation import Message, message
from planner.core.plan import Exposure, Step
from planner.core.scheduler.greedy import earliest_bound, serial_plan
from planner.core.scheduler.job_graph import job_graph
from planner.core.scheduler.priority import order_by
from planner.core.scheduler.problem import Problem

__all__ = ["blocked_reason", "diagnose"]

Reason = Message


def _both(key: str, **facts: object) -> Reason:
    """``schedule.<key>`` with its facts; a fact that is a step is its title."""
    return message(f"schedule.{key}", **{
        k: (v.title_message or v.title("en")) if isinstance(v, Step) else v
        for k, v in facts.items()})


def _structural(problem: Problem) -> Reason | None:
    if any(j.uses_consultant for j in problem.jobs) and not problem.consultants:
        return _both("infeasible.no_consultant")
    for job in problem.jobs:
        cal = problem.cal(job)
        if cal.next_ok(0, limit=800) >= 800 and job.pin is None and not job.is_milestone:
            kind = "no_window" if job.step.needs_window else "no_working_day"
            return _both(f"infeasible.{kind}", step=job.step)
    if nx.is_directed_acyclic_graph(job_graph(problem)):  # linear: the common case
        return None
    try:  # the order says which steps wait for each other
        order_by(problem, [0] * len(problem.jobs))
    except InfeasiblePlanError as exc:
        return _both("infeasible.no_order", problem=exc.problem or str(exc))
    return None


def _pins_and_deadlines(problem: Problem) -> Reason | None:
    placed = serial_plan(problem, resources=False)
    for job in problem.jobs:
        if job.pin is None:
            continue
        bound, source = earliest_bound(job, placed, problem)
        if bound > job.pin and source in problem.by_id:
            pred = problem.jobs[problem.by_id[source]].step
            return _both("infeasible.pin_too_early", step=job.step, pin=problem.day(job.pin),
                         before=pred, ready=problem.day(bound))
    for job in problem.jobs:
        if job.deadline is None:
            continue
        last = placed[job.index].end - 1 if not job.is_milestone else placed[job.index].start
        if last > job.deadline:
            return _both("infeasible.deadline", step=job.step, due=problem.day(job.deadline),
                         ready=problem.day(last))
    return None


def diagnose(problem: Problem, structural_only: bool = False) -> Reason | None:
    """The first concrete reason no plan exists, or None when none of the checks finds one."""
    reason = _structural(problem)
    if reason or structural_only:
        return reason
    return _pins_and_deadlines(problem)


def blocked_reason(problem: Problem, exposure: Sequence[Exposure],
                   proven: bool) -> Reason | None:
    """Which servers still get blocked, and that it is unavoidable when ``proven`` (the
    blocked days are at a proven floor)."""
    worst: list[tuple[int, Exposure]] = []
    for e in exposure:
        blocked = sum(n for i, n in enumerate(e.days_in_stage) if i + 1 in problem.block_stages)
        blocked = blocked if e.cutover else 0
        if blocked:
            worst.append((blocked, e))
    if not worst:
        return None
    worst.sort(key=lambda item: (-item[0], item[1].server))
    # a proof stands behind "cannot"; a plan found says only what it does
    kind = "proven" if proven else "found"
    parts = [message(f"schedule.blocked.{kind}", count=blocked, server=e.server, day=e.cutover)
             for blocked, e in worst[:3]]
    return message(f"schedule.blocked.{kind}_tail", servers=parts)
