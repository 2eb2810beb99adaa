"""Priority orders for the quick plan: dependency orders that put urgent work first.

:func:`topological_order` takes the steps closest to Exchange Online's blocking first (its
urgency: the latest start that still takes a judged server out in time); :func:`chains_first`
puts the judged servers' whole exit chains before everything else. Both are plain dependency
orders over :func:`order_by`; a cycle is an :class:`InfeasiblePlanError`.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from planner.core.errors import InfeasiblePlanError
from planner.core.explanation import Listed, message
from planner.core.scheduler.problem import Problem, ancestors, easiest_exit

__all__ = ["LIMIT", "chains_first", "order_by", "topological_order", "urgency"]

LIMIT = 40_000  # about 110 years: "never" for a migration plan


def topological_order(problem: Problem) -> list[int]:
    """Jobs in dependency order, the most enforcement-urgent first; raises on a cycle."""
    order = order_by(problem, urgency(problem))
    if len(order) != len(problem.jobs):
        placed = set(order)
        stuck = [j for j in problem.jobs if j.index not in placed]
        raise InfeasiblePlanError(message("schedule.order.cycle", steps=Listed(tuple(
            j.step.title_message or message("schedule.order.unnamed_step")
            for j in sorted(stuck, key=lambda j: j.step.id)))))
    return order


def urgency(problem: Problem) -> list[int]:
    """Per job its latest start: the earliest detection of a server it (or a successor) takes
    out, less the calendar days of the chain from it to that exit step.

    A step with a long chain behind it (an install before days of mailbox moves) goes
    before a short one for a server detected at the same time.
    """
    latest = [LIMIT] * len(problem.jobs)
    length = [_calendar_days(j.fastest_days) for j in problem.jobs]
    for judged in problem.judged:
        # one exit takes the server out: the one with the least work in front of it, so
        # the quick plan does that chain first rather than every chain of every exit
        if judged.exit_jobs:
            i = easiest_exit(problem, judged)
            latest[i] = min(latest[i], judged.detected - length[i])
    for job in problem.jobs:  # a pinned step's chain must be done by its pin
        if job.pin is not None:
            latest[job.index] = min(latest[job.index], job.pin)
    for i in reversed(_plain_order(problem)):  # successors before predecessors
        if latest[i] >= LIMIT:
            continue
        for dep in problem.jobs[i].step.predecessors:
            k = problem.by_id.get(dep.step_id)
            if k is not None:
                latest[k] = min(latest[k], latest[i] - length[k])
    return latest


def _calendar_days(working_days: int) -> int:
    """Roughly how many calendar days a number of working days spans (for ordering only)."""
    return working_days * 7 // 5


def _plain_order(problem: Problem) -> list[int]:
    """Any dependency order; jobs on a cycle are left out."""
    return order_by(problem, [0] * len(problem.jobs))


def order_by(problem: Problem, keys: Sequence[int]) -> list[int]:
    """A dependency order that takes the smallest key (then index) among the ready jobs."""
    indegree = [0] * len(problem.jobs)
    successors: list[list[int]] = [[] for _ in problem.jobs]
    for job in problem.jobs:
        for dep in job.step.predecessors:
            if dep.step_id in problem.by_id:
                successors[problem.by_id[dep.step_id]].append(job.index)
                indegree[job.index] += 1
    ready = [(keys[i], i) for i in range(len(problem.jobs)) if indegree[i] == 0]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        _, i = heapq.heappop(ready)
        order.append(i)
        for k in successors[i]:
            indegree[k] -= 1
            if indegree[k] == 0:
                heapq.heappush(ready, (keys[k], k))
    return order


def chains_first(problem: Problem) -> list[int]:
    """A dependency order with the judged servers' exit chains first, each in the rules'
    order (a server's steps together, so window steps interleave with weekday work)."""
    keys = [1] * len(problem.jobs)
    for judged in problem.judged:
        if judged.exit_jobs:
            for i in ancestors(problem, easiest_exit(problem, judged)):
                keys[i] = 0
    return order_by(problem, keys)
