"""Every step says what it rests on (the rule's name and the document behind it) in every
deliverable: the report's step list, the Excel plan, MS Project's task notes and the GUI's
step details; never the rule's internal id."""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from openpyxl import load_workbook

from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from planner.core.project import Project
from planner.core.report.context import build_context
from planner.core.report.html import render_report_html
from planner.core.step_source import step_source_text
from planner.gui.document import Document
from planner.gui.i18n import ui_language
from planner.gui.views.steps import StepsView
from planner.gui.worker import SyncRunner
from planner.pipeline import knowledge_for
from tests.sample_plans import sample_inputs, sample_plan

_NS = {"p": "http://schemas.microsoft.com/project"}
SAMPLES = ("mixed", "legacy")


def _expected(plan: Plan, knowledge: Knowledge, lang: str) -> dict[str, str]:
    """Step title -> what it rests on, in words (titles are unique within a plan)."""
    found = {s.title(lang): step_source_text(s, knowledge, lang) for s in plan.proposal.steps}
    assert all(found.values()), "every step rests on a rule or a documented fact"
    for step in plan.proposal.steps:
        if step.rule in knowledge.rules:
            assert f"“{step.rule}”" not in found[step.title(lang)]
            assert step.rule not in found[step.title(lang)].split()
    return found


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_report_excel_and_ms_project_carry_each_steps_source(
        name: str, lang: str, tmp_path: Path) -> None:
    plan = sample_plan(name)
    knowledge = knowledge_for(plan.settings)
    expected = _expected(plan, knowledge, lang)

    rows = [r for s in build_context(plan, knowledge, lang).phases for r in s.table.rows]
    # the report writes a source on the first card that cites it; later cards name the
    # rule and point to that card by its step number
    by_number = {r.cells[0]: r.source for r in rows}
    for row in rows:
        if row.source != expected[row.cells[2]]:
            pointed = re.search(r"(\d+)\D*$", row.source)
            assert pointed and by_number[pointed[1]] == expected[row.cells[2]], row.source
    page = render_report_html(plan, knowledge, lang)
    assert all(str(escape(text)) in page for text in expected.values())

    write_workbook(plan, knowledge, tmp_path / "plan.xlsx", lang)
    sheet = load_workbook(tmp_path / "plan.xlsx", read_only=True).worksheets[0]
    excel = {str(r[2]): r[13] for r in sheet.iter_rows(min_row=5, values_only=True)
             if isinstance(r[0], int) and str(r[1]).count(".") == 2}
    assert excel == expected

    write_mspdi(plan, knowledge, tmp_path / "plan.xml", lang)
    tasks = ET.parse(tmp_path / "plan.xml").getroot().iterfind("p:Tasks/p:Task", _NS)
    notes = {t.findtext("p:Name", namespaces=_NS): t.findtext("p:Notes", namespaces=_NS) or ""
             for t in tasks if t.findtext("p:OutlineLevel", namespaces=_NS) == "3"}
    assert notes.keys() == expected.keys()
    assert all(expected[title] in note for title, note in notes.items())


def test_the_gui_step_details_show_each_steps_source(qtbot: Any) -> None:
    inputs = sample_inputs("mixed")
    project = Project(estate=inputs.estate, findings=inputs.findings,
                      settings=replace(inputs.settings, solver_time_limit_s=1.0))
    doc = Document(project, runner=SyncRunner())
    doc.replan()
    assert doc.plan is not None
    view = StepsView(doc)
    qtbot.addWidget(view)
    for step in doc.plan.proposal.steps:
        view.select_step(step.id)
        text = step_source_text(step, doc.knowledge, ui_language())
        assert text and text in view.details.toPlainText(), step.id
