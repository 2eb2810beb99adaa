"""Columns that hold values under an empty header: said, not dropped without a word.

A header merged over two columns (A1:B1 "Server") names only the first; a header cell left
empty over a column of FQDNs is the same. Every value below was dropped and the servers read
without their FQDNs, with no finding (an unknown header at least gets "Columns not used").
"""

from __future__ import annotations

from planner.core.importing.findings import finding
from planner.core.importing.mapping import SheetMapping, column_letter
from planner.core.importing.schema import EXAMPLE_MARKER
from planner.core.importing.tabular import Table
from planner.core.importing.values import cell_text
from planner.core.model import Finding

__all__ = ["headless_columns"]

_ROWS_LOOKED_AT = 200  # enough to see a column in use; a sheet of 100,000 rows stays fast


def headless_columns(table: Table, mapping: SheetMapping, header: int,
                     end: int) -> list[Finding]:
    """A finding per column inside (or just right of) the table's headers whose header cell
    is empty and which holds a value in the table's first rows."""
    indices = sorted(c.index for c in mapping.columns)
    if not indices or header >= len(table.rows):
        return []
    heads = table.rows[header]
    rows = table.rows[header + 1:min(end, header + 1 + _ROWS_LOOKED_AT)]
    out: list[Finding] = []
    for i in range(indices[0], indices[-1] + 2):
        if i in indices or (i < len(heads) and cell_text(heads[i])):
            continue
        example = next((text for row in rows if i < len(row) and (text := cell_text(row[i]))
                        and text.strip() != EXAMPLE_MARKER), "")  # the template's own mark
        if example:
            out.append(finding("IMPORT-COLUMN-NO-HEADER", table.where(header),
                               column=column_letter(i), letter=column_letter(i),
                               example=example[:40]))
    return out
