"""The quick plan's dependency orders: ties and a cycle (one sort, networkx's, for the house).

A step graph the rules made has no cycle (``rules.order.check_acyclic``), but a scheduler
that met one must say which steps wait for each other rather than drop them from the plan.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.core.calendar import build_calendar
from planner.core.errors import InfeasiblePlanError
from planner.core.plan import Dependency
from planner.core.rules import propose
from planner.core.scheduler.greedy import serial_plan
from planner.core.scheduler.job_graph import job_graph
from planner.core.scheduler.priority import order_by, topological_order
from planner.core.scheduler.problem import Problem, build_problem
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for
from tests.core.scheduler.builders import synthetic_problem
from tests.synthetic import synthetic_estate


def _problem() -> Problem:
    return synthetic_problem(8, 1)


def test_the_smallest_key_goes_first_then_the_rules_order() -> None:
    problem = _problem()
    order = order_by(problem, [0] * len(problem.jobs))
    assert sorted(order) == list(range(len(problem.jobs)))
    assert order == sorted(order)  # the rules' order is a dependency order: ties keep it
    position = {i: n for n, i in enumerate(order_by(problem, [-i for i in range(len(order))]))}
    for job in problem.jobs:
        for dep in job.step.predecessors:
            assert position[problem.by_id[dep.step_id]] < position[job.index]


def test_a_cycle_names_the_steps_on_it_and_after_it_and_drops_none() -> None:
    problem = _problem()
    graph = job_graph(problem)
    # a step whose only successor is a last step: make it wait for that one too
    x, y = next((x, y) for x, y in graph.edges
                if graph.out_degree(x) == 1 and graph.out_degree(y) == 0)
    before, after = problem.jobs[x], problem.jobs[y]
    looped = replace(before, step=replace(before.step, predecessors=(
        *before.step.predecessors, Dependency(after.step.id))))
    problem = replace(problem, jobs=[looped if j.index == x else j for j in problem.jobs])
    with pytest.raises(InfeasiblePlanError) as caught:
        topological_order(problem)
    shown = str(caught.value)
    assert before.step.title("en") in shown and after.step.title("en") in shown
    assert problem.jobs[0].step.title("en") not in shown  # not stuck: only the two are
    with pytest.raises(InfeasiblePlanError):  # never a plan with steps left out
        serial_plan(problem)


def test_after_the_exits_the_longest_work_goes_first_and_the_plan_ends_sooner() -> None:
    """20 servers, two consultants: the exit chains first and then the rules' order leave a
    DAG whose removal and then its members' decommissions take window Saturdays for the
    end, and the plan ends on day 104; the jobs with the most weeks after them first (after
    the exit chains, so no server leaves Exchange Online's view later): day 97. (119 and
    111 while each member's decommission waited for the one before, 2026-12-07.)"""
    from planner.core.scheduler.floors import cutovers
    from planner.core.scheduler.priority import chains_first, longest_first

    estate, settings = synthetic_estate(20, 2)
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    problem = build_problem(proposal, estate, settings, Decisions(), knowledge,
                            build_calendar(settings, estate))
    rule = serial_plan(problem, order=chains_first(problem))
    longest = serial_plan(problem, order=longest_first(problem))
    assert max(p.end for p in rule.values()) == 104
    assert max(p.end for p in longest.values()) == 97
    assert cutovers(problem, longest) == cutovers(problem, rule)
