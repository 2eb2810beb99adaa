"""Autosave to a recovery file every few minutes and after every re-plan; offer it after a crash.

The recovery file lives in the per-user data folder (``…/recovery/recovery-<pid>.seplan``)
and is removed when the window closes cleanly or the project is saved. A file whose
process is gone at the next start is what a crash left behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.core.project import (
    ProjectError,
    Recovery,
    discard_recovery,
    find_recoveries,
    load_project,
    write_recovery,
)
from planner.gui.document import Document

__all__ = ["Autosave", "offer_recovery", "recovery_folder"]

DEFAULT_INTERVAL_MS = 3 * 60 * 1000


def recovery_folder() -> Path:
    """The per-user folder for recovery files."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class Autosave(QObject):
    """Writes the document to its recovery file while it has unsaved changes."""

    def __init__(self, document: Document, folder: Path | None = None,
                 interval_ms: int = DEFAULT_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder or recovery_folder()
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
            self.path = write_recovery(self.document.project, self.folder, self.document.path)
        except ProjectError as exc:
            self.error = str(exc)  # autosave must never interrupt the consultant
            return None
        return self.path

    def discard(self) -> None:
        """Remove this process's recovery file (after a save or a clean close)."""
        if self.path is not None:
            discard_recovery(self.path)
            self.path = None

    def stop(self) -> None:
        """Stop the timer (on close)."""
        self._timer.stop()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def offer_recovery(parent: QWidget | None, document: Document,
                   folder: Path | None = None) -> bool:
    """Ask whether to restore the newest recovery file; returns True when one was restored."""
    found: tuple[Recovery, ...] = find_recoveries(folder or recovery_folder())
    if not found:
        return False
    newest = found[0]
    name = newest.original or _tr("an unsaved project")
    answer = QMessageBox.question(
        parent, _tr("Recover unsaved work?"),
        _tr("The planner did not close properly. An autosaved copy of {0} from {1} "
            "was found.\n\nRecover it?").format(name, newest.saved_at.replace("T", " ")),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    restored = False
    if answer == QMessageBox.StandardButton.Yes:
        try:
            project = load_project(newest.path)
        except ProjectError as exc:
            QMessageBox.warning(parent, _tr("Recovery failed"), str(exc))
        else:
            document.set_project(project, Path(newest.original) if newest.original else None)
            document.set_modified()
            restored = True
    for item in found:
        discard_recovery(item.path)
    return restored
