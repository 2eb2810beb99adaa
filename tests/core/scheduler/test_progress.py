"""An interactive re-plan: the quick plan at once, better plans as they come, Cancel keeps
the best one found rather than dropping it."""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import replace

from planner.core.plan import Plan
from planner.pipeline import knowledge_for, make_plan
from tests.synthetic import synthetic_estate


def _key(plan: Plan) -> tuple[int, int, int, str]:
    o = plan.schedule.objective
    return o.blocked_days, o.throttled_days, o.pause_days, str(o.finish)


def _estate(limit: float):  # type: ignore[no-untyped-def]
    # two consultants for eight servers: the quick plan is not proven optimal (it ends on
    # day 90, the floors say 83), so the solver searches
    estate, settings = synthetic_estate(8, 2)
    return estate, replace(settings, solver_time_limit_s=limit)


def test_the_quick_plan_comes_first_and_each_later_one_is_better() -> None:
    estate, settings = _estate(1.0)
    knowledge = knowledge_for(settings)
    seen: list[Plan] = []
    final = make_plan(estate, (), settings, knowledge=knowledge, on_plan=seen.append)
    assert seen, "the quick plan is shown before the solver starts"
    keys = [_key(p) for p in seen]
    assert all(a > b for a, b in itertools.pairwise(keys))
    assert _key(final) <= keys[-1]
    # following the search changes nothing about the plan it ends with
    plain = make_plan(estate, (), settings, knowledge=knowledge)
    assert plain.schedule == final.schedule


def test_cancel_stops_the_search_and_keeps_the_best_plan() -> None:
    estate, settings = _estate(60.0)
    knowledge = knowledge_for(settings)
    cancel = threading.Event()
    seen: list[Plan] = []

    def show(plan: Plan) -> None:
        seen.append(plan)
        cancel.set()  # the user presses Cancel as soon as the first plan is on screen

    started = time.monotonic()
    final = make_plan(estate, (), settings, knowledge=knowledge, on_plan=show, cancel=cancel)
    assert time.monotonic() - started < 30  # far from the 60 s limit: the solver stopped
    # left alone the solver proves this plan optimal in about 3 s; cancelled, it keeps the
    # best plan found and says it is not proven
    assert final.schedule.objective.status == "feasible"
    assert final.schedule.steps
    assert _key(final) <= _key(seen[0])  # never worse than what was already shown


def test_the_rules_plan_shows_before_the_chains_are_searched_and_cancel_stops_the_search(
        ) -> None:
    """60 servers, one consultant: the priority rules' plan (328 blocked days) is on screen
    before the exit chains' search, which finds 314; Cancel pressed when the first plan
    shows stops that search too, and the plan kept is never worse than the one shown."""
    estate, settings = synthetic_estate(60, 1)
    knowledge = knowledge_for(settings)
    seen: list[Plan] = []
    final = make_plan(estate, (), settings, knowledge=knowledge, on_plan=seen.append)
    assert _key(seen[0])[0] == 328 and _key(final)[0] == 314
    cancel = threading.Event()
    first: list[Plan] = []

    def show(plan: Plan) -> None:
        first.append(plan)
        cancel.set()

    cancelled = make_plan(estate, (), settings, knowledge=knowledge, on_plan=show,
                          cancel=cancel)
    assert _key(first[0]) == _key(seen[0])
    assert _key(cancelled) <= _key(first[0])
    assert _key(cancelled)[0] > 314  # the search stopped before it found the better order
