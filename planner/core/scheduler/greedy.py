"""A quick serial plan: bounds the model's horizon, seeds its search and checks pins/deadlines.

Steps are placed one by one in dependency order (servers closest to blocking first), each
as early as its predecessors, its calendar, a free consultant and its exclusive resources
allow. With ``resources=False`` it is the critical-path forward pass used to explain why a
pin or a deadline cannot be met.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from planner.core.scheduler.problem import Job, Problem

__all__ = ["Placement", "earliest_bound", "serial_plan", "topological_order"]

_LIMIT = 40_000  # about 110 years: "never" for a migration plan


@dataclass(frozen=True)
class Placement:
    """Where the serial plan put a job: [start, end) and the consultant index (-1 = none)."""

    start: int
    end: int
    consultant: int


def topological_order(problem: Problem) -> list[int]:
    """Jobs in dependency order, the most enforcement-urgent first; raises on a cycle."""
    urgency = _urgency(problem)
    indegree = [0] * len(problem.jobs)
    successors: list[list[int]] = [[] for _ in problem.jobs]
    for job in problem.jobs:
        for dep in job.step.predecessors:
            if dep.step_id in problem.by_id:
                successors[problem.by_id[dep.step_id]].append(job.index)
                indegree[job.index] += 1
    ready = [(urgency[j.index], j.index) for j in problem.jobs if indegree[j.index] == 0]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        _, i = heapq.heappop(ready)
        order.append(i)
        for k in successors[i]:
            indegree[k] -= 1
            if indegree[k] == 0:
                heapq.heappush(ready, (urgency[k], k))
    if len(order) != len(problem.jobs):
        stuck = sorted(problem.jobs[i].step.id for i in range(len(problem.jobs))
                       if indegree[i] > 0)
        raise ValueError("steps depend on each other in a cycle: " + ", ".join(stuck[:5]))
    return order


def _urgency(problem: Problem) -> list[int]:
    """Per job the earliest detection day of a judged server it (or a successor) takes out."""
    urgency = [_LIMIT] * len(problem.jobs)
    for judged in problem.judged:
        for i in judged.exit_jobs:
            urgency[i] = min(urgency[i], judged.detected)
    changed = True
    while changed:  # push urgency back to predecessors; converges in depth-many rounds
        changed = False
        for job in problem.jobs:
            for dep in job.step.predecessors:
                k = problem.by_id.get(dep.step_id)
                if k is not None and urgency[job.index] < urgency[k]:
                    urgency[k] = urgency[job.index]
                    changed = True
    return urgency


def earliest_bound(job: Job, placed: dict[int, Placement], problem: Problem) -> tuple[int, str]:
    """The earliest start the predecessors and not-before date allow, and who sets it."""
    bound, source = max(0, job.not_before), ("not_before" if job.not_before > 0 else "start")
    for dep in job.step.predecessors:
        k = problem.by_id.get(dep.step_id)
        if k is None or k not in placed:
            continue
        pred = placed[k]
        value = {"SS": pred.start + dep.lag_days, "FF": pred.end + dep.lag_days - 1,
                 "SF": pred.start + dep.lag_days - 1}.get(dep.type.upper(),
                                                          pred.end + dep.lag_days)
        if value > bound:
            bound, source = value, dep.step_id
    return bound, source


def _free(busy: list[tuple[int, int]], s: int, e: int) -> int | None:
    """None when [s, e) is free, else the end of the first interval in the way."""
    for a, b in busy:
        if a < max(e, s + 1) and s < b:
            return b
    return None


def _try(job: Job, s: int, problem: Problem, busy_c: list[list[tuple[int, int]]],
         busy_r: dict[str, list[tuple[int, int]]], resources: bool) -> tuple[int, int, int]:
    """(end, consultant, next candidate) for a start; consultant -2 means it did not fit."""
    cal = problem.cal(job)
    if job.is_milestone or not job.uses_consultant or not resources:
        days = job.days_by_consultant[0] if job.uses_consultant and job.days_by_consultant \
            else job.base_days
        e = cal.end_after(s, days) if not job.is_milestone else s
        frozen = cal.freeze_end(s, e) if e > s else None
        if not resources:
            return (e, -1, s) if frozen is None else (e, -2, frozen)
        blocked = [b for r in job.step.resources if (b := _free(busy_r.get(r, []), s, e))]
        if frozen is not None:
            blocked.append(frozen)
        return (e, -1, s) if not blocked else (e, -2, max(blocked))
    jump = _LIMIT
    for k, days in enumerate(job.days_by_consultant):
        e = cal.end_after(s, days)
        blocked = [b for r in job.step.resources if (b := _free(busy_r.get(r, []), s, e))]
        if (f := cal.freeze_end(s, e)) is not None:
            blocked.append(f)
        if (b := _free(busy_c[k], s, e)) is not None:
            blocked.append(b)
        if not blocked:
            return e, k, s
        jump = min(jump, max(blocked))
    return -1, -2, jump


def serial_plan(problem: Problem, resources: bool = True) -> dict[int, Placement]:
    """Place every job as early as possible in dependency order (pins are kept as given)."""
    busy_c: list[list[tuple[int, int]]] = [list(a) for a in problem.absences]
    busy_r: dict[str, list[tuple[int, int]]] = {}
    placed: dict[int, Placement] = {}
    if resources and any(j.uses_consultant for j in problem.jobs) and not busy_c:
        return placed  # no consultant to do the work; the model explains it
    for i in topological_order(problem):
        job = problem.jobs[i]
        cal = problem.cal(job)
        s = job.pin if job.pin is not None else cal.next_ok(earliest_bound(job, placed, problem)[0])
        while True:
            e, k, nxt = _try(job, s, problem, busy_c, busy_r, resources)
            if k != -2 or job.pin is not None or s >= _LIMIT:
                break
            s = cal.next_ok(max(nxt, s + 1))
        k = max(k, -1) if k != -2 or job.pin is None else 0
        if e < 0:
            e = cal.end_after(s, job.days_by_consultant[k] if k >= 0 else job.base_days)
        placed[i] = Placement(s, e, k if job.uses_consultant else -1)
        if resources and e > s:
            if job.uses_consultant and k >= 0:
                busy_c[k].append((s, e))
            for r in job.step.resources:
                busy_r.setdefault(r, []).append((s, e))
    return placed
