"""File handling of the main window: new, open, save, save as, recent files, last folder.

Kept apart from the window's construction so the window is about layout and actions, and
this is about what happens to the project file. Messages go to the window it serves.
"""

from __future__ import annotations

from pathlib import Path

# QtWidgets by module for the dialogs: a class named in an import is made (with its enums)
# at once, before the empty window's first paint
from PySide6 import QtWidgets
from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMainWindow, QMenu

from planner.core.errors import error_words
from planner.core.file_names import file_stem
from planner.core.project_file import FILE_SUFFIX, ProjectError
from planner.gui.autosave import Autosave
from planner.gui.document import Document
from planner.gui.i18n import ui_language
from planner.gui.rich_text import literal

__all__ = ["MAX_RECENT", "ProjectFiles"]

MAX_RECENT = 8


class ProjectFiles(QObject):
    """Opens and saves the window's document and keeps the recent-files list."""

    def __init__(self, window: QMainWindow, document: Document, autosave: Autosave) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.autosave = autosave
        self.store = QSettings()
        self.recent_menu: QMenu | None = None

    # --- folders -----------------------------------------------------------------------

    def last_folder(self) -> str:
        """The folder of the last opened, saved or imported file (home at first)."""
        return str(self.store.value("files/last_folder", str(Path.home())))

    def remember_folder(self, path: Path) -> None:
        """Start the next file dialog in this file's folder."""
        self.store.setValue("files/last_folder", str(path.parent))

    # --- project file ------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        if not self.document.modified:
            return True
        buttons = QtWidgets.QMessageBox.StandardButton
        answer = QtWidgets.QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("The project has unsaved changes. Save them first?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def new_project(self) -> None:
        """Start an empty project."""
        if self.confirm_discard():
            self.autosave.discard()
            # start-up time: the project's records load when first used
            from planner.core.project import Project

            self.document.set_project(Project())

    def open_dialog(self) -> None:
        """Ask for a project file and open it."""
        if not self.confirm_discard():
            return
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, self.tr("Open project"), self.last_folder(),
            self.tr("Planner projects (*{0});;All files (*)").format(FILE_SUFFIX))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a project file, showing a clear message when it cannot be read."""
        try:
            self.document.open(path)
        except ProjectError as exc:
            QtWidgets.QMessageBox.critical(self.window, self.tr("Cannot open the project"),
                                           literal(error_words(exc, ui_language())))
            self._forget_recent(path)
            return False
        self.autosave.discard()
        self._add_recent(path)
        self.remember_folder(path)
        return True

    def save(self) -> bool:
        """Save to the current file (asks for a name the first time)."""
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        # the customer's name is the customer's text: no path, device or stream in it
        suggested = file_stem(self.document.settings.customer, self.tr("project"))
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.window, self.tr("Save project"), str(Path(self.last_folder()) / suggested),
            self.tr("Planner projects (*{0})").format(FILE_SUFFIX))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != FILE_SUFFIX:
            target = target.with_name(target.name + FILE_SUFFIX)
        return self.save_to(target)

    def save_to(self, path: Path) -> bool:
        """Save to this file; a message box explains a failure."""
        try:
            self.document.save(path)
        except (ProjectError, OSError) as exc:
            QtWidgets.QMessageBox.critical(self.window, self.tr("Cannot save the project"),
                                           literal(error_words(exc, ui_language())))
            return False
        self._add_recent(path)
        self.remember_folder(path)
        self.window.statusBar().showMessage(self.tr("Saved {0}").format(path.name), 5000)
        return True

    # --- recent files ------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """Recently opened or saved project files, newest first."""
        value = self.store.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value) \
            if isinstance(value, list | tuple) else []
        return [str(v) for v in items if v]

    def _add_recent(self, path: Path) -> None:
        items = [str(path.resolve())]
        items += [p for p in self.recent_files() if p != items[0]]
        self.store.setValue("files/recent", items[:MAX_RECENT])
        self.fill_recent_menu()

    def _forget_recent(self, path: Path) -> None:
        items = [p for p in self.recent_files() if Path(p) != path.resolve()]
        self.store.setValue("files/recent", items)
        self.fill_recent_menu()

    def fill_recent_menu(self, menu: QMenu | None = None) -> None:
        """List the recent files in File › Open recent (``menu`` replaces the menu used)."""
        if menu is not None:
            self.recent_menu = menu
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        for number, item in enumerate(self.recent_files(), start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(item).name}")
            action.setToolTip(item)
            action.triggered.connect(lambda _=False, p=item: self._open_recent(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def _open_recent(self, path: Path) -> None:
        if self.confirm_discard():
            self.open_path(path)
