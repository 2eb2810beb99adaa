"""The pause is the customer's task: a dated step with owner and command in every deliverable."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from planner.core.calendar import build_calendar
from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.plan_json import plan_to_plain
from planner.core.report.html import render_report_html
from planner.pipeline import knowledge_for
from tests.e2e.test_unseen_estates import ESTATES, files
from tests.sample_plans import estate_plan, sample_plan

SAMPLES = ("mixed", "small", "legacy", "mixed-messy-de", "mixed-powershell")
COMMAND = "New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays"


@pytest.mark.parametrize("name", SAMPLES + tuple(ESTATES))
def test_no_pause_starts_on_a_weekend_holiday_or_freeze_day(name: str) -> None:
    plan = sample_plan(name) if name in SAMPLES else estate_plan(files(name))
    calendar = build_calendar(plan.settings, plan.estate)
    assert all(calendar.is_working_day(p.start) for p in plan.schedule.pauses)


def test_each_pause_is_a_customer_step_in_json_workbook_mspdi_and_report(
        tmp_path: Path) -> None:
    plan = sample_plan("legacy")
    knowledge = knowledge_for(plan.settings)
    (pause,) = plan.schedule.pauses
    data = plan_to_plain(plan, knowledge)
    (step,) = [s for s in data["steps"] if s["kind"] == "pause"]
    assert step["owner"] == "exo_admin" and step["start"] == pause.start.isoformat()
    assert step["command"] == f"{COMMAND} {pause.days}"
    assert any(words in step["why"].lower() for words in ("if it is not run",
                                                          "wird sie nicht ausgeführt"))
    protected = [s for s in data["steps"] if s["deadline"] == pause.end.isoformat()]
    assert protected, "the cutover the pause protects carries its end as deadline"

    book = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, book, "en")
    cells = {str(c.value) for ws in openpyxl.load_workbook(book).worksheets
             for row in ws.iter_rows() for c in row if c.value is not None}
    assert "Customer's Exchange Online administrator" in cells
    assert f"{COMMAND} {pause.days}" in cells

    project = tmp_path / "plan.xml"
    write_mspdi(plan, knowledge, project, "en")
    ns = {"p": "http://schemas.microsoft.com/project"}
    tasks = ET.parse(project).getroot().findall(".//p:Task", ns)
    names = [t.findtext("p:Name", "", ns) for t in tasks]
    assert any(n.startswith("Request enforcement pause 1") for n in names)
    deadlines = [t.findtext("p:Deadline", "", ns) for t in tasks]
    assert f"{pause.end.isoformat()}T17:00:00" in deadlines

    html = render_report_html(plan, knowledge, "en")
    assert "Request enforcement pause 1" in html
    assert "Customer&#39;s Exchange Online administrator" in html or \
        "Customer's Exchange Online administrator" in html


@pytest.mark.parametrize("name", SAMPLES)
def test_a_pause_names_the_servers_it_holds_and_what_not_running_it_costs(name: str) -> None:
    plan = sample_plan(name)
    judged = {e.server for e in plan.schedule.exposure}
    for step in (s for s in plan.proposal.steps if s.kind == "pause"):
        why = step.why("en") + " " + step.why("de")
        assert " for –." not in why and " für –." not in why, why
        assert any(server in why for server in judged), why
