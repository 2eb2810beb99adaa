"""Turn the data rows under a recognised header into field values, with findings per cell.

A :class:`Row` is still loose (a dict of parsed values plus where each came from); merging
rows of all sources into the estate's records happens in :mod:`merge`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import is_, itemgetter, methodcaller, mul, not_, or_
from typing import Any

from planner.core.importing import values as v
from planner.core.importing.cells import MAX_TEXT_CELL, SHAPED_TEXT, Outcome, parse_cell
from planner.core.importing.findings import FieldName, Where, finding
from planner.core.importing.headers import Synonyms, normalise_header
from planner.core.importing.mapping import SheetMapping
from planner.core.importing.powershell import ConnectorContext, split_identity
from planner.core.importing.schema import EXAMPLE_MARKER, FieldSpec, entity
from planner.core.importing.tabular import Table
from planner.core.model import Finding

__all__ = ["Row", "read_block"]


@dataclass
class Row:
    """One data row read as an entity: parsed values and the cell each came from."""

    entity: str
    values: dict[str, Any]
    where: Where
    columns: dict[str, str] = field(default_factory=dict)  # field -> column letter


@dataclass
class _Block:
    table: Table
    mapping: SheetMapping
    syn: Synonyms
    german: bool
    context: ConnectorContext
    findings: list[Finding]
    cache: dict[tuple[str, str, type, Any], Outcome] = field(default_factory=dict)
    day_first: bool = False  # its slashed dates are day/month (the table's dates say so)


def read_block(table: Table, mapping: SheetMapping, start: int, end: int, syn: Synonyms,
               german: bool, context: ConnectorContext) -> tuple[list[Row], list[Finding]]:
    """Rows ``start``..``end`` (indexes into ``table.rows``) read with ``mapping``.

    The cells are parsed column by column, each distinct value once; only rows that need a
    closer look (a finding, a total, no name, a connector) are read cell by cell.
    """
    spec = entity(mapping.entity)
    key_field = next((f.name for f in spec.fields if f.required), spec.fields[0].name)
    # a field mapped twice reads its last column (as a dict of field -> cell would)
    used = list({c.field: (c.index, c.field, c.header, c.letter)
                 for c in mapping.columns if c.field}.values())
    grid = table.rows[start:end]
    dated = [i for i, f, _h, _l in used if (s := spec.field(f)) is not None and s.kind == "date"]
    block = _Block(table, mapping, syn, german or table.decimal_comma, context, [],
                   day_first=v.slashes_day_first(
                       row[i] for row in grid for i in dated if i < len(row)))
    places = _places(table, start, end)
    checked = mapping.entity != "organization"
    names = [f for _i, f, _h, _l in used]
    if not names or spec.key == "connector" or (checked and key_field not in names):
        rows = [_slow_row(block, key_field, used, cells, where, checked)
                for cells, where in zip(grid, places, strict=True)]
        return [r for r in rows if r is not None], block.findings
    key = names.index(key_field)
    width = min(map(len, grid), default=0)
    columns = [_column_cells(block, spec.field(f), h, _column(grid, i, width),
                             checked and n == key) for n, (i, f, h, _l) in enumerate(used)]
    closer = _problem_rows(columns) | _example_rows(grid)
    letters = {f: letter for _i, f, _h, letter in used}
    sources = _build_sources(block, used, grid, width) if spec.key == "server" else []
    out: list[Row] = []
    count = len(grid)
    # the rows that are skipped or read cell by cell, found a column at a time
    blank = set(compress(range(count), map(not_, map(any, zip(*(c.filled for c in columns),
                                                               strict=True)))))
    odd = blank | closer | set(compress(range(count), columns[key].total))
    if checked:
        odd.update(compress(range(count), map(not_, columns[key].parsed)))
    # the plain rows' dicts made a column at a time: every row's values, the empty cells
    # then taken out (each row keeps the fields in column order, as one by one)
    values = list(map(dict, map(zip, repeat(names), zip(*(c.parsed for c in columns),
                                                           strict=True))))
    masks = [0] * count  # which fields a row has, as bits: rows alike share a letters dict
    for bit, (name, c) in enumerate(zip(names, columns, strict=True)):
        empty = list(map(is_, c.parsed, repeat(None)))
        if not any(empty):
            continue
        for n in compress(range(count), empty):
            del values[n][name]
        masks = list(map(or_, masks, map(mul, empty, repeat(1 << bit))))
    shared = {m: {k: letters[k] for n, k in enumerate(names) if not m >> n & 1}
              for m in set(masks)}
    if sources:
        for row, source in zip(values, sources, strict=True):
            if "build" in row:
                row["build_source"] = source
    kind = spec.key
    if not odd:
        return list(map(Row, repeat(kind), values, places, map(shared.__getitem__, masks))), \
            block.findings
    for n, (row, mask, where) in enumerate(zip(values, masks, places, strict=True)):
        if n in odd:
            if n in blank and n not in closer:
                continue  # blank, or decoration in unmapped columns (titles, running numbers)
            slow = _slow_row(block, key_field, used, grid[n], where, checked)
            if slow is not None:
                out.append(slow)
            continue
        out.append(Row(kind, row, where, shared[mask]))
    return out, block.findings


@dataclass
class _Cells:
    """One mapped column of a block: each row's parsed value and findings, whether the cell
    holds text, and whether it is a total word (the name column only)."""

    parsed: list[Any]
    problems: list[tuple[tuple[str, dict[str, Any]], ...]]
    filled: list[bool]
    total: list[bool]


_new = object.__new__


def _where(file: str, sheet: str, row: int) -> Where:
    """``Where(file, sheet, row)`` (no row below 1), its fields set directly (see
    :mod:`frozen`): a block makes one per row."""
    where = _new(Where)
    state = where.__dict__
    state["file"] = file
    state["sheet"] = sheet
    state["row"] = row if row > 0 else None
    return where  # type: ignore[no-any-return]


# a PowerShell type name starts so (values.is_type_name): the rest need no closer look
_TYPE_NAME_START = methodcaller("startswith", ("S", "M", "D"))
_NUMBERS = frozenset({bool, int, float})  # 1 == 1.0 == True, but each reads differently


def _column(grid: Sequence[Sequence[Any]], index: int, width: int) -> list[Any]:
    """Column ``index`` of the rows (``width`` the shortest row's length); None where a row
    is shorter."""
    if index < width:
        return list(map(itemgetter(index), grid))
    return [r[index] if index < len(r) else None for r in grid]


def _column_cells(block: _Block, fspec: FieldSpec | None, header: str, values: list[Any],
                  names: bool) -> _Cells:
    """Parse each distinct value of one column once and spread the outcome over its rows."""
    keys: list[Any] = values
    if len(set(map(type, values)) & _NUMBERS) > 1:
        keys = list(zip(map(type, values), values, strict=True))
    distinct = list(dict.fromkeys(keys))
    plain = distinct if keys is values else [k[1] for k in distinct]
    # a plain text field keeps the cell's text: no parsing, only the type-name check
    as_text = fspec is not None and fspec.kind == "text" and fspec.name not in SHAPED_TEXT
    texts = _texts(plain)
    totals = _total_texts(texts, block.syn.values.get("total_row", {})) if names else frozenset()
    if as_text and max(map(len, texts), default=0) <= MAX_TEXT_CELL \
            and not any(map(v.is_type_name, filter(_TYPE_NAME_START, texts))):
        # every cell is kept as its text: spread the texts over the rows a column at a time
        text_of = dict(zip(distinct, texts, strict=True))
        cells = list(map(text_of.__getitem__, keys))
        if "" in text_of.values():  # an empty cell keeps nothing
            kept = {k: t or None for k, t in text_of.items()}
            parsed = list(map(kept.__getitem__, keys))
        else:
            parsed = cells
        return _Cells(parsed, [()] * len(cells), list(map(bool, cells)),
                      list(map(totals.__contains__, cells)) if totals else [False] * len(cells))
    outcomes: dict[Any, tuple[Any, tuple[tuple[str, dict[str, Any]], ...], bool, bool]] = {}
    for key, value, text in zip(distinct, plain, texts, strict=True):
        if not text:
            outcomes[key] = (None, (), False, False)
            continue
        total = text in totals
        if as_text and len(text) <= MAX_TEXT_CELL and not (text[0] in "SMD"
                                                          and v.is_type_name(text)):
            outcomes[key] = (text, (), True, total)
            continue
        cache_key = (fspec.name if fspec else "", header, type(value), value)
        outcome = block.cache.get(cache_key)
        if outcome is None:
            outcome = block.cache[cache_key] = parse_cell(block.syn, block.german, fspec, value,
                                                          header, block.day_first)
        outcomes[key] = (*outcome, True, total)
    found = list(map(outcomes.__getitem__, keys))
    if not found:
        return _Cells([], [], [], [])
    return _Cells(*(list(part) for part in zip(*found, strict=True)))


def _texts(values: list[Any]) -> list[str]:
    """:func:`values.cell_text` of each value; plain strings trimmed in one pass."""
    if set(map(type, values)) <= {str} and "\u00a0" not in "".join(values):
        return list(map(str.strip, values))
    return list(map(v.cell_text, values))


def _build_sources(block: _Block, used: Sequence[tuple[int, str, str, str]],
                   grid: Sequence[Sequence[Any]], width: int) -> list[str]:
    """Each row's build source (as :func:`_read_row` gives it), one look per distinct cell."""
    column = next((u for u in used if u[1] == "build"), None)
    if column is None:
        return []
    index, _field, header, _letter = column
    cells = _column(grid, index, width)
    hint = block.table.build_source
    if set(map(type, cells)) <= {str, type(None)}:  # text cells: each distinct one once
        seen = {c: v.build_source_of(header, v.cell_text(c), hint) for c in set(cells)}
        return list(map(seen.__getitem__, cells))
    return [v.build_source_of(header, v.cell_text(c), hint) for c in cells]


def _places(table: Table, start: int, end: int) -> list[Where]:
    """Each row's location (as :meth:`Table.where` gives it), made in one pass."""
    file, sheet = table.file, table.sheet
    numbers: Sequence[int]
    if table.row_numbers:
        numbers = table.row_numbers[start:end]
        if len(numbers) < end - start:  # rows past the numbered ones: as the table says
            return [table.where(index) for index in range(start, end)]
    else:
        numbers = range(table.first_row + start, table.first_row + end)
    # made directly: a frozen dataclass's constructor costs a call per field and row
    return list(map(_where, repeat(file), repeat(sheet), numbers))


def _problem_rows(columns: Sequence[_Cells]) -> set[int]:
    """Rows with a cell that raises a finding."""
    return {n for c in columns if any(c.problems) for n, p in enumerate(c.problems) if p}


def _example_rows(grid: Sequence[Sequence[Any]]) -> set[int]:
    """Rows that hold the template's example marker in any cell (mapped or not)."""
    cells = set(chain.from_iterable(grid))
    if EXAMPLE_MARKER not in "\n".join(map(str, cells)):  # the usual case, decided in C
        return set()
    marked = {c for c in cells
              if isinstance(c, str) and EXAMPLE_MARKER in c and c.strip() == EXAMPLE_MARKER}
    if not marked:
        return set()
    return {n for n, row in enumerate(grid) if not marked.isdisjoint(row)}


def _slow_row(block: _Block, key_field: str, used: Sequence[tuple[int, str, str, str]],
              cells: Sequence[Any], where: Where, checked: bool) -> Row | None:
    """One row cell by cell: the example marker, totals, findings and a missing name."""
    entity_key = block.mapping.entity
    if any(isinstance(c, str) and c.strip() == EXAMPLE_MARKER for c in cells):
        block.findings.append(finding("IMPORT-ROW-EXAMPLE", where))
        return None
    raw = {f: (cells[i] if i < len(cells) else None, h, letter) for i, f, h, letter in used}
    if all(value in (None, "") or v.cell_text(value) == "" for value, _h, _l in raw.values()):
        return None  # blank, or decoration in unmapped columns (titles, running numbers)
    if checked and _is_total(raw, key_field, block.syn):
        block.findings.append(finding("IMPORT-ROW-TOTAL", where))
        return None
    row = _read_row(block, entity_key, raw, where)
    if row is None:
        return None
    if checked and not row.values.get(key_field):
        block.findings.append(finding("IMPORT-ROW-NO-NAME", where,
                                      field=FieldName(entity_key, key_field)))
        return None
    return row


def _is_total(raw: dict[str, tuple[Any, str, str]], key_field: str, syn: Synonyms) -> bool:
    """A sum row: a total word (Summe, Total, Σ …) as the name, or no name and only numbers."""
    name = v.cell_text(raw[key_field][0]) if key_field in raw else ""
    if name:
        return _total_word(name, syn.values.get("total_row", {}))
    others = [value for value, _h, _l in raw.values() if v.cell_text(value)]
    return bool(others) and all(_is_number(value) for value in others)


def _total_texts(texts: list[str], words: dict[str, str]) -> frozenset[str]:
    """The names among ``texts`` that start with a total word.

    Most names are one plain word (EX01): those are compared as a set, so only names with
    spaces, punctuation or other letters are looked at one by one.
    """
    plain = set(filter(str.isalnum, filter(str.isascii, texts)))
    hits = {t for t in plain if t.lower() in words} if not words.keys().isdisjoint(
        map(str.lower, plain)) else set()
    return frozenset(hits | {t for t in set(texts) - plain if t and _total_word(t, words)})


def _total_word(name: str, words: dict[str, str]) -> bool:
    first = name.split(None, 1)[0].rstrip(":")
    if first.casefold() in words:
        return True
    # plain letters and digits normalise to themselves in lower case (skips the cache)
    return (first.lower() if first.isascii() and first.isalnum()
            else normalise_header(first)) in words


def _is_number(value: Any) -> bool:
    try:
        v.parse_number(value)
    except ValueError:
        return False
    return True


def _read_row(block: _Block, entity_key: str, raw: dict[str, tuple[Any, str, str]],
              where: Where) -> Row | None:
    row = Row(entity_key, {}, where)
    spec = entity(entity_key)
    for name, (value, header, letter) in raw.items():
        if value is None or value == "":
            continue
        # inventories repeat their values (sites, roles, builds, sizes): parse each once
        key = (name, header, type(value), value)
        outcome = block.cache.get(key)
        if outcome is None:
            outcome = block.cache[key] = parse_cell(block.syn, block.german, spec.field(name),
                                                    value, header, block.day_first)
        parsed, problems = outcome
        for code, params in problems:
            block.findings.append(finding(code, where, column=letter, **params))
        if parsed is not None:
            row.values[name] = parsed
            row.columns[name] = letter
    if entity_key == "connector":
        return _finish_connector(block, row, raw)
    if entity_key == "server" and "build" in row.values:
        value, header, _letter = raw["build"]
        row.values["build_source"] = v.build_source_of(header, v.cell_text(value),
                                                       block.table.build_source)
    return row


def _finish_connector(block: _Block, row: Row, raw: dict[str, tuple[Any, str, str]]) -> Row | None:
    """Connector type from the cell or the table's context; ``SERVER\\Name`` identities."""
    raw_type = str(row.values.pop("type", ""))
    kind, skip = block.context.type_for(raw_type)
    letter = row.columns.get("type", "")
    if skip:
        block.findings.append(finding("IMPORT-CONNECTOR-IGNORED", row.where, column=letter,
                                      value=raw_type))
        return None
    if not kind:
        kind = block.syn.values.get("connector_type", {}).get(normalise_header(raw_type), "")
    if not kind:
        block.findings.append(finding("IMPORT-CONNECTOR-TYPE-UNKNOWN", row.where, column=letter,
                                      value=raw_type or "—"))
        return None
    row.values["type"] = kind
    server, name = split_identity(str(row.values.get("name", "")))
    if server:
        row.values["name"] = name
        row.values.setdefault("servers", (server,))
    if kind == "edge_subscription" and row.values.get("name"):
        row.values.setdefault("servers", (row.values["name"],))  # named after the Edge server
    return row
