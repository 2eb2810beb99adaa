"""The steps view: the proposed steps grouped by phase, with reason and rule, and the
consultant's three levers on the proposal — switch a rule off, change a server's path,
exclude a server. Each is an undoable edit that re-plans.
"""

from __future__ import annotations

import html
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.core.edits.naming import carry_step_dates, rename_new_server
from planner.core.errors import SettingsError
from planner.core.explain_text import driver_text
from planner.core.plan import MigrationPath, Plan, Step
from planner.core.step_source import step_source_text
from planner.gui.i18n import texts, ui_language
from planner.gui.models.estate_model import path_label
from planner.gui.names import rule_name
from planner.gui.views.planning_edits import (
    disable_rule,
    enable_rule,
    exclude_server,
    set_path,
    submit,
    submit_decisions,
)
from planner.gui.views.steps_columns import StepColumns
from planner.gui.views.steps_model import StepRows, StepsModel, step_rows
from planner.gui.views.steps_table import StepsTable
from planner.gui.views.when_shown import WhenShown

__all__ = ["MENU_SERVERS", "StepsView", "server_of_step"]

MENU_SERVERS = 300  # more entries than anyone scrolls through; the rest via the Estate page


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepsView", text)


def server_of_step(step: Step | None) -> str:
    """The server a step works on ("" for org-, DAG- or site-wide steps)."""
    return step.server() if step is not None else ""


class StepsView(QWidget):
    """The steps by phase (a table; phases fold), the selected step's explanation, and the
    edit buttons."""

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = StepsModel(self)
        self.table = StepsTable(self.model)
        self.columns = StepColumns(self.table, self.model)
        self._generation = 0  # the newest refresh; older rows are not shown
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentChanged.connect(self._show_details)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(self.tr(
            "Select a step to see why it is planned, what drives its date and its command."))
        self._build_buttons()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.addLayout(self._button_row)
        box.addWidget(split, 1)
        # a plan that lands while the page is hidden is drawn when it is shown
        document.planChanged.connect(WhenShown(self, self.refresh).request)
        document.decisionsChanged.connect(self._decisions_changed)
        self.refresh()

    def _decisions_changed(self) -> None:
        # Show the edit at once; the re-planned steps follow when the worker is done.
        decisions = self.document.decisions
        if not self.document.plan_is_current:
            self.model.set_pending(decisions.excluded_servers, decisions.disabled_rules)
        self._update_actions()

    def _build_buttons(self) -> None:
        self.rule_off = QAction(self.tr("Switch rule off"), self)
        self.rule_off.triggered.connect(self.switch_rule_off)
        self.exclude = QAction(self.tr("Exclude server"), self)
        self.exclude.triggered.connect(self.exclude_selected_server)
        self.rename_new = QAction(self.tr("Rename new server…"), self)
        self.rename_new.triggered.connect(self.rename_selected_new_server)
        self.path_menu = QMenu(self.tr("Change path"), self)
        self.exclude_menu = QMenu(self.tr("Exclude servers"), self)
        # Filled when opened: a menu per server built on every selection froze a large estate.
        self.path_menu.aboutToShow.connect(self._fill_path_menus)
        self.exclude_menu.aboutToShow.connect(self._fill_exclude_menu)
        self.restore_menu = QMenu(self.tr("Switched-off rules"), self)
        self._button_row = QHBoxLayout()
        for action in (self.rule_off, self.rename_new):
            button = QToolButton()
            button.setDefaultAction(action)
            self._button_row.addWidget(button)
        self._menu_buttons: dict[str, QToolButton] = {}
        for key, menu in (("path", self.path_menu), ("exclude", self.exclude_menu),
                          ("rules", self.restore_menu)):
            button = QToolButton()
            button.setText(menu.title())
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            # the style draws the menu arrow over the text's end ("Switched-off rule⌄"):
            # room for it beside the text
            arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator,
                                               None, button)
            button.setMinimumWidth(button.sizeHint().width() + arrow)
            self._menu_buttons[key] = button
            self._button_row.addWidget(button)
        self._button_row.addStretch(1)

    # --- state ---------------------------------------------------------------------------

    def selected_step(self) -> Step | None:
        """The step of the current row, if a step (not a phase) is selected."""
        return self.model.step_at(self.table.currentIndex())

    def select_step(self, step_id: str) -> None:
        """Make a step the current row, its phase unfolded (used by tests and by other
        views)."""
        index = self.model.reveal(step_id)
        if index.isValid():
            self.table.setCurrentIndex(index)

    def refresh(self) -> None:
        """Reload from the document's plan, keeping the selected step; the plan's rows
        (the outline's order and task numbers, the lookups) are made on the worker, then
        shown."""
        plan, lang = self.document.plan, ui_language()
        self._generation += 1
        generation = self._generation
        if plan is None:
            self._show(generation, plan, lang, None)
            return
        self.document.runner.submit(
            "outline", lambda: step_rows(plan, lang),
            lambda rows: self._show(generation, plan, lang, rows),
            lambda _exc, _trace: self._show(generation, plan, lang, None))  # (logged)

    def _show(self, generation: int, plan: Plan | None, lang: str,
              rows: StepRows | None) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # a newer plan is on its way, or the page went
        current = self.selected_step()
        self.model.set_plan(plan, lang, self.document.knowledge, rows)
        self.columns.plan_shown()
        if current is not None:
            self.select_step(current.id)
        self._update_actions()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep Target in view when the window gets narrower or wider."""
        super().resizeEvent(event)
        self.columns.fit_step()

    def _estate_server(self, step: Step | None) -> str:
        """The estate's name of the server a step works on ("" for new or group targets)."""
        name = server_of_step(step)
        server = self.document.estate.server(name) if name else None
        return server.name if server is not None else ""

    def _new_server(self, step: Step | None) -> str:
        """The name of the new server a step works on ("" for inventory servers and others)."""
        name = server_of_step(step)
        return name if name and self.document.estate.server(name) is None else ""

    def _update_actions(self) -> None:
        step = self.selected_step()
        server = self._estate_server(step)
        self.rule_off.setEnabled(step is not None and bool(step.rule))
        self.exclude.setEnabled(bool(server))
        self.rename_new.setEnabled(bool(self._new_server(step)))
        self.exclude.setText(self.tr("Exclude {server}").format(server=server) if server
                             else self.tr("Exclude server"))
        has_servers = bool(self.document.estate.servers)
        for key in ("path", "exclude"):
            self._menu_buttons[key].setEnabled(has_servers)
        self._fill_restore_menu()

    def _path_names(self) -> dict[MigrationPath, str]:
        return {p: path_label(p) for p in MigrationPath if p != MigrationPath.NONE}

    def _menu_servers(self, menu: QMenu) -> list[Any]:
        """The servers a menu lists (at most MENU_SERVERS; a note says where the rest are)."""
        servers = list(self.document.estate.servers)
        menu.clear()
        if len(servers) > MENU_SERVERS:
            note = menu.addAction(self.tr("More servers: change them on the Estate page or "
                                          "from a step's context menu"))
            note.setEnabled(False)
            menu.addSeparator()
        return servers[:MENU_SERVERS]

    def _fill_path_menus(self) -> None:
        """A path submenu per server (each filled when it opens)."""
        plan = self.document.plan
        assessed = {a.name.lower(): a for a in plan.proposal.servers} if plan else {}
        names = self._path_names()
        for server in self._menu_servers(self.path_menu):
            a = assessed.get(server.name.lower())
            shown = names.get(a.path, a.path.value) if a else ""
            sub = self.path_menu.addMenu(f"{server.name} — {shown}" if shown else server.name)
            sub.aboutToShow.connect(lambda m=sub, n=server.name: self._fill_server_path(m, n))

    def _fill_server_path(self, menu: QMenu, server: str) -> None:
        menu.clear()
        self._fill_path_menu(menu, server, self.document.decisions.paths.get(server))

    def _fill_exclude_menu(self) -> None:
        """An exclusion toggle per server."""
        excluded = self.document.decisions.excluded_servers
        for server in self._menu_servers(self.exclude_menu):
            toggle = self.exclude_menu.addAction(server.name)
            toggle.setCheckable(True)
            toggle.setChecked(server.name in excluded)
            toggle.toggled.connect(lambda on, n=server.name: self.set_excluded(n, on))

    def _fill_path_menu(self, menu: QMenu, server: str, forced: str | None) -> None:
        auto = menu.addAction(self.tr("As the rules propose"))
        auto.setCheckable(True)
        auto.setChecked(forced is None)
        auto.triggered.connect(lambda: self.change_path(server, None))
        for path, text in self._path_names().items():
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(forced == path.value)
            action.triggered.connect(lambda _=False, p=path.value: self.change_path(server, p))

    def _fill_restore_menu(self) -> None:
        self.restore_menu.clear()
        for rule in sorted(self.document.decisions.disabled_rules):
            action = self.restore_menu.addAction(self.tr("Switch rule {rule} on").format(
                rule=self._rule(rule)))
            action.triggered.connect(lambda _=False, r=rule: self.switch_rule_on(r))
        self._menu_buttons["rules"].setEnabled(not self.restore_menu.isEmpty())

    def _rule(self, rule: str) -> str:
        return rule_name(rule, self.document.knowledge)

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        step = self.model.step_at(current)
        if step is None:
            self.details.clear()
            return
        lang = ui_language()
        plan = self.document.plan
        dated = plan.schedule.for_step(step.id) if plan else None
        source = step_source_text(step, self.document.knowledge, lang)
        # Every text below can carry customer data (server names): escaped, never markup.
        parts = [f"<h3>{html.escape(step.title(lang))}</h3>",
                 f"<p>{html.escape(step.why(lang))}</p>",
                 f"<p>{html.escape(source)}</p>" if source else ""]
        driver = driver_text(plan, dated, lang) if plan else ""
        if driver:
            parts.append("<p>" + html.escape(self.tr("Date driven by: {driver}").format(
                driver=driver)) + "</p>")
        if step.command:
            parts.append(f"<pre>{html.escape(step.command_in(lang))}</pre>")
        self.details.setHtml("".join(parts))

    def _context_menu(self, pos: Any) -> None:
        self.table.setCurrentIndex(self.table.indexAt(pos))
        step = self.selected_step()
        if step is None:
            return
        menu = QMenu(self)
        menu.addAction(self.rule_off)
        server = self._estate_server(step)
        if server:
            menu.addAction(self.exclude)
            sub = menu.addMenu(self.tr("Path of {server}").format(server=server))
            self._fill_path_menu(sub, server, self.document.decisions.paths.get(server))
        if self._new_server(step):
            menu.addAction(self.rename_new)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # --- edits ---------------------------------------------------------------------------

    def switch_rule_off(self) -> None:
        """Switch off the rule that proposed the selected step."""
        step = self.selected_step()
        if step is not None and step.rule:
            rule, doc = step.rule, self.document
            submit_decisions(doc, lambda: _tr("Switch rule {rule} off").format(
                rule=rule_name(rule, doc.knowledge)), lambda d: disable_rule(d, rule))

    def switch_rule_on(self, rule: str) -> None:
        """Switch a rule on again."""
        doc = self.document
        submit_decisions(doc, lambda: _tr("Switch rule {rule} on").format(
            rule=rule_name(rule, doc.knowledge)), lambda d: enable_rule(d, rule))

    def exclude_selected_server(self) -> None:
        """Leave the selected step's server out of the plan."""
        server = self._estate_server(self.selected_step())
        if server:
            self.set_excluded(server, True)

    def set_excluded(self, server: str, excluded: bool) -> None:
        """Leave a server out of the plan, or plan it again."""
        if excluded == (server in self.document.decisions.excluded_servers):
            return
        submit_decisions(self.document, lambda: (
            _tr("Exclude {server}") if excluded else _tr("Plan {server} again")).format(
                server=server), lambda d: exclude_server(d, server, excluded))

    def change_path(self, server: str, path: str | None) -> None:
        """Force a server's migration path (None: as the rules propose)."""
        submit_decisions(self.document,
                         lambda: _tr("Change path of {server}").format(server=server),
                         lambda d: set_path(d, server, path))

    def rename_selected_new_server(self) -> None:
        """Ask for another name for the selected step's new server and apply it."""
        current = self._new_server(self.selected_step())
        if not current:
            return
        title = self.tr("Rename new server")
        wanted, ok = QInputDialog.getText(
            self, title, self.tr("New name for {server} (at most 15 characters):").format(
                server=current), text=current)
        if ok and wanted.strip():
            error = self.rename_new_server(current, wanted)
            if error:
                QMessageBox.warning(self, title, error)

    def rename_new_server(self, current: str, wanted: str) -> str:
        """Give the new server ``current`` the name ``wanted`` as one undoable edit; the
        reason in the interface language when the name cannot be used, else ""."""
        try:
            settings = rename_new_server(self.document.settings, self.document.estate,
                                         current, wanted)
        except SettingsError as exc:
            return texts().render(exc.problem) if exc.problem is not None else str(exc)
        name = wanted.strip()
        # the dates fixed on its steps follow it (step ids carry the server's name)
        submit(self.document, lambda: _tr("Rename {server} to {name}").format(
            server=current, name=name), settings=settings,
            decisions=carry_step_dates(self.document.decisions, current, name))
        return ""
