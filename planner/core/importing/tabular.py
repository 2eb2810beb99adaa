"""Read any input file into plain tables: xlsx/xls/ods via python-calamine, CSV and text.

The file's content decides how it is read, not its extension. Every reader failure becomes a
finding that names the file; nothing here raises for bad input.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from planner.core.errors import os_problem
from planner.core.explanation import Message, message
from planner.core.importing.delimited import read_records
from planner.core.importing.exo_report import (
    cut_off_at,
    looks_like_format_list,
    read_format_list,
)
from planner.core.importing.findings import Counted, Where, finding
from planner.core.importing.formula_cells import empty_read_cells
from planner.core.importing.healthchecker import looks_like_xml, read_healthchecker
from planner.core.importing.table import Table
from planner.core.importing.text_encoding import Decoded, decode_bytes
from planner.core.importing.workbook_limits import workbook_problems
from planner.core.log_file import LOG
from planner.core.model import Finding

__all__ = ["MAX_UNPACKED_BYTES", "Table", "decode_text", "read_file", "read_text_table"]

MAX_UNPACKED_BYTES = 400 * 1024**2  # declared size of all zip members (zip-bomb guard)
MAX_FILE_BYTES = 200 * 1024**2
# Text is held decoded (up to 4 bytes a character); inventories and reports are far smaller.
MAX_TEXT_BYTES = 100 * 1024**2
# HealthChecker XML and Format-List reports are parsed whole (an XML tree takes ~15 times
# its text); one server's report is a few megabytes.
MAX_REPORT_CHARS = 40 * 1024**2
# Rows read per table. Real inventories have hundreds or a few thousand rows; the cap keeps
# time and memory bounded when a customer sends a huge log or export by mistake.
MAX_TABLE_ROWS = 100_000
_MAX_RATIO = 250  # a member this much larger than its compressed size is suspicious
# archives other than ZIP, by their first bytes: gzip'd transport logs were "binary data"
_PACKED = ((b"\x1f\x8b", "gzip"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"), (b"Rar!\x1a\x07", "RAR"),
           (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"), (b"\x28\xb5\x2f\xfd", "Zstandard"))


def read_file(path: Path) -> tuple[list[Table], list[Finding]]:
    """All tables in a file, or the findings saying why there are none."""
    where = Where(path.name)
    try:
        size = path.stat().st_size
        if size == 0:
            return [], [finding("IMPORT-FILE-EMPTY", where)]
        if size > MAX_FILE_BYTES:
            return [], [finding("IMPORT-FILE-TOO-LARGE", where, size=round(size / 1024**2))]
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return [], [finding("IMPORT-FILE-MISSING", where, problem=os_problem(exc))]
    try:
        if head.startswith(b"PK\x03\x04"):
            return _read_zip_workbook(path)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            return _read_workbook(path, "xls")
        if packer := next((p for magic, p in _PACKED if head.startswith(magic)), ""):
            return [], [finding("IMPORT-FILE-PACKED", where, packer=packer)]
        return _read_text_file(path, size)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        return [], [finding("IMPORT-FILE-UNREADABLE", where, detail=_describe(exc))]


def _describe(exc: BaseException) -> Message:
    """Why a file cannot be read, in the reader's words; the library's own text (English,
    naming its exception class) goes to the log, not to a screen or a deliverable."""
    LOG.info("a file could not be read: %s: %s", type(exc).__name__, exc)
    kind = "damaged_zip" if isinstance(exc, zipfile.BadZipFile) else "damaged"
    return message(f"findings.unreadable.{kind}")


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
        return [], [finding("IMPORT-FILE-TOO-LARGE", where, size=round(total / 1024**2))]
    names = {i.filename for i in infos}
    if not ({"[Content_Types].xml", "mimetype", "content.xml"} & names):
        sealed = _sealed(infos)  # an archive of logs the log reader could not open
        if sealed:
            return [], [finding("IMPORT-ZIP-SEALED", where,
                                problem=message(f"findings.zip_sealed.{sealed}"))]
        return [], [finding("IMPORT-FILE-UNSUPPORTED", where,
                            kind=message("findings.file_kind.zip"))]
    return _read_workbook(path, "zip")


# ZIP methods Python unpacks: stored, deflated, bzip2, LZMA. Deflate64 (9) is what
# Windows' "Send to > Compressed folder" writes for large files.
_UNPACKED_METHODS = frozenset({0, 8, 12, 14})


def _sealed(infos: Sequence[zipfile.ZipInfo]) -> str:
    """Why the archive's files cannot be read ("encrypted", "method"), or "" when they can."""
    if any(i.flag_bits & 0x1 for i in infos):
        return "encrypted"
    if any(i.compress_type not in _UNPACKED_METHODS for i in infos):
        return "method"
    return ""


def _read_workbook(path: Path, kind: str) -> tuple[list[Table], list[Finding]]:
    problems = workbook_problems(path, kind)
    if problems.damaged:
        return [], [finding("IMPORT-FILE-UNREADABLE", Where(path.name), detail=problems.damaged)]
    if problems.file:
        return [], [finding("IMPORT-WORKBOOK-REFUSED", Where(path.name), problem=problems.file)]
    tables: list[Table] = []
    findings: list[Finding] = []
    workbook = CalamineWorkbook.from_path(str(path))
    hidden = _hidden_sheets(workbook)
    try:
        for name in workbook.sheet_names:
            if name in hidden:
                findings.extend(_hidden_finding(path, name, workbook))
                continue
            if name in problems.sheets:
                findings.append(finding("IMPORT-SHEET-TOO-LARGE", Where(path.name, name),
                                        problem=problems.sheets[name]))
                continue
            sheet = workbook.get_sheet_by_name(name)
            cells = sheet.to_python(skip_empty_area=False)
            cut_off = len(cells) > MAX_TABLE_ROWS
            if cut_off:
                cells = cells[:MAX_TABLE_ROWS]
            merges = getattr(sheet, "merged_cell_ranges", None) or ()
            if merges:  # rows copied only where merged cells are filled in
                cells = [list(r) for r in cells]
                _fill_vertical_merges(cells, merges)
            # the reader's own lists of cells: a tuple per row cost 5 ms in 20,000 rows
            tables.append(Table(path.name, name, cells, cut_off=cut_off))
    finally:
        workbook.close()
    return tables, findings + _cut_off_findings(tables) + _empty_read_findings(path, kind,
                                                                               tables)


def _hidden_sheets(workbook: CalamineWorkbook) -> set[str]:
    """Sheets hidden in Excel: customers hide what is no longer true (a sheet of servers
    decommissioned years ago), so they are not planned; a review's estate had one."""
    return {m.name for m in workbook.sheets_metadata
            if str(m.visible).rsplit(".", 1)[-1] != "Visible"}


def _hidden_finding(path: Path, name: str, workbook: CalamineWorkbook) -> list[Finding]:
    """A warning for a hidden sheet with content, so nothing is left out unseen; a hidden
    sheet of nothing (or a template's lists) says nothing."""
    rows = workbook.get_sheet_by_name(name).to_python(nrows=MAX_TABLE_ROWS)
    filled = sum(1 for row in rows if any(cell not in ("", None) for cell in row))
    if filled <= 1:  # a header alone, or nothing, holds nothing to plan
        return []
    return [finding("IMPORT-SHEET-HIDDEN", Where(path.name, name),
                    count=Counted("findings.count.row", filled - 1))]


def _empty_read_findings(path: Path, kind: str, tables: Sequence[Table]) -> list[Finding]:
    """A warning per sheet read whose cells show an Excel error or hold a formula without
    its calculated value: the reader gives them as empty (:mod:`.formula_cells`)."""
    if kind != "zip" or not tables:  # an xlsx or ods; the scan finds no xlsx sheets in ods
        return []
    read = {t.sheet for t in tables}
    out: list[Finding] = []
    for sheet, cells in empty_read_cells(path).items():
        if sheet not in read:
            continue
        if "error" in cells:
            out.append(finding("IMPORT-CELL-ERRORS", Where(path.name, sheet),
                               cells=", ".join(cells["error"])))
        if "formula" in cells:
            out.append(finding("IMPORT-FORMULAS-UNCALCULATED", Where(path.name, sheet),
                               cells=", ".join(cells["formula"])))
    return out


def _cut_off_findings(tables: Sequence[Table]) -> list[Finding]:
    return [finding("IMPORT-TABLE-TOO-LONG", Where(t.file, t.sheet), limit=MAX_TABLE_ROWS)
            for t in tables if t.cut_off]


def _fill_vertical_merges(rows: list[list[Any]], ranges: Sequence[Any]) -> None:
    """Copy a vertically merged cell's value into every row it spans (grouped site cells).

    Each cell is visited once however the ranges overlap: Excel never writes overlapping
    merges, but a 24 KB file of 20,000 ranges over the same 2,000 rows took 19 s when each
    range walked its rows (ranges x rows).
    """
    done: dict[int, int] = {}  # column -> the last row a range there has reached
    for (r0, c0), (r1, _c1) in sorted(r for r in ranges if r[1][0] > r[0][0]):
        if r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        start = max(r0 + 1, done.get(c0, -1) + 1)
        end = min(r1, len(rows) - 1)
        for r in range(start, end + 1):
            if c0 < len(rows[r]) and rows[r][c0] in ("", None):
                rows[r][c0] = value
        done[c0] = max(done.get(c0, -1), end)


def decode_text(data: bytes) -> str | None:
    """Text from bytes in UTF-8 (BOM or not), UTF-16 or Windows-1252; None if binary."""
    decoded = decode_bytes(data)
    return None if decoded is None else decoded.text


def _read_text_file(path: Path, size: int) -> tuple[list[Table], list[Finding]]:
    where = Where(path.name)
    if size > MAX_TEXT_BYTES:  # refused unread: a 198 MB CSV must not be held to say so
        return [], [finding("IMPORT-TEXT-TOO-LARGE", where, size=round(size / 1024**2))]
    with path.open("rb") as handle:
        data = handle.read(MAX_TEXT_BYTES + 1)  # bounded even if the file grew meanwhile
    if len(data) > MAX_TEXT_BYTES:
        return [], [finding("IMPORT-TEXT-TOO-LARGE", where, size=round(len(data) / 1024**2))]
    decoded = decode_bytes(data)
    del data  # the text alone from here: keeps the peak at one copy
    if decoded is None:
        return [], [finding("IMPORT-FILE-UNSUPPORTED", where,
                            kind=message("findings.file_kind.binary"))]
    text = decoded.text
    findings = _encoding_findings(path.name, decoded)
    report = looks_like_xml(text) or looks_like_format_list(text[:65536])
    if report and len(text) > MAX_REPORT_CHARS:
        return [], [finding("IMPORT-TEXT-TOO-LARGE", where, size=round(len(text) / 1024**2))]
    if looks_like_xml(text):
        tables, xml_findings = read_healthchecker(path.name, text)
        return tables, findings + xml_findings
    if report:
        if cut := cut_off_at(text):  # a report copied or saved short: its last values lost
            findings.append(finding("IMPORT-RECORD-CUT-OFF", Where(path.name, "", cut[0]),
                                    field=cut[1] or "–"))
        return read_format_list(path.name, text), findings
    table, read_findings = read_text_table(path.name, text)
    if table is None:
        return [], [finding("IMPORT-FILE-EMPTY", where)]
    return [table], findings + read_findings + _cut_off_findings([table])


def _encoding_findings(name: str, decoded: Decoded) -> list[Finding]:
    where = Where(name)
    if decoded.unknown:
        return [finding("IMPORT-ENCODING-UNKNOWN", where)]
    if decoded.bad_lines:
        lines = ", ".join(str(n) for n in decoded.bad_lines) + (" …" if decoded.more_bad_lines
                                                               else "")
        return [finding("IMPORT-ENCODING-BAD-LINES", where, lines=lines)]
    if decoded.encoding == "cp1252" and not decoded.text.isascii():
        return [finding("IMPORT-ENCODING-WINDOWS", where)]
    return []


def read_text_table(name: str, text: str) -> tuple[Table | None, list[Finding]]:
    """A CSV text (any of ``;`` ``,`` tab ``|``, ``#TYPE`` and ``sep=`` lines) as a table."""
    records = read_records(name, text, MAX_TABLE_ROWS)
    if not records.rows:
        return None, records.findings
    table = Table(name, "", tuple(records.rows), first_row=records.lines[0],
                  type_hint=records.type_hint, decimal_comma=records.delimiter == ";",
                  cut_off=records.cut_off, row_numbers=tuple(records.lines))
    return table, records.findings
