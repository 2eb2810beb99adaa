"""What drove each step's start date, in words a consultant can check against the calendar.

The final plan is left-shifted (:func:`~planner.core.scheduler.greedy.left_shift`): each
step starts on the first day its predecessors, its calendar, its consultant and its shared
DAG/server allow, and the placement records which of them decided. That constraint is the
driver: a predecessor (or the plan start, or a not-before date), the days in between being
unusable (a holiday, a freeze, waiting for a maintenance window), the consultant being busy
or absent, a shared DAG/server, a freeze the step may not straddle, or a pin.
"""

from __future__ import annotations

from bisect import bisect_right

from planner.core.explanation import Driver
from planner.core.scheduler.board import ABSENT
from planner.core.scheduler.greedy import Placement, Why, earliest_bound
from planner.core.scheduler.problem import Job, Problem

__all__ = ["Releases", "explain", "releases"]

# per consultant, (day their work on a step ends, the step's job index), sorted: who held
# them up to a day is found by bisection, not by a scan of every step (8,600 steps)
Releases = dict[int, list[tuple[int, int]]]


def _skipped_day(problem: Problem, job: Job, day: int, k: int) -> Driver | None:
    """Why ``day`` could not be used, when it is a reason worth naming."""
    when = problem.day(day)
    freeze = None if job.calendar_key[3] else problem.calendar.freeze_on(when)
    if freeze:
        return Driver("freeze", "freeze_named" if freeze.name else "freeze", freeze.end,
                      freeze.name)
    holiday = problem.calendar.holiday_name(when, job.site)
    if holiday:
        return Driver("holiday", "holiday", when, holiday)
    if k >= 0 and any(a <= day < b for a, b in problem.absences[k]):
        return Driver("absence", "absent_on", when, problem.consultants[k].name)
    if job.step.needs_window:
        return Driver("window", "window")
    return None


def _deciding(problem: Problem, job: Job, first: int, start: int, k: int) -> Driver | None:
    """Of the days skipped from ``first`` (the first the calendar refused) up to ``start``,
    the nearest to the start that a freeze, holiday or absence took although its weekday
    would have served the step (a window day for a window step, else a workweek day): that
    decided the date. None when only weekends or waiting for the window did. (The first
    refused day had been named: a window update held by the Christmas freeze until 9 January
    read "Public holiday: Immaculate Conception (8 Dec)", a month earlier.)"""
    cal = problem.calendar
    usable = cal.maintenance_weekdays if job.calendar_key[2] else cal.workweek
    for d in range(start - 1, first - 1, -1):
        if problem.day(d).weekday() not in usable:
            continue
        reason = _skipped_day(problem, job, d, k)
        if reason is not None and reason.kind != "window":
            return reason
    return None


def _bound_driver(problem: Problem, source: str, bound: int) -> Driver:
    if source == "start":
        return Driver("start", "start")
    if source == "not_before":
        return Driver("pin", "not_before", problem.day(bound))
    return Driver("predecessor", "predecessor", step=source)


def releases(problem: Problem, placed: dict[int, Placement]) -> Releases:
    """For each consultant, the ends of the parts of each step they work (all of a step, or
    an unattended step's set-up and completion), sorted."""
    out: Releases = {}
    for i, p in placed.items():
        if p.consultant < 0:
            continue
        job = problem.jobs[i]
        for _, end, _ in job.consultant_spans(problem.cal(job), p.start, p.end):
            out.setdefault(p.consultant, []).append((end, i))
    for ends in out.values():
        ends.sort()
    return out


def _busy(problem: Problem, placed: dict[int, Placement], job: Job, why: Why,
          index: Releases | None) -> Driver:
    """The step (or absence) that held the consultant or a shared DAG/server."""
    k = placed[job.index].consultant
    if why.ref == ABSENT and k >= 0:
        return Driver("absence", "absent_until", problem.day(why.until - 1),
                      problem.consultants[k].name)
    other = problem.jobs[int(why.ref)].step.id
    if why.resource == "consultant" and k >= 0:
        held = _holder(problem, placed, job, k, int(why.ref),
                       index if index is not None else releases(problem, placed))
        if held is None:  # the consultant was free days before: the calendar held it
            return _gap_reason(problem, placed, job, int(why.ref), k) or Driver(
                "resource", "busy", name=problem.consultants[k].name, step=other)
        # a freeze, holiday or absence after that step ended is the nearer reason
        named = _gap_reason(problem, placed, job, held, k, named_only=True)
        if named is not None:
            return named
        return Driver("resource", "busy", name=problem.consultants[k].name,
                      step=problem.jobs[held].step.id)
    if why.resource.startswith("sources:"):  # the other source of a two-source connector
        return Driver("resource", "other_source", name=why.resource.partition(":")[2],
                      step=other)
    return Driver("resource", "shared", step=other)


def _released(problem: Problem, placed: dict[int, Placement], job: Job, other: int) -> bool:
    """Whether ``other`` holds the consultant up to ``job``'s start: no day ``job`` could use
    lies between the end of a part of it its consultant works (all of it, or an unattended
    step's set-up or completion) and that start (the search named the last clash it met,
    which may have ended weeks before: a review read "busy with" a step done a month
    earlier)."""
    held, start, cal = placed[other], placed[job.index].start, problem.cal(job)
    them = problem.jobs[other]
    spans = them.consultant_spans(problem.cal(them), held.start, held.end)
    return any(end <= start and cal.next_ok(end) >= start for _, end, _ in spans)


def _holder(problem: Problem, placed: dict[int, Placement], job: Job, k: int, ref: int,
            index: Releases) -> int | None:
    """The step of consultant ``k`` that holds them up to ``job``'s start: the one the
    search named, else the one whose worked part ends last before it, if no usable day
    lies between; None when none does."""
    if ref in placed and placed[ref].consultant == k and _released(problem, placed, job, ref):
        return ref
    start, ends = placed[job.index].start, index.get(k, [])
    at = bisect_right(ends, (start, len(problem.jobs)))  # parts ending on or before start
    for end, i in reversed(ends[:at]):
        if i == job.index:
            continue
        # the latest such end decides: an earlier one leaves at least as many usable days
        return i if problem.cal(job).next_ok(end) >= start else None
    return None


def _gap_reason(problem: Problem, placed: dict[int, Placement], job: Job, ref: int,
                k: int, named_only: bool = False) -> Driver | None:
    """The last reason (freeze, holiday, absence; with ``named_only`` False also waiting
    for a window) between the named step's end and ``job``'s start."""
    start = placed[job.index].start
    since = placed[ref].end if ref in placed else start
    return next((r for d in range(start - 1, since - 1, -1)
                 if (r := _skipped_day(problem, job, d, k))
                 and not (named_only and r.kind == "window")), None)


def explain(problem: Problem, placed: dict[int, Placement], job: Job,
            index: Releases | None = None) -> Driver:
    """The driver of one job's start date.

    The plan is left-shifted, so every start is as early as the constraint recorded in the
    placement allows; that constraint is the driver, never a guess.
    """
    p = placed[job.index]
    why = p.why
    if why.kind == "pin":
        return Driver("pin", "pinned", problem.day(p.start))
    if why.kind == "before":  # a check as late as it can be before the work it guards
        return Driver("deadline", "just_before", step=str(why.ref))
    if why.kind == "busy":
        return _busy(problem, placed, job, why, index)
    if why.kind == "freeze":
        day = int(why.ref) - 1
        return _skipped_day(problem, job, day, -1) or _bound_driver(problem, "start", 0)
    if why.kind == "calendar":
        day = int(why.ref)
        reason = _deciding(problem, job, day, p.start, p.consultant)
        if reason is None and job.step.needs_window:
            return Driver("window", "window")
        reason = reason or _skipped_day(problem, job, day, p.consultant)
        if reason is None:  # a weekend: the first named reason in the gap, else the bound
            reason = next((r for d in range(day, p.start)
                           if (r := _skipped_day(problem, job, d, -1))), None)
        if reason is not None:
            return reason
        bound, source = earliest_bound(job, placed, problem)
        return _bound_driver(problem, source, max(0, bound))
    return _bound_driver(problem, str(why.ref), why.bound)
