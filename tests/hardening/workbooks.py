"""Small workbooks the hostile-input tests write: sheets of rows, some hidden if asked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl

__all__ = ["workbook"]


def workbook(path: Path, sheets: dict[str, Sequence[Sequence[object]]],
             hidden: tuple[str, ...] = ()) -> Path:
    """``path`` written with one sheet per entry of ``sheets`` (``hidden``: those hidden)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path
