"""Tables placed side by side on one sheet, each read as the table it is.

A customer's sheet may hold two tables next to each other ("Berlin" in A-E, "Hamburg" in
H-L), each with its own header, separated by empty columns. Read as one table, the right
one's columns repeat headers the left one already uses and were dropped with a note, and
its servers were lost. Each table is read on its own: the cells outside its columns are
blanked, so column letters and row numbers in findings stay those of the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from planner.core.importing.headers import Synonyms, match_header_row
from planner.core.importing.table import Table
from planner.core.importing.values import cell_text

__all__ = ["band", "split_side_by_side"]

_SEARCH_ROWS = 50  # as far down as a header is looked for


def split_side_by_side(table: Table, syn: Synonyms, names: Sequence[str]) -> list[Table]:
    """The tables side by side in ``table`` (each with only its columns' cells), or ``[]``.

    A group of header cells counts as a table of its own only when it is one on its own
    (a header the importer recognises) and the whole row's reading leaves its columns
    unused: a spacer column inside one table (``Name | Build | | DAG | Database``) keeps
    the table whole, since the whole row's reading uses the columns after the gap.
    """
    for row in table.rows[:_SEARCH_ROWS]:
        whole = match_header_row(row, syn, names)
        if whole is None:
            continue
        groups = _groups(row)
        if len(groups) < 2:
            return []
        used = {c.index for c in whole.columns if c.field}
        bands = [
            (start, end) for start, end in groups
            if match_header_row(band(row, start, end), syn, names) is not None
        ]
        lost = [b for b in bands if not used & set(range(*b))]
        if not lost:
            return []
        # each table runs from its first header cell to the next table's first one
        starts = sorted({bands[0][0], *(b[0] for b in lost)})
        ends = [*starts[1:], max(map(len, table.rows))]
        return [_band(table, a, b) for a, b in zip(starts, ends, strict=True)]
    return []


def _groups(row: Sequence[Any]) -> list[tuple[int, int]]:
    """Runs of filled header cells, as (first, past-last) column indexes."""
    out: list[tuple[int, int]] = []
    start = None
    for i, cell in enumerate([*row, None]):
        if cell_text(cell) and start is None:
            start = i
        elif not cell_text(cell) and start is not None:
            out.append((start, i))
            start = None
    return out


def band(row: Sequence[Any], start: int, end: int) -> list[Any]:
    """``row`` with only the cells of columns ``start`` to ``end`` (exclusive): the others
    blank, so every cell keeps its column."""
    return [None] * min(start, len(row)) + list(row[start:end])


def _band(table: Table, start: int, end: int) -> Table:
    return replace(table, rows=[band(r, start, end) for r in table.rows])
