"""Help › Update knowledge from file…: the list is imported and the project planned again."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.core.builds import identify
from planner.core.knowledge import load_knowledge
from planner.gui import knowledge_update
from tests.core.test_build_lists import LATER, LIST


class _Doc:
    """The two calls the action makes on the document."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def forget_knowledge(self) -> None:
        self.calls.append("forget")

    def replan(self) -> None:
        self.calls.append("replan")


def test_update_knowledge_imports_and_replans(qtbot, monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    for name in ("XDG_DATA_HOME", "LOCALAPPDATA"):
        monkeypatch.setenv(name, str(tmp_path / "data"))
    newer = tmp_path / "ExchangeBuildNumbers.csv"
    newer.write_text(LIST.read_text(encoding="utf-8-sig") + LATER, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(newer), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    parent, doc = QWidget(), _Doc()
    qtbot.addWidget(parent)
    knowledge_update.update_knowledge(parent, doc)
    assert doc.calls == ["forget", "replan"]
    assert shown and "3" in shown[0] and "15.2.2562.57" in shown[0]
    assert identify("15.2.2562.57", load_knowledge()).release == "RTM Oct26SU"
