"""The Estate page: one sortable, filterable table per entity, edits as undoable commands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.core.plan import MigrationPath
from planner.gui.document import Document
from planner.gui.models.estate_model import SORT_ROLE, EstateModel, path_label

__all__ = ["ENTITY_TITLES", "EstateView"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("EstateView", text)


ENTITY_TITLES: dict[str, Callable[[], str]] = {
    "servers": lambda: _tr("Servers"), "sites": lambda: _tr("Sites"),
    "dags": lambda: _tr("DAGs"), "databases": lambda: _tr("Databases"),
    "connectors": lambda: _tr("Connectors"), "relay_clients": lambda: _tr("Relay clients"),
    "namespaces": lambda: _tr("Namespaces"), "exo_reports": lambda: _tr("EXO report"),
}


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
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(placeholderText=_tr("Filter…"), clearButtonEnabled=True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
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


class EstateView(QTabWidget):
    """Tabs with one table per entity (servers first)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.tables: dict[str, EntityTable] = {}
        for entity, title in ENTITY_TITLES.items():
            table = EntityTable(document, entity, self)
            self.tables[entity] = table
            self.addTab(table, title())
        document.estateChanged.connect(self._update_titles)
        self._update_titles()

    def _update_titles(self) -> None:
        for index, (entity, title) in enumerate(ENTITY_TITLES.items()):
            count = len(getattr(self.document.estate, entity))
            self.setTabText(index, f"{title()} ({count})")

    def show_record(self, entity: str, name: str) -> bool:
        """Switch to the entity's tab and select the named record."""
        table = self.tables.get(entity)
        if table is None:
            return False
        self.setCurrentWidget(table)
        return table.select_name(name)
