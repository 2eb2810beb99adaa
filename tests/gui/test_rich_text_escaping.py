"""User data never becomes markup: a server named like HTML is shown as its name everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsView,
    QLabel,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from planner.core.model import Dag, Estate, Organization, Server, Site
from planner.core.project import Project
from planner.core.settings import Consultant, Freeze, Settings
from planner.gui.dialogs.settings import SettingsDialog
from planner.gui.document import Document
from planner.gui.main_window import MainWindow
from planner.gui.worker import SyncRunner

HOSTILE = "<img src=x><a href=y>z</a>"
START = date(2026, 12, 7)


def _estate() -> Estate:
    site = f"Site{HOSTILE}"
    return Estate(
        organization=Organization(customer=f"Contoso{HOSTILE}", hybrid=True),
        sites=(Site(site, True, "DE", "BY"),),
        servers=(
            Server(f"EX19{HOSTILE}", site=site, roles=("Mailbox",), build="15.2.1544.4"),
            Server(f"EX16{HOSTILE}", site=site, roles=("Mailbox",), build="15.1.2507.39",
                   dag=f"DAG{HOSTILE}", mailbox_count=200, mailbox_data_gb=300.0),
            Server(f"EX16b{HOSTILE}", site=site, roles=("Mailbox",), build="15.1.2507.39",
                   dag=f"DAG{HOSTILE}"),
        ),
        dags=(Dag(f"DAG{HOSTILE}", (f"EX16{HOSTILE}", f"EX16b{HOSTILE}")),),
    )


def _settings() -> Settings:
    return Settings(customer=f"Contoso{HOSTILE}", start=START, language="en",
                    consultants=(Consultant(f"Anna{HOSTILE}"),),
                    freezes=(Freeze(START + timedelta(days=20), START + timedelta(days=25),
                                    f"Freeze{HOSTILE}"),))


def _model_tips(model: Any, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount protected
        columns = 1
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(columns):
            index = model.index(row, column, parent)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield tip
            shown = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(shown, str) and ("&lt;" in shown or shown.startswith("<p>")):
                yield f"<img escaped in a cell, where Qt shows plain text: {shown}"
        child = model.index(row, 0, parent)
        if model.rowCount(child):
            yield from _model_tips(model, child)


def _rendered_as_markup(text: str, rich: bool = True) -> bool:
    """Whether Qt would show ``text`` as rich text with the hostile tags live."""
    return "<img" in text and rich and GuiQt.mightBeRichText(text)


def _unsafe(widget: QWidget) -> Iterator[str]:
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel) and _rendered_as_markup(
                child.text(), child.textFormat() != Qt.TextFormat.PlainText):
            yield f"label {child.text()!r}"
        if _rendered_as_markup(child.toolTip()):
            yield f"tooltip {child.toolTip()!r}"
        if isinstance(child, QTextEdit) and ('src="x"' in child.toHtml()
                                             or 'href="y"' in child.toHtml()):
            yield f"text view {child.toPlainText()[:80]!r}"
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            yield from (f"cell tip {t!r}" for t in _model_tips(child.model())
                        if _rendered_as_markup(t))
        if isinstance(child, QGraphicsView) and child.scene() is not None:
            yield from (f"chart tip {i.toolTip()!r}" for i in child.scene().items()
                        if _rendered_as_markup(i.toolTip()))


def test_a_server_named_like_html_is_shown_as_text_on_every_page(qtbot: Any, tmp_path: Path,
                                                                  monkeypatch: Any) -> None:
    boxes: list[str] = []
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: boxes.append(str(a[2])) or 0)
    document = Document(Project(estate=_estate(), settings=_settings()), runner=SyncRunner())
    document.replan()
    window = MainWindow(document, recovery_dir=tmp_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    found: list[str] = []
    for key in window.pages:
        window.show_page(key)
        QApplication.processEvents()
        found += [f"{key}: {u}" for u in _unsafe(window.pages[key])]
    found += list(_unsafe(window))
    found += [f"message box {text!r}" for text in boxes if _rendered_as_markup(text)]
    document.undo_stack.setClean()
    assert not found, "\n".join(found)


def test_what_is_typed_into_the_settings_comes_back_as_text(qtbot: Any,
                                                            monkeypatch: Any) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(str(a[2])) or 0)
    document = Document(Project(estate=_estate(), settings=_settings()), runner=SyncRunner())
    dialog = SettingsDialog(document)
    qtbot.addWidget(dialog)
    dialog.project_page.region.country_box.setEditText(HOSTILE)
    dialog.accept()
    assert boxes and HOSTILE not in boxes[0] and "&lt;img" in boxes[0]
    assert not list(_unsafe(dialog))
    document.undo_stack.setClean()
