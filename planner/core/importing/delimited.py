"""Delimited text (CSV) as customers send it: titles above the header, any delimiter, quotes.

The delimiter is chosen on the lines that look like data (titles and blank lines above the
header have none), so the header is found below them just as on a sheet. A quote that opens
a cell and does not close before the next record-like line is an error finding naming the
line; that line is read with the quote as text and the rows after it stay rows.
Memory stays bounded: lines are cut from the text one at a time and reading stops at the
row and cell limits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from planner.core.importing.findings import Where, finding
from planner.core.model import Finding

__all__ = ["MAX_ROW_CELLS", "Records", "read_records"]

_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_LINES = 200
_MAX_SPAN = 200  # lines one quoted cell may run over
MAX_ROW_CELLS = 16_384  # Excel's column limit
_MAX_CELLS = 4_000_000  # all cells of the file (Python objects: keeps memory well under 1 GB)


@dataclass
class Records:
    """The rows of a delimited text with the line each starts on, and what was wrong."""

    rows: list[tuple[str, ...]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    delimiter: str = ","
    type_hint: str = ""
    cut_off: bool = False
    findings: list[Finding] = field(default_factory=list)


def _lines(text: str) -> Iterator[str]:
    """The text's lines, one at a time (``\\r\\n``, ``\\n`` or old ``\\r`` endings).

    A Mac "CSV (Macintosh)" ends its rows in ``\\r`` and keeps a line break inside a cell
    as ``\\n``: the ending is the one most lines use, not whichever appears at all (the
    file had read as one header row, nothing imported)."""
    lone_cr = text.count("\r") - text.count("\r\n")
    newline = "\r" if lone_cr > text.count("\n") else "\n"
    start = 0
    while start <= len(text):
        end = text.find(newline, start)
        if end < 0:
            end = len(text)
            if start == end:
                return
        line = text[start:end]
        yield line[:-1] if line.endswith("\r") else line
        start = end + 1


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that appears the same number of times on the most lines."""
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        counts = Counter(n for line in lines if (n := line.count(delimiter)))
        if not counts:
            continue
        count, lines_with_it = counts.most_common(1)[0]
        score = (lines_with_it, count)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def split_quoted(text: str, delimiter: str) -> tuple[list[str], bool]:
    """The cells of a line with quoted cells (``""`` inside is a quote); True if one is open."""
    cells: list[str] = []
    i, n = 0, len(text)
    while True:
        j = i
        while j < n and text[j] in " \t":
            j += 1
        if j < n and text[j] == '"':
            parts: list[str] = []
            j += 1
            while True:
                k = text.find('"', j)
                if k < 0:
                    cells.append("".join(parts) + text[j:])
                    return cells, True
                parts.append(text[j:k])
                if text.startswith('"', k + 1):
                    parts.append('"')
                    j = k + 2
                    continue
                j = k + 1
                break
            end = text.find(delimiter, j)
            cells.append("".join(parts) + (text[j:] if end < 0 else text[j:end]))
        else:
            end = text.find(delimiter, i)
            cells.append(text[i:] if end < 0 else text[i:end])
        if end < 0:
            return cells, False
        i = end + len(delimiter)


def read_records(name: str, text: str, max_rows: int) -> Records:
    """Up to ``max_rows`` rows of the text, with the line each starts on; broken quotes."""
    out = Records()
    lines = _lines(text.lstrip("\ufeff"))
    head: list[str] = []
    number, declared = 0, False
    for line in lines:
        number += 1
        if not head and line.startswith("#TYPE"):
            out.type_hint = line[5:].strip()
        elif not head and line.startswith("sep=") and len(line) > 4:
            out.delimiter, declared = line[4], True
        elif line.strip() or head:
            head.append(line)
            if len(head) >= _SNIFF_LINES:
                break
    if not any(line.strip() for line in head):
        return out
    if not declared:
        out.delimiter = sniff_delimiter([ln for ln in head if '"' not in ln] or head)
    # the widest plain line: a cell with line breaks never makes a row wider than that
    record_like = max((ln.count(out.delimiter) for ln in head if '"' not in ln), default=0)
    first = number - len(head) + 1
    _read_all(out, name, _chain(head, lines), first, (record_like, max_rows))
    return out


def _chain(head: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from head
    yield from rest


def _read_all(out: Records, name: str, lines: Iterator[str], number: int,
              limits: tuple[int, int]) -> None:
    record_like, max_rows = limits
    delimiter, cells_left = out.delimiter, _MAX_CELLS
    pending: list[str] = []  # lines read ahead while looking for a closing quote
    while True:
        line = pending.pop(0) if pending else next(lines, None)
        if line is None:
            return
        if len(out.rows) >= max_rows or cells_left <= 0:
            out.cut_off = bool(line.strip()) or next(lines, None) is not None
            return
        start = number
        if '"' not in line:
            cells = line.split(delimiter)
        else:
            cells, is_open = split_quoted(line, delimiter)
            joined, used = line, 0
            while is_open and used < _MAX_SPAN:
                if used == len(pending):
                    nxt = next(lines, None)
                    if nxt is None:
                        break
                    pending.append(nxt)
                used += 1
                joined = f"{joined}\n{pending[used - 1]}"
                cells, is_open = split_quoted(joined, delimiter)
            # a cell may hold line breaks; a quote whose cell swallows the next records (more
            # cells than a record has) or never closes is a stray quote
            if is_open or (record_like and used and len(cells) > record_like + 1):
                out.findings.append(finding("IMPORT-CSV-QUOTE-UNCLOSED", Where(name, "", start)))
                cells = [c.replace('"', "") for c in line.split(delimiter)]
            else:
                del pending[:used]
                number += used
        if len(cells) > MAX_ROW_CELLS:
            out.findings.append(finding("IMPORT-ROW-TOO-WIDE", Where(name, "", start),
                                        limit=MAX_ROW_CELLS))
            cells = cells[:MAX_ROW_CELLS]
        out.rows.append(tuple(map(str.strip, cells)))
        out.lines.append(start)
        cells_left -= len(cells)
        number += 1
