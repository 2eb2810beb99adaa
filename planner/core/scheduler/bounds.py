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
from itertools import product

from planner.core.scheduler.capacity import Capacity, Work, chain_finish
from planner.core.scheduler.job_graph import ancestors
from planner.core.scheduler.pauses import most_paused
from planner.core.scheduler.problem import Problem

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


def _hot(problem: Problem) -> list[tuple[int, set[int], tuple[int, ...], tuple[int, int]]]:
    """Servers whose clock runs at the start, most urgent first: (days already counted,
    the jobs in front of every exit, the exits, its days left before throttling and before
    blocking from the first counted day on — each server's own timeline, so the report's
    dates count)."""
    w = problem.pause_from  # pauses may cover days from here on, before the plan start too
    hot = [(-judged.detected, _required(problem, judged.exit_jobs), judged.exit_jobs,
            (max(0, judged.throttle_day + judged.detected - w),
             max(0, judged.block_day + judged.detected - w)))
           for judged in problem.judged if judged.detected <= 0 and judged.exit_jobs]
    hot.sort(key=lambda item: -item[0])
    return hot


_COMBOS = 64  # exit choices enumerated for an urgency prefix; beyond, a weaker bound


def prefix_finishes(problem: Problem) -> list[tuple[int, int, int]]:
    """Per urgency prefix: (the most days any of its servers has left before throttling,
    and before blocking, the earliest day by which the consultants can have done the
    prefix's work).

    One exit takes a server out, so the prefix's last cutover comes no sooner than the
    cheapest choice of one exit per server with all their chains; with too many choices,
    the work every exit waits for and each server's cheapest exit chain alone.
    """
    out: list[tuple[int, int, int]] = []
    capacity = Capacity(problem)
    chains: dict[int, set[int]] = {}
    hot = _hot(problem)
    for n, (counted, _, _, _) in enumerate(hot):
        if n + 1 < len(hot) and hot[n + 1][0] == counted:
            continue  # the largest prefix per clock
        exits = [x for _, _, x, _ in hot[: n + 1]]
        for e in {e for x in exits for e in x}:
            chains.setdefault(e, ancestors(problem, e))
        if math.prod(len(x) for x in exits) <= _COMBOS:
            finish = min(chain_finish(problem, set().union(*(chains[e] for e in combo)),
                                       capacity) for combo in product(*exits))
        else:
            common = set().union(*(req for _, req, _, _ in hot[: n + 1]))
            finish = max([chain_finish(problem, common, capacity)] + [
                min(chain_finish(problem, chains[e], capacity) for e in x)
                for x in exits])
        out.append((max(h[3][0] for h in hot[: n + 1]), max(h[3][1] for h in hot[: n + 1]),
                    finish))
    return out


def workload_pause_floor(problem: Problem,
                         prefixes: list[tuple[int, int, int]] | None = None) -> int:
    """Fewest pause days any plan without throttled or blocked days needs (0 if unknown).

    The last cutover of an urgency prefix cannot come before its work is done; that
    server's pause covers the days beyond its slack before throttling. ``prefixes``:
    :func:`prefix_finishes`, when known.
    """
    if not problem.consultants:
        return 0
    w = problem.pause_from  # the slack counts from the first counted day
    floor = max((finish - w - slack
                 for slack, _, finish in prefixes or prefix_finishes(problem)), default=0)
    # no cap at the yearly budget: a pause may span two years, and a floor beyond what the
    # budget allows only means the optimum has throttled days, which ranks above it anyway
    return max(0, floor)


def workload_blocked_floor(problem: Problem,
                           prefixes: list[tuple[int, int, int]] | None = None) -> int:
    """Blocked days some server must take whatever the plan (0 if none is certain).

    The prefix's last cutover comes no sooner than its work allows; at most the pause days
    the yearly budgets leave until then are paused, and the rest of that server's clock
    runs past its slack before blocking. ``prefixes``: :func:`prefix_finishes`, when known.
    """
    if not problem.consultants:
        return 0
    floor, w = 0, problem.pause_from  # the slack counts from the first counted day
    for _, slack, finish in prefixes or prefix_finishes(problem):
        unpaused = finish - w - most_paused(problem, w, finish)
        floor = max(floor, unpaused - slack)
    return floor


def workload_finish_floor(problem: Problem) -> int:
    """Earliest exclusive finish the consultants' total work allows."""
    work = Work(problem)
    for i in range(len(problem.jobs)):
        work.add(i)
    return Capacity(problem).finish_after(work)
