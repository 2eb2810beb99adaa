"""The consultant's decisions as edits: each a pure function from old decisions to new ones.

Switch a rule off or on, force a server's path, exclude a server, pin a step or hold it back
until a day. The GUI wraps each in one undoable edit; the CLI applies them from options.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import TypeVar

from planner.core.settings import Decisions

__all__ = ["disable_rule", "enable_rule", "exclude_server", "not_before", "pin_step", "set_path"]

_V = TypeVar("_V")


def disable_rule(decisions: Decisions, rule: str) -> Decisions:
    """Decisions with this rule switched off."""
    return replace(decisions, disabled_rules=decisions.disabled_rules | {rule})


def enable_rule(decisions: Decisions, rule: str) -> Decisions:
    """Decisions with this rule switched on again."""
    return replace(decisions, disabled_rules=decisions.disabled_rules - {rule})


def _with(table: Mapping[str, _V], key: str, value: _V | None) -> dict[str, _V]:
    """A copy of ``table`` with ``key`` set to ``value``, or removed for None."""
    changed = dict(table)
    if value is None:
        changed.pop(key, None)
    else:
        changed[key] = value
    return changed


def set_path(decisions: Decisions, server: str, path: str | None) -> Decisions:
    """Decisions with this server's migration path forced (``None`` = the rules decide)."""
    return replace(decisions, paths=_with(decisions.paths, server, path))


def exclude_server(decisions: Decisions, server: str, excluded: bool = True) -> Decisions:
    """Decisions with this server left out of (or taken back into) the plan."""
    names = set(decisions.excluded_servers)
    if excluded:
        names.add(server)
    else:
        names.discard(server)
    return replace(decisions, excluded_servers=frozenset(names))


def pin_step(decisions: Decisions, step_id: str, start: date | None) -> Decisions:
    """Decisions with this step pinned to a start day (``None`` removes the pin)."""
    return replace(decisions, pins=_with(decisions.pins, step_id, start))


def not_before(decisions: Decisions, step_id: str, start: date | None) -> Decisions:
    """Decisions with this step starting no earlier than ``start`` (``None`` removes it)."""
    return replace(decisions, not_before=_with(decisions.not_before, step_id, start))
