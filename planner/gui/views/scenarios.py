"""Scenarios: named variants of the plan, compared side by side, one chosen for export.

The current plan is the working copy. "Duplicate" saves it (settings, decisions and plan) as a
named scenario; after changing the current plan (say: no pause, or a 2019 server side by
side) the table compares the two. "Switch to" loads a scenario's settings and decisions into
the current plan, "Save current into" updates a scenario, and "Use for export" makes the
exports and the report use that scenario. Every change is undoable.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.booked_time import consultant_days
from planner.core.edits.scenarios import (
    add_scenario,
    choose_for_export,
    delete_scenario,
    free_name,
    rename_scenario,
    scenario_plan,
    switch_to_scenario,
    update_scenario,
)
from planner.core.plan import Plan
from planner.core.project import Project, Scenario, plan_is_current
from planner.gui.edit import Edit
from planner.gui.formats import format_date, format_number

__all__ = ["CompareModel", "ScenariosView", "scenario_plan"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScenariosView", text)


_Index = QModelIndex | QPersistentModelIndex


class CompareModel(QAbstractTableModel):
    """Figures as rows, the current plan and each scenario as columns."""

    ROWS = (
        QT_TRANSLATE_NOOP("CompareModel", "Finish"),
        QT_TRANSLATE_NOOP("CompareModel", "Blocked days"),
        QT_TRANSLATE_NOOP("CompareModel", "Throttled days"),
        QT_TRANSLATE_NOOP("CompareModel", "Pause days"),
        QT_TRANSLATE_NOOP("CompareModel", "Consultant days"),
        QT_TRANSLATE_NOOP("CompareModel", "Steps"),
        QT_TRANSLATE_NOOP("CompareModel", "Status"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: list[tuple[str, Plan | None, bool]] = []  # name, plan, for export

    def set_columns(self, columns: list[tuple[str, Plan | None, bool]]) -> None:
        """Show these plans side by side."""
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: one row per figure."""
        return 0 if parent.isValid() else len(self.ROWS)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: one column per plan."""
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: plan names across, figure names down; the export choice marked."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.tr(str(self.ROWS[section])) if 0 <= section < len(self.ROWS) else None
        if 0 <= section < len(self._columns):
            name, _plan, chosen = self._columns[section]
            return f"{name} ★" if chosen else name
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: the figure of one plan."""
        if not index.isValid() or not 0 <= index.column() < len(self._columns):
            return None
        _name, plan, chosen = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._figure(plan, index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and chosen:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _figure(self, plan: Plan | None, row: int) -> str:
        if plan is None:
            return self.tr("planning…")
        obj = plan.schedule.objective
        values = (
            format_date(obj.finish) if obj.finish else "–",
            str(obj.blocked_days), str(obj.throttled_days), str(obj.pause_days),
            format_number(consultant_days(plan), 1), str(len(plan.proposal.steps)),
            self._status(obj.status),
        )
        return values[row] if 0 <= row < len(values) else ""


    def _status(self, status: str) -> str:
        return {"optimal": self.tr("proven optimal"), "feasible": self.tr("good, not proven"),
                "infeasible": self.tr("infeasible"),
                "unscheduled": self.tr("not scheduled")}.get(status, status)


class ScenariosView(QWidget):
    """The scenario list with its buttons, and the comparison table."""

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._plans: dict[str, Plan] = {}  # scenario name -> plan made here for the compare
        self._pending: set[str] = set()
        self._refreshing = False
        self.list = QListWidget()
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.model = CompareModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, slot in (
            ("duplicate", self.tr("Duplicate current…"), self.duplicate_current),
            ("switch", self.tr("Switch to"), self.switch_to_selected),
            ("update", self.tr("Save current into"), self.save_current_into_selected),
            ("export", self.tr("Use for export"), self.use_selected_for_export),
            ("rename", self.tr("Rename…"), self.rename_selected),
            ("delete", self.tr("Delete"), self.delete_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            column.addWidget(button)
        column.addStretch(1)
        self.hint = QLabel(self.tr(
            "No scenarios yet. “Duplicate current…” keeps the current plan under a name; then "
            "change the settings or decisions, and the table compares the two."))
        self.hint.setWordWrap(True)
        listing = QVBoxLayout()
        listing.addWidget(self.list, 1)
        listing.addWidget(self.hint)
        left = QWidget()
        row = QHBoxLayout(left)
        row.addLayout(listing, 1)
        row.addLayout(column)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.table)
        split.setStretchFactor(1, 2)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # it names steps/what was typed
        box = QVBoxLayout(self)
        box.addWidget(split, 1)
        box.addWidget(self.note)
        document.scenariosChanged.connect(self.refresh)
        document.planChanged.connect(self.refresh)
        self.refresh()

    # --- display -------------------------------------------------------------------------

    def selected_name(self) -> str:
        """The name of the selected scenario ("" when none)."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def select(self, name: str) -> None:
        """Select a scenario by name."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(row)

    def refresh(self) -> None:
        """Rebuild the list and the comparison from the project."""
        self._refreshing = True
        try:
            self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self) -> None:
        project: Project = self.document.project
        current = self.selected_name()
        self.list.clear()
        for scenario in project.scenarios:
            item = QListWidgetItem(scenario.name)
            item.setData(Qt.ItemDataRole.UserRole, scenario.name)
            if scenario.name == project.active_scenario:
                item.setText(self.tr("{name} (for export)").format(name=scenario.name))
            self.list.addItem(item)
        self.select(current)
        self.hint.setVisible(not project.scenarios)
        plan = self.document.plan if self.document.plan_is_current else None
        columns: list[tuple[str, Plan | None, bool]] = [
            (self.tr("Current plan"), plan, not project.active_scenario)]
        for scenario in project.scenarios:
            columns.append((scenario.name, self._plan_of(project, scenario),
                            scenario.name == project.active_scenario))
        self.model.set_columns(columns)
        self.note.setText(self.tr(
            "Exports and printing use: {name}").format(
                name=project.active_scenario or self.tr("the current plan")))
        self._update_buttons()

    def _cached(self, project: Project, scenario: Scenario) -> Plan | None:
        cached = self._plans.get(scenario.name)
        fits = plan_is_current(cached, project.estate, scenario.settings, scenario.decisions)
        return cached if fits else None

    def _plan_of(self, project: Project, scenario: Scenario) -> Plan | None:
        known = scenario_plan(project, scenario) or self._cached(project, scenario)
        if known is not None:
            return known
        if scenario.name not in self._pending and project.estate.servers:
            self._pending.add(scenario.name)

            def landed(plan: Plan, name: str = scenario.name) -> None:
                self._pending.discard(name)
                self._plans[name] = plan
                if not self._refreshing:  # a synchronous runner lands inside refresh()
                    self.refresh()

            self.document.make_plan_for(scenario.settings, scenario.decisions, landed,
                                        lambda *_: self._pending.discard(scenario.name))
        return self._cached(project, scenario)

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_name())
        for key in ("switch", "update", "export", "rename", "delete"):
            self.buttons[key].setEnabled(chosen)

    # --- edits ---------------------------------------------------------------------------

    def _edit(self, text: Any, change: Any) -> None:
        self.document.apply(Edit(text, change))

    def _current_plan(self) -> Plan | None:
        return self.document.plan if self.document.plan_is_current else None

    def duplicate_current(self, name: str | None = None) -> None:
        """Save the current plan as a new named scenario."""
        if not isinstance(name, str):
            name, ok = QInputDialog.getText(self, self.tr("Duplicate current plan"),
                                            self.tr("Name of the scenario:"))
            if not ok:
                return
        name = free_name(self.document.project, name)
        if not name:
            return
        plan = self._current_plan()
        self._edit(lambda: _tr("Add scenario {name}").format(name=name),
                   lambda p: add_scenario(p, name, plan))
        self.select(name)

    def switch_to_selected(self) -> None:
        """Load the selected scenario's settings and decisions into the current plan."""
        name = self.selected_name()
        if not any(s.name == name for s in self.document.project.scenarios):
            return
        made = self._plans.get(name)  # a plan made for the comparison, when it has none
        self._edit(lambda: _tr("Switch to scenario {name}").format(name=name),
                   lambda p: switch_to_scenario(p, name, made))

    def save_current_into_selected(self) -> None:
        """Overwrite the selected scenario with the current settings, decisions and plan."""
        name, plan = self.selected_name(), self._current_plan()
        self._edit(lambda: _tr("Update scenario {name}").format(name=name),
                   lambda p: update_scenario(p, name, plan))

    def rename_selected(self, new_name: str | None = None) -> None:
        """Give the selected scenario another name."""
        old = self.selected_name()
        if not isinstance(new_name, str):
            new_name, ok = QInputDialog.getText(self, self.tr("Rename scenario"),
                                                self.tr("New name:"), text=old)
            if not ok:
                return
        new_name = free_name(self.document.project, new_name)
        if not new_name:
            return
        self._edit(lambda: _tr("Rename scenario {name}").format(name=old),
                   lambda p: rename_scenario(p, old, new_name))
        self.select(new_name)

    def delete_selected(self) -> None:
        """Remove the selected scenario (undoable)."""
        name = self.selected_name()
        self._edit(lambda: _tr("Delete scenario {name}").format(name=name),
                   lambda p: delete_scenario(p, name))

    def use_selected_for_export(self) -> None:
        """Make exports and the report use the selected scenario (again: the current plan)."""
        name = self.selected_name()
        self._edit(lambda: _tr("Choose scenario for export"),
                   lambda p: choose_for_export(p, name))
