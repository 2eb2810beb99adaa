"""Exchange Online's enforcement pause may be requested during a change freeze: the request
changes the tenant, not the servers, and keeps mail flowing (a review of Gotthard Rail: the
Christmas freeze to 6 January held the second pause until 7 January while IBK-EX16-01 was
blocked, 16 blocked and 3 throttled days where 10 and none were possible). Knowledge
(``calendar.freeze_leaves`` holds "pause"); a project whose freeze stops the request too
takes it out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from planner.core.plan import Plan
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs, make_plan

GOTTHARD = Path(__file__).resolve().parents[2] / "estates" / "gotthard-rail"
_LEAVES = ["health_check", "license_check", "extended_protection", "certificate_expiry"]


@cache
def _plan(pause_in_freeze: bool) -> Plan:
    inputs = load_inputs([GOTTHARD / "inventory.xlsx",
                          GOTTHARD / "Get-OnPremServerReportInfo.txt"],
                         settings_path=GOTTHARD / "settings.toml")
    overrides = {} if pause_in_freeze else {"calendar.freeze_leaves": _LEAVES}
    settings = replace(inputs.settings, solver_time_limit_s=3.0, policy_overrides=overrides)
    return make_plan(inputs.estate, inputs.findings, settings, Decisions(),
                     knowledge_for(settings))


def _in_freeze(plan: Plan, day: date) -> bool:
    return any(f.start <= day <= f.end for f in plan.settings.freezes)


def test_a_pause_is_requested_in_the_freeze_and_mail_is_blocked_fewer_days() -> None:
    free, frozen = _plan(True), _plan(False)
    assert plan_freezes(free)
    assert any(_in_freeze(free, p.start) for p in free.schedule.pauses)
    assert not any(_in_freeze(frozen, p.start) for p in frozen.schedule.pauses)
    o, o_frozen = free.schedule.objective, frozen.schedule.objective
    assert (o.blocked_days, o.throttled_days) < (o_frozen.blocked_days, o_frozen.throttled_days)
    # the pause's own step is dated on the day it is requested, in the freeze
    steps = {s.id: s for s in free.proposal.steps}
    requested = [placed.start for placed in free.schedule.steps
                 if steps[placed.step_id].kind == "pause"]
    assert any(_in_freeze(free, day) for day in requested)
    # every other change still waits the freeze out
    leaves = {*_LEAVES, "pause", "milestone"}
    for placed in free.schedule.steps:
        if steps[placed.step_id].kind not in leaves:
            assert all(placed.end < f.start or placed.start > f.end
                       for f in free.settings.freezes), placed.step_id


def plan_freezes(plan: Plan) -> bool:
    """The estate's settings hold the Christmas freeze the review planned around."""
    return any(f.start <= date(2026, 12, 28) <= f.end for f in plan.settings.freezes)
