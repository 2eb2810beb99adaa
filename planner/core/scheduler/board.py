"""Who is busy when: each consultant's days (their weekdays and window days apart where the
window is never a workweek day, see :data:`.problem.WEEKDAY`) and each DAG or server, as
sorted bookings the quick plan asks for room before it places a step."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from planner.core.scheduler.days import DayCalendar
from planner.core.scheduler.problem import UNITS, CalendarKey, Job, Problem, side_lists

__all__ = ["ABSENT", "Board", "Lane", "new_board"]

ABSENT = -1  # owner of a busy interval that is a consultant's absence


class Lane:
    """Busy intervals of one consultant or resource, sorted, with the job that holds each."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.owners: list[int] = []
        self.overlapping = False  # only after an impossible pin; then search linearly
        self._jumps: dict[int, dict[int, int]] = {}  # calendar -> start -> later start

    def add(self, start: int, end: int, owner: int) -> None:
        """Book [start, end) for owner (a job index, or ABSENT)."""
        i = bisect.bisect_right(self.starts, start)
        if (i > 0 and self.ends[i - 1] > start) or (i < len(self.starts)
                                                    and self.starts[i] < end):
            self.overlapping = True
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.owners.insert(i, owner)

    def copy(self) -> Lane:
        """An independent copy (a plan resumed from a checkpoint books on its own)."""
        twin = Lane()
        twin.starts, twin.ends, twin.owners = list(self.starts), list(self.ends), \
            list(self.owners)
        twin.overlapping = self.overlapping
        twin._jumps = {cal: dict(jumps) for cal, jumps in self._jumps.items()}
        return twin

    def clash(self, s: int, e: int, cal: DayCalendar) -> tuple[int, int] | None:
        """(end, owner) of what overlaps [s, e) (a milestone occupies its day), or None.

        Intervals that follow with no usable day of ``cal`` in between count as one run, so
        a packed consultant is skipped in one step rather than one step per booking; the
        end is the run's, the owner the booking that overlaps (the run's last one named a
        move's completion on Monday as what kept a Saturday's window step away).
        """
        e = max(e, s + 1)
        if self.overlapping:
            hits = [(b, o) for a, b, o in zip(self.starts, self.ends, self.owners, strict=True)
                    if a < e and s < b]
            return max(hits) if hits else None
        i = bisect.bisect_right(self.ends, s)  # disjoint and sorted: ends are sorted too
        if i >= len(self.starts) or self.starts[i] >= e:
            return None
        return self.ends[self._run_end(i, cal)], self.owners[i]

    def _run_end(self, i: int, cal: DayCalendar) -> int:
        """The last booking of booking i's run under ``cal``.

        Jumps are kept by start day (indices move on every insert): a booking only ever
        joins runs, never leaves one, so a jump stays inside the run and the walk goes on
        from where it lands (with path compression: near-linear over a whole plan; the
        list rebuilt after each booking was quadratic, 50 s for 2,000 servers).
        """
        jumps = self._jumps.setdefault(id(cal), {})
        path: list[int] = []
        n = len(self.starts)
        while True:
            target = jumps.get(self.starts[i])
            if target is not None and target != self.starts[i]:
                path.append(self.starts[i])
                i = bisect.bisect_left(self.starts, target)
                continue
            if i + 1 < n and cal.next_ok(self.ends[i]) >= self.starts[i + 1]:
                path.append(self.starts[i])
                i += 1
                continue
            break
        for start in path:
            jumps[start] = self.starts[i]
        return i


class _Person:
    """One consultant's days as UNITS parallel lanes (half days): a whole day's work books
    every lane, a half day's work the first lane free then."""

    def __init__(self) -> None:
        self.lanes = [Lane() for _ in range(UNITS)]
        # while nothing booked part of a day every lane holds the same bookings, so asking
        # the first one is enough (the common case, and half the work)
        self.split = False

    def copy(self) -> _Person:
        """An independent copy."""
        twin = _Person()
        twin.lanes = [lane.copy() for lane in self.lanes]
        twin.split = self.split
        return twin

    def add(self, start: int, end: int, units: int, owner: int, cal: DayCalendar) -> None:
        """Book ``units`` of [start, end) for owner (a job index, or ABSENT)."""
        if units >= UNITS:
            for lane in self.lanes:
                lane.add(start, end, owner)
            return
        self.split = True
        free = [lane for lane in self.lanes if lane.clash(start, end, cal) is None]
        for lane in (free if len(free) >= units else self.lanes)[:units]:
            lane.add(start, end, owner)

    def clash(self, s: int, e: int, units: int, cal: DayCalendar) -> tuple[int, int] | None:
        """(end, owner) of what leaves fewer than ``units`` lanes free in [s, e), or None;
        the end is one no start before which can fit."""
        if not self.split:
            return self.lanes[0].clash(s, e, cal)
        hits, free = [], 0
        for lane in self.lanes:  # stop at the first lanes that leave enough free
            c = lane.clash(s, e, cal)
            if c is None:
                free += 1
                if free >= units:
                    return None
            else:
                hits.append(c)
        hits.sort()
        return hits[len(hits) - (len(self.lanes) - units) - 1]


@dataclass
class Board:
    """Who is busy when: per consultant (absences included) and per exclusive resource.

    A consultant's weekdays and window days are two :class:`_Person` s where the window is
    never a workweek day (:attr:`Problem.apart`), else one (both sides the same object).
    """

    consultants: list[tuple[_Person, _Person]]  # per consultant: weekday side, window side
    resources: dict[str, Lane]
    calendars: dict[CalendarKey, DayCalendar]
    apart: bool = False

    def copy(self) -> Board:
        """An independent copy; a consultant whose two sides are one stays so."""
        twins: dict[int, _Person] = {}

        def twin(person: _Person) -> _Person:
            if id(person) not in twins:
                twins[id(person)] = person.copy()
            return twins[id(person)]

        return Board([(twin(a), twin(b)) for a, b in self.consultants],
                     {name: lane.copy() for name, lane in self.resources.items()},
                     self.calendars, self.apart)

    def sides(self, k: int, side: int) -> tuple[_Person, ...]:
        """Consultant k's days a span held on ``side`` takes (each once)."""
        return tuple(self.consultants[k][n] for n in side_lists(side, self.apart))

    def clash(self, job: Job, k: int, s: int, e: int) -> tuple[int, int, int] | None:
        """(span start, end, owner) of the first of job's held spans at [s, e) that consultant
        k has no room for, or None."""
        cal = self.calendars[job.calendar_key]
        pair = self.consultants[k]
        for a, b, units, side in job.sided_spans(cal, s, e, self.apart):
            for n in side_lists(side, self.apart):
                if (c := pair[n].clash(a, b, units, cal)) is not None:
                    return a, c[0], c[1]
        return None

    def book(self, job: Job, start: int, end: int, consultant: int) -> None:
        """Book job at [start, end) for consultant (-1: none) and its DAGs and servers."""
        if end <= start:
            return
        if job.uses_consultant and consultant >= 0:
            cal = self.calendars[job.calendar_key]
            for a, b, units, side in job.sided_spans(cal, start, end, self.apart):
                for person in self.sides(consultant, side):
                    person.add(a, b, units, job.index, cal)
        for r in job.step.resources:
            self.resources.setdefault(r, Lane()).add(start, end, job.index)


def new_board(problem: Problem) -> Board:
    """Nobody busy yet but for the consultants' absences."""
    people = []
    for spans in problem.absences:
        sides = (_Person(), _Person()) if problem.apart else (_Person(),) * 2
        for person in set(sides):
            for a, b in _merged(spans):
                for lane in person.lanes:
                    lane.add(a, b, ABSENT)
        people.append(sides)
    return Board(people, {}, problem.calendars, problem.apart)


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching absences as one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        elif b > a:
            out.append((a, b))
    return out
