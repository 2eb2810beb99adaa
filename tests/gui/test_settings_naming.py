"""The consultant renames the new SE servers in the settings dialog: the pattern is one
undoable settings edit that re-plans, the default is shown, a bad pattern keeps it open."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.core.project import Project
from planner.core.settings import DEFAULT_NEW_SERVER_PATTERN
from planner.gui.dialogs.settings import SettingsDialog
from planner.gui.document import Document
from planner.gui.worker import SyncRunner
from tests.sample_plans import sample_inputs


@pytest.fixture
def mixed() -> Document:
    """The mixed sample (Berlin's 2016 DAG is replaced side by side), planned for real."""
    inputs = sample_inputs("mixed")
    project = Project(estate=inputs.estate, findings=inputs.findings,
                      settings=replace(inputs.settings, solver_time_limit_s=1.0))
    doc = Document(project, runner=SyncRunner())
    doc.replan()
    return doc


def _new_servers(doc: Document) -> set[str]:
    assert doc.plan is not None
    return {s.target.split(":", 1)[1] for s in doc.plan.proposal.steps
            if s.kind == "se_server_baseline"}


def test_a_pattern_renames_the_new_servers_and_undo_restores(qtbot: Any,
                                                             mixed: Document) -> None:
    before = _new_servers(mixed)
    assert before and all(n.endswith("-SE") for n in before)
    dialog = SettingsDialog(mixed)
    qtbot.addWidget(dialog)
    field = dialog.project_page.new_server_pattern
    assert field.text() == "" and field.placeholderText() == DEFAULT_NEW_SERVER_PATTERN
    field.setText("{site}-EXSE{n:02}")
    dialog.accept()
    assert mixed.undo_stack.count() == 1
    assert mixed.settings.new_server_pattern == "{site}-EXSE{n:02}"
    renamed = _new_servers(mixed)
    assert len(renamed) == len(before)
    assert all(n.split("-EXSE")[-1] in ("01", "02", "03", "04") for n in renamed), renamed
    mixed.undo_stack.undo()
    assert _new_servers(mixed) == before
    reopened = SettingsDialog(mixed)
    qtbot.addWidget(reopened)
    assert reopened.project_page.new_server_pattern.text() == ""


def test_an_unknown_placeholder_keeps_the_dialog_open(qtbot: Any, mixed: Document,
                                                      monkeypatch: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dialog = SettingsDialog(mixed)
    qtbot.addWidget(dialog)
    dialog.project_page.new_server_pattern.setText("{city}-SE{n}")
    dialog.accept()
    assert shown and "{city}-SE{n}" in shown[0]
    assert mixed.undo_stack.count() == 0
    assert mixed.settings.new_server_pattern == DEFAULT_NEW_SERVER_PATTERN
