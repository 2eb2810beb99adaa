"""What the consultants can do by when: their work by calendar and the days it needs.

Used by the lower bounds (:mod:`bounds`, :mod:`energetic`): a step counts only days its
own calendar allows, each consultant does one step at a time, and a part-time consultant
takes longer for a step.
"""

from __future__ import annotations

import bisect
import math
from functools import cache
from itertools import combinations

from ortools.linear_solver import pywraplp

from planner.core.scheduler.problem import UNITS, CalendarKey, Job, Problem, hold_pieces

__all__ = ["CalendarKey", "Capacity", "Work", "chain_finish", "subsets"]


def subsets(keys: tuple[CalendarKey, ...]) -> list[tuple[CalendarKey, ...]]:
    """Sets of calendars whose work is bounded together: all of them when there are few,
    else each alone, each kind (window or not) and all together."""
    if len(keys) <= 4:
        return [c for n in range(1, len(keys) + 1) for c in combinations(keys, n)]
    kinds = [tuple(k for k in keys if k[2] == w) for w in (False, True)]
    return [(k,) for k in keys] + [kind for kind in kinds if len(kind) > 1] + [keys]


class Capacity:
    """Per set of calendars the days on which one of them allows work, found once, in order.

    A step counts only days its own calendar allows, so only those days give capacity;
    each consultant does one step at a time.
    """

    def __init__(self, problem: Problem, fast: bool = False) -> None:
        self._problem = problem
        self._fast = fast  # consultants' speeds bounded in closed form instead of by an LP
        self._days: dict[tuple[CalendarKey, ...], list[int]] = {}
        self._next: dict[tuple[CalendarKey, ...], int] = {}

    def finish_after(self, work: Work) -> int:
        """Earliest exclusive end by which the consultants can have done this work.

        Work of a set of calendars fits only on the days one of them allows (weekday work
        not on a weekend window, Bavarian work not on a Bavarian holiday), so the end is the
        latest over the sets of the work's calendars (Hall's condition): measured, counting
        window days as capacity for weekday work left a gap of 0.2 with one consultant.
        """
        latest = 0
        for subset in subsets(work.calendars()):
            needed = work.days_needed(subset)
            if needed > 0:
                latest = max(latest, self.nth_day(subset, needed))
        return latest

    def finish_from(self, work: Work, start: int) -> int:
        """Earliest exclusive end of this work when none of it can begin before ``start``."""
        latest = start
        for subset in subsets(work.calendars()):
            needed = work.days_needed(subset)
            if needed > 0:
                latest = max(latest, self.nth_day(subset, needed, start))
        return latest

    def finishes_from(self, work: Work, start: int) -> list[tuple[tuple[CalendarKey, ...], int]]:
        """Per set of the work's calendars the earliest exclusive end of its work there when
        none of it can begin before ``start`` (:meth:`finish_from` is their latest)."""
        out = []
        for subset in subsets(work.calendars()):
            needed = work.days_needed(subset)
            if needed > 0:
                out.append((subset, self.nth_day(subset, needed, start)))
        return out

    def nth_day(self, subset: tuple[CalendarKey, ...], needed: int, start: int = 0) -> int:
        """Exclusive end of the ``needed``-th day from ``start`` one of these calendars allows."""
        days = self._days.setdefault(subset, [])
        day = self._next.get(subset, 0)
        cals = [self._problem.calendars[k] for k in subset]
        skip = bisect.bisect_left(days, start) if days and days[-1] >= start else None
        while (skip is None or len(days) < skip + needed) and day < 40_000:
            if any(cal.ok(day) for cal in cals):
                days.append(day)
                if skip is None and day >= start:
                    skip = len(days) - 1
            day += 1
        self._next[subset] = day
        if skip is None or len(days) < skip + needed:
            return 40_000
        return days[skip + needed - 1] + 1

    def latest_from(self, subset: tuple[CalendarKey, ...], needed: int, end: int) -> int:
        """The latest day from which ``needed`` usable days of these calendars lie before
        the exclusive ``end`` (-1 when there are not that many)."""
        self.nth_day(subset, 1, end)  # knows the days up to ``end`` at least
        days = self._days[subset]
        before = bisect.bisect_left(days, end)
        return days[before - needed] if before >= needed else -1


class Work:
    """Consultant work to be done, by calendar and kind of step, and the fewest days it takes.

    Consultants on fewer days a week take longer for a step (rounded up to whole days), so
    who does what matters: the bound is the linear relaxation of sharing the steps out
    (a step may be split), which no real plan can beat. Work counts in the scheduler's
    demand units (half days), as a move batch's set-up and completion hold a consultant.
    """

    def __init__(self, problem: Problem, fast: bool = False) -> None:
        self._problem = problem
        self._fast = fast  # consultants' speeds bounded in closed form instead of by an LP
        # calendar -> (base days, days per consultant) -> units of work at base speed
        self._work: dict[CalendarKey, dict[tuple[int, ...], int]] = {}
        # half days held by unattended steps' set-ups and completions, per calendar, and the
        # calendars of the steps whose set-up and completion fall on different days
        self._halves: dict[CalendarKey, int] = {}
        self._apart: set[tuple[CalendarKey, CalendarKey]] = set()

    def add(self, i: int) -> None:
        """Count one job's work (a customer step or a milestone is none)."""
        job = self._problem.jobs[i]
        if not job.uses_consultant or job.is_milestone or job.base_days <= 0:
            return
        work = self._work.setdefault(job.calendar_key, {})
        if job.holds is not None:  # unattended: only set-up and completion hold anyone
            setup, completion = job.holds
            done_on = _completed_on(job)
            last = self._work.setdefault(done_on, {})
            key = (1, *(1 for _ in job.days_by_consultant))
            for where, held in ((work, setup), (last, completion)):
                if held > 0:
                    where[key] = where.get(key, 0) + held
            self._count_halves(job, (job.calendar_key, done_on))
            return
        key = (job.base_days, *job.days_by_consultant)
        work[key] = work.get(key, 0) + job.base_days * UNITS

    def _count_halves(self, job: Job, keys: tuple[CalendarKey, CalendarKey]) -> None:
        """Note the half days an unattended step's set-up and completion hold (on the
        calendars ``keys``): a consultant's day with half of it held takes nothing else
        but another step's half day, which :meth:`days_needed` counts."""
        assert job.holds is not None
        setup, completion, pieces = _halves(job.holds)
        for key, n in zip(keys, (setup, completion), strict=True):
            if n:
                self._halves[key] = self._halves.get(key, 0) + n
        if setup and completion and (keys[0] != keys[1] or job.fastest_days >= pieces):
            self._apart.add(keys)  # its two halves fall on two days: they cannot pair

    def _wasted(self, calendars: tuple[CalendarKey, ...]) -> int:
        """Units no other work can use beside the half days held on these calendars: half
        days pair up on a consultant's day only across steps (or one step's set-up and
        completion on the same day), so they fill at least half their number of days and,
        where one step's two fall on two days, at least two (36 servers, one consultant, one
        unattended batch: its two half days looked like one free day, and the floor a week
        short)."""
        held = sum(self._halves.get(c, 0) for c in calendars)
        if not held:
            return 0
        days = max(math.ceil(held / UNITS), 1)
        if any(a in calendars and b in calendars for a, b in self._apart):
            days = max(days, 2)
        return days * UNITS - held

    def keys_of(self, i: int) -> tuple[CalendarKey, ...]:
        """The calendars whose work :meth:`add` counts for job i (none: it holds nobody)."""
        job = self._problem.jobs[i]
        if not job.uses_consultant or job.is_milestone or job.base_days <= 0:
            return ()
        if job.holds is not None and job.holds[1] > 0:
            return tuple(dict.fromkeys((job.calendar_key, _completed_on(job))))
        return (job.calendar_key,)

    def calendars(self) -> tuple[CalendarKey, ...]:
        """The calendars of the work counted so far."""
        return tuple(sorted(self._work))

    def days_needed(self, calendars: tuple[CalendarKey, ...]) -> int:
        """Usable days the consultants need at the least for the work of these calendars."""
        pool = len(self._problem.consultants)
        merged: dict[tuple[int, ...], int] = {}
        for cal in calendars:
            for key, w in self._work.get(cal, {}).items():
                merged[key] = merged.get(key, 0) + w
        if not pool or not merged:
            return 0
        wasted = self._wasted(calendars)
        if wasted:  # held like unattended work: by anyone, at the same speed
            key = (1, *(1 for _ in range(pool)))
            merged[key] = merged.get(key, 0) + wasted
        if pool == 1:
            units = sum(w * key[1] / key[0] for key, w in merged.items())
        elif self._fast:  # each consultant at most at their best speed over this work
            kinds = tuple(sorted(merged))
            if kinds not in _SPEEDS:
                _SPEEDS[kinds] = sum(max(key[0] / key[k + 1] for key in kinds)
                                     for k in range(pool))
            units = sum(merged.values()) / _SPEEDS[kinds]
        else:
            units = _share_out(merged, pool)
        return math.ceil(units / UNITS - 1e-6)


_SPEEDS: dict[tuple[tuple[int, ...], ...], float] = {}  # kinds of work -> the pool's speed


def _completed_on(job: Job) -> CalendarKey:
    """The calendar an unattended step's completion is worked on: a maintenance window's
    days for a batch completed in a window, else its own."""
    if job.completes_in is not None:
        return (*job.calendar_key[:2], True, False)
    return job.calendar_key


@cache
def _halves(holds: tuple[int, int]) -> tuple[int, int, int]:
    """Half days of a set-up and a completion of these units, and the days both hold."""
    setup, completion = (hold_pieces(units) for units in holds)
    return (sum(b - a for a, b, units in setup if units < UNITS),
            sum(b - a for a, b, units in completion if units < UNITS),
            len(setup) + len(completion))


def _share_out(work: dict[tuple[int, ...], int], pool: int) -> float:
    """Least time in which ``pool`` consultants can do the work if steps could be split."""
    lp = pywraplp.Solver.CreateSolver("GLOP")
    span = lp.NumVar(0, lp.infinity(), "span")
    share = {(k, key): lp.NumVar(0, lp.infinity(), f"x{k}.{n}")
             for n, key in enumerate(work) for k in range(pool)}
    for key, w in work.items():
        lp.Add(sum(share[k, key] for k in range(pool)) == w)
    for k in range(pool):  # consultant k spends key[k + 1] days per key[0] days of work
        lp.Add(sum(share[k, key] * (key[k + 1] / key[0]) for key in work) <= span)
    lp.Minimize(span)
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        return sum(work.values()) / pool
    return float(span.solution_value())


def chain_finish(problem: Problem, jobs: set[int], capacity: Capacity,
                  fast: bool = False) -> int:
    """Earliest day the consultants can have done all these jobs."""
    work = Work(problem, fast)
    for i in jobs:
        work.add(i)
    return capacity.finish_after(work)
