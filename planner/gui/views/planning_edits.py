"""The consultant's planning edits as pure functions, and how they reach the document.

Every edit a planning view makes (switch a rule off, change a path, exclude a server, pin a
step, change settings, switch scenario) is a pure function from the old settings/decisions
to new ones. :func:`submit` hands it to the open document, which keeps before/after in an
undo command and re-plans; the views never touch the plan themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from planner.core.settings import Decisions, Settings
from planner.gui.document import Edit

__all__ = [
    "disable_rule",
    "enable_rule",
    "exclude_server",
    "pin_step",
    "set_path",
    "submit",
    "submit_decisions",
    "submit_settings",
]


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


def submit(
    document: Any,
    text: str,
    settings: Settings | None = None,
    decisions: Decisions | None = None,
) -> None:
    """Hand new settings and/or decisions to the document as one undoable edit that re-plans."""
    changes: dict[str, Any] = {}
    if settings is not None:
        changes["settings"] = settings
    if decisions is not None:
        changes["decisions"] = decisions
    if changes:
        document.apply(Edit(text, lambda project: replace(project, **changes)))


def submit_decisions(document: Any, text: str, change: Callable[[Decisions], Decisions]) -> None:
    """Apply a pure change to the document's decisions as one undoable edit."""
    submit(document, text, decisions=change(document.decisions))


def submit_settings(document: Any, text: str, change: Callable[[Settings], Settings]) -> None:
    """Apply a pure change to the document's settings as one undoable edit."""
    submit(document, text, settings=change(document.settings))
