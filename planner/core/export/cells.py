"""Writing cells safely and neatly: text never becomes a formula, columns fit their content.

Customer data (server names, notes, connector names) can start with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return. Spreadsheet programs treat such text as a formula when a
user edits or re-saves it (CSV injection), so every string is written as a string cell and
formula-like text also gets Excel's quote prefix, which keeps it text after an edit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

__all__ = [
    "FORMULA_PREFIXES",
    "CellStyle",
    "SheetWriter",
    "Styles",
    "clean_text",
    "looks_like_formula",
    "row_height",
    "text_lines",
]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_CELL_TEXT = 32767  # Excel's limit per cell
_BASE: Mapping[str, Any] = {"font_name": "Calibri", "font_size": 10, "valign": "top"}


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet program could take this text for a formula."""
    return text.startswith(FORMULA_PREFIXES)


def clean_text(text: str) -> str:
    """Text with characters XML cannot carry removed, cut to Excel's cell limit."""
    return _ILLEGAL_XML.sub("", text)[:_MAX_CELL_TEXT]


# Where a spreadsheet program may wrap a line: after a space, a slash or a backslash (a path,
# a URL); each piece keeps the characters it ends with, a switch (/Mode) its leading slash.
_WRAP_PIECE = re.compile(r"[/\\]*[^ /\\]*(?:[/\\]+ *| +|$)")


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (an estimate
    on the safe side, so a row set to this height shows all of it).

    Wrapped the way LibreOffice and Excel wrap: at spaces, slashes and backslashes, a word
    longer than the line broken where it meets the edge. Counting characters alone, a long
    command (``.\\ConfigureExchangeHybridApplication.ps1 -Fully…``) wrapped to more lines
    than its row had and its end was cut off.
    """
    usable = max(width * 1.15 - 1, 1)  # proportional text fits more than `width` digits
    return sum(1 if len(line) <= usable else _wrapped_lines(line, usable)
               for line in text.splitlines() or [""])


def _wrapped_lines(line: str, usable: float) -> int:
    """Lines of one long line wrapped greedily at its break opportunities."""
    lines, used = 1, 0.0
    for piece in _WRAP_PIECE.findall(line):
        shown = len(piece.rstrip(" "))  # trailing spaces may hang past the edge
        if used and used + shown > usable:
            lines, used = lines + 1, 0.0
        if shown > usable:  # broken where it meets the edge, character by character
            full, rest = divmod(shown, usable)
            lines += int(full) - (rest == 0)
            used = rest or usable
            used += len(piece) - shown
        else:
            used += len(piece)
    return lines


def row_height(lines: int, font_size: float = 10) -> float:
    """Row height in points for this many lines; set explicitly because LibreOffice does not
    grow rows for wrapped text when it opens an xlsx file."""
    return round(max(lines, 1) * font_size * 1.25 + 3, 1)


@dataclass(frozen=True)
class CellStyle:
    """The formats one set of cell properties needs: as given, for dates, for formula-like
    text; and how it widens a column (indent, bold)."""

    fmt: Format
    date_fmt: Format
    quote_fmt: Format
    extra_width: float  # characters an indent takes
    width_factor: float  # bold text is wider


class Styles:
    """Cell formats of one workbook, created once per distinct set of properties."""

    def __init__(self, workbook: Workbook, date_format: str) -> None:
        """Use ``date_format`` (an Excel number format) for every date cell."""
        self._workbook = workbook
        self._cache: dict[tuple[tuple[str, Any], ...], Format] = {}
        # The same call site passes the same properties in the same order: look that up
        # first (a workbook asks for a format per cell, 100,000s of times).
        self._calls: dict[tuple[tuple[str, Any], ...], Format] = {}
        self._cells: dict[tuple[tuple[str, Any], ...], CellStyle] = {}
        self.date_format = date_format

    def get(self, **props: Any) -> Format:
        """The format with the house font plus ``props`` (XlsxWriter property names)."""
        call = tuple(props.items())
        found = self._calls.get(call)
        if found is None:
            found = self._calls[call] = self._format(props)
        return found

    def cell(self, **props: Any) -> CellStyle:
        """Everything :meth:`SheetWriter.write` needs to write a cell with ``props``."""
        call = tuple(props.items())
        found = self._cells.get(call)
        if found is None:
            found = self._cells[call] = CellStyle(
                self.get(**props), self.get(num_format=self.date_format, **props),
                self.get(**{**props, "quote_prefix": True}), 2.0 * props.get("indent", 0),
                1.1 if "bold" in props else 1.0)
        return found

    def _format(self, props: dict[str, Any]) -> Format:
        merged = {**_BASE, **props}
        key = tuple(sorted(merged.items()))
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._workbook.add_format(merged)
            self._cache[key] = fmt
        return fmt


class SheetWriter:
    """Writes typed values to one worksheet and remembers how wide each column must be."""

    def __init__(self, sheet: Worksheet, styles: Styles) -> None:
        """Write to ``sheet`` with formats from ``styles``."""
        self.sheet = sheet
        self.styles = styles
        self._widths: dict[int, float] = {}
        self.column_widths: dict[int, float] = {}  # what fit_columns set, in Excel's units
        self._date_width = len(styles.date_format) + 2

    def put(self, row: int, col: int, value: object, measure: bool = True, **props: Any) -> None:
        """Write ``value`` by its type: text as text (never a formula), dates, numbers, blanks."""
        self.write(row, col, value, self.styles.cell(**props), measure)

    def write(self, row: int, col: int, value: object, style: CellStyle,
              measure: bool = True) -> None:
        """:meth:`put` with the cell's formats looked up once (for sheets of many rows)."""
        sheet = self.sheet
        if value is None or value == "":
            sheet.write_blank(row, col, None, style.fmt)
            return
        if isinstance(value, bool):
            value = "✓" if value else ""
        if isinstance(value, datetime | date):
            sheet.write_datetime(row, col, value, style.date_fmt)
            width: float = self._date_width
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value, style.fmt)
            width = len(f"{value:g}") + 1
        else:
            text = clean_text(str(value))
            sheet.write_string(row, col, text,
                               style.quote_fmt if looks_like_formula(text) else style.fmt)
            width = (max(len(line) for line in text.splitlines()) if "\n" in text
                     else len(text)) + 1
        if measure:
            width = (width + style.extra_width) * style.width_factor
            if width > self._widths.get(col, 0.0):
                self._widths[col] = width

    def row(self, row: int, col: int, values: Sequence[object], **props: Any) -> None:
        """Write a run of values in one row with the same format."""
        for offset, value in enumerate(values):
            self.put(row, col + offset, value, **props)

    def fit_columns(self, minimum: float = 6, maximum: float = 50,
                    fixed: Mapping[int, float] | None = None) -> None:
        """Set each written column to its widest text, within limits; ``fixed`` wins."""
        fixed = fixed or {}
        for col, width in self._widths.items():
            if col not in fixed:
                self.column_widths[col] = min(max(width, minimum), maximum)
        self.column_widths.update(fixed)
        for col, width in self.column_widths.items():
            self.sheet.set_column(col, col, width)
