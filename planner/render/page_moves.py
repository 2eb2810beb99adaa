"""What pagination measures and moves in a laid-out report: where a block or table row
sits, a page break before a block or a table, padding that moves a row overleaf, and giving
back what was moved when what it was made for has moved itself.

Qt lays a QTextDocument out lazily: measure after ``documentLayout().documentSize()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
    QTextTableCellFormat,
)

__all__ = ["SHORT_TABLE", "TABLE_NOTE", "bottom_page", "break_before", "break_before_table",
           "is_figure", "is_short", "let_go", "one_edit", "pad_foot", "pad_top", "padded",
           "page_of", "points_per_unit", "row_extent", "table_note", "text_height", "text_top",
           "unpad"]


def text_top(doc: QTextDocument, block: QTextBlock) -> float:
    """Where a block's first line starts (its bounding box also holds its top margin)."""
    top = doc.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    if layout is not None and layout.lineCount():
        top += layout.lineAt(0).y()
    return top


def page_of(doc: QTextDocument, block: QTextBlock, page_height: float) -> int:
    return int(text_top(doc, block) // page_height)


def bottom_page(doc: QTextDocument, block: QTextBlock, page_height: float) -> int:
    rect = doc.documentLayout().blockBoundingRect(block)
    return int((rect.bottom() - 1) // page_height)


def row_extent(table: QTextTable, row: int) -> tuple[float, float]:
    """Top of the row's first line and bottom of its last, over all its cells."""
    layout = table.document().documentLayout()
    cells = [table.cellAt(row, col) for col in range(table.columns())]
    return (min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells),
            max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                for c in cells))


# A table no taller than this part of a page is never split: split, it left one row under a
# repeated header on a page of its own before the next chapter (relay clients, mixed, English).
SHORT_TABLE = 0.3


def is_short(table: QTextTable, limit: float) -> bool:
    """Whether the table's rows take no more than ``limit`` points (measured until they do:
    the long tables of a large report are measured on every pass)."""
    padding = 2 * (table.format().cellPadding() + table.format().border())
    height = 0.0
    for row in range(table.rows()):
        height += text_height(table, row) + padding
        if height > limit:
            return False
    return True


def text_height(table: QTextTable, row: int) -> float:
    """The height of the row's tallest cell without the gap a page edge puts into it."""
    tallest = 0.0
    for col in range(table.columns()):
        cell = table.cellAt(row, col)
        block, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
        height = 0.0
        while block.isValid():
            lines = block.layout()
            height += sum(lines.lineAt(i).height() for i in range(lines.lineCount()))
            if block == last:
                break
            block = block.next()
        tallest = max(tallest, height)
    return tallest


def break_before(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def break_before_table(doc: QTextDocument, table: QTextTable, page_height: float,
                        heading_only: bool = False) -> bool:
    """Move a table to the next page, header and all, with its heading and lead above it;
    False when ``heading_only`` and it has none, or its heading starts a page already.

    The break goes before that heading (up to three short paragraphs above the table, on its
    page), not the table: a break on the table would stay when the heading, parted from it,
    is moved too, and a table alone overleaf would leave its heading and lead behind.
    """
    table_top = row_extent(table, 0)[0]
    block = doc.findBlock(table.firstPosition() - 2)
    for _ in range(4):
        if not block.isValid() or QTextCursor(block).currentTable() is not None \
                or table_top - text_top(doc, block) > page_height / 4:
            break
        if block.blockFormat().headingLevel() > 0:
            if block.blockFormat().pageBreakPolicy() \
                    == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                return False  # moved before: the table does not fit under it
            break_before(block)
            return True
        block = block.previous()
    if heading_only:
        return False
    table_format = table.format()
    table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    table.setFormat(table_format)
    return True


def pad_foot(table: QTextTable, row: int, page_end: float, next_top: float,
             bottom: float | None = None) -> bool:
    """Pad the foot of every cell of ``row`` to just above ``page_end``; False if done before.

    Qt keeps a cell's text out of the last (padding + table padding) points of a page:
    padding that reached the page end would push the row's own last line overleaf, so it
    stops just short; the next row's first line is then below the page and Qt moves it.
    ``bottom``: where the row will end unpadded, when the layout does not show it yet.
    """
    bottom = row_extent(table, row)[1] if bottom is None else bottom
    table_format = table.format()
    scale = points_per_unit(table.document())
    pad = (page_end - bottom - 1) / scale - table_format.cellPadding() - table_format.border()
    cells = [table.cellAt(row, col) for col in range(table.columns())
             if table.cellAt(row, col).column() == col]  # a spanning cell once
    padded = min(c.format().toTableCellFormat().bottomPadding() for c in cells)
    if padded > pad + 0.5:
        return False  # padded twice and the next row still starts on this page
    if padded >= pad - 0.5:
        # Qt counted less of the padding than asked: add what the next row still lacks
        pad = padded + (page_end - next_top + 1) / scale
    with one_edit(table.document()):
        for cell in cells:
            fmt = _kept_original(cell.format().toTableCellFormat())
            fmt.setBottomPadding(max(fmt.bottomPadding(), pad))
            cell.setFormat(fmt)
    return True


def pad_top(table: QTextTable, row: int, room: float) -> None:
    """The fallback when padding the row above did not move ``row``: top padding moves it
    overleaf, at the cost of a gap of ``room`` points under the repeated header."""
    room /= points_per_unit(table.document())
    with one_edit(table.document()):
        for col in range(table.columns()):
            cell = table.cellAt(row, col)
            if cell.column() == col:
                fmt = _kept_original(cell.format().toTableCellFormat())
                fmt.setTopPadding(fmt.topPadding() + room)
                cell.setFormat(fmt)


# Where a padded cell keeps the padding it had, so a later move can give it back.
_ORIGINAL_TOP = QTextFormat.Property.UserProperty + 1
_ORIGINAL_BOTTOM = QTextFormat.Property.UserProperty + 2
_TOP = QTextFormat.Property.TableCellTopPadding
_BOTTOM = QTextFormat.Property.TableCellBottomPadding


def padded(table: QTextTable, row: int) -> tuple[bool, bool]:
    """Whether pagination padded some cell of the row at its top, at its foot."""
    top = foot = False
    for col in range(table.columns()):
        fmt = table.cellAt(row, col).format().toTableCellFormat()
        if fmt.hasProperty(_ORIGINAL_BOTTOM):
            top |= fmt.hasProperty(_TOP) and fmt.topPadding() > float(fmt.property(_ORIGINAL_TOP))
            foot |= fmt.hasProperty(_BOTTOM) \
                and fmt.bottomPadding() > float(fmt.property(_ORIGINAL_BOTTOM))
    return top, foot


def _kept_original(fmt: QTextTableCellFormat) -> QTextTableCellFormat:
    """The format with its padding before pagination noted, once."""
    if not fmt.hasProperty(_ORIGINAL_BOTTOM):
        # a padding the cell did not set is the table's (-1): given back, it is unset again,
        # not 0 (which took the table's cell padding off a row given back its padding)
        for original, own in ((_ORIGINAL_TOP, _TOP), (_ORIGINAL_BOTTOM, _BOTTOM)):
            fmt.setProperty(original, fmt.doubleProperty(own) if fmt.hasProperty(own) else -1.0)
    return fmt


def points_per_unit(doc: QTextDocument) -> float:
    """Points of layout per unit of a cell's padding: Qt reads padding as CSS pixels (1/96
    inch) and lays them out on the paint device (a 72-dpi PDF: 100 px of padding made 75 pt)."""
    device = doc.documentLayout().paintDevice()
    return device.logicalDpiY() / 96.0 if device is not None else 1.0


@contextmanager
def one_edit(doc: QTextDocument) -> Iterator[None]:
    """Changes to several cells as one edit: Qt lays the document out again once, not after
    each cell (a report of 40 servers spent 55 of its 70 seconds on this)."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


def let_go(doc: QTextDocument, start: int, end: int, hard: frozenset[int]) -> None:
    """Undo pagination's breaks and paddings between two positions (the report's own page
    breaks stay): they were made for where things were before a move."""
    with one_edit(doc):
        block = doc.findBlock(start)
        if block.position() < start:
            block = block.next()
        while block.isValid() and block.position() < end:
            fmt = block.blockFormat()
            if block.position() not in hard and fmt.pageBreakPolicy() \
                    == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
                QTextCursor(block).setBlockFormat(fmt)
            block = block.next()
        for frame in doc.rootFrame().childFrames():
            if isinstance(frame, QTextTable) and start <= frame.firstPosition() < end:
                table_format = frame.format()
                table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
                frame.setFormat(table_format)
            if isinstance(frame, QTextTable) and frame.lastPosition() > start \
                    and frame.firstPosition() < end:
                unpad(frame, start)


def unpad(table: QTextTable, start: int = 0) -> None:
    """Give the cells from ``start`` on the padding they had before pagination padded them."""
    for row in range(table.rows()):
        for col in range(table.columns()):
            cell = table.cellAt(row, col)
            fmt = cell.format().toTableCellFormat()
            if cell.column() == col and cell.firstPosition() >= start \
                    and fmt.hasProperty(_ORIGINAL_BOTTOM):
                for original, own in ((_ORIGINAL_TOP, _TOP), (_ORIGINAL_BOTTOM, _BOTTOM)):
                    value = float(fmt.property(original))
                    if value < 0:
                        fmt.clearProperty(own)
                    else:
                        fmt.setProperty(own, value)
                cell.setFormat(fmt)


def is_figure(block: QTextBlock) -> bool:
    it = block.begin()
    if it.atEnd():
        return False
    fmt = it.fragment().charFormat()
    return fmt.isImageFormat() and fmt.toImageFormat().name().startswith("figure:")


# The user state report.css gives the small print under a table (p.table-note): Qt's HTML
# import keeps no class, and the note must stay on the page of its table's last row.
TABLE_NOTE = 1


def table_note(doc: QTextDocument, table: QTextTable) -> QTextBlock | None:
    """The note under a table (past the empty paragraph Qt puts after a table), or None."""
    block = doc.findBlock(table.lastPosition() + 1)
    if block.isValid() and block.userState() != TABLE_NOTE and not block.text().strip():
        block = block.next()
    return block if block.isValid() and block.userState() == TABLE_NOTE else None
