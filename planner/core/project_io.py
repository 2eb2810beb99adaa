"""Plain-data codec for the project file: plans, schedules and scenarios to JSON and back.

Encoding uses :func:`planner.core.model.to_plain`; decoding is driven by the dataclasses'
type hints, so a record that gains an optional field keeps reading older files. Unknown
keys are ignored (a newer file opened by an older program loses only what it cannot know).
"""

from __future__ import annotations

import types
import typing
from collections import abc
from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from typing import Any

from planner.core.errors import ProjectFileError
from planner.core.model import Estate, Finding, to_plain
from planner.core.plan import BaselineEvidence, Plan, Proposal, Schedule, ServerToday
from planner.core.settings import Decisions, Settings

__all__ = [
    "PlainError",
    "check_names",
    "from_plain",
    "plan_from_plain",
    "plan_to_plain_record",
    "schedule_from_plain",
    "schedule_to_plain",
]


class PlainError(ProjectFileError):
    """Plain data does not fit the record it should become; the message names the field."""


def _decode(hint: Any, value: Any, where: str) -> Any:
    """Turn one JSON value into the Python value the type hint asks for."""
    if hint is Any:
        return value
    if value is None:
        if hint in _SCALARS:
            raise PlainError(f"{where}: expected {_SCALARS[hint]}, got null")
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], value, where) if len(inner) == 1 else value
    expected = _CONTAINERS.get(origin)
    if expected and not isinstance(value, expected[0]):
        raise PlainError(f"{where}: expected {expected[1]}, got {_json_type(value)}")
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        pairs = enumerate(zip(args, value, strict=True))
        return tuple(_decode(a, v, f"{where}[{i}]") for i, (a, v) in pairs)
    if origin in (frozenset, set):
        return frozenset(_decode(args[0], v, where) for v in value)
    if origin is dict or origin is typing.Mapping:
        key_hint, value_hint = args
        return {
            _decode(key_hint, k, where): _decode(value_hint, v, f"{where}.{k}")
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
        return float(value)
    if hint in _SCALARS and not _fits(hint, value):
        # a name of null or 5 loaded once and broke the GUI's tables later
        raise PlainError(f"{where}: expected {_SCALARS[hint]}, got {_json_type(value)}")
    return value


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


def _json_type(value: Any) -> str:
    return "null" if value is None else {str: "text", bool: "true/false", list: "a list",
                                         dict: "an object"}.get(type(value), "a number")


def check_names(estate: Estate) -> None:
    """Every record has a non-empty name; servers, sites and DAGs are each named once."""
    for kind in ("sites", "servers", "dags", "databases", "connectors", "relay_clients",
                 "namespaces"):
        records = getattr(estate, kind, ())
        for n, record in enumerate(records):
            name = getattr(record, "name", "x")
            if not isinstance(name, str) or not name.strip():
                raise PlainError(f"estate.{kind}[{n}].name: a name is needed, got {name!r}")
        if kind in ("sites", "servers", "dags"):
            seen: set[str] = set()
            for record in records:
                key = record.name.casefold()
                if key in seen:
                    raise PlainError(f"estate.{kind}: {record.name!r} appears twice")
                seen.add(key)


def from_plain(cls: type[Any], data: dict[str, Any], where: str = "") -> Any:
    """Rebuild dataclass ``cls`` from :func:`to_plain` output, guided by its type hints."""
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = _decode(hints[f.name], data[f.name], f"{where}.{f.name}")
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field is missing
        raise PlainError(f"{where or cls.__name__}: {exc}") from exc


def schedule_to_plain(schedule: Schedule) -> dict[str, Any]:
    """A schedule as JSON-ready data."""
    result: dict[str, Any] = to_plain(schedule)
    return result


def schedule_from_plain(data: dict[str, Any]) -> Schedule:
    """Rebuild a schedule written by :func:`schedule_to_plain`."""
    result: Schedule = from_plain(Schedule, data, "schedule")
    return result


def plan_to_plain_record(plan: Plan) -> dict[str, Any]:
    """The plan's own results (findings, proposal, schedule) without its inputs."""
    return {
        "findings": to_plain(plan.findings),
        "proposal": to_plain(plan.proposal),
        "schedule": schedule_to_plain(plan.schedule),
        "as_of": to_plain(plan.as_of),
        "knowledge_as_of": to_plain(plan.knowledge_as_of),
        "knowledge_id": plan.knowledge_id,
        "baseline_evidence": to_plain(plan.baseline_evidence),
        "today": to_plain(plan.today),
    }


def plan_from_plain(
    data: dict[str, Any], estate: Estate, settings: Settings, decisions: Decisions
) -> Plan:
    """Rebuild a plan from :func:`plan_to_plain_record` output and the inputs it was made of."""
    findings = tuple(
        from_plain(Finding, f, f"plan.findings[{i}]")
        for i, f in enumerate(data.get("findings", []))
    )
    proposal: Proposal = from_plain(Proposal, data.get("proposal", {}), "plan.proposal")
    return Plan(
        estate=estate,
        settings=settings,
        decisions=decisions,
        findings=findings,
        proposal=proposal,
        schedule=schedule_from_plain(data.get("schedule", {})),
        as_of=_decode(date | None, data.get("as_of"), "plan.as_of"),
        knowledge_as_of=_decode(date | None, data.get("knowledge_as_of"),
                                "plan.knowledge_as_of"),
        knowledge_id=_decode(str, data.get("knowledge_id", ""), "plan.knowledge_id"),
        baseline_evidence=_decode(tuple[BaselineEvidence, ...],
                                  data.get("baseline_evidence", []), "plan.baseline_evidence"),
        today=_decode(tuple[ServerToday, ...], data.get("today", []), "plan.today"),
    )
