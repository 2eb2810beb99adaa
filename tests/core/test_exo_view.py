"""Exchange Online's report is the truth: its dates stand, and the plan counts from them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.core.enforcement import daily_stages, first_detection
from planner.core.exo_view import report_findings
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.scheduler import schedule
from planner.core.settings import Decisions, Settings
from tests.core.scheduler.builders import make_step, proposal, settings


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The shipped knowledge base."""
    return load_knowledge()


def _estate(report: ExoReport) -> Estate:
    return Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", build="15.1.2507.39"),),
                  exo_reports=(report,))


def test_a_2024_detection_is_blocked_from_the_plan_start_on(knowledge: Knowledge) -> None:
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=date(2024, 3, 28)))
    steps = proposal(make_step("move", 5, exits=("EX01",)))
    spent = settings(pause_days_used={2026: 90, 2027: 90})  # no pause left to soften it
    plan = schedule(steps, estate, spent, Decisions(), knowledge)
    (exposure,) = plan.exposure
    assert exposure.first_detected == date(2024, 3, 28)
    assert exposure.first_detected_source == "exo_report"
    blocked = exposure.days_in_stage[7]  # stage 8: all mail blocked
    assert exposure.cutover is not None
    span = (exposure.cutover - date(2026, 12, 1)).days + 1
    assert blocked == span >= 5 and sum(exposure.days_in_stage) == blocked
    assert plan.objective.blocked_days == blocked
    # With budget left, every plan day is blocked or paused: never "reported only".
    (exposure,) = schedule(steps, estate, settings(), Decisions(), knowledge).exposure
    assert exposure.days_in_stage[7] + exposure.paused_days == span
    assert sum(exposure.days_in_stage[:7]) == 0


def test_the_reports_blocking_date_wins_over_the_stage_table(knowledge: Knowledge) -> None:
    detected, blocking = date(2026, 9, 14), date(2026, 10, 14)  # blocked after 30 days, not 60
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=detected,
                               block_date=blocking))
    found = first_detection("EX01", estate, Settings(), knowledge)
    assert found and found.day == detected and found.clock == blocking - timedelta(days=60)
    (warning,) = report_findings(estate, Settings(), knowledge)
    assert warning.code == "EXO-REPORT-CLOCK" and warning.target == "server:EX01"
    assert "14.10.2026" in warning.message_de and "14 Oct 2026" in warning.message_en
    steps = proposal(make_step("move", 5, exits=("EX01",)))
    plan = schedule(steps, estate, settings(start=date(2026, 10, 20)), Decisions(), knowledge)
    (exposure,) = plan.exposure
    strip = daily_stages(exposure, (), knowledge.policy, date(2026, 10, 20))
    assert next(d.day for d in strip if d.kind == "block") == blocking
    assert strip[0].day == detected  # the strip still starts at first detection


def test_dates_that_agree_with_the_table_give_no_finding(knowledge: Knowledge) -> None:
    detected = date(2026, 9, 14)
    estate = _estate(ExoReport("ex01.contoso.com", first_detected=detected,
                               throttle_date=detected + timedelta(days=30),
                               block_date=detected + timedelta(days=61)))
    assert report_findings(estate, Settings(), knowledge) == ()
    found = first_detection("EX01", estate, Settings(), knowledge)
    assert found and found.clock == detected
