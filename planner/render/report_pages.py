"""Pagination of the report: headings and captions kept with what follows, table rows whole.

Qt's text layout has no ``page-break-after: avoid`` and splits table rows across pages, so
after layout :func:`keep_with_next` finds what a page edge parts and moves it to the next
page, laying out again until nothing is parted.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from planner.render.page_moves import (
    SHORT_TABLE,
    bottom_page,
    break_before_table,
    is_figure,
    is_short,
    pad_foot,
    pad_top,
    page_of,
    row_extent,
    text_height,
    text_top,
    unpad,
)
from planner.render.page_tail import fill_short_tail, hard_breaks

__all__ = ["keep_with_next", "text_top"]


def keep_with_next(doc: QTextDocument, page_height: float) -> None:
    """Break the page before a heading or figure parted from what follows, or a split row.

    Qt has no ``page-break-after: avoid`` and splits table rows across pages; after layout we
    look for a heading left alone at the foot of a page, a caption parted from its figure (or
    a caption's last line on the next page), a short table split over two pages and a table
    row that crosses a page edge, and move it to the next page; last, a chapter whose last
    page would stay nearly empty takes the foot of its previous page along. Each fix moves
    what follows, so we lay out again and repeat.
    """
    hard = hard_breaks(doc)
    for _ in range(200):
        doc.documentLayout().documentSize()  # the layout is lazy: finish it first
        parted = _first_parted(doc, page_height)
        if parted is not None:
            fmt = parted.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(parted).setBlockFormat(fmt)
        elif not _keep_short_table_whole(doc, page_height) \
                and not _push_split_row(doc, page_height) \
                and not _close_blank_page(doc, page_height) \
                and not fill_short_tail(doc, page_height, hard):
            return


def _first_parted(doc: QTextDocument, page_height: float) -> QTextBlock | None:
    """A heading or figure whose next paragraph ends on a later page than it starts."""
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        keep = block.blockFormat().headingLevel() > 0 or is_figure(block)
        breaks = block.blockFormat().pageBreakPolicy() \
            == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        if keep and nxt.isValid() and nxt.text().strip() and not breaks \
                and bottom_page(doc, nxt, page_height) > page_of(doc, block, page_height):
            return block
        block = nxt
    return None


def _keep_short_table_whole(doc: QTextDocument, page_height: float) -> bool:
    """Move the first short table that crosses a page edge to the next page, with its heading
    and lead; False when no short table is split."""
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.rows() <= frame.format().headerRowCount():
            continue
        # where the first line is, not the block's box: its top margin may reach back over
        # the edge of a table Qt already moved overleaf whole
        top = text_top(doc, frame.cellAt(0, 0).firstCursorPosition().block())
        bottom = row_extent(frame, frame.rows() - 1)[1]
        if int(top // page_height) == int((bottom - 1) // page_height) \
                or top % page_height < page_height / 4:  # moved already, or would not fit
            continue
        # only with its heading: a break on the table itself could leave a blank page
        if is_short(frame, page_height * SHORT_TABLE) \
                and break_before_table(doc, frame, page_height, heading_only=True):
            unpad(frame)  # a row padded to a page end it no longer meets
            return True
    return False


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
        header = row_extent(frame, first)[0] - row_extent(frame, 0)[0] if first else 0.0
        for row in range(first, frame.rows()):
            top, bottom = row_extent(frame, row)
            if int(top // page_height) == int((bottom - 1) // page_height) \
                    or text_height(frame, row) > page_height - header - 12:
                continue
            if row == first:
                break_before_table(doc, frame, page_height)
            elif not pad_foot(frame, row - 1, (int(top // page_height) + 1) * page_height,
                               top):
                pad_top(frame, row, (int(top // page_height) + 1) * page_height - top + 1)
            return True
    return False


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
                and bottom_page(doc, before, page_height) \
                < page_of(doc, block, page_height) - 1:
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

