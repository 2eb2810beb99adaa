"""Scenarios: duplicate, change, compare side by side, switch, choose for export; all undoable."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace

from planner.core.booked_time import consultant_days
from planner.gui.formats import format_number
from planner.gui.views.planning_edits import exclude_server, submit_decisions, submit_settings
from planner.gui.views.scenarios import CompareModel, ScenariosView
from tests.gui.planning_fixtures import fake_document


def _column(view, name):
    model = view.model
    for c in range(model.columnCount()):
        if model.headerData(c, 1).startswith(name):  # Qt.Horizontal == 1
            return [model.index(r, c).data() for r in range(model.rowCount())]
    raise AssertionError(name)


def test_compare_model_passes_qt_model_checks(qtmodeltester, monkeypatch):
    doc = fake_document(monkeypatch)
    model = CompareModel()
    model.set_columns([("a", doc.plan, True), ("b", None, False)])
    qtmodeltester.check(model, force_py=True)


def test_duplicate_change_and_compare_side_by_side(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = ScenariosView(doc)
    qtbot.addWidget(view)
    view.duplicate_current("With pause")
    submit_settings(doc, "No pause", lambda s: replace(s, fixed_pauses=()))
    assert view.model.columnCount() == 2
    current, saved = _column(view, "Current plan"), _column(view, "With pause")
    pause_row = view.model.ROWS.index("Pause days")
    assert (current[pause_row], saved[pause_row]) == ("0", "30")
    days_row = view.model.ROWS.index("Consultant days")
    assert saved[days_row] == format_number(consultant_days(doc.plan), 1)


def test_switch_to_a_scenario_and_undo(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = ScenariosView(doc)
    qtbot.addWidget(view)
    view.duplicate_current("All servers")
    submit_decisions(doc, "Exclude", lambda d: exclude_server(d, "EX02"))
    assert "sbs:EX02" not in [s.id for s in doc.plan.proposal.steps]
    view.select("All servers")
    view.switch_to_selected()
    assert doc.decisions.excluded_servers == frozenset()
    assert "sbs:EX02" in [s.id for s in doc.plan.proposal.steps]
    doc.undo_stack.undo()
    assert doc.decisions.excluded_servers == {"EX02"}


def test_choose_rename_and_delete(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = ScenariosView(doc)
    qtbot.addWidget(view)
    view.duplicate_current("A")
    view.select("A")
    view.use_selected_for_export()
    assert doc.project.active_scenario == "A"
    assert view.model.headerData(1, 1) == "A ★"
    view.rename_selected("B")
    assert doc.project.active_scenario == "B"
    view.delete_selected()
    assert doc.project.scenarios == () and doc.project.active_scenario == ""
    doc.undo_stack.undo()
    assert [s.name for s in doc.project.scenarios] == ["B"]


def test_a_scenario_without_a_plan_is_planned_for_the_compare(qtbot, monkeypatch):
    from planner.core.project import Scenario
    from planner.gui.edit import Edit

    doc = fake_document(monkeypatch)
    view = ScenariosView(doc)
    qtbot.addWidget(view)
    scenario = Scenario("Loaded", replace(doc.settings, fixed_pauses=()), doc.decisions, None)
    doc.apply(Edit("add", lambda p: replace(p, scenarios=(scenario,))))
    assert _column(view, "Loaded")[view.model.ROWS.index("Pause days")] == "0"
