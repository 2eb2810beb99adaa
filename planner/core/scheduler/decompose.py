"""A large estate in two parts: the judged servers' exit chains alone, then the rest.

What decides blocked, throttled and pause days is only when the judged servers leave
Exchange Online's view, and that depends on the jobs of their exit chains alone.
:func:`exit_chains` picks each judged server's cheapest exit step with everything it waits
for; :func:`.job_graph.sub_problem` makes those jobs a problem of their own, small enough to search
many priority orders (:func:`searched_chains`) where the whole estate is too big for
CP-SAT; :func:`around` books the best chains' plan as it stands and places every other step
around it, each as early as it can. The caller keeps the better of this plan and the quick
plan. A fixed seed and a number of tries (not seconds) keep the plan the same every run.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain

from planner.core.scheduler.blocks import block_search, plans_for
from planner.core.scheduler.greedy import Placement, Why, serial_plan
from planner.core.scheduler.job_graph import ancestors, easiest_exit, sub_problem
from planner.core.scheduler.priority import (
    blended,
    chains_first,
    order_by,
    urgency,
    weekly_lengths,
)
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.tails import repair_tail

__all__ = ["around", "exit_chains", "searched_chains"]

_SEED = 20261201
_FITS = 20_000  # (chain job, consultant) fits per second of the time limit: a placement
# tries every consultant (measured: 60 servers, one consultant, 97 chain jobs: 200 orders
# in 0.4 s, 328 blocked days where the two priority rules found 356)
_FEWEST = 8  # orders below which a search is not worth its time (2,000 servers / 50: 5)
_SPREAD = 2_000_000  # chain jobs x estate jobs per second of the limit: 60 servers 841
# orders, 200 servers 102, 2,000 servers about 3 (no search)
_MOST = 50  # orders at the most: measured (2026-12-07), 50 and 200 random orders found the
# same chains' plans from 60 to 200 servers once the block search (:mod:`.blocks`) follows
_BLOCK_MOST = 1_500  # plans of the block search at the most (small chains converge sooner)
_BLOCK_SHARE = 0.3  # of the time limit
_LONG_SHARE = 0.6  # of the limit where the first share already allows a long climb:
_LONG_CLIMB = 400  # plans (2026-12-08: unseen 150 servers / one consultant, 775 plans left
# the hubs on day 572, 1,500 reach 558 against a floor of 551, 722 -> 694 blocked days;
# where plans are dear, 800 and 2,000 servers' 13-289, doubling them bought nothing in the
# benchmark and cost 2-5 s on 2,000 servers)
_BLENDS = (0.2, 0.5, 1.0)  # weights of the weekly urgency tried in :func:`priority.blended`
# (measured, 2026-12-06: the floor's day reached from 0.5 to 1.0 on 200 servers / 5
# consultants, 0.5 to 3 on 2,000 / 50; 60 / 1's best blend, day 292, from 0.1 to 0.3, where
# the search that follows finds better; each blend costs 0.3-0.5 s on 2,000 servers)


def exit_chains(problem: Problem) -> set[int]:
    """Each judged server's cheapest exit step and every job in front of it."""
    keep: set[int] = set()
    for judged in problem.judged:
        if judged.exit_jobs:
            keep |= ancestors(problem, easiest_exit(problem, judged))
    return keep


def _cutovers(sub: Problem, placed: dict[int, Placement]) -> list[int]:
    """Per judged server (with an exit in the chains) its cutover: the first exit's end."""
    return [min(placed[i].start + 1 if sub.jobs[i].is_milestone else placed[i].end
                for i in j.exit_jobs) for j in sub.judged if j.exit_jobs]


def _cuts(sub: Problem, placed: dict[int, Placement]) -> tuple[int, int]:
    """(sum, latest) of the judged servers' cutovers: what the pauses then depend on."""
    cuts = _cutovers(sub, placed)
    return sum(cuts), max(cuts, default=0)


def searched_chains(problem: Problem, seconds: float, dominant: bool = False,
                    floor: dict[str, int] | None = None, cancel: threading.Event | None = None,
                    ) -> tuple[list[int], dict[int, Placement]]:
    """The exit chains as a sub-problem, planned in many priority orders: the chains-first
    order and its blends with the urgency in weeks (always: a few structured orders), then,
    as the time limit allows, the urgency order, with random noise, and random orders. The
    plan with the earliest cutovers, and the chain jobs' indices in ``problem``; no plan
    when the limit allowed only the structured orders and none beat the chains-first one
    (the quick plan has that already). ``dominant``: only a plan that cuts no server over
    later than the chains-first order does (so no objective can get worse), and that
    order's plan when none does better. ``floor``: per judged server the cutover no plan
    beats; the block search stops there, or when ``cancel`` is set."""
    sub, olds = sub_problem(problem, exit_chains(problem))
    if not sub.jobs:  # no judged server (not hybrid): no chain to plan first
        return olds, {}
    fits = len(sub.jobs) * max(1, len(problem.consultants))
    # a consultant's bookings grow with the estate, and so does each fit (measured: 2,000
    # servers, 5 consultants, 57 orders took over two CPU minutes), hence the second limit
    tries = min(_MOST, int(seconds * _FITS / fits),
                int(seconds * _SPREAD / (len(sub.jobs) * len(problem.jobs))))
    first = chains_first(sub)
    weekly = urgency(sub, weekly_lengths(sub))
    # without a search, the blends that reached the floors on 200 and 2,000 servers only
    blends = _BLENDS if tries >= _FEWEST else _BLENDS[1:]
    orders = chain([first], (blended(sub, a, weekly, first) for a in blends),
                   _searched_orders(sub, tries) if tries >= _FEWEST else ())
    cuts = [floor[j.name] for j in sub.judged if j.exit_jobs and j.name in floor] \
        if floor else []
    least = (sum(cuts), max(cuts, default=0)) if cuts else None  # no plan does better
    best: tuple[tuple[int, int], dict[int, Placement]] | None = None
    plain: list[int] | None = None  # the chains-first order's cutovers
    for order in orders:
        if best is not None and least is not None and best[0] <= least:
            break
        placed = serial_plan(sub, order=order)
        if len(placed) < len(sub.jobs):
            break  # no consultant: the quick plan says why
        cuts = _cutovers(sub, placed)
        plain = cuts if plain is None else plain
        if dominant and any(a > b for a, b in zip(cuts, plain, strict=True)):
            continue
        key = (sum(cuts), max(cuts, default=0))
        if best is None or key < best[0]:
            best = (key, placed)
    if not dominant and tries >= _FEWEST and best is not None and (
            least is None or best[0] > least):  # whole targets moved
        found = block_search(sub, first, _plans(sub, problem, seconds),
                             lambda placed: _cuts(sub, placed), least, cancel)
        if found is not None and found[0][:2] < best[0]:
            best = ((found[0][0], found[0][1]), found[1])
    if not dominant and tries >= _FEWEST and best is not None and (
            least is None or best[0] > least):  # the last steps before the exit, exactly
        best = _repaired(sub, best)
    if best is None or (not dominant and tries < _FEWEST
                        and best[0] == (sum(plain or []), max(plain or [0]))):
        return olds, {}
    return olds, best[1]


def _repaired(sub: Problem, best: tuple[tuple[int, int], dict[int, Placement]],
              ) -> tuple[tuple[int, int], dict[int, Placement]]:
    """The chains' plan with the tail of each judged server's exit chain re-planned by
    CP-SAT (:func:`.tails.repair_tail`), the latest cutover first, while that helps."""
    for judged in sorted((j for j in sub.judged if j.exit_jobs),
                         key=lambda j: -min(best[1][e].end for e in j.exit_jobs)):
        exit_job = min(judged.exit_jobs, key=lambda e: best[1][e].end)
        plan = repair_tail(sub, best[1], exit_job)
        if plan is not None and _cuts(sub, plan) < best[0]:
            best = (_cuts(sub, plan), plan)
    return best


def _plans(sub: Problem, problem: Problem, seconds: float) -> int:
    """Plans of the chains the block search may make (:func:`.blocks.plans_for`): about
    30 % of the time limit, 60 % where that already allows a long climb."""
    jobs, staff = len(sub.jobs), len(problem.consultants)
    plans = plans_for(jobs, staff, seconds * _BLOCK_SHARE, _BLOCK_MOST)
    if plans >= _LONG_CLIMB:
        plans = plans_for(jobs, staff, seconds * _LONG_SHARE, _BLOCK_MOST)
    return plans


def _searched_orders(sub: Problem, tries: int) -> Iterator[list[int]]:
    """The urgency order, then the urgency with random noise and random orders, in turn."""
    rng = random.Random(_SEED)
    base = urgency(sub)
    yield order_by(sub, base)
    for n in range(2, tries):
        if n % 2:
            yield order_by(sub, [u + rng.randrange(60) for u in base])
        else:
            yield order_by(sub, [rng.randrange(1000) for _ in base])


def around(problem: Problem, olds: list[int], chain: dict[int, Placement],
           order: list[int] | None = None) -> dict[int, Placement]:
    """The chains' plan (indices of the sub-problem) booked as it is, every other step as
    early as it can around it."""
    fixed = {olds[n]: replace(p, why=_renumbered(p.why, olds)) for n, p in chain.items()}
    return serial_plan(problem, order=order, fixed=fixed)


def _renumbered(why: Why, olds: list[int]) -> Why:
    """A reason that names a job of the sub-problem, naming it in the whole problem."""
    if why.kind == "busy" and isinstance(why.ref, int) and why.ref >= 0:
        return replace(why, ref=olds[why.ref])
    return why
