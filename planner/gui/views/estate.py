"""The Estate page: one sortable, filterable table per entity, edits as undoable commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.gui.document import Document

if TYPE_CHECKING:
    from planner.gui.views.entity_table import EntityTable

__all__ = ["ENTITY_TITLES", "EstateView"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("EstateView", text)


ENTITY_TITLES: dict[str, Callable[[], str]] = {
    "servers": lambda: _tr("Servers"), "sites": lambda: _tr("Sites"),
    "dags": lambda: _tr("DAGs"), "databases": lambda: _tr("Databases"),
    "connectors": lambda: _tr("Connectors"), "relay_clients": lambda: _tr("Relay clients"),
    "namespaces": lambda: _tr("Namespaces"), "exo_reports": lambda: _tr("EXO report"),
}


class EmptyState(QFrame):
    """What to do first, with the two buttons that do it (shown while the estate is empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty-state")
        self.setAutoFillBackground(True)
        title = QLabel(_tr("Import an inventory or open a project"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(_tr("The customer's Exchange inventory (a spreadsheet, CSV files or "
                          "PowerShell exports) becomes the estate, the steps and the plan. "
                          "You can also drop the files on this window."))
        hint.setWordWrap(True)
        hint.setFixedWidth(520)
        # centred in a box layout a wrapped label gets one line's height unless told
        hint.setMinimumHeight(hint.heightForWidth(520))
        self.import_button = QPushButton(_tr("&Import inventory…"))
        self.open_button = QPushButton(_tr("&Open project…"))
        self.import_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addStretch(1)
        for label in (title, hint):
            # by the property's name: Qt.AlignmentFlag would load the whole Qt namespace
            # (about a hundred enums) before the first paint (start-up time)
            label.setProperty("alignment", "AlignCenter")
            row = QHBoxLayout()  # centred by stretches, not by a layout alignment flag
            row.addStretch(1)
            row.addWidget(label)
            row.addStretch(1)
            box.addLayout(row)
        box.addSpacing(12)
        box.addLayout(buttons)
        box.addStretch(2)


class _Tables(Mapping[str, "EntityTable"]):
    """The estate view's tables by entity; each is built into its tab when first asked for
    (start-up time: eight tables and their models for an empty window nobody sees)."""

    def __init__(self, view: EstateView) -> None:
        self._view = view
        self._built: dict[str, EntityTable] = {}

    def __getitem__(self, entity: str) -> EntityTable:
        if entity not in self._built:
            if entity not in ENTITY_TITLES:
                raise KeyError(entity)
            self._built[entity] = self._view.build_table(entity)
        return self._built[entity]

    def __iter__(self) -> Iterator[str]:
        return iter(ENTITY_TITLES)

    def __len__(self) -> int:
        return len(ENTITY_TITLES)

    def is_built(self, entity: str) -> bool:
        """True once the entity's table exists."""
        return entity in self._built


class EstateView(QTabWidget):
    """Tabs with one table per entity (servers first); a hint with buttons while empty."""

    importRequested = Signal()
    openRequested = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        for entity, title in ENTITY_TITLES.items():
            stand_in = QWidget()  # the table is built when its tab is first shown
            stand_in.setObjectName(f"unbuilt-{entity}")
            self.addTab(stand_in, title())
        self.tables = _Tables(self)
        self.empty = EmptyState(self)
        self.empty.import_button.clicked.connect(self.importRequested)
        self.empty.open_button.clicked.connect(self.openRequested)
        self.currentChanged.connect(lambda _index: self._build_current())
        document.estateChanged.connect(self._update_titles)
        self._update_titles()

    def _build_current(self) -> None:
        # An empty estate shows the empty state over the tabs: no table is needed yet.
        if self.document.estate.servers and 0 <= self.currentIndex() < len(ENTITY_TITLES):
            self.tables[list(ENTITY_TITLES)[self.currentIndex()]]

    def build_table(self, entity: str) -> EntityTable:
        """Build an entity's table into its tab (see :class:`_Tables`)."""
        index = list(ENTITY_TITLES).index(entity)
        # start-up time: the table models load with the first table, not for the empty window
        from planner.gui.views.entity_table import EntityTable

        table = EntityTable(self.document, entity, self)
        stand_in = self.widget(index)
        current = self.currentIndex()
        title = self.tabText(index)
        self.blockSignals(True)  # the swap must not look like the consultant changing tabs
        self.removeTab(index)
        self.insertTab(index, table, title)
        self.setCurrentIndex(current)
        self.blockSignals(False)
        if stand_in is not None:
            stand_in.deleteLater()
        self.empty.raise_()  # a new tab must not cover the empty state
        return table

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the empty-state hint over the whole page."""
        super().resizeEvent(event)
        self.empty.setGeometry(self.rect())

    def _update_titles(self) -> None:
        blank = self.document.blank  # the empty project, not made yet (start-up time)
        for index, (entity, title) in enumerate(ENTITY_TITLES.items()):
            count = 0 if blank else len(getattr(self.document.estate, entity))
            self.setTabText(index, f"{title()} ({count})")
        empty = blank or not self.document.estate.servers
        self.empty.setVisible(empty)
        if empty:
            self.empty.setGeometry(self.rect())
            self.empty.raise_()
        else:
            self._build_current()

    def show_record(self, entity: str, name: str) -> bool:
        """Switch to the entity's tab and select the named record."""
        table = self.tables.get(entity)
        if table is None:
            return False
        self.setCurrentWidget(table)
        return table.select_name(name)
