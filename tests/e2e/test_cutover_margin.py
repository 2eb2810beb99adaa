"""A cutover outside every pause on the last day before throttling is a risk with no margin.

The quoted case (a consultant's review, 2026-12-07): Tauernstahl AG, a 2016 DAG across
Vienna and Zürich; the Vienna hubs leave Exchange Online's view on Saturday 6 February
2027, day 29 of their clock, and throttling begins on the 7th. The report said the
enforcement "ends on 6 Feb 2027, before any mail is throttled", and named no risk.
"""

from __future__ import annotations

from pathlib import Path

from planner.core.report.risk_register import plan_risks
from planner.core.report.wording import load_wording
from planner.pipeline import knowledge_for, load_inputs, make_plan

ESTATE = Path(__file__).resolve().parents[1] / "estates" / "tauernstahl-two-countries"


def test_the_last_day_before_throttling_is_named_as_no_margin() -> None:
    inputs = load_inputs(sorted(str(p) for p in ESTATE.iterdir()))
    knowledge = knowledge_for(inputs.settings)
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings, None, knowledge)
    cuts = {e.server: e.cutover for e in plan.schedule.exposure}
    assert all(not (p.start <= c <= p.end) for c in cuts.values() if c
               for p in plan.schedule.pauses)  # outside every pause
    en = [r.title for r in plan_risks(plan, knowledge, load_wording("en"))]
    de = [r.title for r in plan_risks(plan, knowledge, load_wording("de"))]
    for server, cut in cuts.items():
        if cut is None:
            continue
        assert any(server in t and "no margin" in t for t in en), (server, en)
        assert any(server in t and "kein Puffer" in t for t in de), (server, de)


def test_an_exit_by_security_update_is_a_risk_until_se() -> None:
    """A consultant's review: the steps said the update "ends the server's throttling and
    blocking long before the server is migrated", and no risk said that Microsoft will raise
    the baseline above every public build. Van Dijk's Antwerp hub leaves Exchange Online's
    view by its security update."""
    estate = Path(__file__).resolve().parents[1] / "estates" / "vandijk-logistiek"
    inputs = load_inputs([str(estate / "inventory.xlsx")])
    knowledge = knowledge_for(inputs.settings)
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings, None, knowledge)
    updates = [s for s in plan.proposal.steps if s.kind == "exo_baseline_su"]
    assert updates
    en = [r for r in plan_risks(plan, knowledge, load_wording("en"))
          if "raises its baseline" in r.title]
    de = [r for r in plan_risks(plan, knowledge, load_wording("de"))
          if "Mindestversion" in r.title]
    assert len(en) == len(de) == 1
    assert all(s.exits_exo_view[0] in en[0].title for s in updates)
    assert en[0].impact == "high" and "Get-OnPremServerReportInfo" in en[0].mitigation
