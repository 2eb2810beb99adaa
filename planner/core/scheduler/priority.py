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
from planner.core.scheduler.job_graph import ancestors, easiest_exit, job_graph
from planner.core.scheduler.problem import CalendarKey, Problem

__all__ = ["LIMIT", "blended", "chains_first", "longest_first", "order_by",
           "topological_order", "urgency", "weekly_lengths"]

LIMIT = 40_000  # about 110 years: "never" for a migration plan


def topological_order(problem: Problem) -> list[int]:
    """Jobs in dependency order, the most enforcement-urgent first; raises on a cycle."""
    return order_by(problem, urgency(problem))


def urgency(problem: Problem, length: Sequence[int] | None = None) -> list[int]:
    """Per job its latest start: the earliest detection of a server it (or a successor) takes
    out, less the calendar days of the chain from it to that exit step.

    A step with a long chain behind it (an install before days of mailbox moves) goes
    before a short one for a server detected at the same time. ``length``: per job the
    calendar days it counts for (by default its working days over a five-day week).
    """
    latest = [LIMIT] * len(problem.jobs)
    if length is None:
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


def weekly_lengths(problem: Problem) -> list[int]:
    """Per job its working days spread over its own calendar's usable days a week: a step
    of a window that comes once a week counts a week a day, so a DAG's members, updated one
    window after the other, count as the weeks they take (for ordering only)."""
    per_week: dict[CalendarKey, float] = {}
    for job in problem.jobs:
        if job.calendar_key not in per_week:
            cal = problem.cal(job)
            per_week[job.calendar_key] = max(1, sum(cal.ok(d) for d in range(364))) / 52
    return [round(j.fastest_days * 7 / per_week[j.calendar_key]) for j in problem.jobs]


def blended(problem: Problem, alpha: float, weekly: Sequence[int],
            first: Sequence[int]) -> list[int]:
    """The chains-first order ``first`` moved by ``alpha`` x each job's urgency in weeks
    (``weekly``: :func:`urgency` over :func:`weekly_lengths`), both counted as a share of
    their range so one weight fits 20 jobs and 2,000.

    The chains-first order keeps a server's steps together; the weekly urgency puts first
    the DAGs whose members still need the most windows, which a serial plan otherwise
    reaches last (200 servers, 5 consultants: the last four-member DAG began its updates
    when the others were done, and the exit waited two more windows). Neither alone finds
    the plan that does both (measured: the exit on the floor's day 145 against 159; on
    2,000 servers / 50 consultants day 131, the floor, against 138).
    """
    share = [0.0] * len(problem.jobs)
    for n, i in enumerate(first):
        share[i] = n / max(1, len(first))
    finite = [u for u in weekly if u < LIMIT] or [0]
    low, span = min(finite), max(1, max(finite) - min(finite))
    return order_by(problem, [share[i] + alpha * (min(weekly[i], low + span) - low) / span
                              for i in range(len(problem.jobs))])


def _calendar_days(working_days: int) -> int:
    """Roughly how many calendar days a number of working days spans (for ordering only)."""
    return working_days * 7 // 5


def order_by(problem: Problem, keys: Sequence[float]) -> list[int]:
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


def longest_first(problem: Problem) -> list[int]:
    """A dependency order with the exit chains first and then the jobs with the most weeks
    of work after them (:func:`weekly_lengths` along the longest path to the end).

    After the exits the plan's finish is what is left to win, and a DAG whose removal and
    members' decommissions take a window Saturday each, one after the other, must start
    first: 20 servers with two consultants, the plan's finish on day 111 against 119, and
    24 / 5 on 90 against 97 (the solver starts from there).
    """
    weeks = weekly_lengths(problem)
    graph = job_graph(problem)
    after = [0] * len(problem.jobs)
    for i in reversed(order_by(problem, [0] * len(problem.jobs))):
        after[i] = weeks[i] + max((after[k] for k in graph.successors(i)), default=0)
    keys = [float(-after[i]) for i in range(len(problem.jobs))]
    span = max(after, default=0) + 1
    for judged in problem.judged:
        if judged.exit_jobs:
            for i in ancestors(problem, easiest_exit(problem, judged)):
                keys[i] = -after[i] - span  # the exit chains before everything else
    return order_by(problem, keys)


def chains_first(problem: Problem) -> list[int]:
    """A dependency order with the judged servers' exit chains first, each in the rules'
    order (a server's steps together, so window steps interleave with weekday work)."""
    keys = [1] * len(problem.jobs)
    for judged in problem.judged:
        if judged.exit_jobs:
            for i in ancestors(problem, easiest_exit(problem, judged)):
                keys[i] = 0
    return order_by(problem, keys)
