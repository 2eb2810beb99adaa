"""Autosave to the window's own recovery file every few minutes and after every re-plan.

Each window owns one :class:`planner.core.recovery.RecoverySlot` in the per-user data folder;
it is removed when the window closes cleanly or the project is saved. What a crash leaves
behind is offered at the next start by :mod:`planner.gui.recovery_dialog`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from planner.core.project_file import ProjectError
from planner.core.recovery import RecoverySlot
from planner.gui.document import Document
from planner.gui.worker import SyncRunner

__all__ = ["Autosave", "recovery_folder"]

DEFAULT_INTERVAL_MS = 3 * 60 * 1000
# After a plan lands the autosave waits until no newer plan came for this long: writing a
# large project (JSON of 1,000 servers, seconds of Python on the worker) right away competed
# for the interpreter with the pages filling themselves on the window's thread (the Steps
# page froze 0.9 s, the Gantt 0.3 s; 0.5 and 0.1 s with the wait).
AFTER_PLAN_MS = 2000


def recovery_folder() -> Path:
    """The per-user folder for recovery files."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class Autosave(QObject):
    """Writes the document to its window's recovery file while it has unsaved changes."""

    def __init__(self, document: Document, folder: Path | None = None,
                 interval_ms: int = DEFAULT_INTERVAL_MS, parent: QObject | None = None,
                 after_plan_ms: int | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder or recovery_folder()
        self.slot = RecoverySlot(self.folder)
        self.path: Path | None = None
        self.error = ""
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.save_soon)
        self._timer.start()
        self._writing = False  # a write is on the worker
        self._again = False  # ... and the project changed since it started
        self._epoch = 0  # a discard or close makes a write under way remove its file
        if after_plan_ms is None:  # a synchronous runner (tests, self-test) saves at once
            after_plan_ms = 0 if isinstance(document.runner, SyncRunner) else AFTER_PLAN_MS
        if after_plan_ms > 0:
            self._after_plan = QTimer(self, singleShot=True, interval=after_plan_ms)
            self._after_plan.timeout.connect(self.save_soon)
            document.planChanged.connect(self._after_plan.start)
        else:
            document.planChanged.connect(self.save_soon)
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

    def save_soon(self) -> None:
        """Write the recovery file on the worker: a large plan took seconds to serialise, on
        the GUI thread, after every plan the solver found. One write at a time; a change
        meanwhile is written when it is done."""
        if not self.document.modified:
            return
        if self._writing:
            self._again = True
            return
        self._writing, self._again = True, False
        project, original, slot, epoch = (self.document.project, self.document.path,
                                          self.slot, self._epoch)

        def write() -> Path:
            path = slot.write(project, original)
            if epoch != self._epoch:  # saved or closed meanwhile (the window may be gone)
                slot.discard()
            return path

        self.document.runner.submit("autosave", write, lambda path: self._written(epoch, path),
                                    lambda exc, _trace: self._failed(exc))

    def _written(self, epoch: int, path: Path) -> None:
        self._writing = False
        if epoch != self._epoch:  # saved or closed while writing: no stale copy stays
            self.slot.discard()
            return
        self.path = path
        if self._again:
            self.save_soon()

    def _failed(self, exc: BaseException) -> None:
        self._writing = False
        self.error = str(exc)  # autosave must never interrupt the consultant

    def discard(self) -> None:
        """Remove this window's recovery file (after a save)."""
        self._epoch += 1
        self.slot.discard()
        self.path = None

    def close(self) -> None:
        """Stop, remove the file and give up the slot (the window closes cleanly)."""
        self._epoch += 1
        self._timer.stop()
        if hasattr(self, "_after_plan"):
            self._after_plan.stop()  # no write after the window closed
        self.slot.close()
        self.path = None

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()
