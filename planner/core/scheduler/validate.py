"""Every hard constraint of a plan, checked on its own: the guard before a plan is returned.

The quick plan, a left-shifted solver answer and a plan under pins all pass through
:func:`violations`; a plan with any violation is never shown. The checks are written
independently of the placement code (one rule per constraint), so the property tests can
use them as the referee.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.scheduler.greedy import Placement
from planner.core.scheduler.problem import UNITS, Job, Problem, side_lists

__all__ = ["Violation", "violations"]


@dataclass(frozen=True)
class Violation:
    """One broken constraint: ``kind`` and the jobs (indices) involved."""

    # missing|calendar|length|freeze|predecessor|pin|not_before|deadline|consultant|resource
    kind: str
    jobs: tuple[int, ...]


def _own(problem: Problem, job: Job, p: Placement) -> list[Violation]:
    """Calendar, length, freeze, pin, not-before and deadline of one job."""
    out: list[Violation] = []
    one = (job.index,)
    if job.pin is not None and p.start != job.pin:
        out.append(Violation("pin", one))
    if p.start < job.not_before:
        out.append(Violation("not_before", one))
    if job.is_milestone:
        if job.deadline is not None and p.start > job.deadline:
            out.append(Violation("deadline", one))
        return out
    cal = problem.cal(job)
    days = (job.days_by_consultant[p.consultant] if job.uses_consultant and p.consultant >= 0
            else job.base_days)
    if p.start < 0 or not cal.ok(p.start):
        out.append(Violation("calendar", one))
    elif p.end != job.end_after(cal, p.start, days):
        out.append(Violation("length", one))
    if cal.freeze_end(p.start, p.end) is not None:
        out.append(Violation("freeze", one))
    if job.deadline is not None and p.end - 1 > job.deadline:
        out.append(Violation("deadline", one))
    if job.uses_consultant and not 0 <= p.consultant < len(problem.consultants):
        out.append(Violation("consultant", one))
    return out


def _links(problem: Problem, job: Job, placed: dict[int, Placement]) -> list[Violation]:
    """Predecessors with their lags (working days of the successor's site; leads in days)."""
    out: list[Violation] = []
    p = placed[job.index]
    lag_cal = problem.lag_calendar(job)
    for dep in job.step.predecessors:
        k = problem.by_id.get(dep.step_id)
        if k is None or k not in placed:
            continue
        kind = dep.type.upper()
        anchor = placed[k].start if kind in ("SS", "SF") else placed[k].end
        bound = lag_cal.shift(anchor, dep.lag_days)
        mine = p.end if kind in ("FF", "SF") else p.start
        if mine < bound:
            out.append(Violation("predecessor", (k, job.index)))
    return out


def _overlaps(spans: list[tuple[int, int, int]], kind: str) -> list[Violation]:
    """Pairs of [start, end) spans (owner -1: an absence) that overlap."""
    out: list[Violation] = []
    spans.sort()
    for n, (_, b, i) in enumerate(spans):
        for c, _, k in spans[n + 1:]:
            if c >= b:
                break
            if i >= 0 or k >= 0:
                out.append(Violation(kind, tuple(x for x in (i, k) if x >= 0)))
    return out


def _over_capacity(spans: list[tuple[int, int, int, int]]) -> list[Violation]:
    """Jobs whose [start, end) spans (owner -1: an absence) hold more than a consultant's
    UNITS on some day: a sweep over the days where spans begin and end."""
    out: list[Violation] = []
    events = sorted([(b, 0, n) for n, (_, b, _, _) in enumerate(spans)] +
                    [(a, 1, n) for n, (a, _, _, _) in enumerate(spans)])  # ends come first
    active: set[int] = set()
    load = 0
    for _, starting, n in events:
        units = spans[n][2]
        if not starting:
            load -= units
            active.discard(n)
            continue
        load += units
        active.add(n)
        jobs = tuple(sorted(spans[k][3] for k in active if spans[k][3] >= 0))
        if load > UNITS and jobs:
            out.append(Violation("consultant", jobs))
    return out


def violations(problem: Problem, placed: dict[int, Placement]) -> list[Violation]:
    """Every hard constraint the plan breaks (empty: the plan is valid)."""
    out = [Violation("missing", (j.index,)) for j in problem.jobs if j.index not in placed]
    if out:
        return out
    # per consultant their weekdays and their window days (one list when they are the same
    # days: see problem.WEEKDAY), each with the absences
    per_consultant: list[tuple[list[tuple[int, int, int, int]], ...]] = []
    for absent in problem.absences:
        away = [(a, b, UNITS, -1) for a, b in absent if b > a]
        per_consultant.append((away, list(away)) if problem.apart else (away,))
    per_resource: dict[str, list[tuple[int, int, int]]] = {}
    for job in problem.jobs:
        p = placed[job.index]
        out += _own(problem, job, p)
        out += _links(problem, job, placed)
        if job.is_milestone or p.end <= p.start:
            continue
        if job.uses_consultant and 0 <= p.consultant < len(per_consultant):
            for a, b, u, side in problem.held(job, p.start, p.end):
                for n in side_lists(side, problem.apart):
                    per_consultant[p.consultant][n].append((a, b, u, job.index))
        for r in job.step.resources:
            per_resource.setdefault(r, []).append((p.start, p.end, job.index))
    crowded: list[Violation] = []
    for person in per_consultant:
        for days in person:
            crowded += [v for v in _over_capacity(days) if v not in crowded]
    out += crowded
    for spans in per_resource.values():
        out += _overlaps(spans, "resource")
    return out
