"""The finish, once the blocked, throttled and pause days are at their floors.

Then only the finish is left to win, and what decides it is the order of the work that
takes no judged server out: with one consultant a DAG's removal and its members'
decommissions take a window Saturday each, so a plan that readies one every Saturday
ends weeks sooner than one that leaves Saturdays free and queues them at the end (20
servers, one consultant: 251 -> 230 against a floor of 216).

The exit chains stay as the plan has them (so no server leaves Exchange Online's view
later and the pauses stay what they are); the other steps are planned around them in the
order of :func:`.priority.longest_first` and then with whole targets moved
(:func:`.blocks.block_search`), scored by the finish. Used where the estate is too large
for CP-SAT in the time limit; a count of plans, not seconds, bounds it.
"""

from __future__ import annotations

import threading

from planner.core.scheduler.blocks import block_search, plans_for
from planner.core.scheduler.decompose import exit_chains
from planner.core.scheduler.floors import cutovers, plan_finish
from planner.core.scheduler.greedy import Placement, serial_plan
from planner.core.scheduler.priority import longest_first
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.validate import violations

__all__ = ["around_chains", "finish_plans", "finish_search"]

_SHARE = 0.8  # of the time limit: nothing else runs on an estate too large to model
# plans at the most: 20 servers / 1 still gains at 1,500-5,000, and at 3,000 (2.5 s) an
# unseen 20 / 1 kept 20 Sep against a floor of 4 Sep; 6,000 (4.3 s) reach 6 Sep (2026-12-07)
_MOST = 6_000
_FEWEST = 400  # plans at the least (a climb needs a few hundred to move a target past a few
# neighbours), or no search: 200 servers / 50 consultants, 48 plans, took 9 s for nothing


def around_chains(problem: Problem, placed: dict[int, Placement]) -> dict[int, Placement]:
    """The plan's exit chains as they are, every other step around them in the order of
    :func:`.priority.longest_first` (one serial plan)."""
    chains = exit_chains(problem)
    return serial_plan(problem, order=longest_first(problem),
                       fixed={i: placed[i] for i in chains})


def finish_plans(problem: Problem, seconds: float) -> int:
    """How many plans :func:`finish_search` tries in ``seconds``: 0 where too few fit for a
    climb (2,000 servers: one plan takes seconds)."""
    plans = plans_for(len(problem.jobs), len(problem.consultants), seconds * _SHARE, _MOST)
    return plans if plans >= _FEWEST else 0


def finish_search(problem: Problem, placed: dict[int, Placement], seconds: float,
                  floor: int, cancel: threading.Event | None = None,
                  ) -> dict[int, Placement] | None:
    """A valid plan that ends sooner than ``placed`` with no cutover later, or None; the
    search stops at the finish ``floor`` no plan beats, or when ``cancel`` is set."""
    plans = finish_plans(problem, seconds)
    if not plans:
        return None
    chains = exit_chains(problem)
    cuts = cutovers(problem, placed)

    def score(plan: dict[int, Placement]) -> tuple[int, ...]:
        now = cutovers(problem, plan)  # the chains are fixed; a safeguard, at no cost
        return (sum(max(0, now.get(n, c) - c) for n, c in cuts.items()), plan_finish(plan))

    # from the order for the finish; a climb from the plan's own order (its targets by
    # their first start) was tried too and stopped where it began (20 servers / 1: 300
    # and 251), and halving the plans for it cost the other (237 instead of 230)
    free = [i for i in longest_first(problem) if i not in chains]
    found = block_search(problem, free, plans, score, (0, floor), cancel,
                         fixed={i: placed[i] for i in chains})
    if found is None or found[0][0] or found[0][1] >= plan_finish(placed) \
            or violations(problem, found[1]):
        return None
    return found[1]
