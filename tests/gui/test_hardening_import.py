"""Messy and hostile files through the import wizard and `planner gui --selftest` (#18)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner.gui.document import Document
from planner.gui.import_wizard import ImportWizard
from planner.gui.worker import SyncRunner
from tests.gui import planning_fixtures as fixtures
from tests.hardening import hostile_files as hf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def document(monkeypatch: Any) -> Document:
    """An empty document that plans with the stand-in planner."""
    import planner.gui.replanning as document_module

    monkeypatch.setattr(document_module, "make_plan", fixtures.make_plan)
    monkeypatch.setattr(document_module, "knowledge_for", lambda _s: fixtures.knowledge())
    return Document(runner=SyncRunner())


@pytest.mark.parametrize("name", ["title-rows.csv", "total-rows.csv", "unbalanced-quote.csv"])
def test_messy_csv_through_the_wizard(qtbot: Any, document: Document, tmp_path: Path,
                                      name: str) -> None:
    path = tmp_path / name
    path.write_bytes(hf.MESSY[name]())
    wizard = ImportWizard(document, [path])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.tables.count() == 1
    assert wizard.mapping_page.columns.rowCount() == 7
    assert wizard.mapping_page.preview.rowCount() == 10
    wizard.next()
    assert wizard.review_page.isComplete()
    wizard.accept()
    assert [s.name for s in document.estate.servers] == [f"EX{i:02d}" for i in range(1, 11)]


def test_an_unrecognised_table_can_be_mapped_by_hand(qtbot: Any, document: Document,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Liste\n\nKiste;Ding;Platz\nEX01;15.2.1544.4;Berlin\n", encoding="utf-8")
    wizard = ImportWizard(document, [path])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.mapping_page
    assert page.tables.count() == 1 and page.columns.rowCount() == 3  # not a blank page
    page.entity.setCurrentIndex(page.entity.findData("server"))
    page.entity.activated.emit(page.entity.currentIndex())  # as a click does
    assert wizard.sheet_mappings()[0].entity == "server"
    combo = page.columns.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("name"))
    combo.activated.emit(combo.currentIndex())
    assert [s.name for s in wizard.outcome.result.estate.servers] == ["EX01"]


def test_selftest_survives_every_hardening_file(qtbot: Any, monkeypatch: Any, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    import planner.gui.replanning as document_module
    from planner.gui import app

    monkeypatch.setattr(document_module, "make_plan", fixtures.make_plan)
    monkeypatch.setattr(document_module, "knowledge_for", lambda _s: fixtures.knowledge())
    for path in hf.write_all(tmp_path):
        code = app._selftest([path])
        out = capsys.readouterr()
        # a file without a server is refused with a message naming why; none may crash
        assert code in (0, 1), path.name
        if code:
            assert "No Exchange server was read" in out.err, (path.name, out.err)
            assert f"{path.name}" in out.err, ("the file's own finding", out.err)


def test_the_real_selftest_survives_a_file_that_once_aborted_it(tmp_path: Path) -> None:
    path = tmp_path / "corner-cells.xlsx"
    path.write_bytes(hf.corner_cells_xlsx())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "planner", "gui", str(path), "--selftest"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr[-2000:]  # refused, not SIGABRT (134)
    assert "No Exchange server was read" in result.stderr
    assert "17,179,869,184 cells" in result.stderr
