"""Every text a window shows: labels, buttons, tabs, tooltips, table cells, scene items, menus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# An internal code: "server:EX01", "group:DAG16", or snake_case like "ad_prep". Times
# ("14:05") and URLs ("https://") do not match.
CODE = re.compile(r"\b[A-Za-z_][A-Za-z_0-9]*:[A-Za-z_][\w-]*|\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
_ROW_LIMIT = 300


def _model_texts(model: Any, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount protected
        columns = 1
    for column in range(columns):
        for role in _ROLES:
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
    for row in range(min(model.rowCount(parent), _ROW_LIMIT)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
        child = model.index(row, 0, parent)
        if model.rowCount(child) > 0:
            yield from _model_texts(model, child)


def _widget_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel):
        yield widget.text()
    if isinstance(widget, QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QMenu):
        yield from (a.text() for a in widget.actions())
    yield widget.toolTip()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():
            if isinstance(item, QGraphicsTextItem):
                yield item.toPlainText()
            if isinstance(item, QGraphicsSimpleTextItem):
                yield item.text()
            yield item.toolTip()


def shown_texts(root: QWidget) -> Iterator[str]:
    """The texts of ``root`` and every visible widget below it."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is root or widget.isVisibleTo(root):
            yield from (t for t in _widget_texts(widget) if t)


def codes_in(texts: Iterator[str] | list[str]) -> dict[str, str]:
    """Each code found -> the first text it was found in."""
    found: dict[str, str] = {}
    for text in texts:
        for match in CODE.finditer(text):
            found.setdefault(match.group(0), text[:160])
    return found
