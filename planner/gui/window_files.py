"""The main window's file handling: open, save, dropped files and closing with unsaved changes.

:class:`planner.gui.project_files.ProjectFiles` does the work; this base class of
:class:`planner.gui.main_window.MainWindow` holds the window's side of it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow

from planner.core.project_file import FILE_SUFFIX
from planner.gui.autosave import Autosave
from planner.gui.document import Document
from planner.gui.project_files import ProjectFiles

__all__ = ["INVENTORY_SUFFIXES", "WindowFiles"]

INVENTORY_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt", ".xml", ".log", ".zip")


class WindowFiles(QMainWindow):
    """File handling, drops and closing for the main window (which sets the attributes)."""

    document: Document
    files: ProjectFiles
    autosave: Autosave
    settings_store: QSettings

    def import_dialog(self, files: list[Path] | None = None) -> None:
        """Run the import wizard (the main window provides it)."""
        raise NotImplementedError

    # --- file handling (ProjectFiles does the work) ------------------------------------

    def confirm_discard(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        return self.files.confirm_discard()

    def open_path(self, path: Path) -> bool:
        """Open a project file, showing a clear message when it cannot be read."""
        return self.files.open_path(path)

    def save(self) -> bool:
        """Save to the current file (asks for a name the first time)."""
        return self.files.save()

    def recent_files(self) -> list[str]:
        """Recently opened or saved project files, newest first."""
        return self.files.recent_files()

    # --- drag and drop, close ---------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dropped project and inventory files."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open a dropped project, or import dropped inventory files through the wizard."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls()]
        projects = [p for p in paths if p.suffix.lower() == FILE_SUFFIX]
        # a dropped folder is a set of transport logs copied off the servers
        inventories = [p for p in paths if p.suffix.lower() in INVENTORY_SUFFIXES or p.is_dir()]
        if projects and self.confirm_discard():
            self.open_path(projects[0])
        elif inventories:
            self.import_dialog(inventories)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes, remember the geometry, remove the recovery file."""
        if not self.confirm_discard():
            event.ignore()
            return
        self.document.abandon()
        self.autosave.close()
        self.settings_store.setValue("window/geometry", self.saveGeometry())
        self.settings_store.setValue("window/state", self.saveState())
        event.accept()
