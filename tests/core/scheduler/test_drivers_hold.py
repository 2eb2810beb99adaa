"""Every driver on a real sample plan is a fact a consultant can check against the calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.core.calendar import WorkCalendar, build_calendar
from planner.core.knowledge import load_knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.plan import Plan, ScheduledStep, Step
from tests.sample_plans import sample_plan

# read-only checks a change freeze leaves (calendar.freeze_leaves) may fall in one
THAWED = facts_of(load_knowledge()).freeze_leaves


def _usable(cal: WorkCalendar, step: Step, site: str | None, day: date) -> bool:
    if step.kind in THAWED and not step.needs_window:
        cal = replace(cal, freezes=())
    return cal.is_window_day(day, site) if step.needs_window else cal.is_working_day(day, site)


def _named(plan: Plan, dated: ScheduledStep) -> Step:
    """The other step the driver names."""
    step = plan.proposal.step(dated.driver.step)
    assert step is not None, dated.step_id
    return step


def _site(plan: Plan, step: Step) -> str | None:
    kind, _, name = step.target.partition(":")
    server = plan.estate.server(name) if kind == "server" else None
    return server.site if server and server.site else None


def _check(plan: Plan, dated: ScheduledStep, cal: WorkCalendar) -> None:
    step = plan.proposal.step(dated.step_id)
    assert step is not None
    site = _site(plan, step)
    if dated.driver_kind == "predecessor":
        driver = _named(plan, dated)
        before = plan.schedule.for_step(driver.id)
        # A milestone takes no time: its successor may start on the milestone's day.
        assert before and (before.end < dated.start
                           or (driver.milestone and before.end <= dated.start))
        gap = [before.end + timedelta(days=n) for n in range(1, (dated.start - before.end).days)]
        assert not any(_usable(cal, step, site, d) for d in gap), dated.step_id
    elif dated.driver_kind == "resource":
        other = _named(plan, dated)
        held = plan.schedule.for_step(other.id)
        assert held and held.start < dated.start, dated.step_id
        shares = (dated.consultant and held.consultant == dated.consultant) or (
            set(other.resources) & set(step.resources))
        assert shares, dated.step_id
        if dated.driver.key == "busy":  # held up to the start: no usable day in between
            gap = [held.end + timedelta(days=n) for n in range(1, (dated.start - held.end).days)]
            assert not any(_usable(cal, step, site, d) for d in gap), dated.step_id
    elif dated.driver_kind == "window":
        assert step.needs_window and _usable(cal, step, site, dated.start)
        assert not _usable(cal, step, site, dated.start - timedelta(days=1))
    elif dated.driver_kind == "freeze":
        assert any(f.end < dated.start for f in cal.freezes)
    assert _usable(cal, step, site, dated.start) or step.milestone or step.duration_days <= 0


@pytest.mark.parametrize("sample", ["mixed", "small", "legacy"])
def test_every_driver_on_a_sample_plan_holds(sample: str) -> None:
    plan = sample_plan(sample)
    cal = build_calendar(plan.settings, plan.estate)
    assert plan.schedule.steps
    for dated in plan.schedule.steps:
        _check(plan, dated, cal)
