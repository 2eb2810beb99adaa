"""The main window: pages, title mark, save and reopen, recent files, recovery after a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from planner.core.project import Project, load_project
from planner.gui.app import restore_recovery
from planner.gui.document import Document
from planner.gui.edit import replace_server
from planner.gui.main_window import MainWindow
from planner.gui.pages import PAGES
from planner.gui.recovery_dialog import RecoveryDialog, offer_recoveries
from planner.gui.worker import SyncRunner
from tests.gui import planning_fixtures as fixtures

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: Any, monkeypatch: Any, tmp_path: Path) -> MainWindow:
    """A main window on the small estate, planning with the stand-in planner."""
    from PySide6.QtCore import QSettings

    import planner.gui.replanning as document_module

    monkeypatch.setattr(document_module, "make_plan", fixtures.make_plan)
    monkeypatch.setattr(document_module, "knowledge_for", lambda _s: fixtures.knowledge())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    win = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    win.document.set_project(Project(estate=fixtures.small_estate(),
                                     settings=fixtures.base_settings()))
    return win


def test_every_page_is_there_and_titled(window: MainWindow) -> None:
    assert list(window.pages) == [p.key for p in PAGES]
    for key in ("estate", "findings", "graph"):
        assert not window.show_page(key).objectName().startswith("placeholder")
    assert window.nav.count() == len(PAGES)


def test_title_shows_unsaved_changes_and_save_reopen_is_exact(window: MainWindow,
                                                              tmp_path: Path) -> None:
    doc = window.document
    doc.apply(replace_server("EX01", replace(doc.estate.servers[0], site="Berlin"), "Move"))
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    path = tmp_path / "Contoso.seplan"
    assert window.files.save_to(path)
    assert not window.isWindowModified() and "Contoso.seplan" in window.windowTitle()
    assert window.recent_files()[0] == str(path.resolve())

    saved = doc.project
    reopened = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path / "r2")
    try:
        assert reopened.open_path(path)
        assert reopened.document.project == saved
        assert reopened.document.plan_is_current  # the saved plan, not a new one
    finally:
        reopened.document.set_project(Project())
        reopened.close()


def test_closing_with_changes_asks(window: MainWindow, monkeypatch: Any) -> None:
    doc = window.document
    doc.apply(replace_server("EX01", replace(doc.estate.servers[0], site="Berlin"), "Move"))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_findings_jump_to_the_estate_row(window: MainWindow) -> None:
    window.show_record("servers", "EX13")
    assert window.stack.currentWidget() is window.pages["estate"]


_CRASHING_CHILD = textwrap.dedent("""
    import os, sys, time
    from dataclasses import replace
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from planner.gui.app import create_application
    app = create_application()
    import planner.gui.replanning as dm
    from tests.gui import planning_fixtures as fx
    dm.make_plan = fx.make_plan
    dm.knowledge_for = lambda s: fx.knowledge()
    from planner.core.project import Project
    from planner.gui.document import Document
    from planner.gui.edit import replace_server
    from planner.gui.main_window import MainWindow
    from planner.gui.worker import SyncRunner
    w = MainWindow(Document(runner=SyncRunner()), recovery_dir=sys.argv[1])
    w.document.set_project(Project(estate=fx.small_estate(), settings=fx.base_settings()))
    server = w.document.estate.servers[0]
    w.document.apply(replace_server("EX01", replace(server, site=sys.argv[2]), "Move"))
    print(w.autosave.path, flush=True)   # autosaved after the re-plan
    time.sleep(600)
""")


def _crash_a_window(folder: Path, tmp_path: Path, site: str) -> Path:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    child = subprocess.Popen([sys.executable, "-c", _CRASHING_CHILD, str(folder), site],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        autosaved = Path(child.stdout.readline().strip())  # type: ignore[union-attr]
        assert autosaved.exists() and autosaved.parent == folder
    finally:
        child.kill()  # no clean-up runs, as in a crash
        child.wait(timeout=30)
        child.stdout.close()  # type: ignore[union-attr]
    return autosaved


def test_two_killed_windows_are_both_offered_and_restored_into_two_windows(
        qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    folder = tmp_path / "recovery"
    files = [_crash_a_window(folder, tmp_path, site) for site in ("Berlin", "Hamburg")]
    assert {load_project(f).estate.servers[0].site for f in files} == {"Berlin", "Hamburg"}

    import planner.gui.replanning as document_module

    monkeypatch.setattr(document_module, "make_plan", fixtures.make_plan)
    monkeypatch.setattr(document_module, "knowledge_for", lambda _s: fixtures.knowledge())
    first = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path / "mine")
    qtbot.addWidget(first)
    windows: list[Any] = [first]

    def new_window() -> MainWindow:
        extra = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path / "mine")
        qtbot.addWidget(extra)
        return extra

    def decide(dialog: RecoveryDialog) -> int:
        assert dialog.table.rowCount() == 2  # both, not only the newest
        texts = {dialog.table.item(r, 2).text() for r in range(2)}
        assert all("+00:00" not in t and "T" not in t for t in texts)  # local time, readable
        assert all(f.exists() for f in files)  # nothing deleted before the user decides
        dialog.table.selectAll()
        dialog.restore_selected()
        return 1

    monkeypatch.setattr(RecoveryDialog, "exec", decide)
    restored = offer_recoveries(first, folder,
                                lambda item: restore_recovery(windows, item, new_window))
    assert restored == 2 and len(windows) == 2
    assert {w.document.estate.servers[0].site for w in windows} == {"Berlin", "Hamburg"}
    assert all(w.document.modified for w in windows)
    assert not any(f.exists() for f in files)  # each window wrote its own copy first
    assert all(w.autosave.path is not None and w.autosave.path.exists() for w in windows)
    for w in windows:
        w.document.set_project(Project())
        w.close()


def test_decide_later_keeps_everything_and_a_damaged_file_is_kept_aside(
        qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    folder = tmp_path / "recovery"
    autosaved = _crash_a_window(folder, tmp_path, "Berlin")
    (folder / "recovery-damaged.seplan").write_text("{", encoding="utf-8")
    seen: list[str] = []

    def later(dialog: RecoveryDialog) -> int:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.reject()
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", later)
    assert offer_recoveries(None, folder, lambda item: None) == 0
    assert "recovery-damaged.seplan" in seen[0]
    assert autosaved.exists()
    assert (folder / "unreadable" / "recovery-damaged.seplan").exists()
    assert offer_recoveries(None, folder, lambda item: None) == 0
    assert len(seen) == 2 and "damaged" not in seen[1]  # offered again, the damaged one not


def test_the_window_made_without_naming_qt_enums_looks_and_works_as_before(
        window: MainWindow) -> None:
    """The start path sets enum properties by name and shortcuts from lists (start-up time,
    planner/gui/shortcuts.py): the toolbar still shows text beside its icons, the knowledge
    bar's message is plain text, and the standard and own shortcuts are all there."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert window.knowledge_bar.message.textFormat() == Qt.TextFormat.PlainText
    keys = QKeySequence.StandardKey
    assert window.act_undo.shortcut() == QKeySequence(keys.Undo)
    assert window.act_save.shortcut() == QKeySequence(keys.Save)
    assert window.act_import.shortcut() == QKeySequence("Ctrl+I")
    assert window.act_replan.shortcut() == QKeySequence("F5")
    assert window.act_settings.shortcut() == QKeySequence("Ctrl+,")
    printing = window.export_actions.act_print
    assert printing.shortcut() == QKeySequence(keys.Print)
