"""A plan that takes years, or gives a consultant too many servers, says so with the numbers."""

from __future__ import annotations

from dataclasses import replace

from planner.core.calendar import build_calendar
from planner.core.settings import Consultant
from planner.pipeline import knowledge_for, make_plan
from tests.synthetic import synthetic_estate


def test_one_consultant_for_sixty_servers_is_told_what_it_takes() -> None:
    estate, settings = synthetic_estate(60, 1)
    settings = replace(settings, solver_time_limit_s=1.0)
    plan = make_plan(estate, (), settings, knowledge=knowledge_for(settings))
    found = [f for f in plan.findings if f.code == "PLAN-UNREALISTIC"]
    assert len(found) == 1
    text = found[0].message("en")
    assert "unrealistic" in text and "1 consultant " in text and "60 servers" in text
    year = len(build_calendar(settings, estate).working_days(
        settings.start, settings.start.replace(year=settings.start.year + 1)))
    assert str(year - 1) in text or str(year) in text  # the calendar's working days a year
    assert "Beratertage" in found[0].message("de")


def test_a_small_estate_with_enough_consultants_gets_no_warning() -> None:
    estate, settings = synthetic_estate(8, 2)
    settings = replace(settings, solver_time_limit_s=1.0,
                       consultants=(Consultant("A"), Consultant("B")))
    plan = make_plan(estate, (), settings, knowledge=knowledge_for(settings))
    assert not [f for f in plan.findings if f.code == "PLAN-UNREALISTIC"]
