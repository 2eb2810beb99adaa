"""Turn the data rows under a recognised header into field values, with findings per cell.

A :class:`Row` is still loose (a dict of parsed values plus where each came from); merging
rows of all sources into the estate's records happens in :mod:`merge`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.core.importing import values as v
from planner.core.importing.findings import FieldName, Where, finding
from planner.core.importing.headers import Synonyms, normalise_header
from planner.core.importing.mapping import SheetMapping
from planner.core.importing.powershell import ConnectorContext, split_identity
from planner.core.importing.schema import EXAMPLE_MARKER, FieldSpec, entity
from planner.core.importing.tabular import Table
from planner.core.model import Finding

__all__ = ["Row", "read_block"]


# The largest value a size or count cell can plausibly hold: a mailbox size written in bytes
# in a GB column (13421772800) is ten million times too large and made planning run out of
# memory. 100 TB of mailbox data on one server or database is already far beyond practice.
_LIMITS: dict[str, float] = {"size_gb": 100_000, "int": 1_000_000}


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
    cache: dict[tuple[str, str, type, Any], _Outcome] = field(default_factory=dict)


def read_block(table: Table, mapping: SheetMapping, start: int, end: int, syn: Synonyms,
               german: bool, context: ConnectorContext) -> tuple[list[Row], list[Finding]]:
    """Rows ``start``..``end`` (indexes into ``table.rows``) read with ``mapping``."""
    block = _Block(table, mapping, syn, german or table.decimal_comma, context, [])
    spec = entity(mapping.entity)
    key_field = next((f.name for f in spec.fields if f.required), spec.fields[0].name)
    used = [(c.index, c.field, c.header, c.letter) for c in mapping.columns if c.field]
    rows: list[Row] = []
    for index in range(start, end):
        cells = table.rows[index]
        where = table.where(index)
        if any(isinstance(c, str) and c.strip() == EXAMPLE_MARKER for c in cells):
            block.findings.append(finding("IMPORT-ROW-EXAMPLE", where))
            continue
        raw = {f: (cells[i] if i < len(cells) else None, h, letter) for i, f, h, letter in used}
        if all(value in (None, "") or v.cell_text(value) == "" for value, _h, _l in raw.values()):
            continue  # blank, or decoration in unmapped columns (titles, running numbers)
        if mapping.entity != "organization" and _is_total(raw, key_field, syn):
            block.findings.append(finding("IMPORT-ROW-TOTAL", where))
            continue
        row = _read_row(block, spec.key, raw, where)
        if row is None:
            continue
        if mapping.entity != "organization" and not row.values.get(key_field):
            block.findings.append(finding("IMPORT-ROW-NO-NAME", where,
                                          field=FieldName(spec.key, key_field)))
            continue
        rows.append(row)
    return rows, block.findings


def _is_total(raw: dict[str, tuple[Any, str, str]], key_field: str, syn: Synonyms) -> bool:
    """A sum row: a total word (Summe, Total, Σ …) as the name, or no name and only numbers."""
    name = v.cell_text(raw[key_field][0]) if key_field in raw else ""
    if name:
        first = name.split()[0].rstrip(":")
        words = syn.values.get("total_row", {})
        return normalise_header(first) in words or first.casefold() in words
    others = [value for value, _h, _l in raw.values() if v.cell_text(value)]
    return bool(others) and all(_is_number(value) for value in others)


def _is_number(value: Any) -> bool:
    try:
        v.parse_number(value)
    except ValueError:
        return False
    return True


# One cell's outcome: the parsed value (None: nothing to keep) and the findings it raises,
# as (code, parameters) to be placed at each row where the same cell text occurs.
_Outcome = tuple[Any, tuple[tuple[str, dict[str, Any]], ...]]


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
            outcome = block.cache[key] = _cell(block, spec.field(name), value, header)
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


def _cell(block: _Block, fspec: FieldSpec | None, value: Any, header: str) -> _Outcome:
    """Parse one cell without its location (the outcome is shared by equal cells)."""
    text = v.cell_text(value)
    if not text or fspec is None:
        return None, ()
    if v.is_type_name(text):
        return None, (("IMPORT-PS-TYPENAME", {"value": text[:80], "header": header}),)
    problems: list[tuple[str, dict[str, Any]]] = []
    try:
        parsed = _parse(block, fspec, value, header, problems)
    except ValueError:
        return None, (("IMPORT-VALUE-INVALID", {"value": text[:80], "kind": fspec.kind}),)
    if fspec.kind in _LIMITS and not 0 <= parsed <= _LIMITS[fspec.kind]:
        return None, (("IMPORT-VALUE-IMPLAUSIBLE", {"value": text[:80], "header": header,
                                                    "limit": f"{_LIMITS[fspec.kind]:.0f}"}),)
    return (None if parsed in (None, "", ()) else parsed), tuple(problems)


def _parse(block: _Block, spec: FieldSpec, value: Any, header: str,
           problems: list[tuple[str, dict[str, Any]]]) -> Any:
    kind, german = spec.kind, block.german
    if kind == "text":
        return _text(block, spec, v.cell_text(value))
    if kind == "list":
        return v.split_list(value)
    if kind == "int":
        return v.parse_int(value, german)
    if kind == "size_gb":
        return v.parse_size_gb(value, german, v.unit_factor_from_header(header))
    if kind == "bool":
        return v.parse_bool(value)
    if kind == "date":
        return v.parse_date(value)
    if kind == "address_list":
        return v.split_address_spaces(value)
    if kind == "site":
        return v.site_name(v.cell_text(value))
    if kind == "roles":
        return _roles(block, value, problems)
    return v.cell_text(value)  # connector_type: resolved with the row's context


def _text(block: _Block, spec: FieldSpec, text: str) -> str:
    if spec.name == "build":
        return v.normalise_build_notation(text)
    if spec.name == "tls_certificate":
        return v.certificate_subject(text)
    if spec.name in ("country", "subdivision"):
        canonical = block.syn.values.get(spec.name, {}).get(normalise_header(text))
        return canonical or (text.upper() if len(text) <= 3 else text)
    return text


def _roles(block: _Block, value: Any,
           problems: list[tuple[str, dict[str, Any]]]) -> tuple[str, ...]:
    table = block.syn.values.get("roles", {})
    roles: list[str] = []
    for phrase in v.split_phrases(value):
        canonical = table.get(normalise_header(phrase))
        words = [table.get(normalise_header(w)) for w in phrase.split()]
        if canonical:
            roles.append(canonical)
        elif words and all(words):
            roles.extend(w for w in words if w)
        else:
            problems.append(("IMPORT-ROLE-UNKNOWN", {"value": phrase[:60]}))
    return tuple(dict.fromkeys(roles))


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
