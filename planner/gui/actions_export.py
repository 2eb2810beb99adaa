"""File menu actions: export the customer's deliverables; print preview; print.

The menu offers one action per exporter of the registry the CLI loops over too
(:data:`planner.render.exporters.EXPORTERS`, those ``in_menu``: Excel, MS Project XML, the PDF
report), named by ``deliverable.<key>`` in the text catalogues. Exports write exactly
what the CLI writes for the same project (the same writer on the same plan) and run on the
document's worker, so the window stays responsive. The plan
exported is the scenario chosen for export, else the current plan; a plan that is out of
date is made afresh on the worker first. The last folder is remembered in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

# QtCore/QtGui/QtWidgets by module for the dialogs and the paper sizes: a class named in
# an import is made (with its enums) at once, before the empty window's first paint
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from planner.core.errors import error_words
from planner.core.file_names import file_stem
from planner.gui.dialogs.screen_fit import fit_to_screen
from planner.gui.i18n import texts, ui_language
from planner.gui.rich_text import literal
from planner.gui.shortcuts import set_shortcut
from planner.render.exporters import EXPORTERS, Exporter

if TYPE_CHECKING:  # a plan comes with the first plan, a project when first used
    from planner.core.plan import Plan  # (start-up time)
    from planner.core.project import Project

__all__ = ["ExportActions"]

FOLDER_KEY = "export/last_folder"

# The pipeline and the report renderer are imported when the first export or print runs,
# not when the File menu is built: they pull in OR-Tools and pandas, which would delay the
# empty window by seconds (the exporters' writers load their own libraries likewise).


def _plan_and_knowledge(project: Project) -> tuple[Plan, Any]:
    """The plan chosen for export and its knowledge (planned afresh when stale)."""
    from planner.pipeline import plan_for_export  # start-up time, see above

    return plan_for_export(project)


def print_report(plan: Plan, knowledge: Any, printer: Any, lang: str) -> None:
    """:func:`planner.render.report_pdf.print_report`, imported on first use."""
    from planner.render.report_pdf import print_report as render  # start-up time, see above

    render(plan, knowledge, printer, lang)


class ExportActions(QObject):
    """The export and print actions of the File menu, bound to one document and window."""

    def __init__(self, document: Any, window: QWidget, menu: QMenu | None = None) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.jobs: list[Any] = []
        t = texts()
        self.exporters = {e.key: e for e in EXPORTERS if e.in_menu}
        self.export_actions = {
            key: self._action(t(f"deliverable.{key}.menu"),
                              partial(self.export, key), e.shortcut or None)
            for key, e in self.exporters.items()}
        self.act_preview = self._action(self.tr("Print pre&view…"), self.print_preview)
        self.act_print = self._action(self.tr("&Print report…"), self.print_report,
                                      QKeySequence.StandardKey.Print)
        document.planChanged.connect(self._update_enabled)
        document.estateChanged.connect(self._update_enabled)
        self._update_enabled()
        if menu is not None:
            self.install(menu)

    def _action(self, text: str, slot: Callable[[], Any], keys: Any = None) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            set_shortcut(action, keys)
        action.triggered.connect(lambda _=False: slot())
        return action

    def install(self, menu: QMenu) -> ExportActions:
        """Add the actions to a menu (the File menu), grouped between separators."""
        menu.addActions(list(self.export_actions.values()))
        menu.addSeparator()
        menu.addActions([self.act_preview, self.act_print])
        return self

    def actions(self) -> list[QAction]:
        """All actions, e.g. for a toolbar."""
        return [*self.export_actions.values(), self.act_preview, self.act_print]

    def _update_enabled(self) -> None:
        has_estate = not self.document.blank and bool(self.document.estate.servers)
        for action in self.actions():
            action.setEnabled(has_estate)

    # --- files ---------------------------------------------------------------------------

    def _ask_path(self, title: str, suffix: str, file_filter: str) -> Path | None:
        store = QSettings()
        folder = str(store.value(FOLDER_KEY, "") or QtCore.QDir.homePath())
        # the customer's name is the customer's text: no path, device or stream in it
        customer = file_stem(self.document.settings.customer, self.tr("plan"))
        default = str(Path(folder) / f"{customer} – Exchange SE{suffix}")
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self.window, title, default, file_filter)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        store.setValue(FOLDER_KEY, str(path.parent))
        return path

    def export(self, key: str, path: Path | None = None) -> Any:
        """Write the deliverable of the exporter ``key`` (asks for the file unless given)."""
        export = self.exporters[key]
        t = texts()
        name = t(f"deliverable.{key}.name")
        if path is None:
            pattern = f"{t(f'deliverable.{key}.filter')} (*{export.suffix})"
            path = self._ask_path(t(f"deliverable.{key}.title"), export.suffix, pattern)
        return self._run(path, export, name)

    def _run(self, path: Path | None, export: Exporter, what: str) -> Any:
        if path is None:
            return None
        project = self.document.project

        def work() -> Path:
            plan, knowledge = _plan_and_knowledge(project)
            export.write(plan, knowledge, path, plan.settings.language)
            return path

        self._status(self.tr("Writing {what}…").format(what=what))
        job = self.document.runner.submit(
            f"export {what}", work,
            lambda done: self._status(self.tr("Wrote {path}").format(path=done)),
            lambda exc, _tb: self._failed(what, exc))
        self.jobs = [j for j in self.jobs if not getattr(j, "done", False)] + [job]
        return job

    def _status(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    def _failed(self, what: str, exc: BaseException) -> None:
        QtWidgets.QMessageBox.critical(
            self.window, self.tr("Export failed"),
            literal(self.tr("The {what} could not be written:\n{error}")
                    .format(what=what, error=error_words(exc, ui_language()))))

    # --- printing ------------------------------------------------------------------------

    def _printer(self) -> Any:
        # start-up time: Qt's print support loads when the consultant first prints
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        sizes = QtGui.QPageSize
        paper = sizes.PageSizeId.Letter if self.document.settings.paper.upper() == \
            "LETTER" else sizes.PageSizeId.A4
        printer.setPageSize(sizes(paper))
        # Qt's print-to-file suggests "<home>/<doc name>.pdf": the customer's text, no path
        printer.setDocName(file_stem(self.document.settings.customer, "Exchange SE"))
        return printer

    def _print_on(self, printer: Any) -> None:
        plan, knowledge = _plan_and_knowledge(self.document.project)
        print_report(plan, knowledge, printer, plan.settings.language)

    def print_preview(self) -> Any:
        """Show the report in Qt's print preview, from where it can be printed."""
        # The dialog does not own the printer: keep it alive as long as the dialog.
        from PySide6.QtPrintSupport import QPrintPreviewDialog  # start-up time, see _printer

        self._preview_printer = self._printer()
        dialog = QPrintPreviewDialog(self._preview_printer, self.window)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(self._print_on)
        fit_to_screen(dialog, 900, 1000)  # a page at a readable size, never off screen
        dialog.open()
        return dialog

    def print_report(self) -> None:
        """Ask for a printer and print the report."""
        from PySide6.QtPrintSupport import QPrintDialog  # start-up time, see _printer

        printer = self._printer()
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._print_on(printer)
