"""A project may let a server's removal after everything has left it run on a weekday (a
review: Thames & Shannon's empty servers waited for Saturday windows, one pushed past the
customer's year-end freeze). Which step kinds need no window is knowledge
(``calendar.window_not_needed``), empty by default."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from planner.core.plan import Plan
from planner.pipeline import load_inputs, make_plan

ESTATE = Path(__file__).resolve().parents[2] / "estates" / "vandijk-logistiek"
REMOVALS = ("decommission", "ex2013_decommission")


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    inputs = load_inputs([ESTATE / "inventory.xlsx"])
    out = {}
    weekdays = {"calendar.window_not_needed": list(REMOVALS)}
    for name, overrides in (("in windows", {}), ("weekdays", weekdays)):
        settings = replace(inputs.settings, policy_overrides={
            **inputs.settings.policy_overrides, **overrides})
        out[name] = make_plan(inputs.estate, inputs.findings, settings)
    return out


def _removals(plan: Plan) -> dict[str, tuple[bool, str]]:
    dated = {d.step_id: d for d in plan.schedule.steps}
    return {s.id: (s.needs_window, dated[s.id].start.strftime("%a"))
            for s in plan.proposal.steps if s.kind in REMOVALS}


def test_a_removal_runs_on_a_weekday_where_the_project_allows_it(plans) -> None:  # type: ignore[no-untyped-def]
    weekdays, windowed = _removals(plans["weekdays"]), _removals(plans["in windows"])
    assert set(weekdays) == set(windowed) == {"sbs:decom:ANR-EX16-01", "edge:remove:VNL-EDGE01"}
    assert all(not needs and day not in ("Sat", "Sun") for needs, day in weekdays.values())
    assert all(needs and day in ("Sat", "Sun") for needs, day in windowed.values())
    finish = {name: p.schedule.objective.finish for name, p in plans.items()}
    assert finish["weekdays"] is not None and finish["in windows"] is not None
    assert finish["weekdays"] <= finish["in windows"]
    assert plans["weekdays"].schedule.objective.status == "optimal"


def test_the_other_window_steps_keep_their_window(plans) -> None:  # type: ignore[no-untyped-def]
    both = [{s.id for s in p.proposal.steps if s.needs_window} for p in plans.values()]
    assert both[0] - both[1] == set(_removals(plans["weekdays"]))
