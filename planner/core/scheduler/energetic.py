"""Floors from the exit chains: energetic reasoning with release days.

Going along the exit steps' chains, a job starts no sooner than its predecessors can end,
and ends no sooner than the work of everything in front of it that cannot start before
some day t can be done from t on.
"""

from __future__ import annotations

from planner.core.scheduler.capacity import Capacity, Work, chain_finish
from planner.core.scheduler.problem import Problem, ancestors

__all__ = ["energetic_finish", "exit_floors"]


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


def energetic_finish(problem: Problem, relaxed: dict[int, tuple[int, int]]) -> int:
    """A finish no plan can beat: the latest job end of :func:`exit_floors`' reasoning over
    the whole estate (0 beyond a few hundred jobs, where the other bounds must do)."""
    if len(problem.jobs) > _FINISHED:
        return 0
    ends = _earliest_ends(problem, set(range(len(problem.jobs))), relaxed,
                          Capacity(problem))
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
                   capacity: Capacity, release: dict[int, int] | None = None,
                   ) -> dict[int, int]:
    """Per job (closed under predecessors) a day before which it cannot end (exclusive; a
    milestone: its day), see :func:`exit_floors`; ``release`` receives per job a day
    before which it cannot start."""
    before: dict[int, set[int]] = {}  # job -> its finish-to-start ancestors and itself
    release = {} if release is None else release
    ends: dict[int, int] = {}
    for i in _fs_order(problem, jobs):
        job = problem.jobs[i]
        preds = [k for k in _fs_preds(problem, i) if k in jobs]
        mine = {i}.union(*(before[k] for k in preds))
        before[i] = mine
        release[i] = max([relaxed.get(i, (0, 0))[0], *(ends[k] for k in preds)])
        joins = len(preds) > 1 and _adds_work(mine, [before[k] for k in preds])
        if joins:  # where chains join, all their work ends before this job starts
            release[i] = max(release[i], _energetic(problem, mine - {i}, release, capacity))
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


def _adds_work(mine: set[int], parts: list[set[int]]) -> bool:
    """True when a join brings together chains that each hold a real part of the work.

    Counting the work again where one chain already holds nearly all of it (a DAG member's
    update after the organisation's preparation and its DAG's pre-check) gives little
    beyond that chain's own end, and on 2,000 servers it was 4,752 counts of about 1,300
    jobs each (36 s); skipping one only weakens the floor there, it stays valid.
    """
    return len(mine) - max(map(len, parts)) > max(1.0, _FEW * len(mine))


_THRESHOLDS = 24  # release days tried per job (any subset gives a valid bound)


def _energetic(problem: Problem, jobs: set[int], release: dict[int, int],
               capacity: Capacity) -> int:
    """The latest of: from day t, the work of the jobs that cannot start before t."""
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
