"""Records as plain data: JSON-ready dicts, strings and lists for the CLI's JSON and the
project file (decoding, driven by the dataclasses' types: :mod:`planner.core.project_io`)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from enum import StrEnum
from typing import Any

from planner.core.model import Estate

__all__ = ["estate_to_plain", "to_plain"]

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class (a plan converts 600,000 values)."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return _FIELD_NAMES[cls]


def to_plain(obj: Any) -> Any:
    """Dataclasses, enums, dates and tuples as JSON-ready dicts, strings and lists."""
    if hasattr(obj, "__dataclass_fields__"):
        return {name: to_plain(getattr(obj, name)) for name in _field_names(type(obj))}
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    if isinstance(obj, frozenset | set):
        return sorted(to_plain(v) for v in obj)
    return obj


def estate_to_plain(estate: Estate) -> dict[str, Any]:
    """The estate as JSON-ready data."""
    result: dict[str, Any] = to_plain(estate)
    return result
