"""The template's Project sheet: dotted keys and values -> the settings TOML's nested shape.

``project.start | 2026-12-01`` becomes ``{"project": {"start": date(2026, 12, 1)}}``;
``consultants.1.name | A. Berger`` becomes ``{"consultants": [{"name": "A. Berger"}]}``;
a value written like a TOML array (``["Sat", "Sun"]``) becomes a list.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from typing import Any

from planner.core.importing.findings import finding
from planner.core.importing.headers import normalise_header
from planner.core.importing.tabular import Table
from planner.core.importing.values import cell_text
from planner.core.model import Finding
from planner.core.typed_values import ascii_whole

__all__ = ["PLACES_KEY", "is_project_table", "read_project_table"]

PLACES_KEY = "_places"  # not a settings key: dotted key -> [file, sheet, row] of its value

_SHEET_NAMES = {"project", "projekt", "settings", "einstellungen"}
_KEY = re.compile(r"^[A-Za-z_][\w-]*(\.[\w-]+)*$")


def is_project_table(table: Table) -> bool:
    """A sheet called Project/Projekt whose first row is Key | Value (Schlüssel | Wert)."""
    if normalise_header(table.sheet) not in _SHEET_NAMES or not table.rows:
        return False
    head = [normalise_header(cell_text(c)) for c in table.rows[0][:2]]
    return head[:1] in (["key"], ["schlüssel"], ["schluessel"])


def read_project_table(table: Table) -> tuple[dict[str, Any], list[Finding]]:
    """The nested settings table and findings for keys that cannot be used."""
    result: dict[str, Any] = {}
    findings: list[Finding] = []
    places: dict[str, list[Any]] = {}
    for index, cells in enumerate(table.rows[1:], start=1):
        key = cell_text(cells[0]) if cells else ""
        value = cells[1] if len(cells) > 1 else None
        if not key or cell_text(value) == "":
            continue
        if not _KEY.match(key):
            findings.append(finding("IMPORT-PROJECT-KEY", table.where(index), column="A",
                                    value=key[:60]))
            continue
        try:
            _put(result, key.split("."), _value(value))
            places[key] = [table.file, table.sheet, table.where(index).row]
        except (TypeError, ValueError, IndexError, RecursionError):  # "[[[[…" in a cell
            findings.append(finding("IMPORT-PROJECT-KEY", table.where(index), column="A",
                                    value=key[:60]))
    tree = _lists(result)
    if places:
        tree[PLACES_KEY] = places  # where each key's value is, for findings (settings_sheet)
    return tree, findings


_FIRST_YEAR = 1000  # a numbered key this large is a year, not a list item


def _value(raw: Any) -> Any:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("["):
            return tomllib.loads(f"v = {text}")["v"]
        if text.startswith("{") and "=" in text:  # a table ({ 2026 = 45 }); not a pattern
            try:  # of names such as "{site}-SE{n:02}", which stays text
                return tomllib.loads(f"v = {text}")["v"]
            except tomllib.TOMLDecodeError:
                return text
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        german = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        if german:  # 21.12.2026 as a German sheet writes it (every other sheet reads it)
            try:
                return date(int(german[3]), int(german[2]), int(german[1]))
            except ValueError:
                return text  # no such day: the settings name the key
        return text
    return raw


def _put(tree: dict[str, Any], parts: list[str], value: Any) -> None:
    node = tree
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise TypeError(part)
        node = child
    node[parts[-1]] = value


def _lists(tree: dict[str, Any]) -> dict[str, Any]:
    """Dicts whose keys are all 1, 2, 3... become lists (consultants.1.name); years stay
    keys (enforcement.pause_days_used.2026 is a year's days, not item 2026 of a list)."""
    out: dict[str, Any] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            value = _lists(value)
            if value and all(ascii_whole(k) and int(k) < _FIRST_YEAR for k in value):
                value = [value[k] for k in sorted(value, key=int)]
        out[key] = value
    return out
