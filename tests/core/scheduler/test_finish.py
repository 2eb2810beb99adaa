"""The finish, once blocked, throttled and pause days are at their floors: the exit chains
kept as they are, the rest of the work ordered and searched for a sooner end.

Unseen synthetic estates (seed 11): with one consultant every DAG's removal and its
members' decommissions take a window Saturday each; the order of the other work decides
how many Saturdays stay free. On 30 servers the quick plan's own chains with the rest in
``longest_first`` order end on day 440 (the rules' best was 461) and moving whole targets
reaches the floor, 426, so the plan is proven optimal; where the estate is too
large for CP-SAT, whole targets are moved (20 servers: day 251 -> 237 with 2 seconds'
worth of plans).
"""

from __future__ import annotations

from planner.core.rules import propose
from planner.core.scheduler import schedule
from planner.core.scheduler.decompose import exit_chains
from planner.core.scheduler.finish import around_chains, finish_search
from planner.core.scheduler.floors import cutovers, floor_cuts, lower_bound, plan_finish
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.quick import quick_plan
from planner.core.scheduler.validate import violations
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for
from tests.core.scheduler.builders import synthetic_problem
from tests.synthetic import synthetic_estate


def _problem(size: int, staff: int, variant: str) -> Problem:
    return synthetic_problem(size, staff, variant, seed=11)


def test_the_rest_around_the_chains_reaches_the_finish_floor() -> None:
    estate, settings = synthetic_estate(30, 1, variant="hubs-2016", seed=11)
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    objective = schedule(proposal, estate, settings, Decisions(), knowledge).objective
    assert objective.status == "optimal" and objective.blocked_days == 174  # was 0.076 off

    problem = _problem(30, 1, "hubs-2016")
    floors = floor_cuts(problem)
    bound = lower_bound(problem, None, floors)
    placed, exposure, ok = quick_plan(problem, None, 10, bound, floors[0])
    assert ok and exposure.key == bound[:3] and plan_finish(placed) == 440  # was 461
    again = around_chains(problem, placed)
    assert all(again[i] == placed[i] for i in exit_chains(problem))
    better = finish_search(problem, placed, 10.0, bound[3])
    assert better is not None and plan_finish(better) == bound[3] == 426


def test_whole_targets_moved_end_sooner_with_no_cutover_later() -> None:
    problem = _problem(20, 1, "hubs-2019")
    floors = floor_cuts(problem)
    bound = lower_bound(problem, None, floors)
    placed, exposure, ok = quick_plan(problem, None, 10, bound, floors[0])
    assert ok and exposure.key == bound[:3] and plan_finish(placed) == 251
    better = finish_search(problem, placed, 4.0, bound[3])
    assert better is not None and not violations(problem, better)
    # 244 in the 4 s given here (230 in the default 10 s); 237 before the new servers'
    # backup came before the first move batch (2026-12-07), which changed the estate's steps
    assert bound[3] <= plan_finish(better) <= 244
    before, after = cutovers(problem, placed), cutovers(problem, better)
    assert all(after[name] <= day for name, day in before.items())
    # at the floor there is nothing to search
    assert finish_search(problem, better, 4.0, plan_finish(better)) is None


def test_a_modelled_estate_whose_finish_cp_sat_leaves_open_gets_the_plan_search_too() -> None:
    """20 servers, two consultants: CP-SAT kept the quick plan's day 132 (even in 120 s); the
    plan search in the part of the limit kept for it after CP-SAT reaches day 125, one
    window Saturday sooner, with the same blocked, throttled and pause days."""
    estate, settings = synthetic_estate(20, 2, variant="hubs-2016", seed=11)
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    plan = schedule(proposal, estate, settings, Decisions(), knowledge)
    objective = plan.objective
    assert (objective.blocked_days, objective.throttled_days, objective.pause_days) == (0, 0, 33)
    problem = _problem(20, 2, "hubs-2016")
    assert objective.finish is not None
    assert (objective.finish - problem.start).days <= 125  # was 132
    assert objective.gap <= 0.05  # against the floor of 119
