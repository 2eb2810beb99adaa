"""Which column of which sheet means which field: the chosen mapping, saved and reloaded.

The importer returns one :class:`SheetMapping` per recognised table with a confidence per
column; the GUI shows it, the user corrects it, and a saved :class:`ColumnMapping` makes the
next import of the same customer's files use the corrections (``planner check --mapping``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.core.errors import InputError
from planner.core.importing.schema import ENTITIES
from planner.core.replace_file import replace_text

__all__ = ["ColumnChoice", "ColumnMapping", "MappingError", "SheetMapping", "load_mapping",
           "save_mapping"]

_VERSION = 1


class MappingError(InputError):
    """A saved mapping file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class ColumnChoice:
    """One column: its header text, the field it feeds ("" = ignored) and how sure we are."""

    index: int  # 0-based column
    header: str
    field: str
    confidence: float  # 0..1; 1.0 = exact synonym or chosen by the user
    named: bool = False  # a field of a list of records (Format-List): named, not lettered

    @property
    def letter(self) -> str:
        """How a finding names the column: the spreadsheet column letter (A, B, ..., AA),
        or a record list's field name (a Format-List has no columns)."""
        return self.header if self.named and self.header else column_letter(self.index)


@dataclass(frozen=True)
class SheetMapping:
    """How one table (a sheet, a block of a sheet, or a CSV file) was read."""

    file: str  # file name without folders, so a mapping travels with the customer's files
    sheet: str  # "" for CSV and text files
    entity: str  # schema entity key; "" = do not import this table
    header_row: int  # 1-based row of the header as the customer sees it
    columns: tuple[ColumnChoice, ...] = ()

    def field_of(self, index: int) -> str:
        """The field column ``index`` feeds, or ""."""
        return next((c.field for c in self.columns if c.index == index), "")


@dataclass(frozen=True)
class ColumnMapping:
    """Saved choices for a customer's files, matched by file name and sheet."""

    sheets: tuple[SheetMapping, ...] = ()

    def for_table(self, file: str, sheet: str) -> tuple[SheetMapping, ...]:
        """The saved mappings for one sheet or CSV file, in header-row order."""
        found = [m for m in self.sheets
                 if m.file.lower() == file.lower() and m.sheet.lower() == sheet.lower()]
        return tuple(sorted(found, key=lambda m: m.header_row))


MAX_COLUMNS = 16_384  # Excel's column limit
_FIELDS = {e.key: {f.name for f in e.fields} for e in ENTITIES}


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def mapping_to_plain(mapping: ColumnMapping) -> dict[str, Any]:
    """JSON-ready form of a mapping."""
    return {
        "version": _VERSION,
        "sheets": [{
            "file": m.file, "sheet": m.sheet, "entity": m.entity, "header_row": m.header_row,
            "columns": [{"index": c.index, "header": c.header, "field": c.field,
                         "confidence": round(c.confidence, 3)} for c in m.columns],
        } for m in mapping.sheets],
    }


def mapping_from_plain(data: Any, source: str = "mapping") -> ColumnMapping:
    """Rebuild a mapping from :func:`mapping_to_plain` output; ``MappingError`` if malformed."""
    if not isinstance(data, dict) or not isinstance(data.get("sheets"), list):
        raise MappingError(f"{source}: expected an object with a 'sheets' list")
    sheets: list[SheetMapping] = []
    for n, item in enumerate(data["sheets"], start=1):
        try:
            sheets.append(_sheet_from_plain(item))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise MappingError(f"{source}: sheet entry {n} is malformed ({exc})") from exc
    return ColumnMapping(tuple(sheets))


def _sheet_from_plain(item: Any) -> SheetMapping:
    """One sheet's mapping; raises ValueError/TypeError naming the bad value."""
    entity = _text(item, "entity")
    fields = _FIELDS.get(entity)
    if entity and fields is None:
        raise ValueError(f"unknown entity {entity!r}")
    columns: list[ColumnChoice] = []
    for c in item.get("columns", []):
        index, field = _number(c, "index", 0, MAX_COLUMNS), _text(c, "field")
        if field and fields is not None and field not in fields:
            raise ValueError(f"{entity} has no field {field!r}")
        confidence = c.get("confidence", 1.0)
        if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
            raise ValueError(f"confidence {confidence!r}")
        columns.append(ColumnChoice(index, _text(c, "header"), field, float(confidence)))
    return SheetMapping(_text(item, "file", required=True), _text(item, "sheet"), entity,
                        _number(item, "header_row", 1, 10_000_000), tuple(columns))


def _text(item: dict[str, Any], key: str, required: bool = False) -> str:
    value = item[key] if required else item.get(key, "")
    if not isinstance(value, str):
        raise TypeError(f"{key} must be text, not {type(value).__name__}")
    return value


def _number(item: dict[str, Any], key: str, low: int, high: int) -> int:
    value = item[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{key} must be a whole number {low}..{high}, not {value!r}")
    return value


def save_mapping(mapping: ColumnMapping, path: Path) -> None:
    """Write the mapping as JSON (UTF-8)."""
    text = json.dumps(mapping_to_plain(mapping), indent=2, ensure_ascii=False)
    replace_text(path, text + "\n")


def load_mapping(path: Path) -> ColumnMapping:
    """Read a mapping saved by :func:`save_mapping`; ``MappingError`` names what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MappingError(f"{path}: {exc}") from exc
    except RecursionError as exc:  # "[[[[…" a hundred thousand deep
        raise MappingError(f"{path}: not a mapping (nested too deeply)") from exc
    return mapping_from_plain(data, str(path))
