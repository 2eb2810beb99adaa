"""The unseen estate exo-report-harz (tests/estates/make_exo_report_harz.py) against the
Done-when of #15: the report's dates are facts (2024 detection blocked from the first
counted day on, a blocking date 20 days before the stage table's in the history strip too),
the state today per server, the baseline moved with its override, the pause as the
customer's task from the as-of date (Thursday before Easter, plan start the Tuesday after),
never starting on a holiday, weekend or freeze day, in every deliverable."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from planner.core.calendar import build_calendar
from planner.core.enforcement import daily_stages
from planner.core.exo_view import implied_overrides
from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.plan_json import plan_to_plain
from planner.core.report.management import action_table
from planner.core.report.wording import load_wording
from planner.pipeline import knowledge_for, make_plan
from tests.e2e.test_exo_report_shapes import _plan

AS_OF = date(2027, 3, 25)  # Thursday; Good Friday 26.03., Easter Monday 29.03.


def test_the_report_dates_are_facts_from_the_first_counted_day_on() -> None:
    plan = _plan("exo-report-harz")
    today = {t.server: t for t in plan.today}
    assert (today["HZ-EX13-01"].stage, today["HZ-EX13-01"].since) == (8, date(2024, 5, 10))
    assert today["HZ-EX13-01"].rating == "red" and today["HZ-EX16-01"].rating == "amber"
    assert today["HZ-EX19-02"].kind == "block"  # blocked by the report since 29.01.
    # without pauses the 2013 server is blocked on every day from 25.03. to its cutover
    bare = make_plan(plan.estate, (), replace(plan.settings, fixed_pauses=()),
                     knowledge=knowledge_for(plan.settings))
    ex13 = next(e for e in bare.schedule.exposure if e.server == "HZ-EX13-01")
    assert ex13.cutover is not None
    assert ex13.days_in_stage[7] == (ex13.cutover - AS_OF).days + 1
    # the history strip follows the report: blocked from 29.01.2027, not the table's 18.02.
    ex19 = next(e for e in plan.schedule.exposure if e.server == "HZ-EX19-02")
    strip = {d.day: d for d in daily_stages(ex19, plan.schedule.pauses,
                                            knowledge_for(plan.settings).policy, AS_OF)}
    assert strip[date(2027, 1, 28)].kind == "throttle"
    assert strip[date(2027, 1, 29)].kind == "block"
    assert any(f.code == "EXO-REPORT-CLOCK" and f.target == "server:HZ-EX19-02"
               for f in plan.findings)


def test_the_moved_baseline_is_named_and_applying_it_makes_both_agree() -> None:
    plan = _plan("exo-report-harz")
    assert implied_overrides(plan.baseline_evidence) == {"baseline.2019.CU15": "15.2.1748.42"}
    applied = _plan("exo-report-harz", (("baseline.2019.CU15", "15.2.1748.42"),))
    assert not [f for f in applied.findings if f.code == "EXO-BASELINE-MOVED"]
    assert implied_overrides(applied.baseline_evidence) == {}


def test_the_pause_is_the_customers_task_from_the_as_of_date(tmp_path: Path) -> None:
    plan = _plan("exo-report-harz")
    knowledge = knowledge_for(plan.settings)
    calendar = build_calendar(plan.settings, plan.estate)
    for pause in plan.schedule.pauses:
        assert calendar.is_working_day(pause.start), pause
        assert not any(f.start <= pause.start <= f.end for f in plan.settings.freezes)
    first = plan.schedule.pauses[0]
    assert first.start == AS_OF  # needed now: before Easter, not on the plan start 30.03.
    (step,) = [s for s in plan_to_plain(plan, knowledge)["steps"] if s["id"] == "pause:1"]
    assert step["kind"] == "pause" and step["owner"] and step["deadline"] == "2027-03-25"
    assert step["command"].endswith(f"-NumberOfDays {first.days}")
    assert AS_OF + timedelta(days=first.days - 1) == first.end
    assert 30 + first.days <= 90
    book = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, book, "en")
    assert any("Request enforcement pause 1" in str(c.value)
               for r in openpyxl.load_workbook(book)["Plan"].iter_rows() for c in r)
    project = tmp_path / "plan.xml"
    write_mspdi(plan, knowledge, project, "en")
    ns = {"p": "http://schemas.microsoft.com/project"}
    (task,) = [t for t in ET.parse(project).getroot().findall(".//p:Task", ns)
               if t.findtext("p:Name", "", ns).startswith("Request enforcement pause 1")]
    assert task.findtext("p:Deadline", "", ns) == "2027-03-25T17:00:00"
    actions = [r.cells for r in action_table(plan, load_wording("en")).rows
               if "pause 1" in r.cells[1]]
    assert actions and actions[0][0] == "25 Mar 2027"
