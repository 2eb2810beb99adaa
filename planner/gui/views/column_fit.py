"""Columns fitted to their contents once there are rows, and only while the table is shown.

A header in ``ResizeToContents`` mode measures its rows after every model reset, also on
hidden tabs: a 20,000-server import reset eight tables three times and asked each of them
for thousands of cells on the GUI thread. Fitting once, when rows are first shown, leaves
the columns to the consultant afterwards (they can be widened by hand).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

__all__ = ["ColumnFitter"]


class ColumnFitter(QObject):
    """Fits ``table``'s columns to the first ``rows`` rows, the first time it shows rows."""

    def __init__(self, table: QTableView, rows: int = 20) -> None:
        super().__init__(table)
        self._table = table
        self._fitted = False
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(rows)
        for column in range(header.count()):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.model().modelReset.connect(self._schedule)
        table.model().rowsInserted.connect(self._schedule)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit when the table is first shown with rows."""
        if event.type() == QEvent.Type.Show:
            self._schedule()
        return False

    def _schedule(self) -> None:
        if not self._fitted and self._table.isVisible():
            QTimer.singleShot(0, self._fit)  # once, after the resets of one change

    def _fit(self) -> None:
        model = self._table.model()
        if self._fitted or not self._table.isVisible() or model is None or \
                model.rowCount() == 0:
            return
        self._fitted = True
        header = self._table.horizontalHeader()
        last = header.count() - 1
        for column in range(header.count()):
            # a stretching column fills the rest: fitted to a long message it ran off screen
            stretches = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch or \
                (column == last and header.stretchLastSection())
            if not stretches:
                self._table.resizeColumnToContents(column)
