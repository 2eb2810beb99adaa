"""Exchange Online's ``Get-OnPremServerReportInfo`` pasted as ``Format-List`` text.

Format-List prints one ``Key : Value`` block per object, separated by blank lines, with long
values wrapped onto indented lines. Each block becomes a table row, so the same header
synonyms that read the CSV form of the report read this one too (and Format-List output
of other cmdlets works the same way).
"""

from __future__ import annotations

import re

from planner.core.importing.table import Table

__all__ = ["cut_off_at", "looks_like_format_list", "read_format_list"]

_LINE = re.compile(r"^([A-Za-z][\w.-]*)\s+:(?:\s(.*))?$")  # Format-List pads before the colon


def looks_like_format_list(text: str) -> bool:
    """Most non-blank lines are ``Key : Value`` and at least three keys are present."""
    lines = [ln for ln in text.splitlines()[:400] if ln.strip()]
    keyed = [ln for ln in lines if _LINE.match(ln)]
    return len(keyed) >= 3 and len(keyed) >= 0.6 * len(lines)


def read_format_list(name: str, text: str) -> list[Table]:
    """One table: header = all keys in order of appearance, one row per block."""
    blocks: list[dict[str, str]] = []
    lines: list[int] = []  # the line each record begins on: where a finding points
    current: dict[str, str] = {}
    last = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if current:
                blocks.append(current)
            current, last = {}, ""
            continue
        match = _LINE.match(line)
        if match and not current:
            lines.append(number)
        if match:
            last = match.group(1)
            current[last] = (match.group(2) or "").strip()
        elif last and line[:1].isspace():
            current[last] = f"{current[last]} {line.strip()}"  # a wrapped long value
    if current:
        blocks.append(current)
    keys = list(dict.fromkeys(k for b in blocks for k in b))
    rows = (tuple(keys), *(tuple(b.get(k, "") for k in keys) for b in blocks))
    return [Table(name, "", rows, first_row=0, row_numbers=(lines[0], *lines),
                  named_fields=True)] if blocks else []


def cut_off_at(text: str) -> tuple[int, str] | None:
    """(line, last key) where the text ends inside a record: its last line is neither
    ``Key : Value`` nor a wrapped value ("RecommendedBuildVersio"), or its last record lacks
    keys every record before it has; None for a whole report."""
    lines = text.rstrip().splitlines()
    if not lines:
        return None
    blocks: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
        elif match := _LINE.match(line):
            blocks[-1].append(match.group(1))
    last_key = blocks[-1][-1] if blocks[-1] else ""
    end = lines[-1]
    if not _LINE.match(end) and not end[:1].isspace():
        return len(lines), last_key
    earlier = [set(b) for b in blocks[:-1] if b]
    if earlier and set.intersection(*earlier) - set(blocks[-1]):
        return len(lines), last_key
    return None
