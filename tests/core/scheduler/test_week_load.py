"""A week in which a consultant is booked on more days than they work says so (Mercy Valley,
a review: D. Alvarez, five days a week, booked on seven days in the week of 1 February)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from planner.core.calendar import build_calendar
from planner.core.model import Estate
from planner.core.plan import Objective, Proposal, Schedule, ScheduledStep
from planner.core.scheduler.week_load import overbooked_weeks
from planner.core.settings import Consultant, Settings
from planner.pipeline import load_inputs, make_plan
from tests.core.scheduler.builders import make_step

MONDAY = date(2027, 2, 1)
MERCY = Path(__file__).resolve().parents[2] / "estates" / "mercy-valley-health"


def _found(per_week: int, weekdays: int, saturday: bool) -> list[str]:
    """A consultant booked Monday on for ``weekdays`` days, and on the Saturday window."""
    settings = Settings(start=MONDAY - timedelta(days=7),
                        consultants=(Consultant("A. Berger", per_week),))
    steps = [make_step("work", weekdays)]
    dated = [ScheduledStep("work", MONDAY, MONDAY + timedelta(days=weekdays - 1), "A. Berger")]
    if saturday:
        steps.append(make_step("cutover", 1, window=True))
        saturday_day = MONDAY + timedelta(days=5)
        dated.append(ScheduledStep("cutover", saturday_day, saturday_day, "A. Berger"))
    schedule = Schedule(steps=tuple(dated), objective=Objective(0, 0, 0, MONDAY, "optimal"))
    found = overbooked_weeks(Estate(), Proposal(steps=tuple(steps)), schedule, settings,
                             build_calendar(settings, Estate()))
    return [f.message("en") for f in found]


def test_a_saturday_window_on_top_of_a_full_week_is_named() -> None:
    (text,) = _found(5, 5, saturday=True)
    assert "A. Berger works 5 days a week" in text and "6 days in the week of 1 Feb 2027" in text
    # a whole sentence (it read "books A. Berger on more in one week")
    assert "this plan books A. Berger for more days than that in one week" in text
    assert _found(5, 5, saturday=False) == []
    assert _found(5, 4, saturday=True) == []  # Friday free: five days


def test_a_part_timers_stretched_week_is_theirs_but_not_a_window_on_top() -> None:
    # four days a week: steps stretch over the working week (Monday to Friday is theirs)
    assert _found(4, 5, saturday=False) == []
    assert _found(4, 5, saturday=True) != []


def test_mercy_valleys_consultant_is_warned_in_both_languages() -> None:
    inputs = load_inputs([MERCY / "inventory.xlsx"])
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings)
    found = [f for f in plan.findings if f.code == "PLAN-WEEK-OVERBOOKED"]
    assert any("D. Alvarez works 5 days a week" in f.message("en") for f in found)
    assert any("D. Alvarez arbeitet 5 Tage je Woche" in f.message("de") for f in found)
