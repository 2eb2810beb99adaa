"""The scheduler's promises a consultant can check by hand."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from planner.core.calendar import build_calendar
from planner.core.catalogue import catalogue
from planner.core.knowledge import Knowledge
from planner.core.model import Dag, Estate, Server
from planner.core.scheduler import schedule
from planner.core.settings import Consultant, Decisions, Freeze
from planner.pipeline import knowledge_for
from tests.core.scheduler.builders import make_step, one_server, proposal, settings

START = date(2026, 12, 1)  # a Tuesday


def _days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


def test_overdue_server_gets_an_immediate_pause_of_just_enough_days(knowledge: Knowledge) -> None:
    s = settings(first_detected={"EX01": START - timedelta(days=70)})
    plan = schedule(proposal(make_step("inplace:EX01", 2, exits=("EX01",))), one_server(), s,
                    Decisions(), knowledge)
    assert plan.objective.status == "optimal"
    assert plan.objective.blocked_days == 0
    assert [(p.start, p.end, p.days) for p in plan.pauses] == [(START, START + timedelta(1), 2)]
    assert plan.steps[0].start == START and plan.steps[0].end == START + timedelta(1)
    exposure = plan.exposure[0]
    assert exposure.cutover == START + timedelta(1)
    assert exposure.paused_days == 2 and sum(exposure.days_in_stage) == 0


def test_without_pause_budget_the_stage_table_gives_the_blocked_days(
        knowledge: Knowledge) -> None:
    s = settings(first_detected={"EX01": START - timedelta(days=70)},
                 pause_days_used={2026: 90})
    plan = schedule(proposal(make_step("inplace:EX01", 2, exits=("EX01",))), one_server(), s,
                    Decisions(), knowledge)
    assert plan.objective.status == "optimal"
    assert plan.pauses == ()
    # day 70 and 71 after detection: both in stage 6 (70-80), a blocking stage
    assert plan.objective.blocked_days == 2
    assert plan.exposure[0].days_in_stage[5] == 2
    assert "EX01" in plan.objective.reason("en") and "unavoidable" in plan.objective.reason("en")


def test_a_server_far_from_throttling_needs_no_pause(knowledge: Knowledge) -> None:
    s = settings(first_detected={"ex01.contoso.com": START - timedelta(days=5)})
    plan = schedule(proposal(make_step("inplace:EX01", 3, exits=("EX01",))), one_server(), s,
                    Decisions(), knowledge)
    assert plan.objective.pause_days == 0 and plan.objective.throttled_days == 0
    assert plan.exposure[0].first_detected_source == "settings"
    assert plan.exposure[0].days_in_stage[0] == 3


@pytest.mark.parametrize(("freeze_leaves_pauses", "blocked", "requested"), [
    (True, 7, date(2027, 1, 4)), (False, 8, date(2027, 1, 5))])
def test_next_years_budget_is_used_after_new_year(freeze_leaves_pauses: bool, blocked: int,
                                                  requested: date) -> None:
    start = date(2026, 12, 28)
    leaves = ["health_check", "license_check", "extended_protection", "certificate_expiry"]
    s = settings(start=start, first_detected={"EX01": start - timedelta(days=75)},
                 pause_days_used={2026: 90}, freezes=(Freeze(date(2026, 12, 28),
                                                             date(2027, 1, 4)),),
                 policy_overrides={} if freeze_leaves_pauses else
                 {"calendar.freeze_leaves": leaves})
    plan = schedule(proposal(make_step("inplace:EX01", 1, exits=("EX01",))), one_server(), s,
                    Decisions(), knowledge_for(s))
    # Dec 28-31 have no 2026 budget left; 2027's budget is requested on the first working
    # day (not New Year's Day): Monday Jan 4, in the freeze, which leaves the request; where
    # the freeze stops it too, Jan 5, the cutover day itself.
    assert plan.objective.blocked_days == blocked
    assert plan.pauses and plan.pauses[0].start == requested
    assert plan.steps[0].start == date(2027, 1, 5)


def test_holidays_are_skipped_and_named(knowledge: Knowledge) -> None:
    s = settings(start=date(2026, 12, 23), language="de")
    steps = (make_step("a", 2), make_step("b", 1, preds=("a",)))
    plan = schedule(proposal(*steps), one_server(), s, Decisions(), knowledge)
    a, b = plan.for_step("a"), plan.for_step("b")
    assert a and b
    assert (a.start, a.end) == (date(2026, 12, 23), date(2026, 12, 24))
    assert b.start == date(2026, 12, 28)  # 25/26 Dec are holidays in Bavaria, then a weekend
    assert b.driver_kind == "holiday" and "Weihnacht" in b.driver.name
    text = catalogue("de")(f"plan.driver.{b.driver.key}", name=b.driver.name, day=b.driver.day)
    assert text.startswith("Feiertag") and "12.2026)" in text  # the German date format


def test_freezes_are_never_worked_in_nor_straddled(knowledge: Knowledge) -> None:
    freeze = Freeze(date(2026, 12, 19), date(2027, 1, 6), "Jahresende")
    s = settings(start=date(2026, 12, 14), freezes=(freeze,))
    steps = (make_step("a", 4), make_step("b", 2, preds=("a",)))
    plan = schedule(proposal(*steps), one_server(), s, Decisions(), knowledge)
    b = plan.for_step("b")
    assert b and b.start == date(2027, 1, 7)
    assert b.driver_kind == "freeze" and b.driver.name == "Jahresende"
    cal = build_calendar(s)
    for dated in plan.steps:
        assert not any(cal.freeze_on(d) for d in _days(dated.start, dated.end))


def test_window_steps_fall_on_maintenance_days(knowledge: Knowledge) -> None:
    s = settings(maintenance_days=("Sat",))
    plan = schedule(proposal(make_step("w", 1, window=True)), one_server(), s, Decisions(),
                    knowledge)
    assert plan.steps[0].start == date(2026, 12, 5)
    assert plan.steps[0].start.weekday() == 5
    assert plan.steps[0].driver_kind == "window"


def test_no_dag_has_two_members_down_at_once(knowledge: Knowledge) -> None:
    members = ("EX01", "EX02", "EX03")
    estate = Estate(servers=tuple(Server(name=n, dag="DAG1") for n in members),
                    dags=(Dag("DAG1", members),))
    steps = tuple(make_step(f"inplace:{n}", 2, resources=("dag:DAG1", f"server:{n}"),
                            target=f"server:{n}") for n in members)
    s = settings(consultants=(Consultant("Anna"), Consultant("Ben"), Consultant("Cem")))
    plan = schedule(proposal(*steps), estate, s, Decisions(), knowledge)
    spans = sorted((d.start, d.end) for d in plan.steps)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start > end
    assert plan.objective.status == "optimal"


def test_consultants_share_work_and_respect_absences(knowledge: Knowledge) -> None:
    anna = Consultant("Anna", absent=((START, START + timedelta(days=6)),))
    s = settings(consultants=(anna, Consultant("Ben")))
    plan = schedule(proposal(make_step("a", 3), make_step("b", 3)), one_server(), s,
                    Decisions(), knowledge)
    for dated in plan.steps:
        if dated.consultant == "Anna":
            assert dated.start > START + timedelta(days=6)
    assert {d.consultant for d in plan.steps} <= {"Anna", "Ben"}
    assert all(d.consultant for d in plan.steps)


def test_pins_and_not_before_dates_are_kept(knowledge: Knowledge) -> None:
    steps = (make_step("a", 2), make_step("b", 1, preds=("a",)), make_step("c", 1))
    decisions = Decisions(pins={"b": date(2026, 12, 15)}, not_before={"c": date(2026, 12, 9)})
    plan = schedule(proposal(*steps), one_server(), settings(), decisions, knowledge)
    b, c = plan.for_step("b"), plan.for_step("c")
    assert b and b.start == date(2026, 12, 15) and b.driver_kind == "pin"
    assert c and c.start == date(2026, 12, 9) and c.driver_kind == "pin"


def test_a_pin_before_its_predecessor_is_explained(knowledge: Knowledge) -> None:
    steps = (make_step("a", 5), make_step("b", 1, preds=("a",)))
    decisions = Decisions(pins={"b": date(2026, 12, 2)})
    plan = schedule(proposal(*steps), one_server(), settings(), decisions, knowledge)
    assert plan.objective.status == "infeasible"
    assert "pinned" in plan.objective.reason("en") and "“a”" in plan.objective.reason("en")
    assert "fixiert" in plan.objective.reason("de")
    # dates in each language's format, never ISO: "2 Dec 2026", "02.12.2026"
    assert "pinned to 2 Dec 2026" in plan.objective.reason("en")
    assert "auf den 02.12.2026 fixiert" in plan.objective.reason("de")
    assert "2026-12-" not in plan.objective.reason("en") + plan.objective.reason("de")


def test_one_consultant_keeps_a_friday_to_monday_pin_and_a_saturday_window_pin(
        knowledge: Knowledge) -> None:
    """Anna works the two-day step on Friday and Monday and the cutover on Saturday; two
    cutovers pinned to that Saturday are one too many, and the reason says so."""
    s = settings(consultants=(Consultant("Anna"),), maintenance_days=("Sat",))
    friday, saturday = date(2026, 12, 4), date(2026, 12, 5)
    steps = (make_step("move", 2), make_step("cutover", 1, window=True),
             make_step("other", 1, window=True))
    plan = schedule(proposal(*steps[:2]), one_server(), s,
                    Decisions(pins={"move": friday, "cutover": saturday}), knowledge)
    move, cutover = plan.for_step("move"), plan.for_step("cutover")
    assert plan.objective.status == "optimal"
    assert move and (move.start, move.end) == (friday, date(2026, 12, 7))
    assert cutover and cutover.start == saturday and cutover.consultant == move.consultant
    crowded = schedule(proposal(*steps), one_server(), s,
                       Decisions(pins={"move": friday, "cutover": saturday,
                                       "other": saturday}), knowledge)
    assert crowded.objective.status == "infeasible"
    reason = crowded.objective.reason("en")
    assert "“cutover”" in reason and "“other”" in reason and "“move”" not in reason


def test_fixed_pauses_are_kept(knowledge: Knowledge) -> None:
    s = settings(first_detected={"EX01": START - timedelta(days=70)},
                 fixed_pauses=((START, 10),))
    plan = schedule(proposal(make_step("inplace:EX01", 2, exits=("EX01",))), one_server(), s,
                    Decisions(), knowledge)
    assert [(p.start, p.days) for p in plan.pauses] == [(START, 10)]
    assert plan.objective.blocked_days == 0


def test_same_input_gives_the_same_plan(knowledge: Knowledge) -> None:
    members = tuple(f"EX{i:02}" for i in range(1, 7))
    steps = tuple(make_step(f"s{i}", 1 + i % 3, resources=("dag:D",) if i % 2 else (),
                            exits=(members[i],)) for i in range(6))
    s = settings(consultants=(Consultant("Anna"), Consultant("Ben")),
                 first_detected={m: START - timedelta(days=40 + 5 * i)
                                 for i, m in enumerate(members)})
    estate = Estate(servers=tuple(Server(name=m) for m in members))
    first = schedule(proposal(*steps), estate, s, Decisions(), knowledge)
    second = schedule(proposal(*steps), estate, s, Decisions(), knowledge)
    assert first == second
    assert first.objective.status == "optimal"
