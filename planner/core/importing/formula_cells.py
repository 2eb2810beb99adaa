"""Cells of an xlsx workbook the reader gives as empty although they hold something.

python-calamine reads a cell showing an Excel error (``#REF!``, ``#N/A``) and a formula
saved without its calculated value (openpyxl and scripts write such files; Excel calculates
them when it opens the file) as empty, so a mailbox count of ``=100+80`` vanished without a
word. This scan names them, so the import can say which cells were read as empty. It reads
the sheet parts in pieces and looks closer only where a piece holds a formula or an error
(inventories rarely do: one byte search per piece).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

__all__ = ["empty_read_cells"]

_CHUNK = 1 << 20
_MOST = 20  # cells named per sheet and kind: enough to find the pattern
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')
# a cell with its attributes and content (self-closing cells hold nothing)
_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?)(?<!/)>(.*?)</(?:\w+:)?c>', re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3}\d{1,7})"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


def empty_read_cells(path: Path) -> dict[str, dict[str, list[str]]]:
    """Per sheet name: ``{"error": ["J2 (#REF!)", …], "formula": ["I2", …]}`` for the cells
    that show an Excel error or hold a formula without a calculated value (at most
    ``_MOST`` of each); sheets without such cells are left out."""
    found: dict[str, dict[str, list[str]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for name, part in _sheet_parts(archive).items():
                cells = _scan(archive, part)
                if cells:
                    found[name] = cells
    except (OSError, zipfile.BadZipFile, KeyError, RuntimeError):
        return {}  # the reader says what is wrong with the file itself
    return found


def _sheet_parts(archive: zipfile.ZipFile) -> Mapping[str, str]:
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    book = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets = {i: t for i, t in _REL.findall(rels)}
    targets.update({i: t for t, i in _REL_REVERSED.findall(rels)})
    parts: dict[str, str] = {}
    for sheet, rel in _SHEET.findall(book):
        target = targets.get(rel, b"").decode("utf-8", "replace").lstrip("/")
        part = target if target.startswith("xl/") else f"xl/{target}"
        if part in names:
            parts[sheet.decode("utf-8", "replace")] = part
    return parts


def _scan(archive: zipfile.ZipFile, part: str) -> dict[str, list[str]]:
    errors: list[str] = []
    formulas: list[str] = []
    for chunk in _chunks(archive, part):
        if b't="e"' not in chunk and b"<f" not in chunk and b":f" not in chunk:
            continue
        for attrs, content in _CELL.findall(chunk):
            ref = _REF.search(attrs)
            where = ref.group(1).decode() if ref else "?"
            value = _VALUE.search(content)
            if b't="e"' in attrs and len(errors) < _MOST:
                shown = value.group(1).decode("utf-8", "replace") if value else "#?"
                errors.append(f"{where} ({shown})")
            elif value is None and (b"<f" in content or b":f" in content) \
                    and len(formulas) < _MOST:
                formulas.append(where)
    return {k: v for k, v in (("error", errors), ("formula", formulas)) if v}


def _chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part in pieces that end after a cell's closing tag, so no cell is cut in two."""
    rest = b""
    with archive.open(part) as handle:
        while True:
            data = handle.read(_CHUNK)
            if not data:
                break
            data = rest + data
            cut = data.rfind(b"</c>")
            if cut < 0:
                rest = data[-_CHUNK:]
                continue
            yield data[: cut + 4]
            rest = data[cut + 4:]
    if rest:
        yield rest
