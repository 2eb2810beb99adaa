"""Serial placement: the quick plan, the canonical left shift, and the reason for each date.

:func:`serial_plan` places steps one by one in dependency order (servers closest to
blocking first), each as early as its predecessors, its calendar, a free consultant and its
exclusive resources allow. :func:`left_shift` re-places a finished plan in the order of its
starts with the same consultants: every step moves as early as it can, which never makes
the objective worse, gives one canonical plan for any optimal solution, and tells for each
step the constraint that binds its start (recorded in :class:`Why`). With
``resources=False`` :func:`serial_plan` is the critical-path forward pass used for bounds
and to explain why a pin or a deadline cannot be met.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.core.scheduler.board import Board, new_board
from planner.core.scheduler.days import DayCalendar
from planner.core.scheduler.priority import LIMIT, order_by, topological_order
from planner.core.scheduler.problem import Job, Problem

__all__ = ["Placement", "Why", "as_solved", "earliest_bound", "fit_at", "left_shift",
           "serial_plan"]


@dataclass(frozen=True)
class Why:
    """What fixed a start: ``kind`` is bound|calendar|busy|freeze|pin|before, ``ref`` what
    exactly.

    bound: ``ref`` is the predecessor's step id, "start" or "not_before";
    calendar: ``ref`` is the first unusable day index between the bound and the start;
    busy: ``ref`` is the index of the job (or ABSENT) in the way, ``resource`` what it shares;
    freeze: ``ref`` is the day index the freeze ends (the step would have straddled it);
    before: ``ref`` is the step id of the work a check guards (it goes right before it).
    """

    kind: str
    ref: int | str
    resource: str = ""
    bound: int = 0
    until: int = 0  # busy: the exclusive end of what was in the way


@dataclass(frozen=True)
class Placement:
    """Where a job went: [start, end), the consultant index (-1 = none) and why it starts then."""

    start: int
    end: int
    consultant: int
    why: Why = Why("bound", "start")


def earliest_bound(job: Job, placed: dict[int, Placement], problem: Problem) -> tuple[int, str]:
    """The earliest start the predecessors and not-before date allow, and who sets it.

    Lags count working days of the successor's site, as MS Project counts them; a negative
    lag (a lead) counts calendar days back.
    """
    bound, source = max(0, job.not_before), ("not_before" if job.not_before > 0 else "start")
    lag_cal = problem.lag_calendar(job)
    for dep in job.step.predecessors:
        k = problem.by_id.get(dep.step_id)
        if k is None or k not in placed:
            continue
        pred = placed[k]
        kind = dep.type.upper()
        anchor = pred.start if kind in ("SS", "SF") else pred.end
        shifted = lag_cal.shift(anchor, dep.lag_days)
        # FF/SF constrain the end: the start follows from the shortest possible duration
        value = shifted if kind in ("FS", "SS") else shifted - max(1, job.base_days)
        if value > bound:
            bound, source = value, dep.step_id
    return bound, source


_Dates = dict[tuple[int, int], tuple[int, int | None]]


def _dates(job: Job, s: int, days: int, cal: DayCalendar, memo: _Dates | None,
           ) -> tuple[int, int | None]:
    """(end, end of a freeze it straddles or None) for a start and a length: the same for
    every consultant who takes as long, so a placement works them out once (2,000 servers,
    20 consultants: 20 fits per step)."""
    if memo is not None and (hit := memo.get((s, days))) is not None:
        return hit
    e = s if job.is_milestone else job.end_after(cal, s, days)
    out = (e, cal.freeze_end(s, e) if e > s else None)
    if memo is not None:
        memo[(s, days)] = out
    return out


def _fit(job: Job, s: int, k: int, problem: Problem, board: Board,
         resources: bool, memo: _Dates | None = None) -> tuple[int, Why | None, int]:
    """(end, why not, next candidate) for job on consultant k (-1: none) starting at s."""
    cal = problem.cal(job)
    days = job.days_by_consultant[k] if k >= 0 else job.fastest_days
    e, f = _dates(job, s, days, cal, memo)
    if f is not None:
        return e, Why("freeze", f), f
    if not resources:
        return e, None, s
    if k >= 0 and (c := board.clash(job, k, s, e)) is not None:
        a, until, owner = c
        # an unattended step's completion clashes: move the whole step on by as much
        return e, Why("busy", owner, "consultant", until=until), s + max(1, until - a)
    for r in job.step.resources:
        lane = board.resources.get(r)
        if lane is not None and (hit := lane.clash(s, e, cal)) is not None:
            return e, Why("busy", hit[1], r, until=hit[0]), hit[0]
    return e, None, s


def fit_at(job: Job, s: int, k: int, problem: Problem, board: Board) -> int | None:
    """The exclusive end when job can start on day ``s`` with consultant ``k`` (-1: none)
    and the DAGs and servers it holds, on ``board``; None when something is in the way."""
    e, blocked, _ = _fit(job, s, k, problem, board, True)
    return e if blocked is None else None


def _calendar_why(job: Job, problem: Problem, frm: int, to: int, why: Why) -> Why:
    """The first unusable day between two candidates, when the calendar skipped any."""
    cal = problem.cal(job)
    for day in range(frm, to):
        if not cal.ok(day):
            return Why("calendar", day, bound=why.bound)
    return why


def _earliest(job: Job, s: int, k: int, problem: Problem, board: Board, resources: bool,
              give_up: int, memo: _Dates | None = None) -> tuple[int, int, Why | None]:
    """Earliest (start, end, last obstacle) on consultant k from candidate s, or give up."""
    cal, why = problem.cal(job), None
    while s < give_up:
        e, blocked, nxt = _fit(job, s, k, problem, board, resources, memo)
        if blocked is None:
            return s, e, why
        why = blocked
        s = cal.next_ok(max(nxt, s + 1))
    return LIMIT, LIMIT, why


def _place(job: Job, problem: Problem, board: Board, placed: dict[int, Placement],
           resources: bool, consultant: int | None) -> Placement:
    """The earliest feasible start from the bound, on a fixed or the soonest free consultant."""
    cal = problem.cal(job)
    bound, source = earliest_bound(job, placed, problem)
    bound = max(0, bound)
    ks = ([consultant] if consultant is not None else
          list(range(len(problem.consultants))) if job.uses_consultant and resources else [-1])
    if job.pin is not None:  # a pinned step stays put; a free consultant if there is one
        free = [k for k in ks if _fit(job, job.pin, k, problem, board, resources)[1] is None]
        k = (free or ks or [-1])[0]
        return Placement(job.pin, _fit(job, job.pin, k, problem, board, False)[0],
                         k if job.uses_consultant else -1, Why("pin", job.pin, bound=bound))
    first = cal.next_ok(bound)
    # the consultant free soonest; of those, the one who finishes first (one on a shorter
    # week takes longer), then the first in the settings
    best: tuple[int, int, int, Why | None] = (LIMIT + 1, LIMIT + 1, -1, None)
    memo: _Dates = {}
    soonest = job.end_after(cal, first, job.fastest_days) if not job.is_milestone else first
    for k in ks:
        if best[0] == first and best[2] >= 0 and \
                job.days_by_consultant[k] >= job.days_by_consultant[best[2]]:
            continue  # starts no sooner and takes as long: cannot finish first
        s, e, obstacle = _earliest(job, first, k, problem, board, resources, best[0] + 1,
                                   memo)
        if (s, e) < best[:2]:
            best = (s, e, k, obstacle)
        if (s, e) == (first, soonest):
            break  # nobody starts sooner or finishes first: spare the other consultants
    s, e, k, obstacle = best
    if s > LIMIT:
        return Placement(first, first, ks[0] if job.uses_consultant else -1,
                         Why("bound", source, bound=bound))
    if obstacle is not None:
        why = Why(obstacle.kind, obstacle.ref, obstacle.resource, bound, obstacle.until)
    else:
        why = _calendar_why(job, problem, bound, s, Why("bound", source, bound=bound))
    return Placement(s, e, k if job.uses_consultant else -1, why)


def serial_plan(problem: Problem, resources: bool = True,
                order: Sequence[int] | None = None,
                fixed: dict[int, Placement] | None = None) -> dict[int, Placement]:
    """Place every job as early as possible in dependency order (pins are kept as given).

    ``order`` is the priority (a dependency order); by default the most urgent first.
    ``fixed`` placements (a part of the plan solved on its own) are booked first as they are.
    """
    board = new_board(problem)
    placed: dict[int, Placement] = {}
    if resources and any(j.uses_consultant for j in problem.jobs) and not problem.consultants:
        return placed  # no consultant to do the work; the diagnosis explains it
    book_first(problem, board, placed, resources, fixed)
    place_in_order(problem, board, placed, resources,
                   order if order is not None else topological_order(problem))
    return placed


def book_first(problem: Problem, board: Board, placed: dict[int, Placement], resources: bool,
               fixed: dict[int, Placement] | None) -> None:
    """What :func:`serial_plan` books before its order: ``fixed`` as given, then the pins."""
    for i, p in (fixed or {}).items():
        placed[i] = p
        if resources:
            board.book(problem.jobs[i], p.start, p.end, p.consultant)
    # pins first, so the others avoid them; in time order, so each takes a free consultant
    pinned = sorted((j.pin, j.index) for j in problem.jobs if j.pin is not None)
    for _, i in pinned:
        if i in placed:
            continue
        job = problem.jobs[i]
        placed[i] = _place(job, problem, board, {}, resources, None)
        if resources:
            board.book(job, placed[i].start, placed[i].end, placed[i].consultant)


def place_in_order(problem: Problem, board: Board, placed: dict[int, Placement],
                   resources: bool, order: Sequence[int]) -> None:
    """Each job of ``order`` not placed yet, as early as it can, booked on ``board``."""
    for i in order:
        if i in placed:
            continue
        job = problem.jobs[i]
        placed[i] = _place(job, problem, board, placed, resources, None)
        if resources:
            board.book(job, placed[i].start, placed[i].end, placed[i].consultant)


def left_shift(problem: Problem, starts: Sequence[int], consultants: Sequence[int],
               ) -> dict[int, Placement]:
    """Re-place a feasible plan in order of its starts, same consultants, each as early as it can.

    Ends never move later (a step's end grows with its start), so nothing that was feasible
    breaks and no objective gets worse; pins stay where they are.
    """
    board = new_board(problem)
    placed: dict[int, Placement] = {}
    for i in order_by(problem, starts):
        job = problem.jobs[i]
        k = consultants[i] if job.uses_consultant else -1
        placed[i] = _place(job, problem, board, placed, True, k)
        board.book(job, placed[i].start, placed[i].end, placed[i].consultant)
    return placed


def as_solved(problem: Problem, starts: Sequence[int], ends: Sequence[int],
              consultants: Sequence[int]) -> dict[int, Placement]:
    """A solver's plan as it came, each start explained by its bound (no left shift)."""
    placed: dict[int, Placement] = {}
    for i in order_by(problem, starts):
        job = problem.jobs[i]
        bound, source = earliest_bound(job, placed, problem)
        why = Why("pin", starts[i]) if job.pin is not None else Why("bound", source, bound=bound)
        placed[i] = Placement(starts[i], ends[i], consultants[i] if job.uses_consultant else -1,
                              why)
    return placed
