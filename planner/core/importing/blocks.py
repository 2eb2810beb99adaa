"""Find the tables inside a sheet (header rows, several per sheet) and read each one.

A saved mapping for the sheet wins over recognition: its header rows, entities and column
choices are used as they are. Otherwise every row that matches an entity's synonyms starts a
new block that runs until the next such row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import compress, repeat
from operator import itemgetter
from pathlib import PurePath
from typing import Any

from planner.core.importing.findings import FieldName, finding, percent
from planner.core.importing.headers import (
    Synonyms,
    map_columns,
    match_header_row,
    normalise_header,
)
from planner.core.importing.headless import headless_columns
from planner.core.importing.mapping import MAX_COLUMNS, ColumnChoice, SheetMapping
from planner.core.importing.powershell import connector_context
from planner.core.importing.records import Row, read_block
from planner.core.importing.side_by_side import band, split_side_by_side
from planner.core.importing.tabular import Table
from planner.core.importing.values import cell_text
from planner.core.model import Finding

__all__ = ["TableResult", "read_table"]

_GUESS_LIMIT = 0.8  # columns mapped with less confidence get an info finding
_HEADER_SEARCH_ROWS = 50  # an unrecognised table's header is looked for this far down


@dataclass
class TableResult:
    """What one table gave: rows, the mappings used, findings."""

    rows: list[Row]
    mappings: list[SheetMapping]
    findings: list[Finding]


@dataclass(frozen=True)
class _Header:
    index: int  # into table.rows
    entity: str
    columns: tuple[ColumnChoice, ...]
    german: bool


def read_table(table: Table, syn: Synonyms,
               saved: tuple[SheetMapping, ...] = ()) -> TableResult:
    """Rows, mappings and findings for one sheet or CSV file."""
    # the type name's last part ("...SystemConfiguration.EdgeSubscription") names the object
    names = [table.sheet, PurePath(table.file).stem, table.type_hint.rsplit(".", 1)[-1]]
    if not saved:
        bands = split_side_by_side(table, syn, names)
        if bands:
            parts = [read_table(band, syn) for band in bands]
            return TableResult([r for p in parts for r in p.rows],
                               [m for p in parts for m in p.mappings],
                               [f for p in parts for f in p.findings])
    headers = _saved_headers(table, saved, syn) if saved else _find_headers(table, syn, names)
    result = TableResult([], [], [])
    if not headers:
        guess = _likely_header(table)
        if guess is not None:
            # offered as "do not import" so the wizard can map it by hand (never blank)
            result.mappings.append(SheetMapping(table.file, table.sheet, "",
                                                table.first_row + guess[0], guess[1]))
            result.findings.append(finding("IMPORT-SHEET-UNRECOGNISED", table.where()))
        return result
    for n, head in enumerate(headers):
        # the next table below (a table side by side shares this header row)
        end = next((h.index for h in headers[n + 1:] if h.index > head.index),
                   len(table.rows))
        mapping = SheetMapping(table.file, table.sheet, head.entity,
                               table.first_row + head.index, head.columns)
        result.mappings.append(mapping)
        if not head.entity:
            continue  # the user chose not to import this table
        header_texts = [c.header for c in head.columns]
        context = connector_context(names, header_texts)
        if table.named_fields:  # findings name the field, never a letter it does not show
            mapping = replace(mapping, columns=tuple(replace(c, named=True)
                                                     for c in mapping.columns))
        rows, findings = read_block(table, mapping, head.index + 1, end, syn, head.german,
                                    context)
        result.rows.extend(rows)
        result.findings.extend(_column_findings(table, mapping))
        result.findings.extend(headless_columns(table, mapping, head.index, end))
        result.findings.extend(findings)
        if not table.sheet and not any(any(cell_text(c) for c in row)
                                       for row in table.rows[head.index + 1:end]):
            # a file of its own (CSV, report) given on purpose: a workbook's empty
            # optional sheet is normal, a header-only export lost its rows somewhere
            result.findings.append(finding("IMPORT-TABLE-EMPTY", table.where(head.index),
                                           headers=", ".join(header_texts[:4])))
    return result


def _find_headers(table: Table, syn: Synonyms, names: list[str]) -> list[_Header]:
    """Header rows: near the top, after a blank or title row, repeating an earlier one, or
    opening with a known header text.

    Checking only those rows keeps a sheet of many thousand data rows fast; a table further
    down is set apart by a blank row or its title, a paged export repeats its header, and a
    table right under another one (no blank row) starts with a header text such as "Name".
    """
    headers: list[_Header] = []
    seen: set[tuple[Any, ...]] = set()
    rows = table.rows
    for index in _header_candidates(rows, syn):
        row = rows[index]
        above = rows[index - 1] if index else ()
        separated = index == 0 or len(above) - above.count(None) - above.count("") <= 1
        if index < _HEADER_SEARCH_ROWS or separated or tuple(row) in seen \
                or _opens_with_header_text(row, syn):
            match = match_header_row(row, syn, names, only=table.entity_hint)
            if match is not None:
                headers.append(_Header(index, match.entity, match.columns, match.german))
                seen.add(tuple(row))
            if table.entity_hint and headers:
                break  # readers that know the entity give exactly one header row
    return headers


def _header_candidates(rows: Sequence[Sequence[Any]], syn: Synonyms) -> list[int]:
    """The rows :func:`_find_headers` must look at, in order: a superset of those near the
    top, after a row with at most one filled cell, opening with a header text, or repeating
    an earlier row's first cell.

    A data row whose first two cells are filled is none of these unless one of those two is
    a header text or its first cell is one a candidate above had; that is decided a column
    at a time (a Python loop per row cost a fifth of the import of 20,000 rows).
    """
    if min(map(len, rows), default=0) < 2:
        return list(range(len(rows)))
    first, second = list(map(itemgetter(0), rows)), list(map(itemgetter(1), rows))
    count = len(rows)
    gaps = {None, ""}
    marks = gaps | _header_texts({*first, *second}, syn)
    marked = {*compress(range(count), map(marks.__contains__, first)),
              *compress(range(count), map(marks.__contains__, second))}
    loose = {*range(min(count, _HEADER_SEARCH_ROWS)), *marked}
    # a gap is a mark: the few marked rows are looked at, not every row again
    gapped = {n for n in marked if first[n] in gaps or second[n] in gaps}
    after = {n + 1 for n in gapped if n + 1 < count}
    openers = {first[n] for n in loose | after}
    return sorted({*loose, *after, *compress(range(count), map(openers.__contains__, first))})


def _header_texts(cells: set[Any], syn: Synonyms) -> set[str]:
    """The cells that are a known header text on their own (as :func:`_opens_with_header_text`
    tests one); plain words are looked up together. ``cells`` is the caller's to give up."""
    texts = cells if set(map(type, cells)) <= {str} else set(
        compress(cells, map(isinstance, cells, repeat(str))))  # the usual case: no copy
    texts.discard("")
    plain = list(filter(str.isalnum, filter(str.isascii, texts)))
    hits = set(compress(plain, map(syn.known.__contains__, map(str.lower, plain))))
    others = texts.difference(plain) if len(plain) < len(texts) else ()
    return hits | {c for c in others if _opens_with_header_text((c,), syn)}


def _opens_with_header_text(row: Sequence[Any], syn: Synonyms) -> bool:
    """Whether one of the row's first two filled cells is a known header text (a cheap test
    that spares the full header match on data rows)."""
    seen = 0
    for cell in row:
        if cell is None or cell == "":
            continue
        if isinstance(cell, str):
            low = cell.lower()  # a plain word is its own normal form: no regex per data row
            if (low if low.isascii() and low.isalnum() else normalise_header(cell)) in syn.known:
                return True
        seen += 1
        if seen == 2:
            return False
    return False


def _likely_header(table: Table) -> tuple[int, tuple[ColumnChoice, ...]] | None:
    """The first row with two or more texts (else the first non-empty row) and its columns."""
    first = None
    for index, row in enumerate(table.rows[:_HEADER_SEARCH_ROWS]):
        texts = [cell_text(c) for c in row]
        filled = sum(1 for t in texts if t)
        if filled and first is None:
            first = index
        if filled >= 2:
            first = index
            break
    if first is None:
        return None
    columns = tuple(ColumnChoice(i, text, "", 0.0)
                    for i, text in enumerate(cell_text(c) for c in table.rows[first]) if text)
    return first, columns


def _saved_headers(table: Table, saved: tuple[SheetMapping, ...], syn: Synonyms) -> list[_Header]:
    """Header rows and columns from a saved mapping, matched to this file's header texts."""
    headers: list[_Header] = []
    spans = _spans(saved)
    for mapping in saved:
        index = mapping.header_row - table.first_row
        if not 0 <= index < len(table.rows):
            continue
        # tables side by side share a header row: each sees only its own columns
        row = band(table.rows[index], *spans[id(mapping)])
        present = {normalise_header(cell_text(c)) for c in row}
        by_text = {normalise_header(c.header): c for c in mapping.columns if c.header}
        # a saved column whose header text is gone (renamed) still applies by position; a
        # "do not import" choice belongs to its header text only, so a new header there is
        # recognised again
        by_index = {c.index: c for c in mapping.columns
                    if c.field and normalise_header(c.header) not in present}
        guessed, _score, german = map_columns(mapping.entity, row, syn) \
            if mapping.entity else ((), 0.0, False)
        taken = {c.field for c in mapping.columns if c.field}
        proposed = {c.index: c for c in guessed if c.field and c.field not in taken}
        columns: list[ColumnChoice] = []
        for i, cell in enumerate(row):
            text = cell_text(cell)
            choice = by_text.get(normalise_header(text)) if text else None
            if choice is None:
                choice = by_index.get(i)
            if choice is None and i in proposed:  # a column the mapping never saw
                columns.append(proposed[i])
            elif text or choice:
                columns.append(ColumnChoice(i, text, choice.field if choice else "", 1.0))
        if mapping.entity and not any(c.field for c in mapping.columns):
            columns = list(guessed)  # a table just given an entity: propose its columns
        headers.append(_Header(index, mapping.entity, tuple(columns), german))
    return sorted(headers, key=lambda h: h.index)


def _spans(saved: tuple[SheetMapping, ...]) -> dict[int, tuple[int, int]]:
    """Per saved mapping the columns its table spans: all of them, unless another mapping
    has the same header row (tables side by side), then up to the next one's first column."""
    out: dict[int, tuple[int, int]] = {}
    rows: dict[int, list[SheetMapping]] = {}
    for mapping in saved:
        rows.setdefault(mapping.header_row, []).append(mapping)
    for same in rows.values():
        firsts = sorted((min((c.index for c in m.columns), default=0), id(m)) for m in same)
        for n, (first, key) in enumerate(firsts):
            last = firsts[n + 1][0] if n + 1 < len(firsts) else MAX_COLUMNS
            out[key] = (first if len(firsts) > 1 else 0, last)
    return out


def _column_findings(table: Table, mapping: SheetMapping) -> list[Finding]:
    where = table.where(mapping.header_row - table.first_row)
    out: list[Finding] = []
    for c in mapping.columns:
        if c.field and c.confidence < _GUESS_LIMIT:
            # the field's display name in the reader's language, not the record field's code
            out.append(finding("IMPORT-COLUMN-GUESSED", where, column=c.letter, header=c.header,
                               field=FieldName(mapping.entity, c.field),
                               confidence=percent(c.confidence)))
    # "A (Lfd. Nr.)": the letter and the header as the sheet shows them, in any language
    ignored = tuple(c.header if c.named else f"{c.letter} ({c.header})"
                    for c in mapping.columns if not c.field and c.header)
    if ignored:
        out.append(finding("IMPORT-COLUMNS-IGNORED", where, columns=ignored))
    return out
