"""The exit chains' order searched by target: each server's (DAG's, group's) steps stay
together in the rules' order, whole targets move.

A serial plan places steps in an order, and with few consultants the order of whole
servers decides when the judged ones leave Exchange Online's view: a server's Exchange 2013
removal is six weekdays of work and then its window Saturday, so an order in which some
server is ready every Saturday loses no window, and two unattended mailbox moves set up on
the same day hold the consultant half a day each. Random orders break a server's steps
apart and rarely find that; moving whole targets does. Measured (2026-12-07): 60 servers,
one consultant, the exit on day 278 against 285 after 457 plans (CP-SAT on the same chains
needed twice the default time limit); 100 servers / 2 and 120 / 3 (hubs-2019) a week
sooner too.

Hill climbing with first improvement: a target moved right after another or interleaved
with it (the nearest in the order first), the plan scored by its cutovers and then the sum
of its steps' ends (so a plan that packs the work tighter is a step forward even where
the cutovers do not move yet). A number of plans, not seconds, bounds it: the same plan
every run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from itertools import permutations

from planner.core.scheduler.board import Board, new_board
from planner.core.scheduler.greedy import Placement, book_first, place_in_order, serial_plan
from planner.core.scheduler.priority import order_by
from planner.core.scheduler.problem import Problem

__all__ = ["Checkpoints", "block_search", "plans_for"]

_MICROS = 18  # a serial plan's cost per job with one consultant, see plans_for

Score = Callable[[dict[int, Placement]], tuple[int, ...]]


def block_search(sub: Problem, first: Sequence[int], plans: int, score: Score,
                 floor: tuple[int, ...] | None = None, cancel: threading.Event | None = None,
                 fixed: dict[int, Placement] | None = None,
                 ) -> tuple[tuple[int, ...], dict[int, Placement]] | None:
    """The best plan found in at most ``plans`` serial plans of ``sub`` whose orders keep
    each target's jobs in the order ``first`` has them, and its score (``score`` plus the
    sum of the jobs' ends), stopping at a ``score`` of ``floor`` or when ``cancel`` is set
    (the user's Cancel: the best so far); None when no plan had every job placed.
    ``fixed``: placements booked as they are (``first`` lists the other jobs)."""
    block: list[int] = [-1] * len(sub.jobs)  # per job its target, numbered as first met
    rank: list[int] = [0] * len(sub.jobs)  # per job its place among its target's jobs
    seen: dict[str, int] = {}
    count: dict[str, int] = {}
    for i in first:
        target = sub.jobs[i].step.target
        block[i] = seen.setdefault(target, len(seen))
        rank[i] = count.get(target, 0)
        count[target] = rank[i] + 1
    size = len(sub.jobs) + 1

    plans_of = Checkpoints(sub, fixed)

    def plan(pos: list[float], keep: bool = False,
             ) -> tuple[tuple[int, ...], dict[int, Placement]] | None:
        placed = plans_of.plan(order_by(sub, [
            pos[block[i]] * size + rank[i] if block[i] >= 0 else -1.0
            for i in range(len(sub.jobs))]), keep)
        if len(placed) < len(sub.jobs):
            return None
        return (*score(placed), sum(p.end for p in placed.values())), placed

    pos = [float(b) for b in range(len(seen))]
    best = plan(pos, keep=True)
    used = 1
    improved = best is not None
    while improved and best is not None and used < plans and \
            (floor is None or best[0][:len(floor)] > floor):
        improved = False
        # the targets nearest each other in the order first: most gains are local
        for a, b in sorted(permutations(range(len(pos)), 2),
                           key=lambda ab: (abs(pos[ab[0]] - pos[ab[1]]), ab)):
            for moved in (pos[b] + 0.5, pos[b]):  # right after b, or interleaved with it
                trial = list(pos)
                trial[a] = moved
                found = plan(trial)
                used += 1
                if found is not None and found[0] < best[0]:
                    best, pos, improved = found, _dense(trial), True
                    plan(pos, keep=True)  # the next trials resume from its checkpoints
                    break
                if used >= plans or (cancel is not None and cancel.is_set()):
                    used = plans
                    break
            if improved or used >= plans:
                break
    return best


class Checkpoints:
    """Serial plans of one problem whose orders share a first part with the plan kept last:
    each starts from a copy of that plan's state where their orders part, not from the
    first job. The same plans as :func:`.greedy.serial_plan`; in the block search about
    half the work (a target moved next to its neighbour changes the order from there on).
    """

    _MARKS = 24  # states kept along the order: a copy costs about what placing a job does

    def __init__(self, problem: Problem, fixed: dict[int, Placement] | None) -> None:
        self.problem = problem
        self.fixed = fixed
        self.order: list[int] = []
        self.marks: list[tuple[int, Board, dict[int, Placement]]] = []

    def plan(self, order: list[int], keep: bool = False) -> dict[int, Placement]:
        """The serial plan of ``order``; ``keep``: later plans resume from its states."""
        problem = self.problem
        if not problem.consultants:  # serial_plan's own answer (nobody to do the work)
            return serial_plan(problem, fixed=self.fixed, order=order)
        parted = next((n for n, (a, b) in enumerate(zip(self.order, order, strict=False))
                       if a != b), min(len(self.order), len(order)))
        mark = next((m for m in reversed(self.marks) if m[0] <= parted), None)
        placed: dict[int, Placement] = {}
        if mark is None or keep:
            board, at = new_board(problem), 0
            book_first(problem, board, placed, True, self.fixed)
        else:
            at, board, placed = mark[0], mark[1].copy(), dict(mark[2])
        if keep:
            self.order, self.marks = list(order), []
            every = max(1, len(order) // self._MARKS)
            for start in range(0, len(order), every):
                self.marks.append((start, board.copy(), dict(placed)))
                place_in_order(problem, board, placed, True, order[start:start + every])
            return placed
        place_in_order(problem, board, placed, True, order[at:])
        return placed


def plans_for(jobs: int, consultants: int, seconds: float, most: int) -> int:
    """How many serial plans of ``jobs`` jobs fit in ``seconds`` at their measured cost
    (2026-12-07: 18 microseconds a job with one consultant, growing with the jobs and the
    consultants: 60 servers' exit chains / 1: 1.6 ms a plan, 200 / 5: 8.6 ms, 800 / 5:
    36 ms), at most ``most``. A count, not seconds: the same plan every run."""
    team = min(5, consultants)
    micros = _MICROS * jobs * (1 + jobs / 1000) * (1 + (team - 1) / 2)
    return min(most, int(seconds * 1e6 / max(1.0, micros)))


def _dense(pos: list[float]) -> list[float]:
    """Positions renumbered 0, 1, 2 ... in order (targets interleaved keep one number)."""
    ranks = {v: float(n) for n, v in enumerate(sorted(set(pos)))}
    return [ranks[v] for v in pos]
