"""A grid of cells as every reader hands it on: the file, the sheet, the rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.core.importing.findings import Where

__all__ = ["Table"]


@dataclass(frozen=True)
class Table:
    """A grid of cells from one sheet, CSV file or text report, with where it came from."""

    file: str
    sheet: str
    # rows of cells as the reader gives them (tuples, or a workbook's lists: not copied)
    rows: Sequence[Sequence[Any]]
    first_row: int = 1  # the file's row number of rows[0]
    type_hint: str = ""  # PowerShell "#TYPE ..." name
    entity_hint: str = ""  # the reader already knows the entity (report text, XML)
    decimal_comma: bool = False
    cut_off: bool = False  # more rows than the reader keeps: the rest was not read
    row_numbers: tuple[int, ...] = ()  # each row's line when rows span lines (CSV quotes)
    build_source: str = ""  # the reader knows where its builds come from (HealthChecker)
    # a list of records (Format-List, HealthChecker): its "columns" are named fields, not
    # letters of a sheet, so findings name the field
    named_fields: bool = False

    def where(self, index: int | None = None) -> Where:
        """The location of ``rows[index]`` (or of the table)."""
        if index is not None and 0 <= index < len(self.row_numbers):
            return Where(self.file, self.sheet, self.row_numbers[index])
        row = None if index is None else self.first_row + index
        return Where(self.file, self.sheet, row if row and row > 0 else None)
