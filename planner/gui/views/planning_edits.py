"""How the consultant's planning edits reach the document.

Every edit a planning view makes is a pure core function from the old settings/decisions to
new ones (:mod:`planner.core.edits.decisions`, re-exported here for the views).
:func:`submit` hands it to the open document, which keeps before/after in an undo command
and re-plans; the views never touch the plan themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from planner.core.edits.decisions import (
    disable_rule,
    enable_rule,
    exclude_server,
    not_before,
    pin_step,
    set_path,
)
from planner.core.settings import Decisions, Settings
from planner.gui.edit import Edit

Label = str | Callable[[], str]  # an undo text, or a function giving it in the UI language

__all__ = [
    "disable_rule",
    "enable_rule",
    "exclude_server",
    "not_before",
    "pin_step",
    "set_path",
    "submit",
    "submit_decisions",
    "submit_settings",
]


def submit(
    document: Any,
    text: Label,
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


def submit_decisions(document: Any, text: Label,
                     change: Callable[[Decisions], Decisions]) -> None:
    """Apply a pure change to the document's decisions as one undoable edit."""
    submit(document, text, decisions=change(document.decisions))


def submit_settings(document: Any, text: Label,
                    change: Callable[[Settings], Settings]) -> None:
    """Apply a pure change to the document's settings as one undoable edit."""
    submit(document, text, settings=change(document.settings))
