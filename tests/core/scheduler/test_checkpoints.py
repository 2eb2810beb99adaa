"""Serial plans resumed from a checkpoint of the plan kept last (the block search's
speed-up) are the very plans :func:`serial_plan` makes from the first job."""

from __future__ import annotations

import random

import pytest

from planner.core.scheduler.blocks import Checkpoints
from planner.core.scheduler.decompose import exit_chains
from planner.core.scheduler.greedy import serial_plan
from planner.core.scheduler.job_graph import sub_problem
from planner.core.scheduler.priority import chains_first, order_by
from planner.core.scheduler.problem import Problem
from tests.core.scheduler.builders import synthetic_problem


def _problem(size: int, staff: int, variant: str) -> Problem:
    return synthetic_problem(size, staff, variant, seed=5)


@pytest.mark.parametrize(("size", "staff", "variant"),
                         [(30, 1, "hubs-2016"), (24, 3, "hubs-2019")])
def test_a_resumed_plan_is_the_plan_from_the_start(size: int, staff: int, variant: str) -> None:
    problem = _problem(size, staff, variant)
    rng = random.Random(size)
    base = chains_first(problem)
    checkpoints = Checkpoints(problem, None)
    checkpoints.plan(base, keep=True)
    for n in range(12):
        # the first jobs as kept, then another order from a random place on
        keys = [float(base.index(i)) for i in range(len(problem.jobs))]
        cut = rng.randrange(len(keys))
        for i in range(len(keys)):
            if keys[i] >= cut:
                keys[i] = cut + rng.random() * len(keys)
        order = order_by(problem, keys)
        assert checkpoints.plan(order) == serial_plan(problem, order=order)
        if n % 4 == 3:  # a new plan kept: the next ones resume from its states
            base = order
            checkpoints.plan(base, keep=True)


def test_a_resumed_plan_keeps_what_was_booked_first() -> None:
    problem = _problem(30, 1, "hubs-2016")
    sub, _ = sub_problem(problem, exit_chains(problem))
    fixed = serial_plan(sub)
    chosen = dict(list(fixed.items())[: len(fixed) // 3])
    checkpoints = Checkpoints(sub, chosen)
    checkpoints.plan([i for i in chains_first(sub) if i not in chosen], keep=True)
    order = [i for i in order_by(sub, [-i for i in range(len(sub.jobs))]) if i not in chosen]
    assert checkpoints.plan(order) == serial_plan(sub, order=order, fixed=chosen)
