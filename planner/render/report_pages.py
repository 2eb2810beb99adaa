"""Pagination of the report: headings and captions kept with what follows, table rows whole,
a table's note on the page of its last row.

Qt's text layout has no ``page-break-after: avoid`` and splits table rows across pages, so
after layout :func:`keep_with_next` finds what a page edge parts and moves it to the next
page, laying out again until nothing is parted.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from planner.render.page_ahead import natural_extents, pad_ahead
from planner.render.page_moves import (
    SHORT_TABLE,
    bottom_page,
    break_before,
    break_before_table,
    is_figure,
    is_short,
    one_edit,
    pad_foot,
    pad_top,
    page_of,
    row_extent,
    table_note,
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

    A fix changes nothing before where it is made, so the next look starts there (a little
    before: a heading above a moved block may now be parted from it), not at the top: looking
    from the top after every fix made a 186-page report's pagination quadratic. What was
    not looked at before a fix is looked at once more from the top before the end, so the
    document ends where no check finds anything anywhere, as when every look started there.
    """
    hard = hard_breaks(doc)
    extents = natural_extents(doc)  # and laid out on its pages (the layout is lazy)
    since = 0
    # a chapter's tail lets go of the fixes before it: a few per chapter at the most, so
    # two chapters' tails cannot undo each other for ever
    tails = 2 * len(hard) + 2
    # one fix per page edge and kind at the most, and the looks from the top between
    for _ in range(_MOST_FIXES + 8 * doc.pageCount()):
        doc.documentLayout().documentSize()
        moved = _next_fix(doc, page_height, since, extents, hard)
        if moved is not None:
            since = moved
        elif since:
            since = 0  # what was not looked at before a fix: once more from the top
        elif tails and fill_short_tail(doc, page_height, hard):
            tails -= 1  # it lets go of what earlier fixes did in the part it moves
        else:
            return


_MOST_FIXES = 200


def _next_fix(doc: QTextDocument, page_height: float, since: int,
              extents: list[list[tuple[float, float]]],
              hard: frozenset[int] = frozenset()) -> int | None:
    """Make the first fix found from ``since`` on; where layout changed from, or None.
    ``extents``: the rows' :func:`.page_ahead.natural_extents`, per table; ``hard``: the
    report's own page breaks (:func:`.page_tail.hard_breaks`)."""
    parted = _first_parted(doc, page_height, since)
    if parted is not None:
        break_before(parted)
        _release(parted.next(), hard)
        return _back(doc, parted.position())
    moved = _keep_short_table_whole(doc, page_height, since)
    if moved is None:
        moved = _push_split_row(doc, page_height, since, extents)
    if moved is None:
        moved = _keep_note_with_table(doc, page_height, since)
    if moved is None:
        moved = _push_split_line(doc, page_height, since)
    if moved is None:
        moved = _close_blank_page(doc, page_height, since)
    return moved


def _push_split_line(doc: QTextDocument, page_height: float, since: int = 0) -> int | None:
    """Move the first paragraph from ``since`` on whose line crosses a page edge to the next
    page; where layout changed from, or None when no line is split.

    Qt lays a line of 130 % height that starts a point or two above a page edge (after a
    table) across it; the page's clip cuts it and the next page's skips it: Gotthard Rail's
    German effort note was half a line at the foot of a page and missing overleaf.
    """
    layout = doc.documentLayout()
    block = doc.findBlock(since) if since else doc.begin()
    while block.isValid():
        lines = block.layout()
        if lines is not None and block.text().strip() and not is_figure(block) \
                and QTextCursor(block).currentTable() is None:
            top = layout.blockBoundingRect(block).top()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                start = top + line.y()
                if line.height() < page_height / 2 \
                        and int(start // page_height) != int((start + line.height() - 0.01)
                                                             // page_height):
                    break_before(block)
                    return _back(doc, block.position())
        block = block.next()
    return None


def _keep_note_with_table(doc: QTextDocument, page_height: float, since: int = 0,
                          ) -> int | None:
    """Keep the first table note from ``since`` on that ends on a later page than its
    table's last row with that row; where layout changed from, or None when none is parted.

    The note takes its table's last row overleaf (under the repeated header), or the whole
    table with its heading where the table is short or has one row: a note alone at the top
    of a page reads as belonging to what follows (Gotthard Rail's effort note, 0.8 pt below
    the top of page 4 with its table on page 3, was not even printed: the painter took the
    spot for the table's).
    """
    # the tables held in a list till the end and the layout asked for where it is used: a
    # layout kept across tables taken one at a time was "already deleted" for PySide once
    # the table it had measured was dropped
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for table in tables:
        note = table_note(doc, table)
        lines = note.layout() if note is not None else None
        if note is None or lines is None or not lines.lineCount() or note.position() < since:
            continue
        last = lines.lineAt(lines.lineCount() - 1)
        foot = doc.documentLayout().blockBoundingRect(note).top() + last.y() + last.height()
        row, first = table.rows() - 1, table.format().headerRowCount()
        top, bottom = row_extent(table, row)
        page = int((bottom - 1) // page_height)
        if int((foot - 0.01) // page_height) <= page or row < first:
            continue
        if row == first or is_short(table, page_height * SHORT_TABLE):
            if break_before_table(doc, table, page_height):
                unpad(table)  # a row padded to a page end it no longer meets
                return _back(doc, table.firstPosition())
        elif int(top // page_height) == int((row_extent(table, row - 1)[1] - 1) // page_height):
            # the row before it ends the page: the last row starts overleaf, the note after it
            with one_edit(doc):
                if not pad_foot(table, row - 1, (page + 1) * page_height, top):
                    pad_top(table, row, (page + 1) * page_height - top + 1)
            return table.cellAt(row - 1, 0).firstPosition()
    return None


def _release(block: QTextBlock, hard: frozenset[int]) -> None:
    """Undo an earlier fix's break before the block that follows a heading or figure just
    moved to a new page: it goes along now. A figure moved overleaf away from its caption
    left its heading behind; the heading, moved after it, then stood alone on an empty page
    (a report's "2.3 Dependencies at a glance", its figure a page later)."""
    if block.isValid() and block.position() not in hard and block.blockFormat() \
            .pageBreakPolicy() == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        QTextCursor(block).setBlockFormat(fmt)


def _back(doc: QTextDocument, position: int, blocks: int = 4) -> int:
    """The position a few blocks before ``position``: where a look after a fix there starts
    (a heading, a caption or a table's lead above it depends on where it lands)."""
    block = doc.findBlock(position)
    for _ in range(blocks):
        if not block.previous().isValid():
            break
        block = block.previous()
    return block.position()


def _first_parted(doc: QTextDocument, page_height: float, since: int = 0) -> QTextBlock | None:
    """A heading or figure whose next paragraph ends on a later page than it starts."""
    block = doc.findBlock(since) if since else doc.begin()
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


def _keep_short_table_whole(doc: QTextDocument, page_height: float, since: int = 0,
                            ) -> int | None:
    """Move the first short table from ``since`` on that crosses a page edge to the next
    page, with its heading and lead; where layout changed from, or None when none is split."""
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.lastPosition() < since \
                or frame.rows() <= frame.format().headerRowCount():
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
            return _back(doc, frame.firstPosition())
    return None


def _push_split_row(doc: QTextDocument, page_height: float, since: int = 0,
                    extents: list[list[tuple[float, float]]] | None = None) -> int | None:
    """Move the first table row from ``since`` on that crosses a page edge to the next page;
    where layout changed from, or None when no row is split.

    Qt moves a row overleaf, under the header it repeats there, only when no cell's first
    line fits on the page; a row whose first line fits is split. So the row before it is
    padded at its foot down to the page end: the split row then starts below the page and Qt
    moves it. (Top padding on the split row itself would travel with it and stay as a gap
    under the repeated header.) A row too tall for a page under its header stays split.
    """
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for n, frame in enumerate(tables):
        if frame.lastPosition() < since:
            continue
        first = frame.format().headerRowCount()
        if frame.rows() <= first:
            continue  # only a header (an invalid cell would crash Qt)
        header = row_extent(frame, first)[0] - row_extent(frame, 0)[0] if first else 0.0
        for row in range(_row_at(frame, since, first), frame.rows()):
            top, bottom = row_extent(frame, row)
            if int(top // page_height) == int((bottom - 1) // page_height) \
                    or text_height(frame, row) > page_height - header - 12:
                continue
            if row == first:
                if not break_before_table(doc, frame, page_height):
                    break  # moved under its heading before and still split: it stays so
                return _back(doc, frame.firstPosition())
            page_end = (int(top // page_height) + 1) * page_height
            with one_edit(doc):
                if not pad_foot(frame, row - 1, page_end, top):
                    pad_top(frame, row, page_end - top + 1)
                elif extents is not None and n < len(extents):
                    pad_ahead(frame, row, page_end, page_height, extents[n])
            return frame.cellAt(row - 1, 0).firstPosition()
    return None


def _row_at(table: QTextTable, position: int, first: int) -> int:
    """The row before the one at ``position`` (a padded row above moves it), at least
    ``first``: where a look for split rows from ``position`` starts."""
    if position <= table.firstPosition():
        return first
    cell = table.cellAt(position)
    return max(first, cell.row() - 1) if cell.isValid() else first


def _close_blank_page(doc: QTextDocument, page_height: float, since: int = 0) -> int | None:
    """Take the margins off the empty paragraph before a page break that left a blank page,
    and off the table before it.

    Qt puts an empty paragraph after every table; a table ending at a page foot had its
    bottom margin cross the page edge, the paragraph went overleaf and the chapter's break
    started yet another page (a blank page before "Risks", messy sample, English). False
    when no page is blank (from ``since`` on); else where layout changed from.
    """
    block = doc.findBlock(since) if since else doc.begin()
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
                return _back(doc, before.position())
            table = QTextCursor(before.previous()).currentTable()
            if table is not None and table.format().bottomMargin():
                table_format = table.format()
                table_format.setBottomMargin(0)
                table.setFormat(table_format)
                return _back(doc, table.firstPosition())
        block = block.next()
    return None

