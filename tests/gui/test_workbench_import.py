"""The import wizard driven end to end on the samples: mapping fix, preview, findings, undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QWizard

from planner.core.project import Project
from planner.core.resources import resource_path
from planner.gui.document import Document
from planner.gui.import_flow import import_into_document
from planner.gui.import_wizard import ImportWizard
from planner.gui.worker import SyncRunner
from tests.gui import planning_fixtures as fixtures

MESSY = resource_path("samples", "mixed-messy-de", "Bestand.xlsx")
POWERSHELL = sorted(resource_path("samples", "mixed-powershell").glob("*.*"))


@pytest.fixture
def document(monkeypatch: Any) -> Document:
    """An empty document that plans with the stand-in planner."""
    import planner.gui.replanning as document_module

    monkeypatch.setattr(document_module, "make_plan", fixtures.make_plan)
    monkeypatch.setattr(document_module, "knowledge_for", lambda _s: fixtures.knowledge())
    return Document(runner=SyncRunner())


def _column_combo(wizard: ImportWizard, header_text: str) -> QComboBox:
    table = wizard.mapping_page.columns
    for row in range(table.rowCount()):
        if table.item(row, 1).text() == header_text:
            combo = table.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            return combo
    raise AssertionError(f"no column {header_text!r}")


def test_messy_german_workbook_through_the_wizard(qtbot: Any, document: Document) -> None:
    wizard = ImportWizard(document, [MESSY])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # files -> import -> mapping page
    assert wizard.currentPage() is wizard.mapping_page
    mappings = wizard.sheet_mappings()
    server_row = next(i for i, m in enumerate(mappings) if m.entity == "server")
    wizard.mapping_page.tables.setCurrentRow(server_row)
    servers = wizard.outcome.result.estate.servers
    assert servers and wizard.mapping_page.preview.rowCount() == len(servers)

    # The consultant decides a column should not be imported: the preview follows.
    mapping = mappings[server_row]
    column = next(c for c in mapping.columns if c.field == "os")
    combo = _column_combo(wizard, column.header)
    combo.setCurrentIndex(combo.findData(""))
    combo.activated.emit(combo.currentIndex())
    assert all(s.os == "" for s in wizard.outcome.result.estate.servers)
    assert wizard.sheet_mappings()[server_row].field_of(column.index) == ""

    wizard.next()
    assert wizard.currentPage() is wizard.review_page
    assert "servers" in wizard.review_page.text.toPlainText()
    wizard.accept()
    assert len(document.estate.servers) == len(servers)
    assert document.project.mapping["sheets"]  # the fixed mapping is kept in the project
    assert document.plan is not None and document.plan_is_current
    document.undo_stack.undo()
    assert not document.estate.servers


def test_powershell_exports_then_a_reimport_reports_changes(qtbot: Any,
                                                            document: Document) -> None:
    wizard = ImportWizard(document, POWERSHELL)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    entities = {m.entity for m in wizard.sheet_mappings()}
    assert {"server", "connector", "database"} <= entities
    wizard.accept()
    count = len(document.estate.servers)
    assert count > 0

    again = ImportWizard(document, POWERSHELL)
    qtbot.addWidget(again)
    again.show()
    again.next()
    again.next()
    assert "no changes" in again.review_page.text.toPlainText()


def test_reimport_summary_names_a_changed_server(document: Document, tmp_path: Path) -> None:
    from dataclasses import replace

    from planner.core.project_import import describe_changes, estate_changes

    wizard = ImportWizard(document, [MESSY])
    assert wizard.run_import(None)
    wizard.accept()
    old = document.estate
    first = old.servers[0]
    newer = replace(old, servers=(replace(first, build="15.2.9999.1"), *old.servers[1:]))
    lines = describe_changes(estate_changes(old, newer))
    assert lines == [f"servers: {first.name} changed (build)"]


def test_import_runs_on_the_worker_thread(qtbot: Any, monkeypatch: Any) -> None:
    """With the real thread pool the wizard waits in an event loop and gets the result."""
    import threading

    import planner.gui.import_wizard as wizard_module
    from planner.gui.worker import ThreadRunner

    threads: list[str] = []
    real = wizard_module.read_inventory

    def spy(files: Any, mapping: Any, job: Any = None) -> Any:
        threads.append(threading.current_thread().name)
        return real(files, mapping, job)

    monkeypatch.setattr(wizard_module, "read_inventory", spy)
    runner = ThreadRunner()
    wizard = ImportWizard(Document(runner=runner), [MESSY])
    qtbot.addWidget(wizard)
    assert wizard.run_import(None)
    runner.wait(10000)
    assert wizard.outcome is not None and wizard.outcome.result.estate.servers
    assert threads and threads[0] != threading.main_thread().name


@pytest.mark.parametrize("contents", [
    {"empty.csv": ""},
    {"empty.csv": "", "notes.txt": "Servers: see the other mail.\n"},
    {"printers.csv": "Name;IP\nPRN01;10.0.0.5\n"},
])
def test_an_import_that_reads_no_server_cannot_replace_the_estate(
        qtbot: Any, document: Document, tmp_path: Path, contents: dict[str, str]) -> None:
    document.set_project(Project(estate=fixtures.small_estate(),
                                 settings=fixtures.base_settings()))
    before = document.estate
    files = []
    for name, text in contents.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(tmp_path / name)
    wizard = ImportWizard(document, files)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # reads the files
    assert wizard.outcome is not None  # the reader accepted the files but found no server
    if wizard.currentPage() is wizard.mapping_page:
        wizard.next()
    assert wizard.currentPage() is wizard.review_page
    page = wizard.review_page
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert page.refusal.isVisible() and "server" in page.refusal.text()
    wizard.accept()  # even if forced
    assert document.estate == before
    assert import_into_document(document, files) != ""  # dropped files: refused, with why
    assert document.estate == before


@pytest.mark.parametrize("files", [[MESSY], POWERSHELL], ids=["workbook", "exports"])
def test_every_table_name_fits_the_list_at_1024_pixels(qtbot: Any, document: Document,
                                                       files: list[Path]) -> None:
    wizard = ImportWizard(document, files)
    qtbot.addWidget(wizard)
    wizard.resize(940, 640)  # as the wizard opens on a 1024 x 700 screen
    wizard.show()
    wizard.next()
    tables = wizard.mapping_page.tables
    qtbot.waitUntil(lambda: tables.viewport().width() > 100)
    room = tables.viewport().width()
    for row in range(tables.count()):
        item = tables.item(row)
        assert tables.fontMetrics().horizontalAdvance(item.text()) <= room, item.text()
        assert "header" in item.toolTip()  # the details are one hover away
