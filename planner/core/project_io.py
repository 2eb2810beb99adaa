"""Plain-data codec for the project file: records to JSON and back (plans: :mod:`plan_io`).

Encoding uses :func:`planner.core.plain.to_plain`; decoding is driven by the dataclasses'
type hints, so a record that gains an optional field keeps reading older files. Unknown
keys are ignored (a newer file opened by an older program loses only what it cannot know).
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections import abc
from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from planner.core.errors import ProjectFileError

if TYPE_CHECKING:
    from planner.core.model import Estate

__all__ = [
    "PlainError",
    "check_names",
    "decode_value",
    "from_plain",
]


class PlainError(ProjectFileError):
    """Plain data does not fit the record it should become; the message names the field."""


def decode_value(hint: Any, value: Any, where: str) -> Any:
    """Turn one JSON value into the Python value the type hint asks for."""
    if hint is Any:
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if value is None:
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            return value
        # "organization": null in a hand-edited file stopped the planner as "a bug"
        what = _SCALARS.get(hint) or (_CONTAINERS[origin][1] if origin in _CONTAINERS
                                      else "an object")
        raise PlainError(f"{where}: expected {what}, got null")
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return decode_value(inner[0], value, where) if len(inner) == 1 else value
    expected = _CONTAINERS.get(origin)
    if expected and not isinstance(value, expected[0]):
        raise PlainError(f"{where}: expected {expected[1]}, got {_json_type(value)}")
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode_value(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        pairs = enumerate(zip(args, value, strict=True))
        return tuple(decode_value(a, v, f"{where}[{i}]") for i, (a, v) in pairs)
    if origin in (frozenset, set):
        return frozenset(decode_value(args[0], v, where) for v in value)
    if origin is dict or origin is typing.Mapping:
        key_hint, value_hint = args
        return {
            decode_value(key_hint, k, where): decode_value(value_hint, v, f"{where}.{k}")
            for k, v in value.items()
        }
    if isinstance(hint, type):
        return _decode_type(hint, value, where)
    return value


def _decode_type(hint: type, value: Any, where: str) -> Any:
    if is_dataclass(hint):
        if not isinstance(value, dict):
            raise PlainError(f"{where}: expected an object, got {type(value).__name__}")
        return from_plain(hint, value, where)
    if issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError as exc:
            raise PlainError(f"{where}: unknown value {value!r}") from exc
    if hint is date:
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise PlainError(f"{where}: not a date: {value!r}") from exc
    if hint is int and isinstance(value, str):
        try:
            return int(value)  # JSON object keys are always strings
        except ValueError as exc:
            raise PlainError(f"{where}: expected a whole number, got {value[:40]!r}") from exc
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value) if abs(value) <= _LARGEST else math.inf  # 10**4000: no float
    if hint in _SCALARS and not _fits(hint, value):
        # a name of null or 5 loaded once and broke the GUI's tables later
        raise PlainError(f"{where}: expected {_SCALARS[hint]}, got {_json_type(value)}")
    # the size first: math.isfinite(10**4000) raises OverflowError; NaN fails both
    if hint in (int, float) and not (abs(value) <= _LARGEST and math.isfinite(value)):
        # NaN, Infinity (Python's JSON reads them) and 1e308 went on into the plan and made
        # its JSON export invalid
        raise PlainError(f"{where}: not a plausible number: {str(value)[:40]}")
    return value


_LARGEST = 1e12  # beyond any count, size or day number an estate or a plan holds


_SCALARS: dict[Any, str] = {str: "text", int: "a whole number", float: "a number",
                             bool: "true or false"}
_CONTAINERS: dict[Any, tuple[type | tuple[type, ...], str]] = {
    tuple: ((list, tuple), "a list"), frozenset: ((list, tuple), "a list"),
    set: ((list, tuple), "a list"), dict: (dict, "an object"),
    typing.Mapping: (dict, "an object"), abc.Mapping: (dict, "an object")}


def _fits(hint: type, value: Any) -> bool:
    if hint is bool or isinstance(value, bool):
        return hint is bool and isinstance(value, bool)
    return isinstance(value, hint)


def _no_negative(record: Any, where: str) -> None:
    """An estate's numbers are counts and sizes: -500 GB planned a move of no days."""
    for name in record.__dataclass_fields__:
        value = getattr(record, name)
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise PlainError(f"{where}.{name}: a count or size cannot be negative, got {value}")


def _json_type(value: Any) -> str:
    return "null" if value is None else {str: "text", bool: "true/false", list: "a list",
                                         dict: "an object"}.get(type(value), "a number")


def check_names(estate: Estate) -> None:
    """Every record has a non-empty name and no negative count or size; servers, sites and
    DAGs are each named once."""
    for kind in ("sites", "servers", "dags", "databases", "connectors", "relay_clients",
                 "namespaces"):
        records = getattr(estate, kind, ())
        for n, record in enumerate(records):
            name = getattr(record, "name", "x")
            if not isinstance(name, str) or not name.strip():
                raise PlainError(f"estate.{kind}[{n}].name: a name is needed, got {name!r}")
            _no_negative(record, f"estate.{kind}[{n}]")
        if kind in ("sites", "servers", "dags"):
            seen: set[str] = set()
            for record in records:
                key = record.name.casefold()
                if key in seen:
                    raise PlainError(f"estate.{kind}: {record.name!r} appears twice")
                seen.add(key)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    """A dataclass's resolved type hints, worked out once per class (a project of 2,000
    servers holds 9,000 records; resolving them each time took a second)."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def from_plain(cls: type[Any], data: dict[str, Any], where: str = "") -> Any:
    """Rebuild dataclass ``cls`` from :func:`to_plain` output, guided by its type hints."""
    if not isinstance(data, dict):  # "estate": [] had been read as an empty estate
        raise PlainError(f"{where or cls.__name__}: expected an object, got {_json_type(data)}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = decode_value(hints[f.name], data[f.name], f"{where}.{f.name}")
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field is missing: named, not Python's sentence
        missing = re.findall(r"'(\w+)'", str(exc).partition(":")[2]) or [str(exc)]
        raise PlainError(f"{where or cls.__name__}: missing {', '.join(missing)}") from exc
