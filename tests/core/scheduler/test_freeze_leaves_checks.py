"""A customer's change freeze stops changes, not read-only checks (a review: Nordwind's
HealthChecker after HH-EX19-05's upgrade on Saturday 19 December waited out the year-end
freeze to 5 January, so a problem the upgrade left would have run for two weeks unseen).
Which step kinds a freeze leaves is knowledge (``calendar.freeze_leaves``); a project that
freezes those too overrides it with an empty list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from planner.core.plan import Plan
from planner.core.settings import Decisions, Freeze
from planner.pipeline import knowledge_for, load_inputs, make_plan

NORDWIND = Path(__file__).resolve().parents[2] / "estates" / "nordwind-logistik"
FREEZE = Freeze(date(2026, 12, 21), date(2027, 1, 4), "Jahresabschluss")


@cache
def _plan(frozen_checks: bool) -> Plan:
    inputs = load_inputs([NORDWIND / "inventory.xlsx", NORDWIND / "exo-report.csv"])
    assert inputs.settings.freezes == (FREEZE,)
    overrides = {"calendar.freeze_leaves": []} if frozen_checks else {}
    settings = replace(inputs.settings, solver_time_limit_s=3.0, policy_overrides=overrides)
    # the upgrade on the Saturday before the freeze, as the review found it
    decisions = Decisions(pins={"inplace:HH-EX19-05": date(2026, 12, 19)})
    return make_plan(inputs.estate, inputs.findings, settings, decisions,
                     knowledge_for(settings))


def _start(plan: Plan, step_id: str) -> date:
    placed = plan.schedule.for_step(step_id)
    assert placed is not None
    return placed.start


def test_the_health_check_after_an_upgrade_runs_in_the_freeze() -> None:
    plan = _plan(frozen_checks=False)
    assert _start(plan, "inplace:HH-EX19-05") == date(2026, 12, 19)
    check = _start(plan, "postcheck:HH-EX19-05")
    assert FREEZE.start <= check <= FREEZE.end, check


def test_changes_still_wait_for_the_freeze_to_end() -> None:
    plan = _plan(frozen_checks=False)
    steps = {s.id: s for s in plan.proposal.steps}
    for placed in plan.schedule.steps:
        kind = steps[placed.step_id].kind
        if kind in ("health_check", "license_check",
                                           "extended_protection", "certificate_expiry",
                                           "pause", "milestone"):
            continue
        assert placed.end < FREEZE.start or placed.start > FREEZE.end, (placed.step_id, kind)


def test_a_project_that_freezes_checks_too_keeps_them_out() -> None:
    plan = _plan(frozen_checks=True)
    check = _start(plan, "postcheck:HH-EX19-05")
    assert check > FREEZE.end, check
