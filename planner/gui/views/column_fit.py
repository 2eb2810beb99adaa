"""Columns fitted to their contents while the consultant has not sized them by hand, and
only while the table is shown.

A header in ``ResizeToContents`` mode measures its rows after every model reset, also on
hidden tabs: a 20,000-server import reset eight tables three times and asked each of them
for thousands of cells on the GUI thread. Here a shown table is fitted to its first rows
after a change (the plan's columns fill in after the estate's), until a column is widened
or narrowed by hand; from then on the widths are the consultant's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

__all__ = ["ColumnFitter"]


class ColumnFitter(QObject):
    """Fits ``table``'s columns to its first ``rows`` rows after changes, while shown;
    with ``widest``, no fitted column takes more than that share of the view (the stretching
    one keeps the rest)."""

    def __init__(self, table: QTableView, rows: int = 20, widest: float | None = None) -> None:
        super().__init__(table)
        self._table = table
        self._widest = widest  # a fitted column's share of the view at the most
        self._by_hand = False  # a column was sized by the consultant
        self._fitting = False
        self._due = False
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(rows)
        for column in range(header.count()):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized)
        table.model().modelReset.connect(self._schedule)
        table.model().rowsInserted.connect(self._schedule)
        # a re-plan repaints the verdict columns without a reset: they may need more room
        table.model().dataChanged.connect(lambda *_changed: self._schedule())
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit when the table is shown after a change."""
        if event.type() == QEvent.Type.Show:
            self._schedule()
        return False

    def _stretches(self, column: int) -> bool:
        header = self._table.horizontalHeader()
        return header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch or \
            (column == header.count() - 1 and header.stretchLastSection())

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and not self._stretches(column):
            self._by_hand = True

    def _schedule(self) -> None:
        if self._by_hand or self._due:
            return
        if self._table.isVisible():
            self._due = True
            QTimer.singleShot(0, self._fit)  # once, after the resets of one change

    def _fit(self) -> None:
        self._due = False
        model = self._table.model()
        if self._by_hand or not self._table.isVisible() or model is None or \
                model.rowCount() == 0:
            return
        self._fitting = True
        try:
            for column in range(self._table.horizontalHeader().count()):
                # a stretching column fills the rest: fitted to a long text it ran off screen
                if not self._stretches(column):
                    self._table.resizeColumnToContents(column)
                    if self._widest is not None:  # a long place left the message no room
                        most = int(self._table.viewport().width() * self._widest)
                        if self._table.columnWidth(column) > most > 0:
                            self._table.setColumnWidth(column, most)
        finally:
            self._fitting = False
