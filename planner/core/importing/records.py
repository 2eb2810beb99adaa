"""Turn the data rows under a recognised header into field values, with findings per cell.

A :class:`Row` is still loose (a dict of parsed values plus where each came from); merging
rows of all sources into the estate's records happens in :mod:`merge`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from itertools import chain, compress, repeat
from operator import contains, is_, mul, not_, or_, setitem
from typing import Any, NamedTuple

from planner.core.importing import values as v
from planner.core.importing.cells import parse_cell
from planner.core.importing.columns import (
    Block,
    Cells,
    column,
    column_cells,
    marked_elsewhere,
    total_word,
)
from planner.core.importing.findings import Counted, FieldName, Where, finding
from planner.core.importing.headers import Synonyms, normalise_header
from planner.core.importing.mapping import SheetMapping
from planner.core.importing.powershell import ConnectorContext, split_identity
from planner.core.importing.schema import EXAMPLE_MARKER, entity
from planner.core.importing.tabular import Table
from planner.core.model import Finding

__all__ = ["Row", "read_block"]


class Row(NamedTuple):
    """One data row read as an entity: parsed values and the cell each came from.

    A tuple made in C a block at a time (a dataclass's ``__init__`` is a Python call per
    row); its place is kept as file, sheet and line, and made a :class:`Where` only when
    asked for (a finding or a location that is looked up).
    """

    entity: str
    values: dict[str, Any]
    file: str
    sheet: str
    line: int | None  # the 1-based row as the customer sees it, None if unknown
    columns: dict[str, str]  # field -> column letter

    @property
    def where(self) -> Where:
        """The row's place."""
        return _where(self.file, self.sheet, self.line)

    @property
    def place(self) -> tuple[str, str, int | None]:
        """File, sheet and row (``where``'s fields without making one)."""
        return self.file, self.sheet, self.line


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
    block = Block(table, mapping, syn, german or table.decimal_comma, context, [],
                   day_first=v.slashes_day_first(
                       row[i] for row in grid for i in dated if i < len(row)))
    if dated:
        block.findings += _ambiguous_dates(table, start, grid, dated)
    lines = _lines(table, start, end)
    file, sheet = table.file, table.sheet
    if not sheet and not table.named_fields and start > 0:  # a CSV or text table
        block.findings += _wider_than_header(table, start, grid, lines)
    checked = mapping.entity != "organization"
    names = [f for _i, f, _h, _l in used]
    if not names or spec.key == "connector" or (checked and key_field not in names):
        rows = [_slow_row(block, key_field, used, cells, _where(file, sheet, line), checked)
                for cells, line in zip(grid, lines, strict=True)]
        return [r for r in rows if r is not None], block.findings
    key = names.index(key_field)
    width = min(map(len, grid), default=0)
    cells = [column(grid, i, width) for i, _f, _h, _l in used]
    columns = [column_cells(block, spec.field(f), h, cells[n], checked and n == key)
               for n, (_i, f, h, _l) in enumerate(used)]
    # the example marker looked for across the rows only when a column's texts hold it
    maybe_marked = any(c.marked for c in columns) or marked_elsewhere(
        grid, {i for i, _f, _h, _l in used}, width)
    closer = _problem_rows(columns) | (_example_rows(grid) if maybe_marked else set())
    letters = {f: letter for _i, f, _h, letter in used}
    sources = _build_sources(block, used, cells) if spec.key == "server" else []
    out: list[Row] = []
    count = len(grid)
    # the rows that are skipped or read cell by cell, found a column at a time (no row is
    # blank when one column is filled in every row)
    blank = set() if any(map(all, (c.filled for c in columns))) else set(
        compress(range(count), map(not_, map(any, zip(*(c.filled for c in columns),
                                                      strict=True)))))
    odd = blank | closer | set(compress(range(count), columns[key].total))
    if checked:
        odd.update(compress(range(count), map(not_, columns[key].parsed)))
    # the plain rows' dicts filled a column at a time, in C: each row gets the fields its
    # cells give, in column order (as one by one); a dict per row from a zip of its values
    # took twice as long
    values: list[dict[str, Any]] = list(map(dict, repeat((), count)))
    masks = [0] * count  # which fields a row has, as bits: rows alike share a letters dict
    for bit, (name, c) in enumerate(zip(names, columns, strict=True)):
        empty = list(map(is_, c.parsed, repeat(None)))
        if not any(empty):
            deque(map(setitem, values, repeat(name), c.parsed), maxlen=0)
            continue
        given = list(map(not_, empty))
        deque(map(setitem, compress(values, given), repeat(name), compress(c.parsed, given)),
              maxlen=0)
        masks = list(map(or_, masks, map(mul, empty, repeat(1 << bit))))
    shared = {m: {k: letters[k] for n, k in enumerate(names) if not m >> n & 1}
              for m in set(masks)}
    if sources:  # each row with a build gets its source, in C
        built = list(map(contains, values, repeat("build")))
        deque(map(setitem, compress(values, built), repeat("build_source"),
                  compress(sources, built)), maxlen=0)
    kind = spec.key
    if not odd:
        return _rows(kind, values, file, sheet, lines, map(shared.__getitem__, masks)), \
            block.findings
    for n, (row, mask, line) in enumerate(zip(values, masks, lines, strict=True)):
        if n in odd:
            if n in blank and n not in closer:
                continue  # blank, or decoration in unmapped columns (titles, running numbers)
            slow = _slow_row(block, key_field, used, grid[n], _where(file, sheet, line), checked)
            if slow is not None:
                out.append(slow)
            continue
        out.append(Row(kind, row, file, sheet, line, shared[mask]))
    return out, block.findings


def _rows(kind: str, values: Iterable[dict[str, Any]], file: str, sheet: str,
          lines: Iterable[int | None], columns: Iterable[dict[str, str]]) -> list[Row]:
    """Rows of one kind made in C (``Row(...)`` is a Python call each)."""
    return list(map(tuple.__new__, repeat(Row), zip(repeat(kind), values, repeat(file),
                                                    repeat(sheet), lines, columns)))


_new = object.__new__


def _ambiguous_dates(table: Table, start: int, grid: Sequence[Sequence[Any]],
                    dated: list[int]) -> list[Finding]:
    """A warning at the first slashed date that reads as two days when none of the table's
    says which part is the day: read month/day, as English PowerShell writes them."""
    value = v.ambiguous_slashes(row[i] for row in grid for i in dated if i < len(row))
    if value is None:
        return []
    at = next((n for n, row in enumerate(grid) if any(
        i < len(row) and isinstance(row[i], str) and row[i].strip().startswith(value)
        for i in dated)), 0)
    return [finding("IMPORT-DATE-AMBIGUOUS", table.where(start + at), value=value,
                    read=v.parse_date(value))]


def _where(file: str, sheet: str, row: int | None) -> Where:
    """``Where(file, sheet, row)`` (no row below 1), its fields set directly (see
    :mod:`frozen`)."""
    where = _new(Where)
    state = where.__dict__
    state["file"] = file
    state["sheet"] = sheet
    state["row"] = row if row is not None and row > 0 else None
    return where  # type: ignore[no-any-return]


def _build_sources(block: Block, used: Sequence[tuple[int, str, str, str]],
                   columns: Sequence[list[Any]]) -> list[str]:
    """Each row's build source (as :func:`_read_row` gives it), one look per distinct cell;
    ``columns``: each used column's cells."""
    at = next((n for n, u in enumerate(used) if u[1] == "build"), None)
    if at is None:
        return []
    header, cells = used[at][2], columns[at]
    hint = block.table.build_source
    if set(map(type, cells)) <= {str, type(None)}:  # text cells: each distinct one once
        seen = {c: v.build_source_of(header, v.cell_text(c), hint) for c in set(cells)}
        return list(map(seen.__getitem__, cells))
    return [v.build_source_of(header, v.cell_text(c), hint) for c in cells]


def _wider_than_header(table: Table, start: int, grid: Sequence[Sequence[Any]],
                       lines: Sequence[int | None]) -> list[Finding]:
    """One warning at the first of the rows that fill more cells than the header names: a
    delimiter inside a value (an unquoted decimal comma, "1,5" read as 1 and 5) shifts the
    cells, and the extra ones were dropped without a word (1.5 GB read as 1)."""
    header = table.rows[start - 1]
    width = len(header)
    while width and v.cell_text(header[width - 1]) == "":
        width -= 1
    if not width or max(map(len, grid), default=0) <= width:
        return []  # the usual case, decided in C
    wide = [n for n, row in enumerate(grid)
            if any(v.cell_text(c) for c in row[width:])]
    if not wide:
        return []
    return [finding("IMPORT-ROW-MORE-CELLS", _where(table.file, table.sheet, lines[wide[0]]),
                    count=Counted("findings.count.row", len(wide)), width=width)]


def _lines(table: Table, start: int, end: int) -> Sequence[int | None]:
    """Each row's line (as :meth:`Table.where` gives it; None below 1)."""
    numbers: Sequence[int]
    if table.row_numbers:
        numbers = table.row_numbers[start:end]
        if len(numbers) < end - start:  # rows past the numbered ones: as the table says
            return [table.where(index).row for index in range(start, end)]
    else:
        numbers = range(table.first_row + start, table.first_row + end)
    if min(numbers, default=1) > 0:
        return numbers
    return [n if n > 0 else None for n in numbers]


def _problem_rows(columns: Sequence[Cells]) -> set[int]:
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


def _slow_row(block: Block, key_field: str, used: Sequence[tuple[int, str, str, str]],
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
        return total_word(name, syn.values.get("total_row", {}))
    others = [value for value, _h, _l in raw.values() if v.cell_text(value)]
    return bool(others) and all(_is_number(value) for value in others)


def _is_number(value: Any) -> bool:
    try:
        v.parse_number(value)
    except ValueError:
        return False
    return True


def _read_row(block: Block, entity_key: str, raw: dict[str, tuple[Any, str, str]],
              where: Where) -> Row | None:
    row = Row(entity_key, {}, where.file, where.sheet, where.row, {})
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


def _finish_connector(block: Block, row: Row, raw: dict[str, tuple[Any, str, str]]) -> Row | None:
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
