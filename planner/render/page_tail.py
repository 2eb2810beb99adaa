"""No chapter ends on a nearly empty page: its last page takes the foot of the page before.

A chapter starts on a page of its own; one whose last few lines did not fit left a page
with a table row or a short section on it (the milestones on 16 % of a page, the relay
clients on 23 %). Moving the foot of the page before onto it makes both pages read as pages.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from planner.render.page_moves import (
    SHORT_TABLE,
    TABLE_NOTE,
    break_before,
    break_before_table,
    is_figure,
    is_short,
    let_go,
    pad_foot,
    row_extent,
    text_top,
)

__all__ = ["KEEP_FILLED", "MIN_TAIL", "fill_short_tail", "hard_breaks"]


# A chapter's last page filled less than this is nearly empty (the milestones table alone on
# 16 % of a page, the relay clients on 23 %): it takes the foot of the page before it along,
# as long as that page keeps KEEP_FILLED of itself.
MIN_TAIL = 1 / 3
KEEP_FILLED = 0.4


def hard_breaks(doc: QTextDocument) -> frozenset[int]:
    """The blocks the report itself starts on a new page (chapters, the contents, a figure
    on a page of its own), by position: positions stay, the formats pagination changes."""
    found: set[int] = set()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().pageBreakPolicy() \
                == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            found.add(block.position())
        block = block.next()
    return frozenset(found)


def _page_feet(doc: QTextDocument, page_height: float) -> dict[int, float]:
    """How far down its page the lowest text or figure of each page reaches, in points."""
    feet: dict[int, float] = {}
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.text().strip():
            bottom = layout.blockBoundingRect(block).bottom()
            page = int((bottom - 1) // page_height)
            feet[page] = max(feet.get(page, 0.0), bottom - page * page_height)
        block = block.next()
    return feet


def fill_short_tail(doc: QTextDocument, page_height: float, hard: frozenset[int]) -> bool:
    """Move the foot of the page before a nearly empty chapter end onto it; False when no
    chapter end can be filled so.

    A chapter that ends on a page of its own with a few lines (less than ``MIN_TAIL``) takes
    the last rows, paragraphs or sections of its previous page along, the fewest that fill
    it, as long as the previous page keeps ``KEEP_FILLED`` and what moves fits: the
    chapter's last two pages then both read as pages, not one full and one nearly empty.
    What pagination had moved in the part that moves is let go, to be laid out anew.
    """
    feet = _page_feet(doc, page_height)
    starts = {int(text_top(doc, doc.findBlock(p)) // page_height): p for p in sorted(hard)}
    for start, end in sorted(starts.items()):
        tail = start - 1
        if tail in starts or tail - 1 < 0 or feet.get(tail, 0.0) >= MIN_TAIL * page_height:
            continue  # a one-page chapter, or a full one
        before_foot = feet.get(tail - 1, 0.0)
        need = MIN_TAIL * page_height - feet.get(tail, 0.0)
        room = page_height * 0.92 - feet.get(tail, 0.0)
        low = (tail - 1) * page_height + KEEP_FILLED * page_height
        for top, position, move in sorted(_break_points(doc, page_height, tail - 1),
                                          reverse=True, key=lambda point: point[0]):
            moved = (tail - 1) * page_height + before_foot - top
            if top >= low and need <= moved <= room and move():
                let_go(doc, position + 1, end, hard)
                return True
    return False


BreakPoint = tuple[float, int, Callable[[], bool]]


def _break_points(doc: QTextDocument, page_height: float, page: int) -> list[BreakPoint]:
    """Where the page may end early, with what moves the rest overleaf: before a heading, a
    figure or a paragraph that follows neither and is no table's note, before a table, and
    before a table row that leaves a row of its table above and two below (a break after a
    heading or before a caption or a note would part them)."""
    points: list[BreakPoint] = []
    block, previous = doc.begin(), None
    while block.isValid():
        if QTextCursor(block).currentTable() is None:
            # a break after a heading or figure, or before a table's note, parts them
            kept = (previous is not None and (previous.blockFormat().headingLevel() > 0
                                               or is_figure(previous))) \
                or block.userState() == TABLE_NOTE
            if block.text().strip() and not kept \
                    and int(text_top(doc, block) // page_height) == page:
                points.append((text_top(doc, block), block.position(),
                               partial(_break_before_once, block)))
            previous = block
        block = block.next()
    end = (page + 1) * page_height
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        first = frame.format().headerRowCount()
        if frame.rows() <= first or is_short(frame, page_height * SHORT_TABLE):
            continue  # a short table moves whole: a row padded inside it would stay a gap
        top = row_extent(frame, 0)[0]
        if int(top // page_height) == page:
            points.append((top, frame.firstPosition(),
                           partial(_break_before_table_once, doc, frame, page_height)))
        for row in range(first + 1, frame.rows() - 1):
            top = row_extent(frame, row)[0]
            if int(top // page_height) == page:
                points.append((top, frame.cellAt(row, 0).firstPosition(),
                               partial(pad_foot, frame, row - 1, end, top)))
    return points


def _break_before_table_once(doc: QTextDocument, table: QTextTable, page_height: float) -> bool:
    if table.format().pageBreakPolicy() == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        return False
    return break_before_table(doc, table, page_height)


def _break_before_once(block: QTextBlock) -> bool:
    if block.blockFormat().pageBreakPolicy() == QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        return False
    break_before(block)
    return True
