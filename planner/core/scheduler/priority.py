"""Priority orders for the quick plan: dependency orders that put urgent work first.

:func:`topological_order` takes the steps closest to Exchange Online's blocking first (its
urgency: the latest start that still takes a judged server out in time); :func:`chains_first`
puts the judged servers' whole exit chains before everything else. Both are plain dependency
orders over :func:`order_by`, networkx's lexicographical topological sort of the jobs' graph
(the rules order steps with the same function); a cycle is an :class:`InfeasiblePlanError`
naming the steps on it and after it.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from planner.core.errors import InfeasiblePlanError
from planner.core.explanation import Listed, message
from planner.core.scheduler.problem import Problem, ancestors, easiest_exit, job_graph

__all__ = ["LIMIT", "chains_first", "order_by", "topological_order", "urgency"]

LIMIT = 40_000  # about 110 years: "never" for a migration plan


def topological_order(problem: Problem) -> list[int]:
    """Jobs in dependency order, the most enforcement-urgent first; raises on a cycle."""
    return order_by(problem, urgency(problem))


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
    for i in reversed(order_by(problem, [0] * len(problem.jobs))):  # successors first
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


def order_by(problem: Problem, keys: Sequence[int]) -> list[int]:
    """A dependency order that takes the smallest key (then index) among the ready jobs.

    Raises :class:`InfeasiblePlanError` naming the steps that wait for each other and those
    after them when the steps' dependencies form a cycle.
    """
    graph = job_graph(problem)
    try:  # ties: networkx takes the node added first, i.e. the smaller index
        return list(nx.lexicographical_topological_sort(graph, key=keys.__getitem__))
    except nx.NetworkXUnfeasible:
        on_cycle = {i for part in nx.strongly_connected_components(graph) if len(part) > 1
                    for i in part} | set(nx.nodes_with_selfloops(graph))
        stuck = on_cycle.union(*(nx.descendants(graph, i) for i in on_cycle))
        jobs = sorted((problem.jobs[i] for i in stuck), key=lambda j: j.step.id)
        raise InfeasiblePlanError(message("schedule.order.cycle", steps=Listed(tuple(
            j.step.title_message or message("schedule.order.unnamed_step")
            for j in jobs)))) from None


def chains_first(problem: Problem) -> list[int]:
    """A dependency order with the judged servers' exit chains first, each in the rules'
    order (a server's steps together, so window steps interleave with weekday work)."""
    keys = [1] * len(problem.jobs)
    for judged in problem.judged:
        if judged.exit_jobs:
            for i in ancestors(problem, easiest_exit(problem, judged)):
                keys[i] = 0
    return order_by(problem, keys)
