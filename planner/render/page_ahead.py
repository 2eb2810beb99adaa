"""A long table's later page edges padded for in the same edit as the first.

Moving a split row overleaf (padding the row above it down to the page end) costs a layout of
its whole table: 0.34 s for the 471 rows of a 200-server report's longest table, once per
page, made pagination quadratic (111 s for a 196-page report; a 2,000-server estate's
report would have taken hours). After the first move where each later row of the table will
be is known without a layout: every row keeps its height (:func:`natural_extents`) and the
gap to the next, and a row moved overleaf starts where one moved before did, under the
repeated header. So the rows that will cross the following page edges are padded for in the
same edit. A prediction that proves wrong is a split row the next look finds, fixed there
like any other (the rows after it given back their padding first).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument, QTextTable

from planner.render.page_moves import (
    pad_foot,
    padded,
    points_per_unit,
    row_extent,
    text_height,
    unpad,
)

__all__ = ["natural_extents", "pad_ahead"]

_SAMPLES = 200  # rows looked back over for the table's measures (a page holds far fewer)
_ENDLESS = 1e9  # a page height no report reaches: one page, nothing moved by an edge


def natural_extents(doc: QTextDocument) -> list[list[tuple[float, float]]]:
    """Per table of the document, in order, each row's extent (top of its first line, foot
    of its last) laid out on one endless page: a row's height, and the gap above it, are
    what they are wherever it lands. The document itself is laid out so once (0.9 s for a
    196-page report; a copy would double its memory), then on its pages again."""
    size = doc.pageSize()
    doc.setPageSize(QSizeF(size.width(), _ENDLESS))
    doc.documentLayout().documentSize()
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    extents = [[row_extent(t, r) for r in range(t.rows())] for t in tables]
    doc.setPageSize(size)
    doc.documentLayout().documentSize()
    return extents


def pad_ahead(table: QTextTable, row: int, page_end: float, page_height: float,
              extents: Sequence[tuple[float, float]]) -> None:
    """Pad the rows after ``row`` (being moved overleaf from ``page_end``) that will cross
    the later page edges; nothing where the table shows no row moved overleaf to learn from.
    ``extents``: the table's rows laid out on an endless page (:func:`natural_extents`).

    A row's first line sits a little lower in its cell where its first paragraph has more
    space above it (1.1 pt in the steps tables): that part of the gap above it travels with
    it overleaf, so where a moved row's text starts is the table's own landing plus it.
    """
    first = table.format().headerRowCount()
    if row + 1 >= table.rows() or len(extents) != table.rows() or first + 2 > len(extents):
        return
    gaps = [0.0] + [extents[i][0] - extents[i - 1][1] for i in range(1, len(extents))]
    least = min(gaps[first + 1:])
    base = _landing(table, row, page_height, first, [g - least for g in gaps])
    unpad(table, table.cellAt(row + 1, 0).firstPosition())  # made for where they were
    if base is None:
        return
    header = row_extent(table, first)[0] - row_extent(table, 0)[0] if first else 0.0
    # what a row takes below its text: the gap to the next row but the next one's top
    # padding (its own bottom padding and rule); Qt splits a row whose box crosses the end
    keep = least - table.format().cellPadding() * points_per_unit(table.document())
    y = page_end + base + gaps[row] - least  # where the row's text starts once overleaf
    for i in range(row + 1, table.rows()):
        foot = y + extents[i - 1][1] - extents[i - 1][0]  # the row before it ends here
        y = foot + gaps[i]
        page = int(y // page_height)
        if page > int((foot - 1) // page_height):  # it starts overleaf: under the header
            y = max(y, page * page_height + base + gaps[i] - least)
        elif page != int((y + extents[i][1] - extents[i][0] + keep - 1) // page_height):
            if text_height(table, i) > page_height - header - 12:
                return  # it stays split, and where the rows after it go is not known
            end = (page + 1) * page_height
            pad_foot(table, i - 1, end, y, bottom=foot)
            y = end + base + gaps[i] - least


def _landing(table: QTextTable, row: int, page_height: float, first: int,
             lower: Sequence[float]) -> float | None:
    """Where a row moved overleaf starts below its page top, less how much lower its first
    line sits (``lower``): learnt from the last row before ``row`` that starts a page, or
    None."""
    for k in range(row - 1, max(first, row - _SAMPLES), -1):
        top = row_extent(table, k)[0]
        page = int(top // page_height)
        if page > int((row_extent(table, k - 1)[1] - 1) // page_height) \
                and not padded(table, k)[0]:
            return top - page * page_height - lower[k]
    return None
