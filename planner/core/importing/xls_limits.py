"""The size check of a binary .xls workbook (see :mod:`.workbook_limits`): the compound
file's workbook stream, then every sheet's declared dimensions, string counts and cell
positions, read record by record before python-calamine opens the file."""

from __future__ import annotations

import struct
from collections.abc import Iterator

from planner.core.explanation import Message, message
from planner.core.importing.sheet_budget import Problems, budget

__all__ = ["xls_problems"]


_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_CELL_RECORDS = {0x00FD, 0x0203, 0x027E, 0x0201, 0x0204, 0x0205, 0x0006, 0x00D6}
_MULTI_RECORDS = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, ..., last column


def xls_problems(data: bytes) -> Problems:
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
    over = budget(Problems(), sizes)
    if over.sheets and not problems.file:
        problems.file = next(iter(over.sheets.values()))
    problems.file = problems.file or over.file
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
