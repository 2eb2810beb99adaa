"""Hand-built pieces the test areas share: the stage table, a small knowledge base, working days.

Each area keeps its own hand-built estates and plans (their details are what its tests assert
on: ``tests/core/export/export_fixtures.py``, ``tests/core/report/report_fixtures.py``,
``tests/gui/planning_fixtures.py``, ``tests/core/rules/estates.py``); what is the same for all
of them lives here. Real sample plans come from ``tests/sample_plans.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta

from planner.core.knowledge import Baseline, EnforcementPolicy, Fact, Knowledge, RuleText, Stage

__all__ = ["PAUSE_CMDLET", "STAGE_KINDS", "finish_day", "knowledge", "next_working_day",
           "stage_table", "weekday"]

PAUSE_CMDLET = "New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays"
# As in resources/knowledge/enforcement.toml: reported, throttled three times, then blocked.
STAGE_KINDS = ("report", "throttle", "throttle", "throttle", "block", "block", "block", "block")


def stage_table(source: str, as_of: date) -> tuple[Stage, ...]:
    """Eight stages shaped like the real table: 30 days reported, then 10-day stages, last open."""
    smtp = {"report": "", "throttle": "450 4.7.230", "block": "550 5.7.230"}
    return tuple(
        Stage(n, 0 if n == 1 else 10 * n + 10, None if n == 8 else 10 * n + 20, kind,
              smtp[kind], source, as_of,
              throttle_minutes=5 * n if kind == "throttle" else 0,
              block_minutes=(60 if n == 8 else 10) if kind == "block" else 0)
        for n, kind in enumerate(STAGE_KINDS, start=1)
    )


def knowledge(
    as_of: date,
    policy_start: date,
    *,
    cmdlet: str = PAUSE_CMDLET,
    source: str = "test",
    baselines: tuple[Baseline, ...] = (),
    facts: Mapping[str, Fact] | None = None,
    durations: Mapping[str, Fact] | None = None,
    rules: Mapping[str, RuleText] | None = None,
) -> Knowledge:
    """A knowledge base with the stage table, a 90-day splittable pause and what else is given."""
    facts = dict(facts or {})
    policy = EnforcementPolicy(stage_table(source, as_of), baselines, policy_start, 90, True,
                               False, cmdlet, tuple(facts.values()))
    return Knowledge((), policy, facts, dict(durations or {}), dict(rules or {}), as_of)


def weekday(day: date) -> bool:
    """Monday to Friday: the working days of a calendar without holidays."""
    return day.weekday() < 5


def next_working_day(day: date, working: Callable[[date], bool] = weekday) -> date:
    """``day`` itself when it is a working day, else the next one."""
    while not working(day):
        day += timedelta(days=1)
    return day


def finish_day(start: date, days: int, working: Callable[[date], bool] = weekday) -> date:
    """The last day of a task of ``days`` working days that begins on ``start``."""
    end, left = start, max(days - 1, 0)
    while left:
        end += timedelta(days=1)
        left -= working(end)
    return end
