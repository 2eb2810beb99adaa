"""The consultant's decisions as edits: each a pure function from old decisions to new ones.

Switch a rule off or on, force a server's path, exclude a server, pin a step or hold it back
until a day. The GUI wraps each in one undoable edit; the CLI applies them from options.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.core.settings import Decisions

__all__ = ["disable_rule", "enable_rule", "exclude_server", "not_before", "pin_step", "set_path"]


def disable_rule(decisions: Decisions, rule: str) -> Decisions:
    """Decisions with this rule switched off."""
    return replace(decisions, disabled_rules=decisions.disabled_rules | {rule})


def enable_rule(decisions: Decisions, rule: str) -> Decisions:
    """Decisions with this rule switched on again."""
    return replace(decisions, disabled_rules=decisions.disabled_rules - {rule})


def set_path(decisions: Decisions, server: str, path: str | None) -> Decisions:
    """Decisions with this server's migration path forced (``None`` = the rules decide)."""
    paths = dict(decisions.paths)
    if path is None:
        paths.pop(server, None)
    else:
        paths[server] = path
    return replace(decisions, paths=paths)


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
    pins = dict(decisions.pins)
    if start is None:
        pins.pop(step_id, None)
    else:
        pins[step_id] = start
    return replace(decisions, pins=pins)


def not_before(decisions: Decisions, step_id: str, start: date | None) -> Decisions:
    """Decisions with this step starting no earlier than ``start`` (``None`` removes it)."""
    days = dict(decisions.not_before)
    if start is None:
        days.pop(step_id, None)
    else:
        days[step_id] = start
    return replace(decisions, not_before=days)
