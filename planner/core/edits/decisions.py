"""The consultant's decisions as edits: each a pure function from old decisions to new ones.

Switch a rule off or on, force a server's path, exclude a server, pin a step or hold it back
until a day (by its id, or by its title: :func:`by_title`). The GUI wraps each in one undoable
edit; the CLI applies them from options.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from planner.core.plan import Step
from planner.core.settings import Decisions

__all__ = ["by_title", "disable_rule", "enable_rule", "exclude_server", "not_before", "pin_step",
           "set_path"]

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


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def by_title(decisions: Decisions, steps: Sequence[Step], langs: Sequence[str]) -> Decisions:
    """Decisions whose pins and not-before dates name a step by its title (as the workbook
    and MS Project show it, in any of ``langs``, case and spacing aside) keyed by its id.

    A key that is a step id, names no step or names several stays as it is (the rules
    report it as a date no step of the plan takes).
    """
    ids = {s.id for s in steps}
    if ids.issuperset(decisions.pins) and ids.issuperset(decisions.not_before):
        return decisions  # the GUI's pins and the usual case: titles of 8,000 steps cost
    found: dict[str, set[str]] = {}
    for step in steps:
        for lang in langs:
            found.setdefault(_plain(step.title(lang)), set()).add(step.id)

    def keyed(table: Mapping[str, date]) -> dict[str, date]:
        out: dict[str, date] = {}
        for key, day in table.items():
            match = found.get(_plain(key), set())
            out[next(iter(match)) if key not in ids and len(match) == 1 else key] = day
        return out

    return replace(decisions, pins=keyed(decisions.pins), not_before=keyed(decisions.not_before))
