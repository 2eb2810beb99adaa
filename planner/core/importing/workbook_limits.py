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
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planner.core.explanation import Message, message

__all__ = ["MAX_BOOK_CELLS", "MAX_SHEETS", "MAX_SHEET_CELLS", "Problems", "workbook_problems"]

# A real inventory has a few thousand rows of up to ~100 columns. These bounds keep the
# native reader's grid (32 bytes a cell) and the Python rows well under 1 GB.
MAX_SHEET_CELLS = 4_000_000
MAX_BOOK_CELLS = 8_000_000
MAX_SHEETS = 256
_CHUNK = 1 << 20


@dataclass
class Problems:
    """What is wrong with a workbook: for the whole file, or per sheet name."""

    # each a message (``findings.limit.*``): the finding words it in the reader's language
    file: Message | None = None
    sheets: dict[str, Message] = field(default_factory=dict)
    damaged: Message | None = None  # the file's structure is broken (not too large)


def workbook_problems(path: Path, kind: str) -> Problems:
    """Problems of an ``xlsx``, ``ods`` or ``xls`` file that would overwhelm the reader."""
    if kind == "xls":
        return _xls_problems(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "content.xml" in names:
            return _ods_problems(archive)
        return _xlsx_problems(archive, names)


def _budget(problems: Problems, sizes: dict[str, int]) -> Problems:
    """Sheets over the per-sheet bound, and the whole book over the total bound."""
    total = 0
    for name, cells in sizes.items():
        if cells > MAX_SHEET_CELLS:
            problems.sheets.setdefault(name, message("findings.limit.cells", count=cells))
        else:
            total += cells
    if total > MAX_BOOK_CELLS and not problems.file:
        problems.file = message("findings.limit.cells", count=total)
    return problems


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
    return _budget(problems, sizes)


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
    problems = _budget(Problems(), sizes)
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


# -- xls ----------------------------------------------------------------------------------

_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_CELL_RECORDS = {0x00FD, 0x0203, 0x027E, 0x0201, 0x0204, 0x0205, 0x0006, 0x00D6}
_MULTI_RECORDS = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, ..., last column


def _xls_problems(data: bytes) -> Problems:
    try:
        stream = _cfb_workbook_stream(data)
    except (struct.error, ValueError, IndexError):
        return Problems(damaged=message("findings.limit.damaged"))
    if stream is None:
        return Problems()  # no workbook stream: calamine reports the file itself
    return _biff_problems(stream)


def _biff_problems(stream: bytes) -> Problems:
    """Declared dimensions, string counts and cell positions of every sheet in the stream."""
    problems = Problems()
    sizes: dict[str, int] = {}
    sheet, max_row, max_col = 0, 0, 0
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + length]
        pos += 4 + length
        if kind == 0x0809:  # BOF: a new substream (globals or a sheet)
            if max_row:
                sizes[f"#{sheet}"] = max_row * max_col
            sheet, max_row, max_col = sheet + 1, 0, 0
        elif kind == 0x0200 and len(body) >= 10:  # DIMENSIONS: the reader reserves these
            problems.file = problems.file or _dimensions_problem(body)
        elif kind == 0x00FC and len(body) >= 8:  # SST: the reader reserves the declared count
            unique = struct.unpack_from("<I", body, 4)[0]
            if unique > len(stream) // 3 + 1000:
                problems.file = message("findings.limit.strings", count=unique)
        elif kind in _CELL_RECORDS and len(body) >= 4:
            row, col = struct.unpack_from("<HH", body)
            max_row, max_col = max(max_row, row + 1), max(max_col, col + 1)
        elif kind in _MULTI_RECORDS and len(body) >= 6:
            row = struct.unpack_from("<H", body)[0]
            last = struct.unpack_from("<H", body, len(body) - 2)[0]
            max_row, max_col = max(max_row, row + 1), max(max_col, last + 1)
    if max_row:
        sizes[f"#{sheet}"] = max_row * max_col
    budget = _budget(Problems(), sizes)
    if budget.sheets and not problems.file:
        problems.file = next(iter(budget.sheets.values()))
    problems.file = problems.file or budget.file
    return problems


def _dimensions_problem(body: bytes) -> Message | None:
    """A DIMENSIONS record outside what the format allows (65,536 rows, 256 columns)."""
    if len(body) >= 14:  # BIFF8: 32-bit rows
        first, last, first_col, last_col = struct.unpack_from("<IIHH", body)
    else:
        first, last, first_col, last_col = struct.unpack_from("<HHHH", body)
    if first <= last <= 65536 and first_col <= last_col <= 256:
        return None
    return message("findings.limit.dimensions", first=first, last=last, first_col=first_col,
                   last_col=last_col)


def _cfb_workbook_stream(data: bytes) -> bytes | None:
    """The ``Workbook`` (or ``Book``) stream of an OLE compound file, or None."""
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini = 1 << struct.unpack_from("<H", data, 0x20)[0]
    if sector not in (512, 4096) or mini != 64:
        raise ValueError("sector size")
    first_dir, cutoff, first_minifat = struct.unpack_from("<I4xII", data, 0x30)
    first_difat, n_difat = struct.unpack_from("<II", data, 0x44)

    def at(n: int) -> bytes:
        start = (n + 1) * sector
        if start >= len(data):
            raise ValueError(f"sector {n} past the end")
        return data[start : start + sector]

    fat_sectors = [n for n in struct.unpack_from("<109I", data, 0x4C) if n < _END]
    n = first_difat
    for _ in range(min(n_difat, len(data) // sector + 1)):
        if n >= _END:
            break
        difat = struct.unpack(f"<{sector // 4}I", at(n))
        fat_sectors += [e for e in difat[:-1] if e < _END]
        n = difat[-1]
    fat: list[int] = []
    for n in fat_sectors[: len(data) // sector + 1]:
        fat.extend(struct.unpack(f"<{sector // 4}I", at(n)))

    def chain(start: int, table: list[int]) -> Iterator[int]:
        seen: set[int] = set()
        while start < _END and start not in seen and start < len(table):
            seen.add(start)
            yield start
            start = table[start]

    directory = b"".join(at(n) for n in chain(first_dir, fat))
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    root_start = struct.unpack_from("<I", entries[0], 116)[0] if entries else _END
    for entry in entries:
        length = struct.unpack_from("<H", entry, 64)[0]
        name = entry[: max(0, length - 2)].decode("utf-16-le", errors="replace")
        if name not in ("Workbook", "Book") or entry[66] != 2:
            continue
        start, size = struct.unpack_from("<II", entry, 116)
        if size >= cutoff:
            return b"".join(at(n) for n in chain(start, fat))[:size]
        minifat: list[int] = []
        for n in chain(first_minifat, fat):
            minifat.extend(struct.unpack(f"<{sector // 4}I", at(n)))
        ministream = b"".join(at(n) for n in chain(root_start, fat))
        return b"".join(ministream[n * mini : (n + 1) * mini]
                        for n in chain(start, minifat))[:size]
    return None
