"""A long table's later page edges padded for in the same edit as the first.

Moving a split row overleaf (padding the row above it down to the page end) costs a layout of
its whole table: 0.34 s for the 471 rows of a 200-server report's longest table, once per
page, made pagination quadratic (111 s for a 196-page report; a 2,000-server estate's
report would have taken hours). After the first move where each later row of the table will
be is known without a layout: every row keeps its height (:func:`natural_heights`) and the
gap to the next, and a row moved overleaf starts where one moved before did, under the
repeated header. So the rows that will cross the following page edges are padded for in the
same edit. A prediction that proves wrong is a split row the next look finds, fixed there
like any other (the rows after it given back their padding first).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument, QTextTable

from planner.render.page_moves import pad_foot, padded, row_extent, text_height, unpad

__all__ = ["natural_heights", "pad_ahead"]

_SAMPLES = 200  # rows looked back over for the table's measures (a page holds far fewer)
_ENDLESS = 1e9  # a page height no report reaches: one page, nothing moved by an edge


def natural_heights(doc: QTextDocument) -> list[list[float]]:
    """Per table of the document, in order, each row's height (top of its first line to
    the foot of its last) laid out on one endless page: what a row measures wherever it
    lands. The document itself is laid out so once (0.9 s for a 196-page report; a copy
    would double its memory), then on its pages again."""
    size = doc.pageSize()
    doc.setPageSize(QSizeF(size.width(), _ENDLESS))
    doc.documentLayout().documentSize()
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    heights = [[bottom - top for top, bottom in (row_extent(t, r) for r in range(t.rows()))]
               for t in tables]
    doc.setPageSize(size)
    doc.documentLayout().documentSize()
    return heights


def pad_ahead(table: QTextTable, row: int, page_end: float, page_height: float,
              heights: Sequence[float]) -> None:
    """Pad the rows after ``row`` (being moved overleaf from ``page_end``) that will cross
    the later page edges; nothing where the table shows no row moved overleaf to learn from.
    ``heights``: the table's :func:`natural_heights`."""
    first = table.format().headerRowCount()
    if row + 1 >= table.rows() or len(heights) != table.rows():
        return
    shape = _shape(table, row, page_height, first)
    unpad(table, table.cellAt(row + 1, 0).firstPosition())  # made for where they were
    if shape is None:
        return
    header, under, gap = shape
    y = page_end + under  # where the row's text starts once it is overleaf
    for i in range(row + 1, table.rows()):
        y += heights[i - 1] + gap
        page = int(y // page_height)
        if page > int((y - gap - 1) // page_height):
            y = max(y, page * page_height + under)  # it starts overleaf: under the header
        elif page != int((y + heights[i] - 1) // page_height):
            if text_height(table, i) > page_height - header - 12:
                return  # it stays split, and where the rows after it go is not known
            end = (page + 1) * page_height
            pad_foot(table, i - 1, end, y, bottom=y - gap)
            y = end + under


def _shape(table: QTextTable, row: int, page_height: float, first: int,
           ) -> tuple[float, float, float] | None:
    """(header, under, gap): the repeated header's height, where a row moved overleaf
    starts below its page top, and the gap from a row's foot to the next row's first line;
    from the rows before ``row``, or None."""
    header = row_extent(table, first)[0] - row_extent(table, 0)[0] if first else 0.0
    under = gap = None
    for k in range(row - 1, max(first, row - _SAMPLES), -1):
        top = row_extent(table, k)[0]
        above = row_extent(table, k - 1)
        page = int(top // page_height)
        if page > int((above[1] - 1) // page_height):  # k starts a page: moved overleaf
            if under is None and not padded(table, k)[0]:
                under = top - page * page_height
        elif gap is None and not padded(table, k - 1)[1]:
            gap = top - above[1]
        if under is not None and gap is not None:
            return header, under, gap
    return None
