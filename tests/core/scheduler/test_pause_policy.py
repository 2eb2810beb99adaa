"""Every pause fact of the policy changes the plan; fixed pauses that break it are errors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.core.errors import error_words
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, Server
from planner.core.pause_policy import PauseError, days_per_year
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
    assert fact.documentation and "Documentation only" in fact.remark("en")
    assert _plan({"policy.pause_can_end_early": True}) == _plan({})


@pytest.mark.parametrize("freeze_leaves_pauses", [True, False])
def test_no_pause_begins_on_a_weekend_or_holiday_nor_in_a_freeze_that_stops_it(
        freeze_leaves_pauses: bool) -> None:
    """A freeze leaves the pause request by default (``calendar.freeze_leaves`` holds
    "pause"); a project whose freeze stops it takes it out and no pause begins in it."""
    from planner.core.calendar import build_calendar

    freeze = Freeze(date(2026, 12, 9), date(2026, 12, 14), "Release freeze")
    leaves = ["health_check", "license_check", "extended_protection", "certificate_expiry"]
    overrides = {} if freeze_leaves_pauses else {"calendar.freeze_leaves": leaves}
    plan = _plan(overrides, freezes=(freeze,))
    calendar = build_calendar(settings(freezes=() if freeze_leaves_pauses else (freeze,)))
    assert plan.pauses and all(calendar.is_working_day(p.start) for p in plan.pauses)


@pytest.mark.parametrize(("pauses", "used", "words"), [
    (((date(2026, 12, 10), 12),), {2026: 85}, ("pause 1", "2026", "85 days", "90 days")),
    (((START, 10), (START + timedelta(days=5), 10)), {},
     ("pause 2", "overlaps pause 1", "90 days")),
    (((START - timedelta(days=3), 5),), {}, ("pause 1", "before the plan start")),
    # one pause over New Year: 31 days in 2026 and 69 in 2027 fit both budgets, but one
    # request may not ask for more than 90 days
    (((START, 100),), {}, ("pause 1", "100 days", "at most 90 days")),
    # a long first pause overlaps the third although the second ends before it
    (((START, 40), (START + timedelta(days=2), 1), (START + timedelta(days=20), 3)), {},
     ("pause 2", "overlaps pause 1")),
    (((START + timedelta(days=50), 3), (START + timedelta(days=20), 40)), {},
     ("pause 2", "overlaps pause 1")),
    # days already used in the following year count against that year's budget
    (((date(2026, 12, 20), 60),), {2027: 50}, ("pause 1", "2027", "50 days", "48 days")),
    (((date(2026, 12, 20), 12),), {2026: 89}, ("pause 1", "89 days", "12 days planned")),
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


def test_a_singular_count_is_worded_as_one_day_in_both_languages() -> None:
    estate = Estate(servers=(Server("EX01", roles=("Mailbox",), build="15.1.2507.39"),))
    for lang, word in (("en", "1 day planned"), ("de", "1 Tag geplant")):
        s = settings(fixed_pauses=((date(2026, 12, 10), 1),), pause_days_used={2026: 90},
                     language=lang)
        with pytest.raises(PauseError) as error:
            make_plan(estate, (), s)
        shown = error_words(error.value, lang)  # what a window shows, in the reader's words
        assert word in shown, shown
    assert "1 day planned" in str(error.value)  # the text (log, terminal) is English


def test_the_longest_single_pause_is_a_fact_that_changes_the_plan() -> None:
    """A 10-day limit per request: no planned pause is longer, so the plan changes."""
    long_, capped = _plan({}), _plan({"policy.pause_max_days_per_pause": 10})
    assert max(p.days for p in long_.pauses) > 10
    assert capped.pauses and max(p.days for p in capped.pauses) <= 10
    assert capped != long_


def test_a_smaller_yearly_budget_changes_the_plan() -> None:
    wide, narrow = _plan({}), _plan({"policy.pause_max_days_per_year": 3})
    per_year: dict[int, int] = {}
    for p in narrow.pauses:
        for year, days in days_per_year(p.start, p.days).items():
            per_year[year] = per_year.get(year, 0) + days
    assert per_year and max(per_year.values()) <= 3 < wide.objective.pause_days
    assert (narrow.objective.blocked_days, narrow.objective.throttled_days) > (
        wide.objective.blocked_days, wide.objective.throttled_days)


def test_the_pause_cmdlet_is_the_command_of_the_pause_step() -> None:
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39", judged_by_exo=True),))
    s = settings(first_detected={"EX01": date(2024, 3, 28)}, language="en")
    cmdlet = "Invoke-MyPause -Days <n>"
    plan = make_plan(estate, (), s, knowledge=load_knowledge({"policy.pause_cmdlet": cmdlet}))
    steps = [st for st in plan.proposal.steps if st.kind == "pause"]
    assert steps and all(st.command.startswith("Invoke-MyPause -Days ") for st in steps)


def test_a_later_policy_start_moves_an_estimated_detection() -> None:
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),))
    steps = proposal(make_step("a", 3, exits=("EX01",)))
    early, late = (schedule(steps, estate, settings(), Decisions(), load_knowledge(o)).exposure
                   for o in ({}, {"policy.start": "2026-11-20"}))
    assert early[0].first_detected == date(2026, 9, 7)
    assert late[0].first_detected == date(2026, 11, 20)
