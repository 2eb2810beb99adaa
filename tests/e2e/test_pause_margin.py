"""A cutover on a pause's last day has no float: the warning offers the margin the year's
pause budget still allows (two consultants' reviews: a pause ending on the Saturday of its
cutover while 60 days of the year's budget lapsed unused)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from planner.core.plan import Plan
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs, make_plan

ALPENGLAS = Path(__file__).resolve().parents[1] / "estates" / "alpenglas"


def _plan(used: dict[int, int]) -> Plan:
    inputs = load_inputs([ALPENGLAS / "inventory.xlsx", ALPENGLAS / "transport-logs",
                          ALPENGLAS / "exo-report.csv"])
    settings = replace(inputs.settings, solver_time_limit_s=3.0, pause_days_used=used)
    return make_plan(inputs.estate, inputs.findings, settings, Decisions(),
                     knowledge_for(settings))


def _warnings(used: dict[int, int]) -> list[str]:
    return [f.message("en") for f in _plan(used).findings if f.code == "PAUSE-NO-FLOAT"]


def test_the_margin_the_budget_allows_is_offered() -> None:
    (text,) = _warnings({})
    assert "The 2027 pause budget leaves 60 days: request 62 days instead, to 6 Feb 2027" in text


def test_no_margin_is_offered_where_the_budget_is_spent() -> None:
    (text,) = _warnings({2027: 60})  # 60 used before + 30 of this pause in 2027: none left
    assert "no float" in text and "request" not in text and "plan a day's margin" in text


def test_a_pause_within_one_year_is_offered_the_days_that_lapse_anyway() -> None:
    """Nordwind (a second review): a 6-day pause ending on its cutover's Saturday, 12 Dec,
    while 54 days of 2026's budget lapse on 31 December: pausing to the year's end costs
    nothing the plan needs, and a missed window (19 Dec, then 9 Jan) stays inside it."""
    folder = Path(__file__).resolve().parents[1] / "estates" / "nordwind-logistik"
    inputs = load_inputs([folder / "inventory.xlsx", folder / "exo-report.csv"])
    settings = replace(inputs.settings, solver_time_limit_s=3.0)
    plan = make_plan(inputs.estate, inputs.findings, settings, Decisions(),
                     knowledge_for(settings))
    texts = [f.message("en") for f in plan.findings if f.code == "PAUSE-NO-FLOAT"]
    assert texts and all("request 25 days instead, to 31 Dec 2026" in t for t in texts)


def test_the_pause_step_names_the_length_its_warning_advises() -> None:
    """The step asked for the plan's 30 days while the warning said "request 62 days
    instead" (a review: two numbers for one pause). The step's reason now says it too; its
    command stays the plan's length, as every deliverable gives it."""
    plan = _plan({})
    (step,) = [s for s in plan.proposal.steps if s.kind == "pause"
               and "request 62 days instead of the" in s.why("en")]
    assert "62 Tage statt der" in step.why("de")
    assert "-NumberOfDays 62" not in step.command_in("en")
    # with the budget spent there is no margin: the reason names one length
    spent = _plan({2027: 60})
    assert all("instead of the" not in s.why("en") for s in spent.proposal.steps
               if s.kind == "pause")
