"""Round 14: the customer's name becomes a file name the GUI suggests; it cannot choose the
folder, a device or a stream (2026-12-08, a tester's third evening)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from planner.core.file_names import MAX_STEM, file_stem

HOSTILE = ["/etc/cron.d/evil", "..\\..\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\x",
           "../../../tmp/evil", "CON", "nul.seplan", "Contoso: GmbH", "COM1 ", "x" * 5000,
           "\u202eCON", "a\x00b", "...", "C:\\Windows\\System32\\evil"]


@pytest.mark.parametrize("customer", HOSTILE)
def test_a_customer_name_is_a_name_in_the_folder_never_a_path_or_device(customer: str) -> None:
    stem = file_stem(customer, "plan")
    assert stem and len(stem) <= MAX_STEM
    assert not set(stem) & set('<>:"/\\|?*\x00')
    assert not stem.endswith((".", " "))
    assert stem.split(".")[0].rstrip().upper() not in {"CON", "NUL", "PRN", "AUX", "COM1"}


def test_a_sound_customer_name_stays_as_written() -> None:
    assert file_stem("Müller & Söhne GmbH", "plan") == "Müller & Söhne GmbH"
    assert file_stem("", "plan") == "plan"


def _settings_with(customer: str) -> Any:
    from planner.core.settings import Settings

    return replace(Settings(), customer=customer)


@pytest.mark.parametrize("customer", ["/etc/cron.d/evil", "../../../tmp/evil", "CON"])
def test_the_gui_suggests_files_inside_the_last_folder(qtbot: Any, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        customer: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog, QMainWindow

    from planner.core.project import Project
    from planner.gui.actions_export import FOLDER_KEY, ExportActions
    from planner.gui.autosave import Autosave
    from planner.gui.document import Document
    from planner.gui.project_files import ProjectFiles
    from planner.gui.worker import SyncRunner

    asked: list[str] = []

    def ask(_window: Any, _title: str, default: str, *_args: Any) -> tuple[str, str]:
        asked.append(default)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    doc = Document(Project(settings=_settings_with(customer)), runner=SyncRunner())
    win = QMainWindow()
    qtbot.addWidget(win)
    folder = tmp_path / "exports"
    QSettings().setValue(FOLDER_KEY, str(folder))
    ExportActions(doc, win)._ask_path("x", ".xlsx", "")
    files = ProjectFiles(win, doc, Autosave(doc, tmp_path / "recovery", interval_ms=10**8))
    files.store.setValue("files/last_folder", str(folder))
    files.save_as()
    assert len(asked) == 2
    for default in asked:
        path = Path(default)
        assert path.parent == folder, default
        assert path.name.split(".")[0].split(" ")[0].upper() != "CON"
