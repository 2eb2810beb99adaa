"""Thames & Shannon (tests/estates/thames-shannon), a consultant's review on 7 Dec 2026: each
finding (A-H) as what the plan and its report must now say. One plan for the module."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.knowledge import Knowledge
from planner.core.plan import Plan, Step
from planner.core.report.html import render_report_html
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs, make_plan

ESTATE = Path(__file__).resolve().parents[1] / "estates" / "thames-shannon"


@pytest.fixture(scope="module")
def made() -> tuple[Plan, Knowledge]:
    inputs = load_inputs([ESTATE / "inventory.xlsx", ESTATE / "exo-report.csv",
                          ESTATE / "transport-logs"], settings_path=ESTATE / "settings.toml")
    settings = replace(inputs.settings, solver_time_limit_s=3.0)
    knowledge = knowledge_for(settings)
    return make_plan(inputs.estate, inputs.findings, settings, Decisions(), knowledge), knowledge


@pytest.fixture(scope="module")
def report(made: tuple[Plan, Knowledge]) -> str:
    """The English report as plain text (tags dropped, one space between words)."""
    page = render_report_html(*made, "en")
    page = re.sub(r"<(style|svg)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _step(plan: Plan, step_id: str) -> Step:
    return next(s for s in plan.proposal.steps if s.id == step_id)


def test_a_decommission_states_the_build_the_plan_left_the_server_on(
        made: tuple[Plan, Knowledge]) -> None:
    plan, _ = made
    why = _step(plan, "sbs:decom:LON-EX16-02").why("en")
    # the plan installs Oct25SU on it (su-exo) before: that build, once, and no other
    assert why.count("15.1.2507.61") == 1 and "Oct25SU" in why
    assert "15.1.2507.44" not in why and "15.1.2507.55" not in why
    # a server the plan does not update keeps its own inventory build, not a partner's
    other = _step(plan, "sbs:decom:LON-EX16-03").why("en")
    assert other.count("15.1.2507.44") == 1 and "15.1.2507.55" not in other
