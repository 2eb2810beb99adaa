"""The main window: navigation between the views, menus, toolbar, status bar and file handling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, QSize, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMenuBar,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from planner.core.resources import resource_path
from planner.gui.actions_export import ExportActions
from planner.gui.autosave import Autosave
from planner.gui.crash_log import show_bug
from planner.gui.document import Document
from planner.gui.formats import format_date
from planner.gui.i18n import (
    install_translators,
    language_names,
    preferred_language,
    saved_language,
    set_saved_language,
)
from planner.gui.knowledge_bar import KnowledgeBar
from planner.gui.pages import PAGES, LazyPages
from planner.gui.project_files import ProjectFiles
from planner.gui.shortcuts import key_sequences, set_shortcut
from planner.gui.window_files import WindowFiles

__all__ = ["MainWindow", "icon"]


def icon(name: str) -> QIcon:
    """An icon from resources/icons (SVG, so it is sharp at any DPI)."""
    return QIcon(str(resource_path("icons", name)))


class MainWindow(WindowFiles):
    """The consultant's workbench around one :class:`Document`."""

    def __init__(self, document: Document | None = None, recovery_dir: Path | None = None,
                 autosave_ms: int | None = None) -> None:
        super().__init__()
        self.document = document or Document(parent=self)
        self.settings_store = QSettings()
        self.setWindowIcon(icon("app.svg"))
        self.setAcceptDrops(True)
        self.pages: LazyPages
        kwargs: dict[str, Any] = {"folder": recovery_dir}
        if autosave_ms is not None:
            kwargs["interval_ms"] = autosave_ms
        self.autosave = Autosave(self.document, parent=self, **kwargs)
        self.files = ProjectFiles(self, self.document, self.autosave)
        self._build_statusbar()
        self._build_ui()
        self._connect_document()
        self._restore_geometry()
        self._update_title()
        self._update_status()

    # --- construction ------------------------------------------------------------------

    def _build_ui(self) -> None:
        """Every widget and action that carries text (built again when the language changes)."""
        self._ui = QObject(self)  # owns the actions, so a rebuild drops the old ones at once
        self._build_central()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.cancel_button.setDefaultAction(self.act_cancel)
        self.act_cancel.setEnabled(self.document.busy)

    def retranslate(self) -> None:
        """Re-create all texts in the current UI language; the document and its plan stay."""
        row = self.nav.currentRow()
        old_ui, old_toolbar, old_export = self._ui, self.toolbar, self.export_actions
        if old_export is not None and any(not getattr(j, "done", False) for j in old_export.jobs):
            old_export.setParent(self)  # an export is running: let it report when done
        self.removeToolBar(old_toolbar)
        old_toolbar.deleteLater()
        self.document.retranslate_history()  # before the new Undo action reads the text
        self._build_ui()
        old_ui.deleteLater()
        self.nav.setCurrentRow(max(row, 0))
        self._update_title()
        self._update_status()

    def _build_central(self) -> None:
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.pages = LazyPages(self.stack, self.document, self._page_built)
        for page in PAGES:
            QListWidgetItem(icon(page.icon), page.title(), self.nav)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 24)
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 0)
        self.knowledge_bar = KnowledgeBar(self.document)  # plan made with older knowledge
        column.addWidget(self.knowledge_bar)
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)
        self.nav.setCurrentRow(0)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.pages[PAGES[row].key]  # builds the view on its first visit
        self.stack.setCurrentIndex(row)

    def _page_built(self, key: str, view: Any) -> None:
        if key == "estate" and hasattr(view, "importRequested"):  # the empty state's buttons
            view.importRequested.connect(lambda: self.import_dialog())
            view.openRequested.connect(self.files.open_dialog)
        if key == "findings" and hasattr(view, "jumpRequested"):
            view.jumpRequested.connect(self.show_record)

    def show_record(self, entity: str, name: str) -> None:
        """Show an estate record (from a finding): its table row, or its graph node."""
        estate = self.pages["estate"]
        if hasattr(estate, "show_record") and estate.show_record(entity, name):
            self.show_page("estate")
            return
        graph = self.pages["graph"]
        kind = {"servers": "server", "relay_clients": "relay"}.get(entity, entity.rstrip("s"))
        if hasattr(graph, "select_node") and graph.select_node(f"{kind}:{name}"):
            self.show_page("graph")

    def _action(self, text: str, slot: Any, shortcut: Any = None,
                icon_name: str = "") -> QAction:
        action = QAction(text, self._ui)
        if shortcut is not None:
            set_shortcut(action, shortcut)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        files = self.files
        self.act_new = self._action(self.tr("&New project"), files.new_project, keys.New,
                                    "new.svg")
        self.act_open = self._action(self.tr("&Open…"), files.open_dialog, keys.Open,
                                     "open.svg")
        self.act_save = self._action(self.tr("&Save"), files.save, keys.Save, "save.svg")
        self.act_save_as = self._action(self.tr("Save &as…"), files.save_as, keys.SaveAs)
        self.act_import = self._action(self.tr("&Import inventory…"), self.import_dialog,
                                       "Ctrl+I", "import.svg")
        self.act_quit = self._action(self.tr("&Quit"), self.close, keys.Quit)
        self.act_undo = self.document.undo_stack.createUndoAction(self._ui, self.tr("&Undo"))
        set_shortcut(self.act_undo, keys.Undo)
        self.act_undo.setIcon(icon("undo.svg"))
        self.act_redo = self.document.undo_stack.createRedoAction(self._ui, self.tr("&Redo"))
        set_shortcut(self.act_redo, keys.Redo)
        self.act_redo.setIcon(icon("redo.svg"))
        self.act_replan = self._action(self.tr("Re-&plan"), self.document.replan, "F5",
                                       "replan.svg")
        self.act_cancel = self._action(self.tr("&Cancel planning"), self.document.cancel,
                                       "Esc")
        self.act_settings = self._action(self.tr("Project &settings…"), self.settings_dialog,
                                         keys.Preferences, "settings.svg")
        # Ctrl+, first: the menu shows the first shortcut (Preferences is empty off macOS)
        self.act_settings.setShortcuts([*key_sequences("Ctrl+,"),
                                        *QKeySequence.keyBindings(keys.Preferences)])
        self._short_toolbar_texts()

    def _short_toolbar_texts(self) -> None:
        """Short fixed texts for the toolbar's buttons; the full text is in the tooltip, so
        a long undo text never pushes buttons into the overflow."""
        for action, text in ((self.act_new, self.tr("New")), (self.act_open, self.tr("Open")),
                             (self.act_save, self.tr("Save")),
                             (self.act_import, self.tr("Import")),
                             (self.act_undo, self.tr("Undo")), (self.act_redo, self.tr("Redo")),
                             (self.act_replan, self.tr("Re-plan")),
                             (self.act_settings, self.tr("Settings"))):
            action.setIconText(text)
            action.setToolTip(action.text().replace("&", ""))
        for action in (self.act_undo, self.act_redo):
            action.changed.connect(self._undo_tooltips)

    def _undo_tooltips(self) -> None:
        """Undo/Redo say in their tooltip what they would undo (the button text stays short)."""
        for action in (self.act_undo, self.act_redo):
            if Shiboken.isValid(action):  # a language switch deletes the old actions
                action.setToolTip(action.text().replace("&", ""))

    def _build_menus(self) -> None:
        bar = QMenuBar(self)
        self.setMenuBar(bar)  # replaces (and deletes) the menu bar of the previous language
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = self.file_menu.addMenu(self.tr("Open recen&t"))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_import)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_save, self.act_save_as])
        self.file_menu.addSeparator()
        self.export_actions = self._build_export_actions(self.file_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addAction(self.act_settings)
        view = bar.addMenu(self.tr("&View"))
        for row, page in enumerate(PAGES):
            view.addAction(self._action(page.menu_title(), lambda _=False, r=row:
                                        self.nav.setCurrentRow(r), f"Ctrl+{row + 1}"))
        view.addSeparator()
        self._build_language_menu(view.addMenu(self.tr("&Language")))
        plan = bar.addMenu(self.tr("&Plan"))
        plan.addActions([self.act_replan, self.act_cancel])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Update &knowledge from file…"),
                                         self._update_knowledge))
        help_menu.addAction(self._action(self.tr("&About"), self.show_about))
        self.files.fill_recent_menu(self.recent_menu)

    def _build_export_actions(self, menu: QMenu) -> Any:
        actions = ExportActions(self.document, self, menu)
        actions.setParent(self._ui)
        return actions

    def _build_language_menu(self, menu: QMenu) -> None:
        current = saved_language()
        group = QActionGroup(menu)
        for code, label in (("", self.tr("&System default")),
                            *((c, f"&{name}") for c, name in language_names().items())):
            action = menu.addAction(label)
            action.setCheckable(True)
            group.addAction(action)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))

    def _build_toolbar(self) -> None:
        bar = self.toolbar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("main-toolbar")
        bar.setIconSize(QSize(20, 20))
        # by the property's name: Qt.ToolButtonStyle would make the Qt namespace (shortcuts.py)
        bar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
        bar.addActions([self.act_new, self.act_open, self.act_save])
        bar.addSeparator()
        bar.addAction(self.act_import)
        bar.addSeparator()
        bar.addActions([self.act_undo, self.act_redo])
        bar.addSeparator()
        bar.addActions([self.act_replan, self.act_settings])

    def _build_statusbar(self) -> None:
        status = self.statusBar()
        self.status_counts = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setVisible(False)
        status.addPermanentWidget(self.status_counts)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    def _connect_document(self) -> None:
        doc = self.document
        doc.modifiedChanged.connect(lambda _m: self._update_title())
        doc.pathChanged.connect(self._update_title)
        doc.busyChanged.connect(self._busy_changed)
        doc.progress.connect(lambda _p, text: self.statusBar().showMessage(text))
        doc.planChanged.connect(self._update_status)
        doc.estateChanged.connect(self._update_status)
        doc.planFailed.connect(self._plan_failed)
        doc.bugRaised.connect(lambda summary, trace: show_bug(self, summary, trace))

    # --- state display -----------------------------------------------------------------

    def _update_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — Exchange SE Planner")
        self.setWindowModified(self.document.modified)

    def _update_status(self) -> None:
        doc = self.document
        errors = warnings = 0
        if doc.findings:
            # start-up time: the records' module loads with the first finding, not before
            from planner.core.model import Severity

            errors = sum(1 for f in doc.findings if f.severity == Severity.ERROR)
            warnings = sum(1 for f in doc.findings if f.severity == Severity.WARNING)
        servers = 0 if doc.blank else len(doc.estate.servers)
        text = " · ".join((self.tr("%n server(s)", "", servers),
                           self.tr("%n error(s)", "", errors),
                           self.tr("%n warning(s)", "", warnings)))
        if doc.plan is not None and doc.plan_is_current:
            objective = doc.plan.schedule.objective
            if objective.finish is not None:
                text += " · " + self.tr("finish {0}").format(format_date(objective.finish))
        self.status_counts.setText(text)
        if not doc.busy:
            self.statusBar().clearMessage()

    def _busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.act_cancel.setEnabled(busy)
        if not busy:
            self._update_status()

    def _plan_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Planning failed: {0}").format(message), 15000)

    def _update_knowledge(self) -> None:
        # start-up time: the build-list importer loads when the consultant asks for it
        from planner.gui.knowledge_update import update_knowledge

        update_knowledge(self, self.document)

    def show_page(self, key: str) -> QWidget:
        """Switch to a page by key ("estate", "findings", "graph", ...) and return its view."""
        row = [p.key for p in PAGES].index(key)
        self.nav.setCurrentRow(row)
        return self.pages[key]

    # --- import, settings, about -------------------------------------------------------

    def import_dialog(self, files: list[Path] | None = None) -> None:
        """Run the import wizard (optionally on files already chosen or dropped)."""
        # The wizard loads the importers (calamine, openpyxl): not before the first import.
        from planner.gui.import_wizard import ImportWizard  # start-up time

        wizard = ImportWizard(self.document, files or [], self.files.last_folder(), self)
        if wizard.exec() and wizard.chosen_files:
            self.files.remember_folder(wizard.chosen_files[0])
            self.show_page("findings" if wizard.has_errors else "estate")

    def settings_dialog(self) -> None:
        """Open the settings dialog."""
        # The dialog's region picker loads the holidays package: not before it is opened.
        from planner.gui.dialogs.settings import SettingsDialog  # start-up time

        SettingsDialog(self.document, self).exec()

    def show_about(self) -> None:
        """Help › About."""
        try:
            as_of = self.document.knowledge.as_of.isoformat()
        except Exception:  # the About box must open even with a broken knowledge base
            as_of = "?"
        # importlib.metadata (the licences) costs start-up time; load it when asked
        from planner.gui.about import show_about  # start-up time

        show_about(self, as_of)

    def _choose_language(self, code: str) -> None:
        set_saved_language(code)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translators(app, preferred_language())
        # Not from inside the menu's own signal: the rebuild replaces the menu bar.
        QTimer.singleShot(0, self.retranslate)

    # --- geometry (file handling, drops and close: WindowFiles) -----------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings_store.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = self.settings_store.value("window/state")
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            self.resize(1280, 800)
