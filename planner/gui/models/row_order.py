"""Sorting and filtering for large table models without asking Qt for every cell.

A ``QSortFilterProxyModel`` that sorts compares rows through ``data()``: for 20,000 rows that
is over half a million Python calls on the GUI thread after every change, and one more full
pass per keystroke in the filter box. Here the model sorts itself — one key per row, computed
when the rows are first shown after a reset, then Python's sort — and the proxy only filters,
against one lower-cased text per row that the model computes once per reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

__all__ = ["RowFilter", "SortedTableModel", "sort_key"]

_Index = QModelIndex | QPersistentModelIndex


def sort_key(value: Any) -> tuple[int, Any]:
    """A key that orders numbers before texts and never compares the two."""
    if isinstance(value, bool | int | float):
        return (0, float(value))
    return (1, "" if value is None else str(value).lower())


class SortedTableModel(QAbstractTableModel):
    """A table over a sequence of items shown in a sorted order (view row -> item row).

    Subclasses give ``item_count()``, ``item_sort_value(item_row, column)`` and
    ``item_text(item_row)``, call ``forget_order()`` inside a model reset, and map a view row
    to their item with ``item_row(row)``.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._order: list[int] | None = None
        self._texts: dict[int, str] = {}

    def item_count(self) -> int:
        """How many items there are."""
        raise NotImplementedError

    def item_sort_value(self, item: int, column: int) -> Any:
        """The value an item sorts by in a column."""
        raise NotImplementedError

    def sort_keys(self, column: int) -> list[tuple[int, Any]]:
        """Every item's :func:`sort_key` in a column (a model may compute them faster)."""
        return [sort_key(self.item_sort_value(r, column)) for r in range(self.item_count())]

    def item_text(self, item: int) -> str:
        """All of an item's shown texts, for the filter box."""
        raise NotImplementedError

    def sort_column(self) -> int:
        """The column the rows are sorted by, -1 when unsorted."""
        return self._sort[0] if self._sort is not None else -1

    def forget_texts(self) -> None:
        """Drop the filter texts (the cells' words changed, the rows did not)."""
        self._texts = {}

    def forget_order(self) -> None:
        """Drop the sorted order and filter texts (call between begin/endResetModel)."""
        self._order = None
        self._texts = {}

    def _ordered(self) -> list[int]:
        if self._order is None:
            rows = range(self.item_count())
            if self._sort is None:
                self._order = list(rows)
            else:
                column, order = self._sort
                keys = self.sort_keys(column)
                self._order = sorted(rows, key=keys.__getitem__,
                                     reverse=order == Qt.SortOrder.DescendingOrder)
        return self._order

    def item_row(self, row: int) -> int:
        """The item shown in a view row."""
        return self._ordered()[row]

    def row_of_item(self, item: int) -> int:
        """The view row that shows an item (-1 when absent)."""
        try:
            return self._ordered().index(item)
        except ValueError:
            return -1

    def filter_text(self, row: int) -> str:
        """The lower-cased text of a view row, computed once per reset."""
        item = self.item_row(row)
        text = self._texts.get(item)
        if text is None:
            text = self._texts[item] = self.item_text(item).lower()
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt: sort by a column; selections and persistent indexes follow their items."""
        self.layoutAboutToBeChanged.emit()
        before = self._order
        persistent = self.persistentIndexList()
        items = [before[i.row()] if before is not None and 0 <= i.row() < len(before)
                 else i.row() for i in persistent]
        self._sort = (column, order)
        self._order = None
        if persistent:
            where = {item: row for row, item in enumerate(self._ordered())}
            self.changePersistentIndexList(persistent, [
                self.index(where.get(item, -1), i.column()) if item in where else QModelIndex()
                for item, i in zip(items, persistent, strict=True)])
        self.layoutChanged.emit()


class RowFilter(QSortFilterProxyModel):
    """Filters a :class:`SortedTableModel` by text; sorting is left to the model."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        """Show only rows containing ``text`` (any column, case-insensitive)."""
        self._change_filter(lambda: setattr(self, "_needle", text.strip().lower()))

    def _change_filter(self, change: Any) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt: the model sorts itself (one key per row, not a comparison per cell)."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        """Rows containing the filter text."""
        source = self.sourceModel()
        if not self._needle or not isinstance(source, SortedTableModel):
            return True
        return self._needle in source.filter_text(row)
