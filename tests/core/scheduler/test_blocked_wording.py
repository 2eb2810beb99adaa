"""Blocked days are called unavoidable only when a proof stands behind it."""

from __future__ import annotations

from dataclasses import replace

from planner.pipeline import knowledge_for, make_plan
from tests.synthetic import synthetic_estate


def test_blocked_days_of_a_plan_not_proven_are_the_best_found_not_unavoidable() -> None:
    estate, settings = synthetic_estate(60, 1)  # one consultant: blocked days, no proof
    settings = replace(settings, solver_time_limit_s=1.0)
    objective = make_plan(estate, (), settings, knowledge=knowledge_for(settings)
                          ).schedule.objective
    assert objective.blocked_days > 0 and objective.status != "optimal"
    assert "unavoidable." not in objective.reason("en").replace("proves these days unavoidable",
                                                             "")
    assert "cannot leave" not in objective.reason("en")
    assert "best plan found so far" in objective.reason("en")
    assert "nicht vermeidbar" not in objective.reason("de")
