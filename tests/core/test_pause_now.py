"""A pause needed now: a server Exchange Online already blocks on the as-of date.

The customer's step says the pause is needed now, and is due on the pause's first counted day
(its deadline and its date in every deliverable, a working day): the command counts its days
from the day it is run, so run then it ends on the day the plan counts as its last. When the
as-of date lies before the plan start, that first day is the as-of date (a working day
outside a freeze), not the plan start: the plan counts the pause and its budget from then.
What it prevents is said in the past tense: blocked since 2024, not "from the plan start".
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from planner.core.errors import SettingsError
from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.plan import Plan, Step
from planner.core.plan_json import plan_to_plain
from planner.core.report.management import action_table, decision_table
from planner.core.report.wording import load_wording
from planner.core.settings import Decisions
from planner.pipeline import make_plan
from tests.core.scheduler.builders import settings
from tests.sample_plans import sample_inputs, sample_plan

AS_OF, START = date(2026, 12, 4), date(2026, 12, 7)
DETECTED = date(2024, 3, 28)
BLOCKED = DETECTED + timedelta(days=90)  # stage 8 from day 90: 26.06.2024
# EX01 (2016 CU23 Apr24HU) keeps its build until its migration: these tests are about the
# pause that needs; its security update to the baseline (rule exo_baseline_su, ending the
# enforcement on the first Saturday) would need one of 9 days or none
KEEP = Decisions(disabled_rules=frozenset({"exo_baseline_su"}))


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The shipped knowledge base."""
    return load_knowledge()


def _plan(knowledge: Knowledge, detected: date, lang: str = "en") -> Plan:
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", detected)
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    return make_plan(estate, (), settings(as_of=AS_OF, start=START, language=lang),
                     decisions=KEEP, knowledge=knowledge)


def _first_pause(plan: Plan) -> Step:
    return next(s for s in plan.proposal.steps if s.id == "pause:1")


@pytest.fixture(scope="module")
def blocked(knowledge: Knowledge) -> Plan:
    """EX01 first detected 28.03.2024: blocked since 26.06.2024, long before the plan."""
    return _plan(knowledge, DETECTED)


def _ends_on(step: Step, run_on: date) -> date:
    """The last paused day when the admin runs the step's command on ``run_on``."""
    days = int(step.command.split("-NumberOfDays")[1].split()[0])
    return run_on + timedelta(days=days - 1)


def test_a_pause_for_a_server_blocked_since_2024_is_due_on_the_as_of_date(
        blocked: Plan) -> None:
    step = _first_pause(blocked)
    pause = blocked.schedule.pauses[0]
    # Friday 04.12. (as-of) before Monday 07.12. (plan start): the pause counts from Friday
    assert pause.start == AS_OF  # on the old code: the plan start
    assert step.deadline == AS_OF
    (dated,) = [d for d in blocked.schedule.steps if d.step_id == "pause:1"]
    assert (dated.start, dated.end) == (AS_OF, AS_OF)
    # run on the day the step says, the command ends on the plan's last pause day
    assert _ends_on(step, dated.start) == pause.end
    # the budget counts the days from the day it is run: 28 in 2026 (04.12.-31.12.)
    assert pause.days == (pause.end - AS_OF).days + 1
    assert "28 of 2026" in step.why("en")
    assert step.title("en").endswith("on 4 Dec 2026")
    assert "am 04.12.2026 beantragen" in step.title("de")
    en, de = step.why("en"), step.why("de")
    assert "as it has been since 26 Jun 2024" in en and "on 4 Dec 2026" in en
    assert "already throttled or blocked on 4 Dec 2026" in en
    assert "wie schon seit 26.06.2024" in de and "am 04.12.2026" in de
    # never "blocked from the plan start" for a server blocked these two years
    assert "EX01 blocked (stage 8) from" not in en and "EX01 ab 07.12.2026" not in de


def test_the_json_workbook_mspdi_and_action_list_say_request_by_its_first_day(
        blocked: Plan, knowledge: Knowledge, tmp_path: Path) -> None:
    (step,) = [s for s in plan_to_plain(blocked, knowledge)["steps"] if s["id"] == "pause:1"]
    assert step["start"] == step["deadline"] == AS_OF.isoformat()

    book = tmp_path / "plan.xlsx"
    write_workbook(blocked, knowledge, book, "de")
    (row,) = [r for r in openpyxl.load_workbook(book)["Plan"].iter_rows()
              if any(str(c.value).startswith("Durchsetzungspause 1") for c in r)]
    values = [c.value for c in row]
    assert "Durchsetzungspause 1 (44 Tage) am 04.12.2026 beantragen" in values
    assert values.count(datetime(2026, 12, 4)) == 2  # start and finish: the pause's first day
    assert any(str(v).startswith("Sofort nötig") and "04.12.2026" in str(v)
               for v in values)  # the printed short reason says by when
    notes = " ".join(c.comment.text for c in row if c.comment)
    assert "wie schon seit 26.06.2024" in notes

    project = tmp_path / "plan.xml"
    write_mspdi(blocked, knowledge, project, "en")
    ns = {"p": "http://schemas.microsoft.com/project"}
    (task,) = [t for t in ET.parse(project).getroot().findall(".//p:Task", ns)
               if t.findtext("p:Name", "", ns).startswith("Request enforcement pause 1")]
    assert task.findtext("p:Deadline", "", ns) == "2026-12-04T17:00:00"
    assert task.findtext("p:Start", "", ns).startswith("2026-12-04")
    # the project starts with its first task, the pause before the plan start
    assert ET.parse(project).getroot().findtext("p:StartDate", "", ns).startswith("2026-12-04")

    for lang, due in (("en", "4 Dec 2026"), ("de", "04.12.2026")):
        (decision,) = [r for r in decision_table(blocked, load_wording(lang)).rows
                       if r.cells[0].startswith(("Approve", "Durchsetzungspause"))]
        assert decision.cells[1] == due  # its approval is due by then too
        table = action_table(blocked, load_wording(lang))
        (action,) = [r for r in table.rows if "1" in r.cells[1] and (
            "pause" in r.cells[1].lower())]
        assert action.cells[0] == due and action.cells[1].endswith(
            "on 4 Dec 2026" if lang == "en" else "am 04.12.2026 beantragen")


def test_a_pause_whose_server_is_not_yet_judged_keeps_its_own_date(knowledge: Knowledge) -> None:
    # First detected after the plan start: nothing is throttled on the as-of date.
    plan = _plan(knowledge, date(2026, 12, 10))
    for step in (s for s in plan.proposal.steps if s.kind == "pause"):
        (dated,) = [d for d in plan.schedule.steps if d.step_id == step.id]
        assert step.deadline is None and dated.start > AS_OF
        assert "Dec 2026" not in step.title("en") and "since" not in step.why("en")


def test_a_pause_the_plan_starts_before_the_as_of_date_ends_later_if_run_late(
        knowledge: Knowledge) -> None:
    # The plan started before its as-of date (a warning): the pause is overdue, and run on
    # the as-of date it ends later than the plan counts, not earlier.
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", DETECTED)
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    plan = make_plan(estate, (), settings(as_of=date(2026, 12, 9), start=START),
                     decisions=KEEP, knowledge=knowledge)
    step = _first_pause(plan)
    assert step.deadline == date(2026, 12, 9)
    (dated,) = [d for d in plan.schedule.steps if d.step_id == "pause:1"]
    # overdue: dated on the day it can still be run, not on a day already past
    assert plan.schedule.pauses[0].start < dated.start == date(2026, 12, 9)
    assert "run after 7 Dec 2026, it ends as many days later" in step.why("en")
    assert "nach dem 07.12.2026 ausgeführt, endet sie entsprechend später" in step.why("de")


def test_a_saturday_as_of_date_dates_the_pause_on_a_working_day_that_protects_the_cutover(
        knowledge: Knowledge, tmp_path: Path) -> None:
    # As of Saturday 05.12., plan start Monday 07.12.: the step (and MS Project's start and
    # deadline) is on Monday, and run as told it covers every day the plan counts.
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", DETECTED)
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    plan = make_plan(estate, (), settings(as_of=date(2026, 12, 5), start=START),
                     decisions=KEEP, knowledge=knowledge)
    step, pause = _first_pause(plan), plan.schedule.pauses[0]
    (dated,) = [d for d in plan.schedule.steps if d.step_id == "pause:1"]
    assert step.deadline == dated.start == START and START.weekday() < 5
    assert _ends_on(step, dated.start) == pause.end
    project = tmp_path / "plan.xml"
    write_mspdi(plan, knowledge, project, "en")
    ns = {"p": "http://schemas.microsoft.com/project"}
    (task,) = [t for t in ET.parse(project).getroot().findall(".//p:Task", ns)
               if t.findtext("p:Name", "", ns).startswith("Request enforcement pause 1")]
    for field in ("p:Start", "p:Deadline"):
        assert datetime.fromisoformat(task.findtext(field, "", ns)).weekday() < 5


def test_an_overdue_pause_as_of_a_saturday_is_due_on_the_next_working_day(
        knowledge: Knowledge, tmp_path: Path) -> None:
    # The plan started Monday 07.12., as of Saturday 12.12.: the pause the plan counts from
    # 07.12. is overdue. Nobody runs it on a Saturday: the step, its deadline, MS Project's
    # start and deadline and the workbook's "run on" day are Monday 14.12.
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", DETECTED)
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    monday = date(2026, 12, 14)
    plan = make_plan(estate, (), settings(as_of=date(2026, 12, 12), start=START),
                     decisions=KEEP, knowledge=knowledge)
    step, pause = _first_pause(plan), plan.schedule.pauses[0]
    assert pause.start < date(2026, 12, 12)
    (dated,) = [d for d in plan.schedule.steps if d.step_id == "pause:1"]
    assert step.deadline == dated.start == dated.end == monday
    assert step.title("en").endswith("on 14 Dec 2026")
    project = tmp_path / "plan.xml"
    write_mspdi(plan, knowledge, project, "en")
    ns = {"p": "http://schemas.microsoft.com/project"}
    (task,) = [t for t in ET.parse(project).getroot().findall(".//p:Task", ns)
               if t.findtext("p:Name", "", ns).startswith("Request enforcement pause 1")]
    assert task.findtext("p:Start", "", ns).startswith("2026-12-14")
    assert task.findtext("p:Deadline", "", ns) == "2026-12-14T17:00:00"
    book = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, book, "en", today=date(2026, 12, 12))
    (row,) = [[c for c in r if c is not None] for r in openpyxl.load_workbook(book)
              ["Enforcement"].iter_rows(values_only=True) if r[0] == "Pause 1"]
    assert row[4] == datetime(2026, 12, 14)  # run on


@pytest.fixture(scope="module")
def started_before_as_of(knowledge: Knowledge) -> Plan:
    """The mixed sample as planned with a start four days before its as-of date (a project
    opened after its start): its first pause, 01.12.-04.12.2026, is over by then."""
    inputs = sample_inputs("mixed")
    plan_settings = replace(inputs.settings, start=date(2026, 12, 1), as_of=date(2026, 12, 5),
                            solver_time_limit_s=3.0)
    return make_plan(inputs.estate, inputs.findings, plan_settings, knowledge=knowledge)


def test_a_pause_over_before_the_as_of_date_is_history_not_a_task_for_now(
        started_before_as_of: Plan) -> None:
    plan, as_of = started_before_as_of, date(2026, 12, 5)
    past = [(n, p) for n, p in enumerate(plan.schedule.pauses, start=1) if p.end < as_of]
    assert past, plan.schedule.pauses
    for n, pause in past:
        step = plan.proposal.step(f"pause:{n}")
        assert step is not None and step.deadline is None  # not "needed now"
        assert "beantragen" in step.title("de") and " am " not in step.title("de")
        (dated,) = [d for d in plan.schedule.steps if d.step_id == step.id]
        assert dated.start == pause.start
    for lang in ("de", "en"):
        words = load_wording(lang)
        decisions = decision_table(plan, words).rows
        actions = action_table(plan, words).rows
        for n, pause in past:
            when = words.date(pause.start)
            assert not any(when in r.cells[0] for r in decisions), decisions
            assert not any(f" {n} " in f"{r.cells[1]} " and "pause" in r.cells[1].lower()
                           for r in actions), actions
    (finding,) = [f for f in plan.findings if f.code == "PAUSE-IN-PAST"]
    assert "01.12.2026" in finding.message("de") and "04.12.2026" in finding.message("de")
    assert "4 Tage" in finding.message("de") and "4 days" in finding.message("en")


def test_the_bundled_samples_are_planned_from_the_day_they_are_opened() -> None:
    """The samples carry no start: however old the release, a sample's plan starts on the
    day it is made, so nothing is planned in the past and nothing reads "now" for a day gone."""
    inputs = sample_inputs("mixed")
    assert inputs.settings.start == date.today() and inputs.settings.as_of is None
    plan = sample_plan("mixed")
    assert not [f for f in plan.findings if f.code in ("PLAN-START-BEFORE-AS-OF",
                                                       "PAUSE-IN-PAST")]
    assert all(p.start >= date.today() for p in plan.schedule.pauses)


def test_a_pause_running_on_the_as_of_date_is_recorded_as_history(
        knowledge: Knowledge) -> None:
    # Requested on Tuesday 01.12. for 45 days, still running on the as-of date (04.12.), the
    # plan starts on 07.12.: it was refused as 'before the plan start' and could not be
    # entered at all (pause_days_used knows no dates, so the clock ignored it).
    report = ExoReport("ex01.contoso.com", "15.1.2507.39", DETECTED)
    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.39"),), exo_reports=(report,))
    running = (date(2026, 12, 1), 45)
    plan = make_plan(estate, (), settings(as_of=AS_OF, start=START, fixed_pauses=(running,)),
                     decisions=KEEP, knowledge=knowledge)
    (pause,) = plan.schedule.pauses
    assert (pause.start, pause.days) == running  # its real days, for the budget too
    assert not [s for s in plan.proposal.steps if s.kind == "pause"]  # nobody requests it again
    (today,) = plan.today
    assert today.kind == "paused"
    # a pause over before the as-of date is still refused: its days are days used
    with pytest.raises(SettingsError) as error:
        make_plan(estate, (), settings(as_of=AS_OF, start=START,
                                       fixed_pauses=((date(2026, 11, 2), 5),)),
                  decisions=KEEP, knowledge=knowledge)
    assert "not running on the as-of date" in str(error.value) or \
        "läuft am Stichtag" in str(error.value)


def test_a_pause_needed_now_for_a_server_only_reported_says_so(knowledge: Knowledge) -> None:
    """The plan counts a pause from the as-of date for a server Exchange Online only reports
    so far: needed now, but never "already throttled or blocked" (false on that day)."""
    detected = AS_OF - timedelta(days=20)  # reported only; throttled 30 days after detection
    plan = make_plan(
        Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                               build="15.1.2507.39"),),
               exo_reports=(ExoReport("ex01.contoso.com", "15.1.2507.39", detected),)),
        (), settings(as_of=AS_OF, start=AS_OF, language="en"), decisions=KEEP,
        knowledge=knowledge)
    stages = {e.server: e for e in plan.schedule.exposure}
    first = next(s for s in plan.proposal.steps if s.kind == "pause")
    (dated,) = [d for d in plan.schedule.steps if d.step_id == first.id]
    assert plan.schedule.pauses[0].start == AS_OF and first.deadline == AS_OF
    assert "EX01" in stages
    for lang in ("en", "de"):
        why = first.why(lang)
        assert "already throttled" not in why and "bereits gedrosselt" not in why
    assert "Needed now because the plan counts the pause from 4 Dec 2026" in first.why("en")
    assert "no server it holds back is throttled or blocked yet" in first.why("en")
    assert dated.driver is not None and dated.driver.key == "pause_due"


def test_a_pause_says_the_worse_stage_it_holds_off_not_only_the_current_one(
        knowledge: Knowledge) -> None:
    """A review's hub, blocked (stage 7) on the as-of date and fully blocked (stage 8) five
    days later: the pause said only "stays blocked (stage 7), as it has been since …"."""
    detected = AS_OF - timedelta(days=85)  # stage 7 from day 80, stage 8 from day 90
    plan = _plan(knowledge, detected)
    step = _first_pause(plan)
    stage8 = detected + timedelta(days=90)
    assert "(stage 7)" in step.why("en")
    assert f"then blocked (stage 8) from {stage8.day} {stage8:%b} {stage8.year}" in step.why("en")
    de = _plan(knowledge, detected, "de")
    assert f"danach ab {stage8:%d.%m.%Y} blockiert (Stufe 8)" in _first_pause(de).why("de")
