"""Lower bounds no plan can beat, so a plan can be proven optimal or its gap stated honestly.

The critical path (unlimited consultants) bounds each cutover from below. When consultants
are the bottleneck that bound is weak; the workload bound adds: servers already counting
at the plan start need every day up to their cutover paused, less their slack before
throttling, and the consultants cannot finish the work in front of those cutovers sooner
than their number and their working days allow (a step occupies a consultant for its
working days, one step at a time).
"""

from __future__ import annotations

import bisect
import math
from datetime import date
from itertools import combinations, product

from ortools.linear_solver import pywraplp

from planner.core.scheduler.problem import UNITS, Problem, ancestors

__all__ = ["energetic_finish", "exit_floors", "prefix_finishes", "workload_blocked_floor",
           "workload_finish_floor", "workload_pause_floor"]


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

    def __init__(self, problem: Problem, fast: bool = False) -> None:
        self._problem = problem
        self._fast = fast  # consultants' speeds bounded in closed form instead of by an LP
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

    def finish_from(self, work: _Work, start: int) -> int:
        """Earliest exclusive end of this work when none of it can begin before ``start``."""
        latest = start
        for subset in _subsets(work.calendars()):
            needed = work.days_needed(subset)
            if needed > 0:
                latest = max(latest, self._nth_day(subset, needed, start))
        return latest

    def _nth_day(self, subset: tuple[CalendarKey, ...], needed: int, start: int = 0) -> int:
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


class _Work:
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


def _chain_finish(problem: Problem, jobs: set[int], capacity: _Capacity,
                  fast: bool = False) -> int:
    """Earliest day the consultants can have done all these jobs."""
    work = _Work(problem, fast)
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


_PHASED = 1_000  # jobs in the exit chains beyond which only each chain's whole work counts


def exit_floors(problem: Problem, relaxed: dict[int, tuple[int, int]]) -> dict[str, int]:
    """Per judged server a day before which no plan's cutover can come (exclusive).

    ``relaxed``: each job's (start, end) with unlimited consultants. Going along the exit
    steps' chains, a job starts no sooner than its predecessors can end, and ends no sooner
    than the work of everything in front of it that cannot start before some day t can be
    done from t on (energetic reasoning with release days). With one consultant this sees
    that the window days of a chain's later part come after its earlier part (measured on
    60 servers: the chain's whole work alone allows a cutover on day 229, this on 264).
    """
    capacity = _Capacity(problem)
    exits = sorted({e for judged in problem.judged for e in judged.exit_jobs})
    chains = {e: ancestors(problem, e) for e in exits}
    union: set[int] = set().union(*chains.values())
    ends = _earliest_ends(problem, union, relaxed, capacity) if len(union) <= _PHASED else {}
    floors: dict[str, int] = {}
    for judged in problem.judged:
        if judged.exit_jobs:
            floors[judged.name] = min(
                max(_chain_finish(problem, chains[e], capacity), ends.get(e, 0),
                    relaxed.get(e, (0, 0))[1]) + problem.jobs[e].is_milestone
                for e in judged.exit_jobs)
    return floors


def energetic_finish(problem: Problem, relaxed: dict[int, tuple[int, int]]) -> int:
    """A finish no plan can beat: the latest job end of :func:`exit_floors`' reasoning over
    the whole estate (0 beyond a few hundred jobs, where the other bounds must do)."""
    if len(problem.jobs) > _FINISHED:
        return 0
    ends = _earliest_ends(problem, set(range(len(problem.jobs))), relaxed,
                          _Capacity(problem))
    return max(ends.values(), default=0)


_FINISHED = 400  # jobs up to which the finish is bounded so (the proofs of small estates)


def _fs_preds(problem: Problem, i: int) -> list[int]:
    """Predecessors that must end before job i starts (finish-to-start, no lead)."""
    out = []
    for dep in problem.jobs[i].step.predecessors:
        k = problem.by_id.get(dep.step_id)
        if k is not None and dep.type.upper() == "FS" and dep.lag_days >= 0:
            out.append(k)
    return out


def _earliest_ends(problem: Problem, jobs: set[int], relaxed: dict[int, tuple[int, int]],
                   capacity: _Capacity) -> dict[int, int]:
    """Per job (closed under predecessors) a day before which it cannot end (exclusive; a
    milestone: its day), see :func:`exit_floors`."""
    before: dict[int, set[int]] = {}  # job -> its finish-to-start ancestors and itself
    release: dict[int, int] = {}  # job -> a day before which it cannot start
    ends: dict[int, int] = {}
    for i in _fs_order(problem, jobs):
        job = problem.jobs[i]
        preds = [k for k in _fs_preds(problem, i) if k in jobs]
        mine = {i}.union(*(before[k] for k in preds))
        before[i] = mine
        release[i] = max([relaxed.get(i, (0, 0))[0], *(ends[k] for k in preds)])
        cal = problem.cal(job)
        own = release[i] if job.is_milestone else \
            job.end_after(cal, cal.next_ok(release[i]), job.fastest_days)
        ends[i] = max(relaxed.get(i, (0, 0))[1], own)
        if len(preds) > 1:  # where chains join: count their work
            ends[i] = max(ends[i], _energetic(problem, mine, release, capacity))
    return ends


_THRESHOLDS = 24  # release days tried per job (any subset gives a valid bound)


def _energetic(problem: Problem, jobs: set[int], release: dict[int, int],
               capacity: _Capacity) -> int:
    """The latest of: from day t, the work of the jobs that cannot start before t."""
    days = sorted({release[k] for k in jobs}, reverse=True)
    if len(days) > _THRESHOLDS:
        step = len(days) / _THRESHOLDS
        days = sorted({days[int(n * step)] for n in range(_THRESHOLDS)}, reverse=True)
    ranked = sorted(jobs, key=lambda k: -release[k])
    work, n, best = _Work(problem, fast=True), 0, 0
    for t in days:
        while n < len(ranked) and release[ranked[n]] >= t:
            work.add(ranked[n])
            n += 1
        best = max(best, capacity.finish_from(work, t))
    return best


def _fs_order(problem: Problem, chain: set[int]) -> list[int]:
    """The chain's jobs with every finish-to-start predecessor before its successors."""
    order: list[int] = []
    seen: set[int] = set()
    for root in sorted(chain):
        stack = [(root, False)]
        while stack:
            i, done = stack.pop()
            if done:
                order.append(i)
                continue
            if i in seen:
                continue
            seen.add(i)
            stack.append((i, True))
            stack += [(k, False) for k in _fs_preds(problem, i) if k in chain and k not in seen]
    return order
