"""Checks right before the work they guard (a consultant's review of Alpenglas: the AD
backup 33 days before the schema extension, across a freeze; a DAG's HealthChecker six
weeks before its first upgrade)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core import scheduler
from planner.core.plan import Plan, ScheduledStep
from tests.sample_plans import estate_plan, sample_files

ALPENGLAS = Path(__file__).resolve().parents[2] / "estates" / "alpenglas"


def _dated(plan: Plan) -> dict[str, ScheduledStep]:
    return {s.step_id: s for s in plan.schedule.steps}


def test_the_ad_backup_is_taken_the_working_day_before_the_schema_extension() -> None:
    plan = estate_plan([ALPENGLAS / "inventory.xlsx"])
    dated = _dated(plan)
    backup, prep = dated["adbackup:org"], dated["adprep:org"]
    assert backup.end < prep.start
    assert (prep.start - backup.end).days <= 3  # Friday -> Monday
    assert (backup.driver.kind, backup.driver.key) == ("deadline", "just_before")
    assert backup.driver.step == "adprep:org"


@pytest.mark.parametrize("sample", ["small", "mixed"])
def test_no_objective_changes_and_a_check_only_comes_later(
        sample: str, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sample_files(sample)
    moved = estate_plan(files)
    monkeypatch.setattr(scheduler, "checks_just_before", lambda problem, placed: placed)
    kept = estate_plan(files)
    a, b = moved.schedule.objective, kept.schedule.objective
    assert (a.blocked_days, a.throttled_days, a.pause_days, a.finish) == \
           (b.blocked_days, b.throttled_days, b.pause_days, b.finish)
    before, after = _dated(kept), _dated(moved)
    guards = [i for i in after if i.startswith(("adbackup:", "precheck:"))]
    assert guards
    for i in guards:
        assert after[i].start >= before[i].start
