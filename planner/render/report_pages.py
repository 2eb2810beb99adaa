"""Pagination of the report: headings and captions kept with what follows, table rows whole.

Qt's text layout has no ``page-break-after: avoid`` and splits table rows across pages, so
after layout :func:`keep_with_next` finds what a page edge parts and moves it to the next
page, laying out again until nothing is parted.
"""

from __future__ import annotations

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
    a caption's last line on the next page) and a table row that crosses a page edge, and
    move it to the next page. Each fix moves what follows, so we lay out again and repeat.
    """
    for _ in range(200):
        doc.documentLayout().documentSize()  # the layout is lazy: finish it first
        parted = _first_parted(doc, page_height)
        if parted is not None:
            fmt = parted.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(parted).setBlockFormat(fmt)
        elif not _push_split_row(doc, page_height):
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


def _push_split_row(doc: QTextDocument, page_height: float) -> bool:
    """Pad the first table row that crosses a page edge down to the next page.

    A page break inside a cell makes Qt skip a page; top padding on every cell of the row
    moves its text below the header Qt repeats on the next page, as a split row's rest would.
    """
    layout = doc.documentLayout()
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        for row in range(frame.format().headerRowCount(), frame.rows()):
            cells = [frame.cellAt(row, col) for col in range(frame.columns())]
            tops = [layout.blockBoundingRect(c.firstCursorPosition().block()).top()
                    for c in cells]
            bottoms = [layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                       for c in cells]
            top, bottom = min(tops), max(bottoms)
            if int(top // page_height) == int((bottom - 1) // page_height) \
                    or bottom - top > page_height / 2:
                continue
            if row == frame.format().headerRowCount():
                # The first row: move the whole table (Qt takes the header along and the
                # padding would leave a gap under it).
                table_format = frame.format()
                table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                frame.setFormat(table_format)
                return True
            room = (int(top // page_height) + 1) * page_height - top
            for cell in cells:
                fmt = cell.format().toTableCellFormat()
                fmt.setTopPadding(fmt.topPadding() + room + 1)
                cell.setFormat(fmt)
            return True
    return False


def _is_figure(block: QTextBlock) -> bool:
    it = block.begin()
    if it.atEnd():
        return False
    fmt = it.fragment().charFormat()
    return fmt.isImageFormat() and fmt.toImageFormat().name().startswith("figure:")
