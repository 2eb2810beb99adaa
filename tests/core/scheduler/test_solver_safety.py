"""The solver's CPU safety net: a search that needs more CPU than the limit allows gives way
to the quick plan (the same on any machine load), instead of a plan that depends on when the
wall clock ran out."""

from __future__ import annotations

import pytest

from planner.core.rules import propose
from planner.core.scheduler import schedule, solve
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for
from tests.synthetic import synthetic_estate


def test_a_search_out_of_cpu_time_keeps_the_quick_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    # the quick plan ends on day 104, the floors say 83: the solver proves the 104 in about
    # half a CPU second
    estate, settings = synthetic_estate(6, 1)
    knowledge = knowledge_for(settings)
    proposal = propose(estate, settings, Decisions(), knowledge)
    monkeypatch.setattr(solve, "CPU_SAFETY", 0.0)  # stop at the first look (50 ms)
    first = schedule(proposal, estate, settings, Decisions(), knowledge)
    again = schedule(proposal, estate, settings, Decisions(), knowledge)
    assert first.objective.status == "feasible"
    assert first.objective.gap > 0
    assert first.steps == again.steps and first.pauses == again.pauses
