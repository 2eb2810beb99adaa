"""Lower bounds no plan can beat, so a plan can be proven optimal or its gap stated honestly.

The critical path (unlimited consultants) bounds each cutover from below. When consultants
are the bottleneck that bound is weak; the workload bound adds: servers already counting
at the plan start need every day up to their cutover paused, less their slack before
throttling, and the consultants cannot finish the work in front of those cutovers sooner
than their number and their working days allow (a step occupies a consultant for its
working days, one step at a time).
"""

from __future__ import annotations

import math
from datetime import date
from itertools import combinations, product

from ortools.linear_solver import pywraplp

from planner.core.scheduler.problem import UNITS, Problem, ancestors

__all__ = ["prefix_finishes", "workload_blocked_floor", "workload_finish_floor",
           "workload_pause_floor"]


def _required(problem: Problem, exits: tuple[int, ...]) -> set[int]:
    """Jobs that must finish before any of these exit steps can: the common ancestors."""
    common: set[int] | None = None
    for e in exits:
        seen, stack = {e}, [e]
        while stack:
            for dep in problem.jobs[stack.pop()].step.predecessors:
                k = problem.by_id.get(dep.step_id)
                if k is not None and k not in seen:
                    seen.add(k)
                    stack.append(k)
        if len(exits) > 1:
            seen.discard(e)  # another exit may take the server out without this one
        common = seen if common is None else common & seen
    return common or set()


CalendarKey = tuple[str, str, bool]


def _subsets(keys: tuple[CalendarKey, ...]) -> list[tuple[CalendarKey, ...]]:
    """Sets of calendars whose work is bounded together: all of them when there are few,
    else each alone, each kind (window or not) and all together."""
    if len(keys) <= 4:
        return [c for n in range(1, len(keys) + 1) for c in combinations(keys, n)]
    kinds = [tuple(k for k in keys if k[2] == w) for w in (False, True)]
    return [(k,) for k in keys] + [kind for kind in kinds if len(kind) > 1] + [keys]


class _Capacity:
    """Per set of calendars the days on which one of them allows work, found once, in order.

    A step counts only days its own calendar allows, so only those days give capacity;
    each consultant does one step at a time.
    """

    def __init__(self, problem: Problem) -> None:
        self._problem = problem
        self._days: dict[tuple[CalendarKey, ...], list[int]] = {}
        self._next: dict[tuple[CalendarKey, ...], int] = {}

    def finish_after(self, work: _Work) -> int:
        """Earliest exclusive end by which the consultants can have done this work.

        Work of a set of calendars fits only on the days one of them allows (weekday work
        not on a weekend window, Bavarian work not on a Bavarian holiday), so the end is the
        latest over the sets of the work's calendars (Hall's condition): measured, counting
        window days as capacity for weekday work left a gap of 0.2 with one consultant.
        """
        latest = 0
        for subset in _subsets(work.calendars()):
            needed = work.days_needed(subset)
            if needed > 0:
                latest = max(latest, self._nth_day(subset, needed))
        return latest

    def _nth_day(self, subset: tuple[CalendarKey, ...], needed: int) -> int:
        """Exclusive end of the ``needed``-th day one of these calendars allows."""
        days = self._days.setdefault(subset, [])
        day = self._next.get(subset, 0)
        cals = [self._problem.calendars[k] for k in subset]
        while len(days) < needed and day < 40_000:
            if any(cal.ok(day) for cal in cals):
                days.append(day)
            day += 1
        self._next[subset] = day
        return days[needed - 1] + 1 if len(days) >= needed else 40_000


class _Work:
    """Consultant work to be done, by calendar and kind of step, and the fewest days it takes.

    Consultants on fewer days a week take longer for a step (rounded up to whole days), so
    who does what matters: the bound is the linear relaxation of sharing the steps out
    (a step may be split), which no real plan can beat. Work counts in the scheduler's
    demand units (half days), as a move batch's set-up and completion hold a consultant.
    """

    def __init__(self, problem: Problem) -> None:
        self._problem = problem
        # calendar -> (base days, days per consultant) -> units of work at base speed
        self._work: dict[CalendarKey, dict[tuple[int, ...], int]] = {}

    def add(self, i: int) -> None:
        """Count one job's work (a customer step or a milestone is none)."""
        job = self._problem.jobs[i]
        if not job.uses_consultant or job.is_milestone or job.base_days <= 0:
            return
        work = self._work.setdefault(job.calendar_key, {})
        if job.holds is not None:  # unattended: only set-up and completion hold anyone
            setup, completion = job.holds
            # a completion in a maintenance window is worked on the window's days
            last = self._work.setdefault((*job.calendar_key[:2], True), {}) \
                if job.completes_in is not None else work
            key = (1, *(1 for _ in job.days_by_consultant))
            for where, held in ((work, setup), (last, completion)):
                if held > 0:
                    where[key] = where.get(key, 0) + held
            return
        key = (job.base_days, *job.days_by_consultant)
        work[key] = work.get(key, 0) + job.base_days * UNITS

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
        if pool == 1:
            units = sum(w * key[1] / key[0] for key, w in merged.items())
        else:
            units = _share_out(merged, pool)
        return math.ceil(units / UNITS - 1e-6)


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


def _hot(problem: Problem) -> list[tuple[int, set[int], tuple[int, ...]]]:
    """Servers whose clock runs at the start, most urgent first: (days already counted,
    the jobs in front of every exit, the exits)."""
    hot = [(-judged.detected, _required(problem, judged.exit_jobs), judged.exit_jobs)
           for judged in problem.judged if judged.detected <= 0 and judged.exit_jobs]
    hot.sort(key=lambda item: -item[0])
    return hot


def _chain_finish(problem: Problem, jobs: set[int], capacity: _Capacity) -> int:
    """Earliest day the consultants can have done all these jobs."""
    work = _Work(problem)
    for i in jobs:
        work.add(i)
    return capacity.finish_after(work)


_COMBOS = 64  # exit choices enumerated for an urgency prefix; beyond, a weaker bound


def prefix_finishes(problem: Problem) -> list[tuple[int, int]]:
    """Per urgency prefix: (days counted before the start by its least urgent server, the
    earliest day by which the consultants can have done the prefix's work).

    One exit takes a server out, so the prefix's last cutover comes no sooner than the
    cheapest choice of one exit per server with all their chains; with too many choices,
    the work every exit waits for and each server's cheapest exit chain alone.
    """
    out: list[tuple[int, int]] = []
    capacity = _Capacity(problem)
    chains: dict[int, set[int]] = {}
    hot = _hot(problem)
    for n, (counted, _, _) in enumerate(hot):
        if n + 1 < len(hot) and hot[n + 1][0] == counted:
            continue  # the largest prefix per clock
        exits = [x for _, _, x in hot[: n + 1]]
        for e in {e for x in exits for e in x}:
            chains.setdefault(e, ancestors(problem, e))
        if math.prod(len(x) for x in exits) <= _COMBOS:
            finish = min(_chain_finish(problem, set().union(*(chains[e] for e in combo)),
                                       capacity) for combo in product(*exits))
        else:
            common = set().union(*(req for _, req, _ in hot[: n + 1]))
            finish = max([_chain_finish(problem, common, capacity)] + [
                min(_chain_finish(problem, chains[e], capacity) for e in x)
                for x in exits])
        out.append((counted, finish))
    return out


def workload_pause_floor(problem: Problem,
                         prefixes: list[tuple[int, int]] | None = None) -> int:
    """Fewest pause days any plan without throttled or blocked days needs (0 if unknown).

    The last cutover of an urgency prefix cannot come before its work is done; that
    server's pause covers the days beyond its slack before throttling. ``prefixes``:
    :func:`prefix_finishes`, when known.
    """
    if not problem.consultants:
        return 0
    floor = max((finish - max(0, problem.throttle_day - counted)
                 for counted, finish in prefixes or prefix_finishes(problem)), default=0)
    # no cap at the yearly budget: a pause may span two years, and a floor beyond what the
    # budget allows only means the optimum has throttled days, which ranks above it anyway
    return max(0, floor)


def workload_blocked_floor(problem: Problem,
                           prefixes: list[tuple[int, int]] | None = None) -> int:
    """Blocked days some server must take whatever the plan (0 if none is certain).

    The prefix's last cutover comes no sooner than its work allows; at most the pause days
    the yearly budgets leave until then are paused, and the rest of that server's clock
    runs past its slack before blocking. ``prefixes``: :func:`prefix_finishes`, when known.
    """
    if not problem.consultants:
        return 0
    floor = 0
    for counted, finish in prefixes or prefix_finishes(problem):
        unpaused = finish - _pause_room(problem, finish)
        floor = max(floor, unpaused - max(0, problem.block_day - counted))
    return floor


def _pause_room(problem: Problem, end: int) -> int:
    """The most pause days the yearly budgets allow between the plan start and ``end``."""
    room, year = 0, problem.start.year
    while problem.index(date(year, 1, 1)) < end:
        a = max(0, problem.index(date(year, 1, 1)))
        b = min(end, problem.index(date(year + 1, 1, 1)))
        room += min(b - a, max(0, problem.pause_max - problem.pause_used.get(year, 0)))
        year += 1
    return room


def workload_finish_floor(problem: Problem) -> int:
    """Earliest exclusive finish the consultants' total work allows."""
    work = _Work(problem)
    for i in range(len(problem.jobs)):
        work.add(i)
    return _Capacity(problem).finish_after(work)
