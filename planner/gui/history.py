"""The undo history of a :class:`planner.gui.document.Document`: one command per edit.

Each command keeps the project before and after its edit, so undo and redo are exact;
:class:`History` keeps our own references to the commands so a landed plan can be swapped
into them and their texts re-made in another UI language.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QUndoCommand

from planner.gui.edit import Edit

if TYPE_CHECKING:
    from planner.core.project import Project  # loaded when first used (start-up time)
    from planner.gui.document import Document

__all__ = ["EditCommand", "History"]


class EditCommand(QUndoCommand):
    """Keeps the project before and after one edit."""

    def __init__(self, document: Document, edit: Edit, before: Project, after: Project) -> None:
        super().__init__(edit.label())
        self.edit = edit
        # Weak: the document holds its commands, and a document <-> command cycle left to the
        # garbage collector frees the undo stack's C++ commands twice (a crash seen in tests).
        self._document = weakref.ref(document)
        self.before = before
        self.after = after

    def _set(self, project: Project) -> None:
        document = self._document()
        if document is not None:
            document._set_state(project)

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


class History:
    """Our own references to the undo stack's commands."""

    def __init__(self) -> None:
        self._commands: list[EditCommand] = []

    def keep(self, command: EditCommand, limit: int) -> None:
        """Remember a new command; the stack's undo limit bounds the list."""
        # Our own references keep the Python side of each command alive and let a landed
        # plan be swapped into the history.
        self._commands = [*self._commands[-limit:], command]

    def clear(self) -> None:
        """Forget every command (the undo stack was cleared)."""
        self._commands = []

    def retranslate(self) -> None:
        """Give every command its text in the current UI language."""
        for command in self._commands:
            # The stack deletes commands past its limit and the redo branch a new edit
            # replaces; our list may still name them.
            if shiboken6.isValid(command):
                command.setText(command.edit.label())

    def swap(self, old: Project, new: Project) -> None:
        """Point commands at ``new`` where they pointed at ``old``."""
        # Undo commands that point at the unplanned project get the planned one, so undo
        # and redo land on a current plan without planning again.
        for command in self._commands:
            if command.after is old:
                command.after = new
            if command.before is old:
                command.before = new
