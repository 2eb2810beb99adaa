"""Pagination of the report: headings and captions kept with what follows, table rows whole.

Qt's text layout has no ``page-break-after: avoid`` and splits table rows across pages, so
after layout :func:`keep_with_next` finds what a page edge parts and moves it to the next
page, laying out again until nothing is parted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

__all__ = ["keep_with_next", "text_top"]


def text_top(doc: QTextDocument, block: QTextBlock) -> float:
    """Where a block's first line starts (its bounding box also holds its top margin)."""
    top = doc.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    if layout is not None and layout.lineCount():
        top += layout.lineAt(0).y()
    return top


def _page_of(doc: QTextDocument, block: QTextBlock, page_height: float) -> int:
    return int(text_top(doc, block) // page_height)


def keep_with_next(doc: QTextDocument, page_height: float) -> None:
    """Break the page before a heading or figure parted from what follows, or a split row.

    Qt has no ``page-break-after: avoid`` and splits table rows across pages; after layout we
    look for a heading left alone at the foot of a page, a caption parted from its figure (or
    a caption's last line on the next page), a short table split over two pages and a table
    row that crosses a page edge, and move it to the next page. Each fix moves what follows,
    so we lay out again and repeat.
    """
    for _ in range(200):
        doc.documentLayout().documentSize()  # the layout is lazy: finish it first
        parted = _first_parted(doc, page_height)
        if parted is not None:
            fmt = parted.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(parted).setBlockFormat(fmt)
        elif not _keep_short_table_whole(doc, page_height) \
                and not _push_split_row(doc, page_height) \
                and not _close_blank_page(doc, page_height):
            return


def _bottom_page(doc: QTextDocument, block: QTextBlock, page_height: float) -> int:
    rect = doc.documentLayout().blockBoundingRect(block)
    return int((rect.bottom() - 1) // page_height)


def _first_parted(doc: QTextDocument, page_height: float) -> QTextBlock | None:
    """A heading or figure whose next paragraph ends on a later page than it starts."""
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        keep = block.blockFormat().headingLevel() > 0 or _is_figure(block)
        breaks = block.blockFormat().pageBreakPolicy() \
            == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        if keep and nxt.isValid() and nxt.text().strip() and not breaks \
                and _bottom_page(doc, nxt, page_height) > _page_of(doc, block, page_height):
            return block
        block = nxt
    return None


def _row_extent(table: QTextTable, row: int) -> tuple[float, float]:
    """Top of the row's first line and bottom of its last, over all its cells."""
    layout = table.document().documentLayout()
    cells = [table.cellAt(row, col) for col in range(table.columns())]
    return (min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells),
            max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                for c in cells))


def _text_height(table: QTextTable, row: int) -> float:
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


# A table no taller than this part of a page is never split: split, it left one row under a
# repeated header on a page of its own before the next chapter (relay clients, mixed, English).
SHORT_TABLE = 0.3


def _keep_short_table_whole(doc: QTextDocument, page_height: float) -> bool:
    """Move the first short table that crosses a page edge to the next page, with its heading
    and lead; False when no short table is split."""
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.rows() <= frame.format().headerRowCount():
            continue
        # where the first line is, not the block's box: its top margin may reach back over
        # the edge of a table Qt already moved overleaf whole
        top = text_top(doc, frame.cellAt(0, 0).firstCursorPosition().block())
        bottom = _row_extent(frame, frame.rows() - 1)[1]
        if int(top // page_height) == int((bottom - 1) // page_height) \
                or top % page_height < page_height / 4:  # moved already, or would not fit
            continue
        # only with its heading: a break on the table itself could leave a blank page
        if _is_short(frame, page_height * SHORT_TABLE) \
                and _break_before_table(doc, frame, page_height, heading_only=True):
            return True
    return False


def _is_short(table: QTextTable, limit: float) -> bool:
    """Whether the table's rows take no more than ``limit`` points (measured until they do:
    the long tables of a large report are measured on every pass)."""
    padding = 2 * (table.format().cellPadding() + table.format().border())
    height = 0.0
    for row in range(table.rows()):
        height += _text_height(table, row) + padding
        if height > limit:
            return False
    return True


def _push_split_row(doc: QTextDocument, page_height: float) -> bool:
    """Move the first table row that crosses a page edge to the next page.

    Qt moves a row overleaf, under the header it repeats there, only when no cell's first
    line fits on the page; a row whose first line fits is split. So the row before it is
    padded at its foot down to the page end: the split row then starts below the page and Qt
    moves it. (Top padding on the split row itself would travel with it and stay as a gap
    under the repeated header.) A row too tall for a page under its header stays split.
    """
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        first = frame.format().headerRowCount()
        if frame.rows() <= first:
            continue  # only a header (an invalid cell would crash Qt)
        header = _row_extent(frame, first)[0] - _row_extent(frame, 0)[0] if first else 0.0
        for row in range(first, frame.rows()):
            top, bottom = _row_extent(frame, row)
            if int(top // page_height) == int((bottom - 1) // page_height) \
                    or _text_height(frame, row) > page_height - header - 12:
                continue
            if row == first:
                _break_before_table(doc, frame, page_height)
            elif not _pad_foot(frame, row - 1, (int(top // page_height) + 1) * page_height,
                               top):
                _pad_top(frame, row, (int(top // page_height) + 1) * page_height - top + 1)
            return True
    return False


def _break_before_table(doc: QTextDocument, table: QTextTable, page_height: float,
                        heading_only: bool = False) -> bool:
    """Move a table to the next page, header and all, with its heading and lead above it;
    False when ``heading_only`` and it has none, or its heading starts a page already.

    The break goes before that heading (up to three short paragraphs above the table, on its
    page), not the table: a break on the table would stay when the heading, parted from it,
    is moved too, and a table alone overleaf would leave its heading and lead behind.
    """
    table_top = _row_extent(table, 0)[0]
    block = doc.findBlock(table.firstPosition() - 2)
    for _ in range(4):
        if not block.isValid() or QTextCursor(block).currentTable() is not None \
                or table_top - text_top(doc, block) > page_height / 4:
            break
        if block.blockFormat().headingLevel() > 0:
            if block.blockFormat().pageBreakPolicy() \
                    == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                return False  # moved before: the table does not fit under it
            _break_before(block)
            return True
        block = block.previous()
    if heading_only:
        return False
    table_format = table.format()
    table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    table.setFormat(table_format)
    return True


def _pad_foot(table: QTextTable, row: int, page_end: float, next_top: float) -> bool:
    """Pad the foot of every cell of ``row`` to just above ``page_end``; False if done before.

    Qt keeps a cell's text out of the last (padding + table padding) points of a page:
    padding that reached the page end would push the row's own last line overleaf, so it
    stops just short; the next row's first line is then below the page and Qt moves it.
    """
    bottom = _row_extent(table, row)[1]
    table_format = table.format()
    pad = page_end - bottom - table_format.cellPadding() - table_format.border() - 1
    cells = [table.cellAt(row, col) for col in range(table.columns())
             if table.cellAt(row, col).column() == col]  # a spanning cell once
    padded = min(c.format().toTableCellFormat().bottomPadding() for c in cells)
    if padded > pad + 0.5:
        return False  # padded twice and the next row still starts on this page
    if padded >= pad - 0.5:
        # Qt counted less of the padding than asked: add what the next row still lacks
        pad = padded + page_end - next_top + 1
    with _one_edit(table.document()):
        for cell in cells:
            fmt = cell.format().toTableCellFormat()
            fmt.setBottomPadding(max(fmt.bottomPadding(), pad))
            cell.setFormat(fmt)
    return True


@contextmanager
def _one_edit(doc: QTextDocument) -> Iterator[None]:
    """Changes to several cells as one edit: Qt lays the document out again once, not after
    each cell (a report of 40 servers spent 55 of its 70 seconds on this)."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


def _pad_top(table: QTextTable, row: int, room: float) -> None:
    """The fallback when padding the row above did not move ``row``: top padding moves it
    overleaf, at the cost of a gap of ``room`` under the repeated header."""
    with _one_edit(table.document()):
        for col in range(table.columns()):
            cell = table.cellAt(row, col)
            if cell.column() == col:
                fmt = cell.format().toTableCellFormat()
                fmt.setTopPadding(fmt.topPadding() + room)
                cell.setFormat(fmt)


def _close_blank_page(doc: QTextDocument, page_height: float) -> bool:
    """Take the margins off the empty paragraph before a page break that left a blank page,
    and off the table before it.

    Qt puts an empty paragraph after every table; a table ending at a page foot had its
    bottom margin cross the page edge, the paragraph went overleaf and the chapter's break
    started yet another page (a blank page before "Risks", messy sample, English). False
    when no page is blank.
    """
    block = doc.begin()
    while block.isValid():
        before = block.previous()
        if block.blockFormat().pageBreakPolicy() \
                == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore and before.isValid() \
                and not before.text().strip() and QTextCursor(before).currentTable() is None \
                and _bottom_page(doc, before, page_height) \
                < _page_of(doc, block, page_height) - 1:
            fmt = before.blockFormat()
            if fmt.bottomMargin() or fmt.topMargin():
                fmt.setTopMargin(0)
                fmt.setBottomMargin(0)
                QTextCursor(before).setBlockFormat(fmt)
                return True
            table = QTextCursor(before.previous()).currentTable()
            if table is not None and table.format().bottomMargin():
                table_format = table.format()
                table_format.setBottomMargin(0)
                table.setFormat(table_format)
                return True
        block = block.next()
    return False


def _break_before(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def _is_figure(block: QTextBlock) -> bool:
    it = block.begin()
    if it.atEnd():
        return False
    fmt = it.fragment().charFormat()
    return fmt.isImageFormat() and fmt.toImageFormat().name().startswith("figure:")
