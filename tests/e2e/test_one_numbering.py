"""One numbering: a step carries the same task id, WBS number, title and phase name in the
report, the Excel plan, MS Project and the GUI's step list, on every bundled sample."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.core.catalogue import catalogue
from planner.core.export.mspdi import write_mspdi
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.plan import Phase, Plan
from planner.core.report.context import build_context
from planner.core.vocabulary import PHASES
from planner.gui.views.steps_model import StepsModel
from planner.render.report_pdf import ensure_app
from tests.paths import SAMPLES
from tests.sample_plans import sample_plan

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
_NS = {"p": "http://schemas.microsoft.com/project"}

Numbered = set[tuple[int, str, str]]  # (task id, WBS, title)


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The bundled knowledge base."""
    return load_knowledge()


def _report(plan: Plan, knowledge: Knowledge, lang: str) -> tuple[Numbered, set[str]]:
    ctx = build_context(plan, knowledge, lang)
    rows = {(int(r.cells[0]), r.cells[1], r.cells[2]) for s in ctx.phases for r in s.table.rows}
    return rows, {s.title for s in ctx.phases}


def _excel(plan: Plan, knowledge: Knowledge, lang: str, path: Path) -> tuple[Numbered, set[str]]:
    write_workbook(plan, knowledge, path, lang)
    sheet = load_workbook(path, read_only=True).worksheets[0]
    steps, phases = set(), set()
    for task_id, wbs, title, *_ in sheet.iter_rows(min_row=5, values_only=True):
        if isinstance(task_id, int):
            if str(wbs).count(".") == 2:
                steps.add((task_id, str(wbs), str(title)))
            elif "." not in str(wbs):
                phases.add(str(title))
    return steps, phases


def _project(plan: Plan, knowledge: Knowledge, lang: str, path: Path) -> tuple[Numbered, set[str]]:
    write_mspdi(plan, knowledge, path, lang)
    steps, phases = set(), set()
    for task in ET.parse(path).getroot().iterfind("p:Tasks/p:Task", _NS):
        level = task.findtext("p:OutlineLevel", namespaces=_NS)
        row = (int(task.findtext("p:ID", namespaces=_NS) or 0),
               task.findtext("p:WBS", namespaces=_NS) or "",
               task.findtext("p:Name", namespaces=_NS) or "")
        if level == "3":
            steps.add(row)
        elif level == "1":
            phases.add(row[2])
    return steps, phases


def _gui(plan: Plan, lang: str) -> tuple[Numbered, set[str]]:
    ensure_app()
    model = StepsModel()
    model.set_plan(plan, lang)
    steps, phases = set(), set()
    for row in range(model.rowCount()):  # a flat table: a phase's row, then its steps
        index = model.index(row, 0)
        if model.is_phase_row(index):
            phases.add(str(model.data(index)).rsplit(" (", 1)[0])
            continue
        title, task_id, wbs = (str(model.data(model.index(row, c))) for c in range(3))
        steps.add((int(task_id), wbs, title))
    return steps, phases


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_step_has_one_number_and_one_phase_name_everywhere(
        name: str, knowledge: Knowledge, tmp_path: Path) -> None:
    plan = sample_plan(name)
    for lang in ("de", "en"):
        report = _report(plan, knowledge, lang)
        assert len(report[0]) == len(plan.proposal.steps) > 0
        assert _excel(plan, knowledge, lang, tmp_path / f"{lang}.xlsx") == report
        assert _project(plan, knowledge, lang, tmp_path / f"{lang}.xml") == report
        assert _gui(plan, lang) == report
        names = {catalogue(lang)(PHASES[p].label_key) for p in Phase}
        assert report[1] <= names


def _excel_days(path: Path) -> dict[int, int]:
    sheet = load_workbook(path, read_only=True).worksheets[0]
    return {row[0]: row[5] for row in sheet.iter_rows(min_row=5, values_only=True)
            if isinstance(row[0], int) and isinstance(row[5], int)}


def _project_days(path: Path) -> dict[int, int]:
    found = {}
    for task in ET.parse(path).getroot().iterfind("p:Tasks/p:Task", _NS):
        hours = (task.findtext("p:Duration", namespaces=_NS) or "PT0H").split("H")[0][2:]
        found[int(task.findtext("p:ID", namespaces=_NS) or 0)] = int(hours) // 8
    return found


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_workbooks_working_days_are_ms_projects_durations(
        name: str, knowledge: Knowledge, tmp_path: Path) -> None:
    plan = sample_plan(name)
    write_workbook(plan, knowledge, tmp_path / "plan.xlsx", "de")
    write_mspdi(plan, knowledge, tmp_path / "plan.xml", "de")
    excel, project = _excel_days(tmp_path / "plan.xlsx"), _project_days(tmp_path / "plan.xml")
    dated = {r for r, d in project.items() if d or r in excel}
    assert dated and {r: excel.get(r) for r in dated} == {r: project[r] for r in dated}
