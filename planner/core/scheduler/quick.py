"""The quick plan: the best of a few priority rules, and the exit chains searched alone.

Serial plans (:mod:`.greedy`) in a few dependency orders (:mod:`.priority`), each with the
best pauses for its cutovers (:mod:`.pauses`); unless one reaches the floors, the exit
chains searched alone and the rest planned around them (:mod:`.decompose`). The scheduler
shows it at once and measures the solver's plans against it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

from planner.core.scheduler.decompose import around, exit_chains, searched_chains
from planner.core.scheduler.finish import around_chains
from planner.core.scheduler.floors import cutovers, plan_finish
from planner.core.scheduler.greedy import Placement, serial_plan
from planner.core.scheduler.pauses import Exposure3, best_pauses
from planner.core.scheduler.priority import chains_first, longest_first
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.validate import violations

__all__ = ["quick_plan"]

Early = Callable[[dict[int, Placement], Exposure3], None]  # a valid plan before the search


def _searched(problem: Problem, seconds: float, cuts: dict[str, int] | None,
              cancel: threading.Event | None) -> dict[int, Placement] | None:
    """The exit chains planned alone in many orders, the rest around them (:mod:`.decompose`),
    where they are a part of the estate and the time limit allows the search; it stops
    where the chains cut over on the days ``cuts`` no plan beats."""
    chains = exit_chains(problem)
    if not chains or len(chains) == len(problem.jobs):
        return None
    olds, chain = searched_chains(problem, seconds, floor=cuts, cancel=cancel)
    return around(problem, olds, chain) if chain else None


_ONE_RULE = 5_000  # jobs beyond which only the exit chains' order is tried first: measured
# (2026-12-05) it was never worse than the most urgent first, from 60 to 2,000 servers (2,000 /
# 50: 34 blocked days against 48, 2,000 / 20: 370 against 426, 800 / 5: 610 against 722),
# and each order costs 2-3 CPU seconds on 2,000 servers


def quick_plan(problem: Problem, fixed: tuple[tuple[date, int], ...] | None,
               seconds: float = 0, floor: tuple[int, ...] = (0, 0, 0),
               cuts: dict[str, int] | None = None, early: Early | None = None,
               cancel: threading.Event | None = None,
               ) -> tuple[dict[int, Placement], Exposure3, bool]:
    """The best plan of the priority rules: the most urgent first; the exit chains first in
    the rules' order (which keeps a server's window steps between its weekday work); the
    exit chains first and then the jobs with the most weeks of work after them
    (:func:`.priority.longest_first`, for the finish); and, unless these reach the
    ``floor`` of blocked, throttled and pause days, the searched exit chains with the rest
    around them (:func:`_searched`, which stops at the cutovers ``cuts`` or when ``cancel``
    is set); and the best of these with its exit chains kept and the rest in the order for
    the finish (:func:`.finish.around_chains`). On large estates (``_ONE_RULE``) one plan:
    the searched chains where they cut no server over later than the exit chains first, the
    rest in that order. The third value: the plan keeps every constraint (checked once,
    here). ``early`` sees the best valid plan of the rules before the search (60-200
    servers: 1-4 s sooner on screen)."""
    best: list[tuple[tuple[int, ...], dict[int, Placement], Exposure3]] = []
    cuts_of_best: list[dict[str, int]] = []

    def consider(placed: dict[int, Placement]) -> None:
        cuts = cutovers(problem, placed)
        broken = len(violations(problem, placed))
        if best and broken >= best[0][0][0] and cuts_of_best[0].keys() == cuts.keys() \
                and all(cuts[n] >= c for n, c in cuts_of_best[0].items()):
            # no server leaves sooner: its pauses are no better (the pause optimiser takes
            # 1-2 s on 120 servers), only the same cutovers can win, on the finish
            if cuts != cuts_of_best[0] or plan_finish(placed) >= best[0][0][-1] \
                    or broken > best[0][0][0]:
                return
            exposure = best[0][2]
        else:
            exposure = best_pauses(problem, cuts, fixed)
        key = (broken, *exposure.key, plan_finish(placed))
        if not best or key < best[0][0]:
            best[:] = [(key, placed, exposure)]
            cuts_of_best[:] = [cuts]

    if len(problem.jobs) > _ONE_RULE:
        # one plan of the whole estate (2-3 CPU seconds each): the exit chains' best plan
        # that cuts no server over later than the chains-first order, the rest around it in
        # that order (with the chains-first chains, the chains-first plan itself)
        olds, chain = searched_chains(problem, seconds, dominant=True)
        first = chains_first(problem)
        consider(around(problem, olds, chain, order=first) if chain else
                 serial_plan(problem, order=first))
        if best[0][0][0]:  # it broke a pin: try the most urgent first too
            consider(serial_plan(problem))
        return best[0][1], best[0][2], not best[0][0][0]
    consider(serial_plan(problem))
    consider(serial_plan(problem, order=chains_first(problem)))
    consider(serial_plan(problem, order=longest_first(problem)))
    if best[0][0][:4] != (0, *floor[:3]):
        if early is not None and not best[0][0][0]:
            early(best[0][1], best[0][2])
        if searched := _searched(problem, seconds, cuts, cancel):
            consider(searched)
    if not best[0][0][0] and (len(floor) < 4 or best[0][0][-1] > floor[3]):
        # the same cutovers, the rest in the order for the finish (one plan more): 30
        # servers, one consultant (seed 11), day 440 instead of 461
        consider(around_chains(problem, best[0][1]))
    return best[0][1], best[0][2], not best[0][0][0]
