"""A finish no plan beats, from the latest days each step may end by: time-window reasoning.

The forward floors (:mod:`.energetic`) ask how soon the work can be done; they do not see
that a finish on day T also fixes by when every step must end. For a trial finish T this
module works backwards: each step must end before its successors' latest starts, before the
window days its DAG's later steps still need one after the other, and before the days the
consultants need for all the work after it. Then every set of steps that can neither start
before some day a nor end after some day b must fit the consultants' days between a and b.
When some step's latest start falls before its release day, or some such window holds
more work than fits, no plan ends by T. The test only gets harder as T gets smaller, so
the least T that passes, found by bisection, is a floor of the finish.

24 servers, five consultants: the three side-by-side DAGs' new servers are installed
after the last cumulative update (a Saturday before Christmas) and must all be ready
before their namespaces' Saturday, or the four-member DAG cannot be removed in time for
its four decommissions, one a Saturday, to end by the floor's day. Every relaxation here
(the fastest consultant, links other than finish-to-start, absences and freezes left out)
only lets more plans pass, so what fails is impossible.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.core.scheduler.capacity import CalendarKey, Capacity, Work, subsets
from planner.core.scheduler.energetic import energetic_finish, fs_order, fs_preds
from planner.core.scheduler.greedy import serial_plan
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.windows import do_not_fit

__all__ = ["FinishTest", "deadline_floor"]

_MOST_JOBS = 400  # as energetic_finish: the proofs of small estates
_STARTS = 24  # release days tried as a window's first day per trial finish
_SLACK = 7  # days to spare up to which a window is solved exactly (a week: a Saturday)
_EXACT = 4  # windows solved exactly per trial finish, the tightest
_SOLVES = 30  # windows solved exactly per floor at the most
_WINDOW_JOBS = 60  # steps in a window solved exactly at the most


class _Tails:
    """Per job what must follow it, independent of the trial finish: per set of calendars
    the consultants' days all its finish-to-start successors need, and per exclusive
    resource (a DAG, a server) the days its successors on it take one after the other."""

    def __init__(self, problem: Problem, order: Sequence[int]) -> None:
        n = len(problem.jobs)
        after = [0] * n  # bit set of finish-to-start descendants
        succ: list[list[int]] = [[] for _ in range(n)]
        for i in order:
            for p in fs_preds(problem, i):
                succ[p].append(i)
        for i in reversed(order):
            bits = 0
            for s in succ[i]:
                bits |= after[s] | (1 << s)
            after[i] = bits
        self.later: list[tuple[int, ...]] = []  # per job: its descendants
        # per job: (calendars, usable days) the consultants need for all its descendants'
        # work, and per DAG/server (calendars, usable days, the descendants holding it)
        self.work: list[list[tuple[tuple[CalendarKey, ...], int]]] = []
        self.held: list[list[tuple[tuple[CalendarKey, ...], int, tuple[int, ...]]]] = []
        for i in range(n):
            later = [k for k in range(n) if after[i] >> k & 1]
            work = Work(problem, fast=True)
            on: dict[str, list[int]] = {}
            for k in later:
                work.add(k)
                job = problem.jobs[k]
                if not job.is_milestone:
                    for r in job.step.resources:
                        on.setdefault(r, []).append(k)
            self.later.append(tuple(later))
            self.work.append([(c, d) for c in subsets(work.calendars())
                              if (d := work.days_needed(c)) > 0])
            self.held.append([(tuple(sorted({problem.jobs[k].calendar_key for k in ks})),
                               sum(problem.jobs[k].fastest_days for k in ks), tuple(ks))
                              for ks in on.values()])


def _latest_ends(problem: Problem, finish: int, release: dict[int, int],
                 order: Sequence[int], tails: _Tails, capacity: Capacity) -> list[int] | None:
    """Per job the latest day it can end by (exclusive) in a plan ending by ``finish``, or
    None when some job's latest start falls before its release day."""
    n = len(problem.jobs)
    latest_end = [finish] * n
    for i in reversed(order):  # successors first
        job = problem.jobs[i]
        cal = problem.cal(job)
        end = latest_end[i]
        if job.deadline is not None:
            end = min(end, job.deadline + 1)
        if tails.work[i]:  # all the work after it done by the last of its descendants
            last = max(latest_end[k] for k in tails.later[i])
            for cals, needed in tails.work[i]:
                end = min(end, capacity.latest_from(cals, needed, last))
        for cals, needed, jobs in tails.held[i]:  # one after the other on a DAG/server
            end = min(end, capacity.latest_from(cals, needed, max(latest_end[k] for k in jobs)))
        if job.is_milestone:
            start = end if cal.ok(end) else cal.start_before(end, 1)
        else:
            start = cal.start_before(end, job.fastest_days)
            while start >= 0 and job.end_after(cal, start, job.fastest_days) > end:
                start = cal.start_before(start, 1) if start > 0 else -1
        if job.pin is not None:
            if job.pin > start:
                return None
            start = job.pin
        if start < release.get(i, 0) or start < 0:
            return None
        latest_end[i] = end
        for p in fs_preds(problem, i):
            latest_end[p] = min(latest_end[p], start)
    return latest_end


Window = tuple[int, int, int]  # slack in days, first day, exclusive last day


def _windows_fit(problem: Problem, release: dict[int, int], latest_end: list[int],
                 capacity: Capacity) -> list[Window] | None:
    """None when the steps that can neither start before some day a nor end after some
    day b need more of the consultants' days than lie between a and b; else the tightest
    such windows, least slack first."""
    working = [j.index for j in problem.jobs if j.uses_consultant and not j.is_milestone]
    firsts = sorted({release.get(k, 0) for k in working})
    if len(firsts) > _STARTS:
        step = len(firsts) / _STARTS
        firsts = sorted({firsts[int(n * step)] for n in range(_STARTS)})
    tight: list[Window] = []
    for a in firsts:
        inside = sorted((latest_end[k], k) for k in working if release.get(k, 0) >= a)
        work = Work(problem, fast=True)
        for n, (b, k) in enumerate(inside):
            work.add(k)
            if n + 1 < len(inside) and inside[n + 1][0] == b:
                continue  # all the jobs that must end by b first
            done = capacity.finish_from(work, a)
            if done > b:
                return None
            if n + 1 >= 2 and b - done <= _SLACK:
                tight.append((b - done, a, b))
    return sorted(tight)


def _window_infeasible(problem: Problem, release: dict[int, int], latest_end: list[int],
                       a: int, b: int) -> bool:
    """True when the steps that can neither start before day ``a`` nor end after day ``b``
    are proven not to fit between them (:func:`.windows.do_not_fit`)."""
    keep = [j.index for j in problem.jobs
            if release.get(j.index, 0) >= a and latest_end[j.index] <= b]
    if not 2 <= len(keep) <= _WINDOW_JOBS:
        return False
    return do_not_fit(problem, keep, release, dict(enumerate(latest_end)))


class FinishTest:
    """Whether a plan could end by a given finish (:meth:`allows`): False only when none can."""

    def __init__(self, problem: Problem, release: dict[int, int] | None = None) -> None:
        """``release``: per job a day before which no plan starts it, when the floors found
        it already (:func:`.floors.floor_cuts`; the costly part on a few hundred steps)."""
        self._problem = problem
        if not release:
            relaxed = serial_plan(problem, resources=False)
            release = {}
            energetic_finish(problem, {i: (p.start, p.end) for i, p in relaxed.items()},
                             release)
        self._release = release
        self._order = fs_order(problem, set(range(len(problem.jobs))))
        self._tails = _Tails(problem, self._order)
        self._capacity = Capacity(problem)
        self._solves = 0  # windows solved exactly so far (each a fraction of a second)

    @property
    def release(self) -> dict[int, int]:
        """Per job a day before which no plan starts it."""
        return self._release

    def latest_ends(self, finish: int) -> list[int] | None:
        """Per job the day by which every plan ending by ``finish`` has ended it (exclusive;
        a milestone: its latest day), or None when no plan ends by then."""
        return _latest_ends(self._problem, finish, self._release, self._order, self._tails,
                            self._capacity)

    def allows(self, finish: int) -> bool:
        """False when no plan ends by ``finish`` (the exclusive end of its last step)."""
        latest_end = self.latest_ends(finish)
        if latest_end is None:
            return False
        tight = _windows_fit(self._problem, self._release, latest_end, self._capacity)
        if tight is None:
            return False
        for _, a, b in tight[:_EXACT]:  # the tightest windows, solved exactly
            if self._solves >= _SOLVES:
                break
            self._solves += 1
            if _window_infeasible(self._problem, self._release, latest_end, a, b):
                return False
        return True


def deadline_floor(problem: Problem, low: int, high: int,
                   release: dict[int, int] | None = None) -> int:
    """The least finish in ``[low, high]`` that :class:`FinishTest` allows (``low`` when
    it does, or beyond a few hundred steps); ``high`` is a known plan's finish,
    ``release`` as :class:`FinishTest` takes it."""
    if high <= low or len(problem.jobs) > _MOST_JOBS or not problem.consultants:
        return low
    test = FinishTest(problem, release)
    if test.allows(low):
        return low
    # lo is proven to fail (so is every finish before it), hi is allowed; whatever the test
    # says in between, the floor returned is one past a finish proven to fail
    lo, hi = low, high
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if test.allows(mid):
            hi = mid
        else:
            lo = mid
    return hi
