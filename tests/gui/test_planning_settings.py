"""The settings dialog: one OK is one undoable edit that re-plans; bad input keeps it open."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from planner.core.errors import SettingsError
from planner.core.knowledge import load_knowledge
from planner.core.settings import Settings
from planner.gui.dialogs.overrides_model import OverridesModel, fact_rows
from planner.gui.dialogs.settings import SettingsDialog
from planner.gui.dialogs.settings_pages import ProjectPage, format_ranges, parse_ranges
from tests.gui.planning_fixtures import fake_document


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def test_overrides_model_passes_qt_model_checks(qtmodeltester):
    model = OverridesModel(fact_rows(load_knowledge()), {"policy.pause_max_days_per_year": 60})
    qtmodeltester.check(model, force_py=True)
    row = model.row_of("policy.pause_max_days_per_year")
    assert model.index(row, 1).data() == "90"  # the knowledge base's value stays visible
    assert model.index(row, 4).data() == "60"
    assert model.setData(model.index(row, 4), "", Qt.ItemDataRole.EditRole)
    assert model.overrides() == {}


def test_the_facts_table_names_facts_and_keeps_keys_for_the_tooltip():
    """A fact reads by its name, a stage's value as "Stage 2: From day"; the key (what a
    settings file overrides) is only in the tooltip."""
    model = OverridesModel(fact_rows(load_knowledge()), {})
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    row = model.row_of("policy.pause_max_days_per_year")
    assert "policy.pause_max_days_per_year" not in names
    assert "policy.pause_max_days_per_year" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(model.row_of("stage.2.start_day"), 0).data() == "Stage 2: From day"
    assert not [n for n in names if "." in n and " " not in n]  # no key shows as a name


def test_a_documentation_fact_says_so_where_it_is_overridden():
    model = OverridesModel(fact_rows(load_knowledge()), {})
    tip = Qt.ItemDataRole.ToolTipRole
    documentation = model.index(model.row_of("esu.period2.end"), 4).data(tip)
    read = model.index(model.row_of("policy.pause_max_days_per_year"), 4).data(tip)
    assert "no step and no date" in documentation and "no step" not in read


def test_absence_ranges_round_trip():
    ranges = parse_ranges("2026-04-01..2026-04-10; 24.12.2026")
    assert ranges == ((date(2026, 4, 1), date(2026, 4, 10)), (date(2026, 12, 24),) * 2)
    assert parse_ranges(format_ranges(ranges)) == ranges
    with pytest.raises(ValueError):
        parse_ranges("2026-04-10..2026-04-01")


def test_ok_applies_all_pages_as_one_undoable_edit(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    old_start = doc.plan.schedule.for_step("prep:license").start
    dialog = SettingsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.project_page.start.setDate(QDate(2026, 4, 6))
    page = dialog.enforcement_page
    page.pause_mode.setCurrentIndex(page.pause_mode.findData("none"))
    dialog.consultants_page.consultants.add_row(["Anna", 3, "2026-04-07..2026-04-08"])
    dialog.accept()
    assert doc.undo_stack.count() == 1
    assert doc.settings.fixed_pauses == ()
    assert [c.name for c in doc.settings.consultants][-1] == "Anna"
    assert doc.plan.schedule.pauses == ()
    assert doc.plan.schedule.for_step("prep:license").start == date(2026, 4, 6)
    doc.undo_stack.undo()
    assert doc.plan.schedule.for_step("prep:license").start == old_start
    assert doc.plan.schedule.pauses


def test_override_is_kept_beside_the_knowledge_value(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    dialog = SettingsDialog(doc)
    qtbot.addWidget(dialog)
    model = dialog.overrides_page.overrides
    row = model.row_of("policy.pause_max_days_per_year")
    model.setData(model.index(row, 4), "60")
    dialog.accept()
    assert doc.settings.policy_overrides == {"policy.pause_max_days_per_year": "60"}
    assert load_knowledge(doc.settings.policy_overrides).policy.pause_max_days_per_year == 60


def test_unusable_input_keeps_the_dialog_open(qtbot, monkeypatch, warnings):
    doc = fake_document(monkeypatch)
    dialog = SettingsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.consultants_page.consultants.add_row(["Bob", 5, "next week"])
    dialog.accept()
    assert warnings and "Bob" in warnings[0]
    assert doc.undo_stack.count() == 0
    assert dialog.result() != dialog.DialogCode.Accepted


def test_country_and_state_are_picked_by_name_and_checked_while_typed(qtbot, monkeypatch,
                                                                       warnings):
    doc = fake_document(monkeypatch)
    dialog = SettingsDialog(doc)
    qtbot.addWidget(dialog)
    region = dialog.project_page.region
    region.country_box.setEditText("Germany")
    region.state_box.setEditText("Nordrhein-Westfalen")
    assert (region.country(), region.subdivision(), region.problem()) == ("DE", "NW", "")
    region.country_box.setEditText("Narnia")
    assert region.note.isVisibleTo(dialog) and "Narnia" in region.note.text()
    dialog.accept()
    assert warnings and doc.undo_stack.count() == 0  # refused, the dialog stays open
    region.country_box.setCurrentIndex(region.country_box.findData("AT"))
    region.state_box.setCurrentIndex(region.state_box.findData("9"))
    assert "Wien" in region.state_box.currentText()
    dialog.accept()
    assert (doc.settings.country, doc.settings.subdivision) == ("AT", "9")


def test_an_unknown_stored_country_is_shown_as_it_is_and_refused(qtbot):
    page = ProjectPage(replace(Settings(), country="GX", subdivision=""))
    qtbot.addWidget(page)
    region = page.region
    assert region.country_box.currentText() == "GX" and region.country() is None
    assert region.note.text()
    with pytest.raises(SettingsError):
        page.apply_to(Settings())


def test_move_batches_can_be_completed_in_a_maintenance_window(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    assert not doc.settings.complete_moves_in_window
    dialog = SettingsDialog(doc)
    qtbot.addWidget(dialog)
    check = dialog.calendar_page.complete_moves
    assert not check.isChecked() and "maintenance window" in check.text()
    check.setChecked(True)
    dialog.accept()
    assert doc.settings.complete_moves_in_window
    again = SettingsDialog(doc)  # the dialog shows what the project holds
    qtbot.addWidget(again)
    assert again.calendar_page.complete_moves.isChecked()
    doc.undo_stack.undo()
    assert not doc.settings.complete_moves_in_window


def test_holidays_the_customer_works_are_named_on_the_calendar_page(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    dialog = SettingsDialog(doc)
    qtbot.addWidget(dialog)
    field = dialog.calendar_page.working_holidays
    assert field.text() == "" and field.placeholderText()
    field.setText(" Ostermontag ; 2027-03-31;; Ostermontag")
    dialog.accept()
    assert doc.settings.working_holidays == ("Ostermontag", "2027-03-31")
    again = SettingsDialog(doc)
    qtbot.addWidget(again)
    assert again.calendar_page.working_holidays.text() == "Ostermontag; 2027-03-31"


def test_a_value_error_from_a_bug_is_not_shown_as_bad_settings(qtbot, monkeypatch, warnings):
    """A page says what the consultant can fix as a SettingsError; a ValueError from inside
    the code is a bug, not a settings warning (the worker's bug report takes it)."""
    doc = fake_document(monkeypatch)
    dialog = SettingsDialog(doc)
    qtbot.addWidget(dialog)

    def broken(settings):
        raise ValueError("a bug")

    monkeypatch.setattr(dialog.calendar_page, "apply_to", broken)
    with pytest.raises(ValueError, match="a bug"):
        dialog.accept()
    assert warnings == []


def test_durations_show_the_step_kind_by_name_and_keep_its_key(qtbot, monkeypatch):
    """No step-kind code on the page ("install_se"): its name, and the value typed as the
    planner reads every number; the setting keeps the kind's key."""
    from PySide6.QtWidgets import QTableWidgetItem

    doc = fake_document(monkeypatch)
    dialog = SettingsDialog(doc)
    qtbot.addWidget(dialog)
    table = dialog.durations_page.table
    rows = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(table.rowCount())}
    row = rows["install_se"]
    shown = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "install_se" not in shown and all("_" not in name for name in shown)
    table.setItem(row, 3, QTableWidgetItem("1,5"))
    assert dialog.durations_page.apply_to(doc.settings).durations == {"install_se": 1.5}
