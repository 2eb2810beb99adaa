"""Floors from the exit chains: energetic reasoning with release days and tails.

Going along the exit steps' chains, a job starts no sooner than its predecessors can end,
and ends no sooner than the work of everything in front of it that cannot start before
some day t can be done from t on; where chains join, the steps that follow the last of
that work up to the join come after it (:class:`_Tail`). The finish of a small estate is
bounded the same way over all its steps, and by the DAGs' and servers' one-at-a-time rule
(:func:`_one_at_a_time`).
"""

from __future__ import annotations

from planner.core.scheduler.capacity import Capacity, Work, chain_finish, subsets
from planner.core.scheduler.job_graph import ancestors
from planner.core.scheduler.problem import Problem

__all__ = ["energetic_finish", "exit_floors", "fs_order", "fs_preds"]


_PHASED = 2_000  # jobs in an exit chain beyond which only its whole work counts (2,000
# servers: the send connector's chain 1,590 jobs, 1.2 s; the hybrid wizard's 4,558)


def exit_floors(problem: Problem, relaxed: dict[int, tuple[int, int]],
                release: dict[int, int] | None = None) -> dict[str, int]:
    """Per judged server a day before which no plan's cutover can come (exclusive).

    ``relaxed``: each job's (start, end) with unlimited consultants. Going along the exit
    steps' chains, a job starts no sooner than its predecessors can end, and ends no sooner
    than the work of everything in front of it that cannot start before some day t can be
    done from t on (energetic reasoning with release days); ``release`` receives per job
    a day before which it cannot start. With one consultant this sees
    that the window days of a chain's later part come after its earlier part (measured on
    60 servers: the chain's whole work alone allows a cutover on day 229, this on 264).
    Where chains join, the job after the join starts no sooner than the work of all of
    them allows (8 servers, one consultant: two legacy removals need two window
    Saturdays before AD can be prepared; the floor went from 82 to the exact 89).
    """
    capacity = Capacity(problem)
    exits = sorted({e for judged in problem.judged for e in judged.exit_jobs})
    chains = {e: ancestors(problem, e) for e in exits}
    # an exit whose chain is most of the estate (the hybrid wizard's, after every server)
    # gets its chain's whole work only: its floor is far later than a short chain's anyway
    union: set[int] = set().union(*(c for c in chains.values() if len(c) <= _PHASED))
    ends = _earliest_ends(problem, union, relaxed, capacity, release)
    floors: dict[str, int] = {}
    for judged in problem.judged:
        if judged.exit_jobs:
            floors[judged.name] = min(
                max(chain_finish(problem, chains[e], capacity), ends.get(e, 0),
                    relaxed.get(e, (0, 0))[1]) + problem.jobs[e].is_milestone
                for e in judged.exit_jobs)
    return floors


def energetic_finish(problem: Problem, relaxed: dict[int, tuple[int, int]],
                     release: dict[int, int] | None = None) -> int:
    """A finish no plan can beat: the latest job end of :func:`exit_floors`' reasoning over
    the whole estate (0 beyond a few hundred jobs, where the other bounds must do);
    ``release`` receives per job a day before which it cannot start."""
    if len(problem.jobs) > _FINISHED:
        return 0
    everything = set(range(len(problem.jobs)))
    capacity = Capacity(problem)
    release = {} if release is None else release
    ends = _earliest_ends(problem, everything, relaxed, capacity, release)
    # and the work from each release day on, with the least that follows its last job
    tail = _Tail(problem, everything, everything, release)
    last = _energetic(problem, everything, release, capacity, tail)
    held = _one_at_a_time(problem, release, capacity, tail)
    return max([last, held, *ends.values()], default=0)


_FINISHED = 400  # jobs up to which the finish is bounded so (the proofs of small estates)


def fs_preds(problem: Problem, i: int) -> list[int]:
    """Predecessors that must end before job i starts (finish-to-start, no lead)."""
    out = []
    for dep in problem.jobs[i].step.predecessors:
        k = problem.by_id.get(dep.step_id)
        if k is not None and dep.type.upper() == "FS" and dep.lag_days >= 0:
            out.append(k)
    return out


def _earliest_ends(problem: Problem, jobs: set[int], relaxed: dict[int, tuple[int, int]],
                   capacity: Capacity, release: dict[int, int] | None = None,
                   ) -> dict[int, int]:
    """Per job (closed under predecessors) a day before which it cannot end (exclusive; a
    milestone: its day), see :func:`exit_floors`; ``release`` receives per job a day
    before which it cannot start."""
    before: dict[int, set[int]] = {}  # job -> its finish-to-start ancestors and itself
    release = {} if release is None else release
    ends: dict[int, int] = {}
    for i in fs_order(problem, jobs):
        job = problem.jobs[i]
        preds = [k for k in fs_preds(problem, i) if k in jobs]
        mine = {i}.union(*(before[k] for k in preds))
        before[i] = mine
        release[i] = max([relaxed.get(i, (0, 0))[0], *(ends[k] for k in preds)])
        joins = len(preds) > 1 and _adds_work(problem, mine, [before[k] for k in preds])
        if joins:  # where chains join, all their work ends before this job starts, and
            # after the last of it what follows it up to this job (a tail)
            tail = _Tail(problem, mine - {i}, set(preds), release)
            release[i] = max(release[i], _energetic(problem, mine - {i}, release, capacity,
                                                    tail))
        cal = problem.cal(job)
        if job.is_milestone:  # on a day of its calendar (a pin is snapped to one)
            own = release[i] if job.pin is not None else cal.next_ok(release[i])
        else:
            own = job.end_after(cal, cal.next_ok(release[i]), job.fastest_days)
        ends[i] = max(relaxed.get(i, (0, 0))[1], own)
        if joins:  # where chains join: count their work
            ends[i] = max(ends[i], _energetic(problem, mine, release, capacity))
    return ends


_FEW = 0.05  # see _adds_work
_WINDOWS_JOINED = 1_000  # jobs in front of a join up to which its window steps count alone
# (2,000 servers, 50 consultants: the floors 2.3 -> 3.2 s without this limit, the same floors)


def _adds_work(problem: Problem, mine: set[int], parts: list[set[int]]) -> bool:
    """True when a join brings together chains that each hold a real part of the work, or
    more window steps than the consultants do on one window day.

    Counting the work again where one chain already holds nearly all of it (a DAG member's
    update after the organisation's preparation and its DAG's pre-check) gives little
    beyond that chain's own end, and on 2,000 servers it was 4,752 counts of about 1,300
    jobs each (36 s); skipping one only weakens the floor there, it stays valid. A few
    window steps are weeks, though: 150 servers, one consultant, eight cumulative updates
    on eight Saturdays after 150 steps of removals, which the floor counted as one.
    """
    largest = max(parts, key=len)
    if len(mine) - len(largest) > max(1.0, _FEW * len(mine)):
        return True
    if len(mine) > _WINDOWS_JOINED:
        return False
    windows = sum(problem.jobs[k].calendar_key[2] for k in mine - largest)
    return windows > len(problem.consultants)


_THRESHOLDS = 24  # release days tried per job (any subset gives a valid bound)


def _energetic(problem: Problem, jobs: set[int], release: dict[int, int],
               capacity: Capacity, tail: _Tail | None = None) -> int:
    """The latest of: from day t, the work of the jobs that cannot start before t; with a
    ``tail``, the work of each set of calendars and the least tail after its last job."""
    days = sorted({release[k] for k in jobs}, reverse=True)
    if len(days) > _THRESHOLDS:
        step = len(days) / _THRESHOLDS
        days = sorted({days[int(n * step)] for n in range(_THRESHOLDS)}, reverse=True)
    ranked = sorted(jobs, key=lambda k: -release[k])
    work, n, best = Work(problem, fast=True), 0, 0
    for t in days:
        while n < len(ranked) and release[ranked[n]] >= t:
            work.add(ranked[n])
            n += 1
        if tail is None:
            best = max(best, capacity.finish_from(work, t))
            continue
        for subset, finish in capacity.finishes_from(work, t):
            mine = set(subset)
            best = max(best, tail.least([k for k in ranked[:n]
                                         if mine.intersection(work.keys_of(k))], finish))
    return best


def _one_at_a_time(problem: Problem, release: dict[int, int], capacity: Capacity,
                   tail: _Tail) -> int:
    """A finish no plan beats from the DAGs' and servers' one-at-a-time rule: from day t,
    the steps on one DAG that cannot start before t take their working days one after
    the other, and what follows the last of them comes after that.

    A DAG of four members, each updated and then upgraded in a Saturday window, needs eight
    Saturdays whoever works on it: the consultants' work alone (five consultants, 12
    servers) allowed a finish on day 48 where every plan takes 76."""
    held: dict[str, list[int]] = {}
    for job in problem.jobs:
        if not job.is_milestone:
            for resource in job.step.resources:
                held.setdefault(resource, []).append(job.index)
    best = 0
    for jobs in held.values():
        if len(jobs) < 2:
            continue
        jobs.sort(key=lambda k: -release[k])
        for t in sorted({release[k] for k in jobs}, reverse=True)[:_THRESHOLDS]:
            later = [k for k in jobs if release[k] >= t]
            for subset in subsets(tuple(sorted({problem.jobs[k].calendar_key
                                                  for k in later}))):
                mine = [k for k in later if problem.jobs[k].calendar_key in subset]
                needed = sum(problem.jobs[k].fastest_days for k in mine)
                if needed > 0:
                    finish = capacity.nth_day(subset, needed, t)
                    best = max(best, tail.least(mine, finish))
    return best


_FOLLOWED = 24  # tails followed day by day per set of work; the rest count working days
_REACH = 200  # jobs in a tail beyond which it counts working days only


class _Tail:
    """What follows the last job of some work up to a join: the join starts no sooner
    than the least, over the jobs that may end that work on day F, of the earliest start
    their successors up to the join allow from F on.

    Energetic reasoning alone says when the work can be done; the steps after the last of
    it are not work the consultants could have done sooner. 30 servers, one consultant, an
    Exchange 2013 removal per server: six weekdays of work, then its window step. The weekday
    work of the last server ends on a Thursday at the soonest, its removal takes the
    Saturday after: the legacy servers are gone a week later than their work alone says,
    and the exit with them (the floor went from day 173 to the plan's 180, proven).
    """

    def __init__(self, problem: Problem, mine: set[int], ends_before: set[int],
                 release: dict[int, int]) -> None:
        self._problem = problem
        self._release = release
        self._ends_before = ends_before  # the join's finish-to-start predecessors
        self._preds = {k: [p for p in fs_preds(problem, k) if p in mine] for k in mine}
        self._after: dict[int, list[int]] = {k: [] for k in mine}
        for k, preds in self._preds.items():
            for p in preds:
                self._after[p].append(k)
        order = fs_order(problem, mine)
        self._rank = {k: n for n, k in enumerate(order)}
        # working days after each job up to the join at the least (to skip the long ones)
        self._days: dict[int, int] = {}
        for k in reversed(order):
            own = [0] if k in ends_before else []
            self._days[k] = max(own + [problem.jobs[s].fastest_days + self._days[s]
                                       for s in self._after[k]])
        self._known: dict[tuple[int, int], int] = {}

    def least(self, jobs: list[int], finish: int) -> int:
        """The join's earliest start when the last of ``jobs`` ends on ``finish``
        (exclusive): the least over them of what follows it. The few with the shortest
        tails are followed day by day, the others count a day per working day (less than
        their calendar days, so the least stays a floor; 2,000 servers: 13,000 tails of
        up to 1,600 jobs each took 47 s)."""
        candidates = sorted((self._days.get(k, 0), k) for k in jobs)
        best: int | None = None
        for n, (days, k) in enumerate(candidates):
            if best is not None and finish + days >= best:
                break  # a calendar day per working day at the least: none is sooner
            if n >= _FOLLOWED:
                best = finish + days if best is None else min(best, finish + days)
                break
            end = self._known.get((k, finish))
            if end is None:
                end = self._known[k, finish] = self._from(k, finish)
            best = end if best is None else min(best, end)
        return finish if best is None else best

    def _from(self, first: int, finish: int) -> int:
        """The join's earliest start when job ``first`` ends on ``finish``."""
        reach = self._reach(first)
        if len(reach) > _REACH:  # a long tail: a day per working day
            return finish + self._days[first]
        ends = {first: finish}
        for k in sorted(reach - {first}, key=self._rank.__getitem__):
            job = self._problem.jobs[k]
            start = max([self._release[k], *(ends[p] for p in self._preds[k] if p in ends)])
            cal = self._problem.cal(job)
            ends[k] = cal.next_ok(start) if job.is_milestone else \
                job.end_after(cal, cal.next_ok(start), job.fastest_days)
        return max(ends[k] for k in ends if k in self._ends_before)

    def _reach(self, first: int) -> set[int]:
        """Job ``first`` and the jobs after it up to the join."""
        seen, stack = {first}, [first]
        while stack:
            for s in self._after[stack.pop()]:
                if s not in seen:
                    seen.add(s)
                    stack.append(s)
        return seen


def fs_order(problem: Problem, chain: set[int]) -> list[int]:
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
            stack += [(k, False) for k in fs_preds(problem, i) if k in chain and k not in seen]
    return order
