"""Every pause fact of the policy changes the plan; fixed pauses that break it are errors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, Server
from planner.core.pause_policy import PauseError
from planner.core.plan import Schedule
from planner.core.scheduler import schedule
from planner.core.settings import Decisions, Freeze
from planner.pipeline import make_plan
from tests.core.scheduler.builders import make_step, proposal, settings

START = date(2026, 12, 1)  # a Tuesday


def _two_servers() -> Estate:
    return Estate(servers=tuple(Server(n, fqdn=f"{n.lower()}.contoso.com") for n in ("EX01",
                                                                                     "EX02")))


def _plan(overrides: dict[str, object], **kw: object) -> Schedule:
    """EX01 is blocked today and leaves after 3 days; EX02 is first detected 10 days later,
    throttled 30 days after that, and leaves weeks later: two short pauses help most."""
    s = settings(first_detected={"EX01": date(2024, 3, 28), "EX02": START + timedelta(days=10)},
                 **kw)
    steps = proposal(make_step("a", 3, exits=("EX01",)),
                     make_step("b", 35, preds=("a",), exits=("EX02",)))
    return schedule(steps, _two_servers(), s, Decisions(), load_knowledge(overrides))


def test_a_splittable_budget_gives_two_pauses_where_they_help() -> None:
    plan = _plan({})
    assert len(plan.pauses) == 2 and plan.objective.blocked_days == 0
    assert plan.objective.throttled_days == 0


@pytest.mark.parametrize("override", [{"policy.pause_can_split": False},
                                      {"policy.pause_max_count": 1}])
def test_one_pause_only_covers_both_servers_with_one_longer_pause(
        override: dict[str, object]) -> None:
    split, single = _plan({}), _plan(override)
    assert len(single.pauses) == 1 and single.objective.blocked_days == 0
    assert single.objective.pause_days > split.objective.pause_days


def test_an_open_clock_runs_on_through_a_pause() -> None:
    fixed = ((START + timedelta(days=10), 10),)  # EX02's report stage: only a frozen clock gains
    frozen, open_ = (_plan(o, fixed_pauses=fixed) for o in ({}, {"policy.pause_clock_frozen":
                                                                 False}))
    assert open_.objective.throttled_days == frozen.objective.throttled_days + 10
    ex02 = [e for e in open_.exposure if e.server == "EX02"]
    assert ex02 and ex02[0].paused_days == 10


def test_a_fact_no_code_reads_is_marked_and_changes_nothing(knowledge: Knowledge) -> None:
    fact = knowledge.facts["policy.pause_can_end_early"]
    assert fact.documentation and "Documentation only" in fact.note
    assert _plan({"policy.pause_can_end_early": True}) == _plan({})


def test_no_pause_begins_on_a_weekend_holiday_or_freeze_day() -> None:
    freeze = Freeze(date(2026, 12, 9), date(2026, 12, 14), "Release freeze")
    plan = _plan({}, freezes=(freeze,))
    from planner.core.calendar import build_calendar

    calendar = build_calendar(settings(freezes=(freeze,)))
    assert plan.pauses and all(calendar.is_working_day(p.start) for p in plan.pauses)


@pytest.mark.parametrize(("pauses", "used", "words"), [
    (((date(2026, 12, 10), 12),), {2026: 85}, ("pause 1", "2026", "85", "90")),
    (((START, 10), (START + timedelta(days=5), 10)), {}, ("pause 2", "overlaps pause 1")),
    (((START - timedelta(days=3), 5),), {}, ("pause 1", "before the plan start")),
])
def test_invalid_fixed_pauses_are_errors_naming_the_pause(
        pauses: tuple[tuple[date, int], ...], used: dict[int, int],
        words: tuple[str, ...]) -> None:
    s = settings(fixed_pauses=pauses, pause_days_used=used, language="en")
    estate = Estate(servers=(Server("EX01", roles=("Mailbox",), build="15.1.2507.39"),))
    with pytest.raises(PauseError) as error:
        make_plan(estate, (), s)
    message = str(error.value)
    assert all(w.lower() in message.lower() for w in words), message
