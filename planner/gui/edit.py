"""An undoable edit: a name for the Undo menu and a pure function ``Project -> Project``.

:class:`planner.gui.document.Document` pushes edits onto its undo stack; the helpers build
the common ones (settings, decisions, one server).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the project's records load when first used (start-up time)
    from planner.core.model import Server
    from planner.core.project import Project
    from planner.core.settings import Decisions, Settings

__all__ = ["Edit", "Label", "replace_server", "set_decisions", "set_settings", "update_decisions"]

Label = str | Callable[[], str]


@dataclass(frozen=True)
class Edit:
    """One undoable change: a name for the Undo menu and a pure function on the project.

    ``name`` may be a function returning the text in the current UI language, so the Undo
    menu follows a language switch (:meth:`Document.retranslate_history`).
    """

    name: Label
    func: Callable[[Project], Project]

    def label(self) -> str:
        """The name as text now."""
        return self.name() if callable(self.name) else self.name


def set_settings(settings: Settings, name: Label = "Change settings") -> Edit:
    """An edit that replaces the settings."""
    return Edit(name, lambda p: replace(p, settings=settings))


def set_decisions(decisions: Decisions, name: Label = "Change decisions") -> Edit:
    """An edit that replaces the decisions."""
    return Edit(name, lambda p: replace(p, decisions=decisions))


def update_decisions(fn: Callable[[Decisions], Decisions], name: Label) -> Edit:
    """An edit that derives new decisions from the current ones."""
    return Edit(name, lambda p: replace(p, decisions=fn(p.decisions)))


def replace_server(old_name: str, server: Server, name: Label) -> Edit:
    """An edit that replaces one server (matched by its old name) in the estate."""

    def apply(p: Project) -> Project:
        servers = tuple(server if s.name == old_name else s for s in p.estate.servers)
        return replace(p, estate=replace(p.estate, servers=servers))

    return Edit(name, apply)
