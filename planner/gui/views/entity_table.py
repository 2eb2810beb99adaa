"""An estate entity's table: a filter box above a sortable table, edits as undoable commands.

Its own module because the Estate page builds a table only when the estate has servers and
its tab is shown: the table models (and the Qt namespace their roles need) are not loaded
for the empty window (start-up time, ``tests/gui/test_start_imports.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.vocabulary import MigrationPath
from planner.gui.document import Document
from planner.gui.models.estate_model import EstateModel, path_label
from planner.gui.models.row_order import RowFilter
from planner.gui.views.column_fit import ColumnFitter

__all__ = ["EntityTable", "PathDelegate"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("EstateView", text)


class PathDelegate(QStyledItemDelegate):
    """A drop-down of migration paths for the server table's Path column."""

    def createEditor(self, parent: QWidget, option: object, index: object) -> QWidget:
        """A combo box with the path values."""
        combo = QComboBox(parent)
        for path in MigrationPath:
            combo.addItem(path_label(path), path.value)
        return combo

    def setEditorData(self, editor: QWidget, index: object) -> None:
        """Select the current path."""
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]
            editor.setCurrentIndex(max(0, editor.findData(value)))

    def setModelData(self, editor: QWidget, model: object, index: object) -> None:
        """Write the chosen path back through the model."""
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())  # type: ignore[attr-defined]


class EntityTable(QWidget):
    """A filter box above a sortable table of one entity."""

    def __init__(self, document: Document, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EstateModel(document, entity, self)
        self.proxy = RowFilter(self)  # the model sorts itself: see row_order
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(placeholderText=_tr("Filter…"), clearButtonEnabled=True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.fitter = ColumnFitter(self.table)  # not after every change: see column_fit
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control
        if entity == "servers":
            column = self.model.columns.index("path")
            self.table.setItemDelegateForColumn(column, PathDelegate(self.table))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)

    def select_name(self, name: str) -> bool:
        """Select and show the row of the record with this name; False when absent."""
        row = self.model.row_of(name)
        if row < 0:
            return False
        self.filter.clear()
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True
