"""The enforcement clock: detection precedence, stages per day, pauses freeze the clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.core.enforcement import (
    daily_stages,
    first_detection,
    stage_thresholds,
    summarise_exposure,
)
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.plan import Exposure, Pause
from planner.core.settings import Settings


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The shipped knowledge base."""
    return load_knowledge()


def test_thresholds_come_from_the_stage_table(knowledge: Knowledge) -> None:
    assert stage_thresholds(knowledge.policy) == (30, 60)


def test_detection_precedence(knowledge: Knowledge) -> None:
    server = Server(name="EX01", fqdn="ex01.contoso.com", build="15.1.2507.39")
    report = ExoReport("EX01.contoso.com", first_detected=date(2026, 10, 1))
    settings = Settings(first_detected={"ex01": date(2026, 10, 20)})
    with_report = Estate(servers=(server,), exo_reports=(report,))
    assert first_detection("EX01", with_report, settings, knowledge).source == "exo_report"
    found = first_detection("EX01", Estate(servers=(server,)), settings, knowledge)
    assert found and (found.day, found.source) == (date(2026, 10, 20), "settings")


def test_a_recorded_date_is_a_fact_even_before_the_policy_start(knowledge: Knowledge) -> None:
    settings = Settings(first_detected={"EX01": date(2024, 3, 28)})
    found = first_detection("EX01", Estate(servers=(Server("EX01"),)), settings, knowledge)
    assert found and found.day == date(2024, 3, 28)
    report = ExoReport("ex01.contoso.com", first_detected=date(2024, 3, 28))
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com"),), exo_reports=(report,))
    found = first_detection("EX01", estate, Settings(), knowledge)
    assert found and (found.day, found.source) == (date(2024, 3, 28), "exo_report")


def test_only_an_estimated_date_is_bounded_by_the_policy_start(knowledge: Knowledge) -> None:
    server = Server("EX01", build="15.1.2507.39")  # 2016 CU23 below the baseline
    found = first_detection("EX01", Estate(servers=(server,)), Settings(), knowledge)
    assert found and (found.day, found.source) == (knowledge.policy.policy_start, "baseline")


def test_daily_strip_freezes_during_a_pause(knowledge: Knowledge) -> None:
    detected = date(2026, 10, 1)
    exposure = Exposure("EX01", detected, detected + timedelta(days=40), ())
    pause = Pause(detected + timedelta(days=29), detected + timedelta(days=33), 5)
    strip = daily_stages(exposure, (pause,), knowledge.policy, date(2027, 1, 1))
    assert len(strip) == 41 and strip[0].day == detected
    assert [d.kind for d in strip[29:34]] == ["paused"] * 5
    assert strip[34].stage == 1 and strip[34].kind == "report"  # day 29 of the clock
    assert strip[35].stage == 2 and strip[35].kind == "throttle"


def test_exposure_counts_only_days_under_the_plan(knowledge: Knowledge) -> None:
    from planner.core.enforcement import Detection

    start = date(2026, 12, 1)
    found = summarise_exposure("EX01", Detection(start - timedelta(days=65), "settings"),
                               start + timedelta(days=4), (), knowledge.policy, start,
                               start + timedelta(days=30))
    assert found.days_in_stage[4] == 5 and sum(found.days_in_stage) == 5
