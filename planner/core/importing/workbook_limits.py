"""Check a workbook's size before python-calamine opens it.

python-calamine allocates a dense grid for the bounding box of a sheet's cells and trusts
the counts a file declares; a 2 KB file with cells at A1 and XFD1048576, a shared-string
table declaring four billion entries or an .xls DIMENSIONS record claiming four billion rows
makes it abort the whole process (no Python exception is raised). So every sheet's cell
references, repeated rows and columns, declared counts and part references are read here
first, with streaming scans whose memory does not grow with the file.

:func:`workbook_problems` returns a problem for the whole file (nothing is read) and one per
sheet (that sheet is skipped); each becomes a finding naming the file and sheet.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.core.explanation import Message, message
from planner.core.importing.sheet_budget import (
    MAX_BOOK_CELLS,
    MAX_SHEET_CELLS,
    MAX_SHEETS,
    Problems,
    budget,
)
from planner.core.importing.xls_limits import xls_problems

__all__ = ["MAX_BOOK_CELLS", "MAX_SHEETS", "MAX_SHEET_CELLS", "Problems", "workbook_problems"]

_CHUNK = 1 << 20


def workbook_problems(path: Path, kind: str) -> Problems:
    """Problems of an ``xlsx``, ``ods`` or ``xls`` file that would overwhelm the reader."""
    if kind == "xls":
        return xls_problems(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "content.xml" in names:
            return _ods_problems(archive)
        return _xlsx_problems(archive, names)


# -- xlsx ---------------------------------------------------------------------------------

_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(r"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF_LETTERS = re.compile(rb' r="\$?([A-Za-z]{1,8})')  # one per cell reference
_REF_ROW = re.compile(rb' r="\$?[A-Za-z]{0,8}\$?(\d{1,12})')  # rows and cell references
_CELL_OPEN = re.compile(rb"<c([ >/])")  # one-byte groups: no new object per cell
_ROW_OR_CELL = re.compile(rb"<(?:\w+:)?(row|c)((?:[\s/][^>]*)?)>")
_R_ATTR = re.compile(rb"\sr\s*=\s*[\"']\$?([A-Za-z]{0,8})\$?(\d{1,12})")
# the reader reserves room for uniqueCount entries; count (every use of a string, which
# Excel writes too) can be many times the entries and reserves nothing
_SST_COUNT = re.compile(rb"\buniqueCount\s*=\s*[\"'](\d{1,20})")
# A cell outside A1:Z99999 as Excel writes it (`<c r="J20001"`), or a cell by position. A
# sheet without one has at most 26 x 99,999 cells, within the bound, and needs no exact count:
# one search per chunk instead of three scans that make an object per cell (0.22 -> 0.05 s
# for 20,000 rows of 10 columns, the import benchmark). Written as one test after "<c": the
# same cells as `<c(?:[>/]| (?!r="..."))`, searched a third faster (no alternation per cell).
_OUTSIDE_SMALL_GRID = re.compile(rb'<c(?! r="[A-Z][1-9]\d{0,4}")[ >/]')
_SMALL_GRID = 26 * 99_999


def _attrs(text: str) -> dict[str, str]:
    """Attributes by local name (``r:id`` and ``x:id`` both as ``id``)."""
    return {k.rsplit(":", 1)[-1]: html.unescape(a or b) for k, a, b in _ATTR.findall(text)}


def _small_part(archive: zipfile.ZipFile, name: str, limit: int = 8 << 20) -> str:
    with archive.open(name) as handle:
        return handle.read(limit).decode("utf-8", errors="replace")


def _xlsx_problems(archive: zipfile.ZipFile, names: set[str]) -> Problems:
    problems = Problems()
    book = "xl/workbook.xml"
    if book not in names:
        return problems  # not a workbook calamine reads as xlsx: it reports that itself
    sheets = [_attrs(m) for m in _SHEET_TAG.findall(_small_part(archive, book))]
    if len(sheets) > MAX_SHEETS:
        problems.file = message("findings.limit.sheets", count=len(sheets))
        return problems
    rels = "xl/_rels/workbook.xml.rels"
    targets = {}
    if rels in names:
        for attrs in map(_attrs, _REL_TAG.findall(_small_part(archive, rels))):
            target = attrs.get("Target", "").lstrip("/")
            targets[attrs.get("Id", "")] = target if target.startswith("xl/") else f"xl/{target}"
    parts = [targets.get(s.get("id", ""), "") for s in sheets]
    named = [p for p in parts if p]
    if len(set(named)) < len(named):
        problems.file = message("findings.limit.shared_part")
        return problems
    problems.file = _shared_strings_problem(archive, names)
    present = {s.get("name", ""): part for s, part in zip(sheets, parts, strict=True)
               if part in names}
    sizes = {name: _SMALL_GRID if _small_grid(archive, part) else _xlsx_sheet_cells(archive, part)
             for name, part in present.items()}
    if sum(sizes.values()) > MAX_BOOK_CELLS:  # the bounds are too coarse here: count exactly
        sizes = {name: _xlsx_sheet_cells(archive, part) if sizes[name] == _SMALL_GRID
                 else sizes[name] for name, part in present.items()}
    return budget(problems, sizes)


def _small_grid(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether every cell of the part names its place within A1:Z99999 (so its grid is
    within the bound whatever its exact size)."""
    for chunk in _chunks(archive, part):
        # a prefixed cell tag ("<x:c ") has a colon; most pieces have none, which a one-byte
        # search finds out many times faster than a search for ":c"
        if _OUTSIDE_SMALL_GRID.search(chunk) or (b":" in chunk and b":c" in chunk and any(
                p in chunk for p in (b":c ", b":c>", b":c/"))):
            return False
    return True


def _shared_strings_problem(archive: zipfile.ZipFile, names: set[str]) -> Message | None:
    """A declared string count the part cannot hold (the reader reserves room for it)."""
    part = "xl/sharedStrings.xml"
    if part not in names:
        return None
    size = archive.getinfo(part).file_size
    with archive.open(part) as handle:
        head = handle.read(4096)
    declared = max((int(n) for n in _SST_COUNT.findall(head[:4096])), default=0)
    # every entry takes at least "<si><t/></si>" (13 bytes)
    if declared > size // 8 + 1000:
        return message("findings.limit.strings", count=declared)
    return None


def _chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part in pieces that end after a ``>``, so no tag is cut in two."""
    rest = b""
    with archive.open(part) as handle:
        while piece := handle.read(_CHUNK):
            data = rest + piece
            cut = data.rfind(b">") + 1
            if cut == 0 and len(data) > 4 * _CHUNK:
                cut = len(data)  # no tag at all in megabytes: nothing to keep
            rest = data[cut:]
            yield data[:cut]
    if rest:
        yield rest


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ch - 64
    return number


def _xlsx_sheet_cells(archive: zipfile.ZipFile, part: str) -> int:
    """The size of the grid calamine would allocate for this sheet part."""
    max_row = max_col = 0
    for chunk in _chunks(archive, part):
        # fast path: unprefixed tags, every cell with an r="A1" reference (as Excel writes)
        letters = _REF_LETTERS.findall(chunk)
        tags = len(_CELL_OPEN.findall(chunk))  # one scan for "<c ", "<c>" and "<c/>"
        prefixed = b":c" in chunk and any(p in chunk for p in (b":c ", b":c>", b":c/"))
        if tags != len(letters) or prefixed:
            rows, cols = _xlsx_positions(archive, part)  # prefixes, or cells without "r"
            return rows * cols
        # each distinct row number once: a row of 100 cells repeats it 101 times
        max_row = max(max_row, max(map(int, set(_REF_ROW.findall(chunk))), default=0))
        max_col = max(max_col, max(map(_column_number, set(letters)), default=0))
    return max_row * max_col


def _xlsx_positions(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """Rows and columns when cells go by position (a cell without "r" follows the last)."""
    row = col = max_row = max_col = 0
    for chunk in _chunks(archive, part):
        for tag, attrs in _ROW_OR_CELL.findall(chunk):
            ref = _R_ATTR.search(attrs)
            if tag == b"row":
                row = int(ref.group(2)) if ref else row + 1
                col = 0
            else:
                col = _column_number(ref.group(1)) if ref and ref.group(1) else col + 1
                row = int(ref.group(2)) if ref and ref.group(1) else max(row, 1)
            max_row, max_col = max(max_row, row), max(max_col, col)
    return max_row, max_col


# -- ods ----------------------------------------------------------------------------------

_ODS_TAG = re.compile(
    rb"<(/?)(?:\w+:)?(table|table-row|table-cell|covered-table-cell)((?:[\s/][^>]*)?)>")
_REPEAT = re.compile(rb"number-(?:rows|columns)-repeated\s*=\s*[\"'](\d{1,12})")
_NAME = re.compile(rb"(?:\w+:)?name\s*=\s*[\"']([^\"']*)")
_VALUE = re.compile(rb"value-type\s*=|formula\s*=")


@dataclass
class _OdsTable:
    name: str = ""
    rows: int = 0  # rows so far, counting repeats
    used_rows: int = 0  # up to the last row with content
    used_cols: int = 0
    col: int = 0
    row_repeat: int = 1
    row_used: bool = False
    cell_open_at: int = -1  # the column of an open cell (its content decides)


def _ods_problems(archive: zipfile.ZipFile) -> Problems:
    """Tables whose repeated rows and columns, once expanded, make too large a grid.

    Trailing empty repeats (LibreOffice writes a million of them) are not expanded by the
    reader and do not count; content anywhere after them does.
    """
    sizes: dict[str, int] = {}
    count = 0
    table = _OdsTable()
    for chunk in _chunks(archive, "content.xml"):
        for closing, tag, attrs in _ODS_TAG.findall(chunk):
            if tag == b"table":
                if closing:
                    sizes[table.name] = table.used_rows * table.used_cols
                else:
                    count += 1
                    name = _NAME.search(attrs)
                    table = _OdsTable(html.unescape(name.group(1).decode("utf-8", "replace"))
                                      if name else f"#{count}")
            elif tag == b"table-row":
                _ods_row(table, closing, attrs)
            else:
                _ods_cell(table, closing, attrs)
        if count > MAX_SHEETS:
            return Problems(file=message("findings.limit.sheets", count=count))
    # calamine reads every table of an .ods when it opens the file: one too large is too many
    problems = budget(Problems(), sizes)
    return Problems(file=problems.file or next(iter(problems.sheets.values()), None))


def _repeat(attrs: bytes) -> int:
    match = _REPEAT.search(attrs)
    return max(1, int(match.group(1))) if match else 1


def _ods_row(table: _OdsTable, closing: bytes, attrs: bytes) -> None:
    if closing or attrs.endswith(b"/"):
        table.rows += table.row_repeat if closing else _repeat(attrs)
        if closing and table.row_used:
            table.used_rows = table.rows
        return
    table.row_repeat, table.row_used, table.col = _repeat(attrs), False, 0


def _ods_cell(table: _OdsTable, closing: bytes, attrs: bytes) -> None:
    if closing:
        if table.cell_open_at >= 0:  # a cell with content (text) up to here
            table.row_used = True
            table.used_cols = max(table.used_cols, table.col)
        table.cell_open_at = -1
        return
    start = table.col
    table.col += _repeat(attrs)
    if _VALUE.search(attrs):
        table.row_used = True
        table.used_cols = max(table.used_cols, table.col)
    elif not attrs.endswith(b"/"):
        table.cell_open_at = start
