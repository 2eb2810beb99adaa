"""Settings dialog pages: enforcement (pauses, first detection, policy overrides) and
durations and throughput.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.errors import SettingsError
from planner.core.fact_words import knowledge_name
from planner.core.knowledge import Knowledge
from planner.core.model import Estate
from planner.core.settings import Settings
from planner.core.step_source import source_words
from planner.core.typed_values import parse_number
from planner.gui.dialogs.overrides_model import OverridesModel, fact_rows
from planner.gui.dialogs.settings_pages import EditableTable, to_date, to_qdate
from planner.gui.i18n import texts, ui_language

__all__ = ["DurationsPage", "EnforcementPage", "OverridesPage"]


class EnforcementPage(QWidget):
    """Pause days already used, which pauses to plan, and first detection per server."""

    def __init__(self, settings: Settings, estate: Estate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.used = EditableTable([self.tr("Year"), self.tr("Pause days used")],
                                  [settings.start.year, 0])
        for year, days in sorted(settings.pause_days_used.items()):
            self.used.add_row([year, days])
        self.pause_mode = QComboBox()
        self.pause_mode.addItem(self.tr("Plan pauses where they help"), "optimise")
        self.pause_mode.addItem(self.tr("No pause"), "none")
        self.pause_mode.addItem(self.tr("Only these pauses"), "fixed")
        self.fixed = EditableTable([self.tr("Start"), self.tr("Days")], [settings.start, 30])
        for start, days in settings.fixed_pauses or ():
            self.fixed.add_row([start, days])
        mode = "optimise" if settings.fixed_pauses is None else (
            "fixed" if settings.fixed_pauses else "none")
        self.pause_mode.setCurrentIndex(self.pause_mode.findData(mode))
        self.pause_mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()
        self.used.table.setMaximumHeight(110)
        self.fixed.table.setMaximumHeight(110)
        self.detected = self._detected_table(settings, estate)
        box = QVBoxLayout(self)
        pauses = QGroupBox(self.tr("Pauses"))
        form = QFormLayout(pauses)
        form.addRow(self.tr("Pause days already used"), self.used)
        form.addRow(self.tr("Pauses in this plan"), self.pause_mode)
        form.addRow("", self.fixed)
        box.addWidget(pauses)
        detected = QGroupBox(self.tr("First detected by Exchange Online (from "
                                     "Get-OnPremServerReportInfo), when known"))
        QVBoxLayout(detected).addWidget(self.detected)
        box.addWidget(detected, 1)

    def _mode_changed(self) -> None:
        self.fixed.setVisible(self.pause_mode.currentData() == "fixed")

    def _detected_table(self, settings: Settings, estate: Estate) -> QTableWidget:
        names = [s.name for s in estate.servers]
        names += [n for n in settings.first_detected if n not in names]
        table = QTableWidget(len(names), 2)
        table.setHorizontalHeaderLabels([self.tr("Server"), self.tr("First detected")])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setTabKeyNavigation(False)
        for row, name in enumerate(names):
            check = QCheckBox(name)
            day = settings.first_detected.get(name)
            check.setChecked(day is not None)
            edit = QDateEdit(to_qdate(day or settings.start))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(day is not None)
            check.toggled.connect(edit.setEnabled)
            table.setCellWidget(row, 0, check)
            table.setCellWidget(row, 1, edit)
        return table

    def apply_to(self, settings: Settings) -> Settings:
        """The settings with these enforcement facts."""
        used = {int(y): int(d) for y, d in self.used.rows() if int(d or 0) > 0}
        mode = self.pause_mode.currentData()
        fixed: tuple[tuple[Any, int], ...] | None = None
        if mode == "none":
            fixed = ()
        elif mode == "fixed":
            fixed = tuple(sorted((start, int(days)) for start, days in self.fixed.rows()
                                 if int(days or 0) > 0))
        detected = {}
        for row in range(self.detected.rowCount()):
            check = self.detected.cellWidget(row, 0)
            edit = self.detected.cellWidget(row, 1)
            if isinstance(check, QCheckBox) and check.isChecked() and \
                    isinstance(edit, QDateEdit):
                detected[check.text()] = to_date(edit.date())
        return replace(settings, pause_days_used=used, fixed_pauses=fixed,
                       first_detected=detected)


class OverridesPage(QWidget):
    """Every fact of the knowledge base with its source, beside the project's override."""

    def __init__(self, settings: Settings, base: Knowledge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overrides = OverridesModel(fact_rows(base), dict(settings.policy_overrides), self)
        hint = QLabel(self.tr("Type a value in the last column to override the knowledge "
                              "base for this project; empty = the knowledge base's value. "
                              "Dates as YYYY-MM-DD."))
        hint.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by key, e.g. policy or baseline"))
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.overrides)
        proxy.setFilterKeyColumn(0)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(proxy.setFilterFixedString)
        self.overrides_view = QTableView()
        self.overrides_view.setModel(proxy)
        self.overrides_view.setTabKeyNavigation(False)
        self.overrides_view.setWordWrap(False)
        self.overrides_view.verticalHeader().setVisible(False)
        # The source is long and may be cut (its tooltip has it all); the project's value,
        # the one column the consultant edits, must always be in view.
        header = self.overrides_view.horizontalHeader()
        for column, width in enumerate((230, 130, 0, 85, 150)):
            if width:
                self.overrides_view.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        box = QVBoxLayout(self)
        box.addWidget(hint)
        box.addWidget(self.filter)
        box.addWidget(self.overrides_view, 1)

    def apply_to(self, settings: Settings) -> Settings:
        """The settings with these overrides."""
        return replace(settings, policy_overrides=self.overrides.overrides())


class DurationsPage(QWidget):
    """Days per step kind (the knowledge base's default beside) and mailbox-move throughput."""

    def __init__(self, settings: Settings, base: Knowledge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        kinds = sorted(base.durations)
        words = texts()
        self.table = QTableWidget(len(kinds), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Step kind"), self.tr("Default"),
                                              self.tr("Source"), self.tr("Your value")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        for row, kind in enumerate(kinds):
            fact = base.durations[kind]
            # the kind's name for people, the value as the interface language writes numbers
            shown = (knowledge_name(words, kind), words.number(fact.value, 3),
                     source_words(words, fact.source))
            for column, text in enumerate(shown):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(fact.remark(ui_language()))
                item.setData(Qt.ItemDataRole.UserRole, kind)  # the step kind behind the name
                self.table.setItem(row, column, item)
            own = settings.durations.get(kind)
            self.table.setItem(row, 3, QTableWidgetItem("" if own is None else f"{own:g}"))
        self.table.resizeColumnsToContents()
        self.throughput = QDoubleSpinBox()
        self.throughput.setRange(0, 10000)
        self.throughput.setSuffix(" GB/day")
        self.throughput.setSpecialValueText(self.tr("knowledge base default"))
        self.throughput.setValue(settings.throughput_gb_per_day or 0)
        form = QFormLayout()
        form.addRow(self.tr("Mailbox move throughput"), self.throughput)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Working days per step (empty = the default):")))
        box.addWidget(self.table, 1)
        box.addLayout(form)

    def apply_to(self, settings: Settings) -> Settings:
        """The settings with these durations and throughput."""
        durations: dict[str, float] = {}
        for row in range(self.table.rowCount()):
            kind_item = self.table.item(row, 0)
            kind = str(kind_item.data(Qt.ItemDataRole.UserRole)) if kind_item else ""
            name = kind_item.text() if kind_item else kind
            item = self.table.item(row, 3)
            text = (item.text() if item else "").strip()
            if not text:
                continue
            try:  # as every table of the planner reads a number (1,5; 1.234,5)
                value = parse_number(text, texts().decimal_symbol() == ",")
            except ValueError as exc:
                raise SettingsError(self.tr("Duration of {kind} is not a number: {text}")
                                    .format(kind=name, text=text)) from exc
            if value <= 0:
                raise SettingsError(self.tr("Duration of {kind} must be positive.").format(
                    kind=name))
            durations[kind] = value
        throughput = self.throughput.value() or None
        return replace(settings, durations=durations, throughput_gb_per_day=throughput)
