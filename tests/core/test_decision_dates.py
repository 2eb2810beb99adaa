"""A customer decision is due the lead time (knowledge data) before the first step that needs
it starts: the licences before the first SE install, the new servers' hardware or VMs before
their provisioning; a project's override of the lead time moves the day, and so on any plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.core.catalogue import catalogue
from planner.core.decision_dates import CustomerDecision, customer_decisions
from planner.core.knowledge import load_knowledge
from planner.core.plan import Plan
from tests.sample_plans import sample_plan

_INSTALLS = {"edge_new", "install_se", "inplace_upgrade", "se_latest_update"}


def _decisions(plan: Plan,
               overrides: dict[str, object] | None = None) -> dict[str, CustomerDecision]:
    words = catalogue("en")
    found = customer_decisions(plan, load_knowledge(overrides),
                               lambda kind: words.has(f"report.decision.{kind}"))
    return {d.kind: d for d in found}


def _working_day_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _first_start(plan: Plan, kinds: set[str]) -> tuple[str, date]:
    dated = {d.step_id: d.start for d in plan.schedule.steps}
    return min(((s.id, dated[s.id]) for s in plan.proposal.steps
                if s.kind in kinds and s.id in dated), key=lambda p: (p[1], p[0]))


@pytest.mark.parametrize("sample", ["mixed"])
def test_each_decision_is_due_its_lead_time_before_the_first_step_that_needs_it(
        sample: str) -> None:
    plan = sample_plan(sample)
    knowledge = load_knowledge()
    found = _decisions(plan)
    for kind, kinds in (("license_check", _INSTALLS), ("provision_server", {"provision_server"})):
        decision = found[kind]
        step_id, start = _first_start(plan, kinds)
        lead = int(knowledge.fact(f"decision.{kind}.lead_days").value)
        assert lead > 0 and knowledge.fact(f"decision.{kind}.lead_days").source
        assert decision.needed_by == step_id and decision.lead_days == lead
        assert decision.due == _working_day_on_or_before(start - timedelta(days=lead))


def test_a_projects_lead_time_moves_the_due_day() -> None:
    plan = sample_plan("mixed")
    _, start = _first_start(plan, {"provision_server"})
    none = _decisions(plan, {"decision.provision_server.lead_days": 0})["provision_server"]
    assert none.due == _working_day_on_or_before(start)
    longer = _decisions(plan, {"decision.provision_server.lead_days": 60})["provision_server"]
    assert longer.due == _working_day_on_or_before(start - timedelta(days=60))


def test_the_licences_wait_for_no_check_that_does_not_need_them() -> None:
    """The licence check comes first and many steps wait for it (Extended Protection, the
    AD backup, prechecks): none of those needs the licences bought, the first SE install
    does (a review read the licences due two days after the report)."""
    plan = sample_plan("mixed")
    decision = _decisions(plan)["license_check"]
    kind = next(s.kind for s in plan.proposal.steps if s.id == decision.needed_by)
    assert kind in _INSTALLS
