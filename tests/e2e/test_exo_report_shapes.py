"""Exchange Online's report in shapes nobody on the team wrote the code for (#15).

``exo-report-elbtal``: tab-separated, columns reordered, ISO dates, a 2013 server detected
in 2023, one detected last week, blocking 15 days earlier and 56 days later than the stage
table, a row the inventory lacks (and whose stale recommendation names the build another row
judges), 70 pause days used, a freeze over New Year. ``exo-report-ostsee``: a workbook with
date cells beside US and ISO text dates, a 2016 server blocked since 2024, one detected last
Saturday, one throttled earlier than the table, one whose next stage (throttle 30 and block 5
minutes an hour: stage 5) comes six weeks later than the table says, 85 pause days used.
What a consultant relies on: the state today as the report says it, an override that, once
applied, makes the report and the knowledge agree, and pauses the customer can run.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import cache
from itertools import pairwise
from pathlib import Path

import openpyxl

from planner.core.calendar import build_calendar
from planner.core.exo_view import implied_overrides
from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.pause_policy import pause_budget, pause_calendar
from planner.core.plan import Plan
from planner.core.report.management import action_table
from planner.core.report.summary import deadlines
from planner.core.report.wording import load_wording
from planner.pipeline import knowledge_for, load_inputs, make_plan

HERE = Path(__file__).resolve().parents[1] / "estates"


@cache
def _plan(name: str, overrides: tuple[tuple[str, str], ...] = ()) -> Plan:
    folder = HERE / name
    files = sorted(p for p in folder.iterdir() if p.suffix in (".csv", ".tsv", ".txt", ".xlsx"))
    inputs = load_inputs(files, settings_path=folder / "settings.toml")
    settings = replace(inputs.settings, solver_time_limit_s=3.0,
                       policy_overrides={**inputs.settings.policy_overrides,
                                         **dict(overrides)})
    return make_plan(inputs.estate, inputs.findings, settings, knowledge=knowledge_for(settings))


def _today(plan: Plan) -> dict[str, tuple[int, date, int | None, date | None]]:
    return {t.server: (t.stage, t.since, t.next_stage, t.next_date) for t in plan.today}


def test_the_state_today_follows_a_tab_separated_report_with_iso_dates() -> None:
    plan = _plan("exo-report-elbtal")
    assert _today(plan) == {
        "DD-EX13-01": (8, date(2024, 2, 13), None, None),  # detected 2023, blocked since
        "DD-EX16-01": (1, date(2026, 12, 3), 2, date(2027, 1, 2)),  # detected last week
        # blocked on 09.11. (table: 24.11.), the table runs on from there: all mail since 09.12.
        "DD-EX19-01": (8, date(2026, 12, 9), None, None),
        # blocked only from 15.01.2027 (table: 20.11.2026): throttled 20 minutes until then
        "DD-EX19-02": (4, date(2026, 11, 10), 5, date(2027, 1, 15)),
    }
    unknown = [f for f in plan.findings if f.code == "IMPORT-EXO-UNKNOWN-SERVER"]
    assert len(unknown) == 1 and "dd-ex16-02" in unknown[0].message("en")


def test_the_next_stage_is_the_stage_its_rates_name_however_late() -> None:
    """RS-EX16-02: throttled since 08.10. as the table says; the report's next stage is
    throttle 30 / block 5 minutes an hour (stage 5) on 20.12. Exchange Online shows the
    server throttled until then; the old reading took the block stage nearest 20.12. (stage
    8) and called it blocked 20 minutes an hour since 27.11."""
    plan = _plan("exo-report-ostsee")
    assert _today(plan) == {
        "RS-EX16-01": (8, date(2024, 7, 1), None, None),
        "RS-EX16-02": (4, date(2026, 10, 28), 5, date(2026, 12, 20)),
        "RS-EX19-01": (1, date(2026, 11, 28), 2, date(2026, 12, 28)),
        # throttled on 25.10. (table: 09.11.); by the table from there stage 6 since 04.12.
        "RS-EX19-02": (6, date(2026, 12, 4), 7, date(2026, 12, 14)),
    }
    rows = {d.server: d for d in deadlines(plan, knowledge_for(plan.settings))}
    assert rows["RS-EX16-02"].throttle_from == date(2026, 10, 8)
    # the plan's days follow the same timeline: never in stages 6-8 before its cutover
    exposure = {e.server: e for e in plan.schedule.exposure}["RS-EX16-02"]
    assert exposure.days_in_stage[3] > 0 and sum(exposure.days_in_stage[5:]) == 0, exposure
    texts = [f.message("en") for f in plan.findings if f.code == "EXO-REPORT-CLOCK"
             and f.target == "server:RS-EX16-02"]
    assert len(texts) == 1 and "(stage 5)" in texts[0] and "20 Dec 2026" in texts[0], texts


def test_the_implied_override_once_applied_leaves_report_and_knowledge_agreeing() -> None:
    """DD-EX16-01 on 2507.61 is judged and its row recommends 2507.69; a stale row of a
    server the inventory lacks recommends 2507.61. The override is 2507.69, and applying
    the printed overrides gives no further baseline finding (it used to say "no 2016 build
    newer than 15.1.2507.61 is recommended (... recommends 15.1.2507.69)", and once 2507.61
    was below the baseline, to set it back to 2507.61)."""
    plan = _plan("exo-report-elbtal")
    implied = implied_overrides(plan.baseline_evidence)
    assert implied == {"baseline.2016.CU23": "15.1.2507.69",
                       "baseline.2019.CU14": "15.2.1544.36"}
    applied = _plan("exo-report-elbtal", tuple(sorted(implied.items())))
    assert not [f for f in applied.findings if f.code == "EXO-BASELINE-MOVED"]
    assert implied_overrides(applied.baseline_evidence) == {}


EXO_ESTATES = ("exo-report-elbtal", "exo-report-ostsee", "exo-report-nordlicht",
               "exo-report-alster", "exo-report-wattenmeer")


def test_pauses_are_runnable_within_each_years_budget_and_never_double_counted() -> None:
    """Every estate with an Exchange Online report (the sample-wide weekend test does not
    list them): each pause begins on a working day (in a freeze too: the freeze leaves the
    request, ``calendar.freeze_leaves``), none shares a day with another, and each year's
    budget holds with the days already used."""
    for name in EXO_ESTATES:
        plan = _plan(name)
        settings = plan.settings
        calendar = pause_calendar(build_calendar(settings, plan.estate),
                                  knowledge_for(settings))
        pauses = sorted(plan.schedule.pauses, key=lambda p: p.start)
        assert pauses, name
        for before, after in pairwise(pauses):
            assert before.end < after.start, (name, before, after)  # no shared day
        for pause in pauses:
            assert calendar.is_working_day(pause.start), (name, pause)
            # from the plan start, or from the as-of date when it lies before it
            assert pause.start >= min(settings.start, settings.as_of or settings.start)
        for year, days in pause_budget(pauses, settings.pause_days_used).items():
            assert settings.pause_days_used.get(year, 0) + days <= 90, (name, year, days)
        for n, pause in enumerate(pauses, start=1):
            step = plan.proposal.step(f"pause:{n}")
            assert step is not None and step.command.endswith(f"-NumberOfDays {pause.days}")
            dated = plan.schedule.for_step(step.id)
            assert dated is not None and dated.start == pause.start
            assert pause.start + timedelta(days=pause.days - 1) == pause.end


def test_a_cutover_carries_the_end_of_the_pause_that_holds_it_never_an_earlier_one() -> None:
    """Ostsee's pause 1 (7.-11.12.) holds RS-EX19-02 only; RS-EX16-01's cutover on 09.01.
    lies in pause 2 (4.-23.01.). Every deadline lies on or after its step's end (MS Project
    showed the send connector moves of 09.01. and 16.01., the Hybrid wizard and the
    decommissioning in February with a missed deadline of 11.12.; Elbtal's likewise)."""
    for name in EXO_ESTATES:
        plan = _plan(name)
        for step in plan.proposal.steps:
            dated = plan.schedule.for_step(step.id)
            if step.deadline is not None and dated is not None:
                assert dated.end <= step.deadline, (name, step.id, dated.end, step.deadline)
    plan = _plan("exo-report-ostsee")
    # requested on 31 December, in the Christmas freeze, which leaves the request
    second = sorted(plan.schedule.pauses, key=lambda p: p.start)[1]
    assert second.end.year == 2027
    # since the security updates to the baseline (rule exo_baseline_su, 2026-12-07) the
    # cutover that pause 2 holds is RS-EX19-01's update, no longer RS-EX16-01's connectors
    held = [s for s in plan.proposal.steps if s.exits_exo_view and s.deadline == second.end]
    assert held
    for step in held:
        dated = plan.schedule.for_step(step.id)
        assert dated is not None and second.start <= dated.end <= second.end


def test_a_pause_needed_now_runs_from_the_as_of_date_before_the_plan_start(
        tmp_path: Path) -> None:
    """Elbtal: as-of Thursday 10.12., plan start Monday 14.12., DD-EX13-01 blocked since 2024.
    The pause needed now is requested on 10.12. and the plan counts it, its days and the
    2026 budget (70 used) from 10.12.: run on the day the step says, the command's days end
    on the day the plan counts as the pause's last. On the old code the step said 'run on
    14.12.' (the plan start) and the four days before were neither paused nor counted."""
    plan = _plan("exo-report-elbtal")
    as_of = date(2026, 12, 10)
    first = plan.schedule.pauses[0]
    assert first.start == as_of
    step = plan.proposal.step("pause:1")
    assert step is not None and step.deadline == as_of
    dated = plan.schedule.for_step("pause:1")
    assert dated is not None and dated.start == dated.end == as_of
    days = int(step.command.split("-NumberOfDays")[1].split()[0])
    assert as_of + timedelta(days=days - 1) == first.end
    assert step.title("de").endswith("am 10.12.2026 beantragen")
    budget = pause_budget(plan.schedule.pauses, plan.settings.pause_days_used)
    assert 70 + budget[2026] <= 90
    # the objective counts the days from the as-of date: DD-EX13-01 is blocked from then
    # on wherever no pause holds it (a two-day gap before the freeze, budget 20 days)
    exposure = {e.server: e for e in plan.schedule.exposure}
    assert sum(exposure["DD-EX13-01"].days_in_stage) + exposure["DD-EX13-01"].paused_days \
        == (exposure["DD-EX13-01"].cutover - as_of).days + 1
    # the later pause is not 'needed now', and its server is 'blocked again' after pause 1,
    # as since 2024 — not 'blocked since' a day inside the plan
    later = plan.proposal.step("pause:2")
    assert later is not None and later.deadline is None
    en = later.why("en")
    assert "DD-EX13-01 is blocked again (stage 8) from" in en
    assert "as it was since 13 Feb 2024" in en
    assert "since 16 Dec 2026" not in en
    # every deliverable dates it on 10.12.: the action list, the workbook and MS Project
    knowledge = knowledge_for(plan.settings)
    rows = [r for r in action_table(plan, load_wording("de")).rows
            if "Durchsetzungspause 1" in r.cells[1]]
    assert rows and rows[0].cells[0] == "10.12.2026"
    xml = tmp_path / "plan.xml"
    write_mspdi(plan, knowledge, xml, "de")
    text = xml.read_text(encoding="utf-8")
    assert "<StartDate>2026-12-10T08:00:00</StartDate>" in text
    assert "<Deadline>2026-12-10T17:00:00</Deadline>" in text
    book = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, book, "de")
    (row,) = [r for r in openpyxl.load_workbook(book)["Plan"].iter_rows()
              if any(str(c.value).startswith("Durchsetzungspause 1") for c in r)]
    assert [c.value for c in row].count(datetime(2026, 12, 10)) == 2
