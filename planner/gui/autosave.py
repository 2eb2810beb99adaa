"""Autosave to the window's own recovery file every few minutes and after every re-plan.

Each window owns one :class:`planner.core.recovery.RecoverySlot` in the per-user data folder;
it is removed when the window closes cleanly or the project is saved. What a crash leaves
behind is offered at the next start by :mod:`planner.gui.recovery_dialog`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from planner.core.project import ProjectError
from planner.core.recovery import RecoverySlot
from planner.gui.document import Document

__all__ = ["Autosave", "recovery_folder"]

DEFAULT_INTERVAL_MS = 3 * 60 * 1000


def recovery_folder() -> Path:
    """The per-user folder for recovery files."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class Autosave(QObject):
    """Writes the document to its window's recovery file while it has unsaved changes."""

    def __init__(self, document: Document, folder: Path | None = None,
                 interval_ms: int = DEFAULT_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder or recovery_folder()
        self.slot = RecoverySlot(self.folder)
        self.path: Path | None = None
        self.error = ""
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.save_now)
        self._timer.start()
        document.planChanged.connect(self.save_now)
        document.modifiedChanged.connect(self._modified_changed)

    def save_now(self) -> Path | None:
        """Write the recovery file now if there is anything unsaved; returns its path."""
        if not self.document.modified:
            return None
        try:
            self.path = self.slot.write(self.document.project, self.document.path)
        except (ProjectError, OSError) as exc:
            self.error = str(exc)  # autosave must never interrupt the consultant
            return None
        return self.path

    def discard(self) -> None:
        """Remove this window's recovery file (after a save)."""
        self.slot.discard()
        self.path = None

    def close(self) -> None:
        """Stop, remove the file and give up the slot (the window closes cleanly)."""
        self._timer.stop()
        self.slot.close()
        self.path = None

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()
