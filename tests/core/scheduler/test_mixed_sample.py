"""The mixed sample schedules with a proven optimum."""

from __future__ import annotations

from dataclasses import replace

from planner.core.explain_text import driver_text
from planner.core.plan import Plan
from planner.core.scheduler import schedule
from planner.core.settings import Decisions
from tests.paths import MIXED


def test_mixed_sample_is_optimal() -> None:
    from planner.core.rules import propose
    from planner.pipeline import knowledge_for, load_inputs

    inputs = load_inputs([MIXED])
    settings = replace(inputs.settings, solver_time_limit_s=30.0)
    knowledge = knowledge_for(settings)
    proposal = propose(inputs.estate, settings, Decisions(), knowledge)
    plan = schedule(proposal, inputs.estate, settings, Decisions(), knowledge)
    assert plan.objective.status == "optimal"
    assert plan.objective.blocked_days == 0
    assert len(plan.steps) == len(proposal.steps)
    whole = Plan(inputs.estate, settings, Decisions(), inputs.findings, proposal, plan)
    assert all(driver_text(whole, s, lang) for s in plan.steps for lang in ("de", "en"))
