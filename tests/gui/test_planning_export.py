"""Exports from the GUI equal the CLI's for the same project; the chosen scenario is exported."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow

from planner.cli import main as cli_main
from planner.core.edits.scenarios import export_choice
from planner.core.plan_json import plan_to_plain
from planner.core.project import Project, Scenario
from planner.core.resources import resource_path
from planner.gui.actions_export import FOLDER_KEY, ExportActions
from planner.gui.document import Document
from planner.gui.worker import SyncRunner
from planner.pipeline import knowledge_for
from tests.sample_plans import sample_inputs, sample_plan

MIXED = resource_path("samples", "mixed", "inventory.xlsx")


def _cells(path):
    book = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book}


@pytest.fixture(scope="module")
def cli_outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    assert cli_main(["plan", str(MIXED), "--json", str(out / "p.json"),
                     "--xlsx", str(out / "p.xlsx")]) == 0
    return json.loads((out / "p.json").read_text("utf-8")), _cells(out / "p.xlsx")


@pytest.fixture(scope="module")
def planned_project():
    inputs = sample_inputs("mixed")
    project = Project(estate=inputs.estate, findings=inputs.findings, settings=inputs.settings)
    # the settings' own solver limit, as the CLI plan it is compared with
    return replace(project, plan=sample_plan("mixed", time_limit=None))


@pytest.fixture
def window(qtbot, planned_project):
    doc = Document(planned_project, runner=SyncRunner())
    assert doc.plan_is_current
    win = QMainWindow()
    qtbot.addWidget(win)
    actions = ExportActions(doc, win, win.menuBar().addMenu("File"))
    return doc, actions


def test_gui_plan_equals_the_cli_plan(window, cli_outputs):
    doc, _actions = window
    cli_json = cli_outputs[0]
    plain = json.loads(json.dumps(plan_to_plain(doc.plan, knowledge_for(doc.settings))))
    assert plain == cli_json  # the scheduler is deterministic: dates and consultants too


def test_gui_workbook_is_the_cli_workbook_of_the_plan_shown(window, cli_outputs, tmp_path,
                                                           monkeypatch):
    from PySide6.QtCore import QSettings

    from planner.core.export.xlsx import write_workbook

    doc, actions = window
    target = tmp_path / "gui.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    actions.export_actions["xlsx"].trigger()
    # what `planner plan --xlsx` writes for this plan (plan_cmd: same function, same args)
    write_workbook(doc.plan, knowledge_for(doc.settings), tmp_path / "cli.xlsx",
                   doc.settings.language)
    gui = _cells(target)
    assert gui == _cells(tmp_path / "cli.xlsx")
    assert gui == cli_outputs[1]  # cell for cell what `planner plan --xlsx` wrote
    assert QSettings().value(FOLDER_KEY) == str(tmp_path)


def test_the_file_menu_and_the_cli_offer_the_one_list_of_exporters(window, monkeypatch):
    """The File menu and `planner plan`'s options both follow the registry, in its order."""
    import argparse

    import planner.gui.actions_export as actions_export
    from planner.cli import plan_cmd
    from planner.render.exporters import EXPORTERS

    doc, actions = window
    assert list(actions.export_actions) == [e.key for e in EXPORTERS if e.in_menu]
    assert [a.text() for a in actions.export_actions.values()] == [
        "Export &Excel plan…", "Export &MS Project XML…", "Export PDF &report…"]
    only_pdf = tuple(e for e in EXPORTERS if e.key in ("json", "pdf"))
    monkeypatch.setattr(actions_export, "EXPORTERS", only_pdf)
    assert list(ExportActions(doc, QMainWindow()).export_actions) == ["pdf"]
    parser = argparse.ArgumentParser(prog="planner")
    plan_cmd.add_parser(parser.add_subparsers())
    args = parser.parse_args(["plan", "in.xlsx", *(f"--{e.key}=o{e.suffix}" for e in EXPORTERS)])
    assert all(getattr(args, e.key) == f"o{e.suffix}" for e in EXPORTERS)


def test_mspdi_and_pdf_are_written(window, tmp_path):
    _doc, actions = window
    actions.export("mspdi", tmp_path / "plan.xml")
    actions.export("pdf", tmp_path / "report.pdf")
    assert (tmp_path / "plan.xml").read_text("utf-8").lstrip().startswith("<?xml")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_a_cancelled_file_dialog_writes_nothing(window, monkeypatch):
    _doc, actions = window
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert actions.export("xlsx") is None


def test_the_scenario_chosen_for_export_is_exported(window):
    doc, _actions = window
    other = replace(doc.settings, fixed_pauses=())
    scenario = Scenario("No pause", other, doc.decisions, None)
    project = replace(doc.project, scenarios=(scenario,), active_scenario="No pause")
    plan, settings, _decisions = export_choice(project)
    assert plan is None and settings.fixed_pauses == ()  # stale: planned afresh on export
    assert export_choice(replace(project, active_scenario=""))[0] is doc.plan


def test_print_preview_paints_the_chosen_plan(qtbot, monkeypatch):
    import planner.gui.actions_export as actions_export
    from tests.gui.planning_fixtures import fake_document

    doc = fake_document(monkeypatch)
    win = QMainWindow()
    qtbot.addWidget(win)
    actions = ExportActions(doc, win)
    printed = []
    monkeypatch.setattr(actions_export, "print_report",
                        lambda plan, knowledge, printer, lang: printed.append((plan, lang)))
    dialog = actions.print_preview()
    qtbot.waitUntil(lambda: bool(printed), timeout=5000)
    assert printed[0] == (doc.plan, "en")
    dialog.close()


def test_an_export_that_cannot_be_written_says_why_in_the_readers_words(window, monkeypatch,
                                                                        qapp, tmp_path):
    """The failure names the file, not the folder path, in the interface language."""
    from PySide6.QtWidgets import QMessageBox

    from planner.gui.i18n import install_translators

    _doc, actions = window
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    install_translators(qapp, "de")
    try:
        actions.export("xlsx", tmp_path / "missing" / "plan.xlsx")
    finally:
        install_translators(qapp, "en")
    assert len(shown) == 1
    assert "plan.xlsx: kann nicht geschrieben werden: Der Ordner existiert nicht" in shown[0]
    assert str(tmp_path) not in shown[0] and "cannot write" not in shown[0]


def test_a_gantt_that_cannot_be_drawn_shows_no_exception_text(qtbot, monkeypatch,
                                                               planned_project):
    """A bug while drawing is logged by the worker; the status line says so in words."""
    from planner.gui.views import gantt

    def broken(*_args, **_kwargs):
        raise KeyError("internal_step_id")

    monkeypatch.setattr(gantt, "chart_for", broken)
    view = gantt.GanttView(Document(planned_project, runner=SyncRunner()))
    qtbot.addWidget(view)
    view.refresh()
    assert "internal_step_id" not in view.status.text()
    assert "log file" in view.status.text()
