"""Read any input file into plain tables: xlsx/xls/ods via python-calamine, CSV and text.

The file's content decides how it is read, not its extension. Every reader failure becomes a
finding that names the file; nothing here raises for bad input.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.core.importing.findings import Where, finding
from planner.core.importing.workbook_limits import workbook_problems
from planner.core.model import Finding

__all__ = ["MAX_UNPACKED_BYTES", "Table", "decode_text", "read_file", "read_text_table"]

MAX_UNPACKED_BYTES = 400 * 1024**2  # declared size of all zip members (zip-bomb guard)
MAX_FILE_BYTES = 200 * 1024**2
# Rows read per table. Real inventories have hundreds or a few thousand rows; the cap keeps
# time and memory bounded when a customer sends a huge log or export by mistake.
MAX_TABLE_ROWS = 100_000
_MAX_RATIO = 250  # a member this much larger than its compressed size is suspicious


@dataclass(frozen=True)
class Table:
    """A grid of cells from one sheet, CSV file or text report, with where it came from."""

    file: str
    sheet: str
    rows: tuple[tuple[Any, ...], ...]
    first_row: int = 1  # the file's row number of rows[0]
    type_hint: str = ""  # PowerShell "#TYPE ..." name
    entity_hint: str = ""  # the reader already knows the entity (report text, XML)
    decimal_comma: bool = False
    cut_off: bool = False  # more than MAX_TABLE_ROWS rows: the rest was not read

    def where(self, index: int | None = None) -> Where:
        """The location of ``rows[index]`` (or of the table)."""
        row = None if index is None else self.first_row + index
        return Where(self.file, self.sheet, row if row and row > 0 else None)


def read_file(path: Path) -> tuple[list[Table], list[Finding]]:
    """All tables in a file, or the findings saying why there are none."""
    where = Where(path.name)
    try:
        size = path.stat().st_size
        if size == 0:
            return [], [finding("IMPORT-FILE-EMPTY", where)]
        if size > MAX_FILE_BYTES:
            return [], [finding("IMPORT-FILE-TOO-LARGE", where, detail=f"{size / 1024**2:.0f} MB")]
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return [], [finding("IMPORT-FILE-MISSING", where, detail=exc.strerror or str(exc))]
    try:
        if head.startswith(b"PK\x03\x04"):
            return _read_zip_workbook(path)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            return _read_workbook(path, "xls")
        return _read_text_file(path)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        return [], [finding("IMPORT-FILE-UNREADABLE", where, detail=_describe(exc))]


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _read_zip_workbook(path: Path) -> tuple[list[Table], list[Finding]]:
    where = Where(path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [], [finding("IMPORT-FILE-UNREADABLE", where, detail=_describe(exc))]
    total = sum(i.file_size for i in infos)
    bomb = any(i.file_size > 50 * 1024**2 and i.file_size > _MAX_RATIO * max(i.compress_size, 1)
               for i in infos)
    if total > MAX_UNPACKED_BYTES or bomb:
        return [], [finding("IMPORT-FILE-TOO-LARGE", where, detail=f"{total / 1024**2:.0f} MB")]
    names = {i.filename for i in infos}
    if not ({"[Content_Types].xml", "mimetype", "content.xml"} & names):
        return [], [finding("IMPORT-FILE-UNSUPPORTED", where, detail="ZIP archive")]
    return _read_workbook(path, "zip")


def _read_workbook(path: Path, kind: str) -> tuple[list[Table], list[Finding]]:
    from python_calamine import CalamineWorkbook

    problems = workbook_problems(path, kind)
    if problems.damaged:
        return [], [finding("IMPORT-FILE-UNREADABLE", Where(path.name), detail=problems.damaged)]
    if problems.file:
        return [], [finding("IMPORT-WORKBOOK-REFUSED", Where(path.name), detail=problems.file)]
    tables: list[Table] = []
    findings: list[Finding] = []
    workbook = CalamineWorkbook.from_path(str(path))
    try:
        for name in workbook.sheet_names:
            if name in problems.sheets:
                findings.append(finding("IMPORT-SHEET-TOO-LARGE", Where(path.name, name),
                                        detail=problems.sheets[name]))
                continue
            sheet = workbook.get_sheet_by_name(name)
            rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
            cut_off = len(rows) > MAX_TABLE_ROWS
            rows = rows[:MAX_TABLE_ROWS]
            _fill_vertical_merges(rows, getattr(sheet, "merged_cell_ranges", None) or ())
            tables.append(Table(path.name, name, tuple(tuple(r) for r in rows), cut_off=cut_off))
    finally:
        workbook.close()
    return tables, findings + _cut_off_findings(tables)


def _cut_off_findings(tables: Sequence[Table]) -> list[Finding]:
    return [finding("IMPORT-TABLE-TOO-LONG", Where(t.file, t.sheet), detail=f"{MAX_TABLE_ROWS:,}")
            for t in tables if t.cut_off]


def _fill_vertical_merges(rows: list[list[Any]], ranges: Sequence[Any]) -> None:
    """Copy a vertically merged cell's value into every row it spans (grouped site cells)."""
    for (r0, c0), (r1, _c1) in ranges:
        if r1 <= r0 or r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
            if c0 < len(rows[r]) and rows[r][c0] in ("", None):
                rows[r][c0] = value


def decode_text(data: bytes) -> str | None:
    """Text from bytes in UTF-8 (BOM or not), UTF-16 with BOM, or Windows-1252; None if binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    sample = data[:4096]
    if len(sample) > 8 and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without BOM: the zero bytes sit on one side of each character
        even_zeros = sample[0::2].count(0) > sample[1::2].count(0)
        return data.decode("utf-16-be" if even_zeros else "utf-16-le", errors="replace")
    if b"\x00" in sample:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t\f")
    return None if controls > 8 else text


def _read_text_file(path: Path) -> tuple[list[Table], list[Finding]]:
    from planner.core.importing.exo_report import looks_like_format_list, read_format_list
    from planner.core.importing.healthchecker import looks_like_xml, read_healthchecker

    data = path.read_bytes()
    text = decode_text(data)
    if text is None:
        return [], [finding("IMPORT-FILE-UNSUPPORTED", Where(path.name), detail="binary data")]
    if looks_like_xml(text):
        return read_healthchecker(path.name, text)
    if looks_like_format_list(text):
        return read_format_list(path.name, text), []
    table = read_text_table(path.name, text)
    if table is None:
        return [], [finding("IMPORT-FILE-EMPTY", Where(path.name))]
    return [table], _cut_off_findings([table])


def read_text_table(name: str, text: str) -> Table | None:
    """A CSV text (``,`` ``;`` tab or ``|``, optional ``#TYPE`` and ``sep=`` lines) as a table."""
    lines = text.lstrip("\ufeff").splitlines()
    type_hint, skipped = "", 0
    delimiter: str | None = None
    while skipped < len(lines) and (not lines[skipped].strip()
                                    or lines[skipped].startswith(("#TYPE", "sep="))):
        line = lines[skipped]
        if line.startswith("#TYPE"):
            type_hint = line[5:].strip()
        if line.startswith("sep="):
            delimiter = line[4:5] or None
        skipped += 1
    if skipped >= len(lines):
        return None
    delimiter = delimiter or _sniff_delimiter(lines[skipped])
    body = lines[skipped : skipped + MAX_TABLE_ROWS + 1]
    reader = csv.reader(io.StringIO("\n".join(body)), delimiter=delimiter)
    rows = tuple(tuple(cell.strip() for cell in row) for row in reader)
    return Table(name, "", rows[:MAX_TABLE_ROWS], first_row=skipped + 1, type_hint=type_hint,
                 decimal_comma=delimiter == ";", cut_off=len(rows) > MAX_TABLE_ROWS)


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter used most outside quotes on the header line."""
    counts = dict.fromkeys((",", ";", "\t", "|"), 0)
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else ","
