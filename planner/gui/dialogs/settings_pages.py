"""Settings dialog pages: the project, the calendar (freezes, maintenance days), consultants.

Each page is built from a :class:`~planner.core.settings.Settings` and gives back a changed
copy with ``apply_to(settings)``; it raises ``SettingsError`` with a readable message when the
input cannot be used.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.errors import SettingsError
from planner.core.settings import (
    DEFAULT_NEW_SERVER_PATTERN,
    Consultant,
    Freeze,
    Settings,
    check_new_server_pattern,
)
from planner.core.settings_values import LONGEST_SPAN_DAYS
from planner.gui.dialogs.region_picker import RegionPicker
from planner.gui.formats import format_date
from planner.gui.i18n import language_names, texts

__all__ = [
    "CalendarPage",
    "ConsultantsPage",
    "EditableTable",
    "ProjectPage",
    "format_ranges",
    "parse_ranges",
    "to_date",
    "to_qdate",
]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_RANGE = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})")


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def to_date(value: Any) -> date:
    """A QDate (or date) as a Python date."""
    if isinstance(value, date):
        return value
    return date(value.year(), value.month(), value.day())


def _parse_day(text: str) -> date:
    if "-" in text:
        return date.fromisoformat(text)
    d, m, y = (int(p) for p in text.split("."))
    return date(y, m, d)


class RangeBackwards(ValueError):
    """A range that ends before it starts."""


class RangeTooLong(ValueError):
    """A range longer than :data:`LONGEST_SPAN_DAYS`: no absence or freeze lasts a year."""


def parse_ranges(text: str) -> tuple[tuple[date, date], ...]:
    """Day ranges from text like "2026-04-01..2026-04-10; 24.12.2026" (a single day allowed)."""
    ranges: list[tuple[date, date]] = []
    for part in re.split(r"[;,\n]", text):
        if not part.strip():
            continue
        days = [_parse_day(m) for m in _RANGE.findall(part)]
        if not days or len(days) > 2:
            raise ValueError(part.strip())
        first, last = days[0], days[-1]
        if last < first:
            raise RangeBackwards(part.strip())
        if (last - first).days + 1 > LONGEST_SPAN_DAYS:  # a typo in a year planned to 2099
            raise RangeTooLong(part.strip())
        ranges.append((first, last))
    return tuple(ranges)


def format_ranges(ranges: tuple[tuple[date, date], ...]) -> str:
    """Day ranges as text that :func:`parse_ranges` reads back."""
    return "; ".join(a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"
                     for a, b in ranges)


class _DateCells(QStyledItemDelegate):
    """Date cells in the interface language's format, as every other page shows dates (the
    system locale had shown a freeze as "21 12 2026" in a German interface)."""

    def displayText(self, value: Any, locale: Any) -> str:
        """The date as the interface language writes it; other values as Qt shows them."""
        if isinstance(value, QDate):
            return format_date(to_date(value))
        return super().displayText(value, locale)


class EditableTable(QWidget):
    """A table with Add and Remove buttons; cells hold QDate, int or text (Qt picks editors)."""

    def __init__(self, headers: list[str], defaults: list[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.defaults = defaults
        self.table = QTableWidget(0, len(headers))
        self.table.setItemDelegate(_DateCells(self.table))
        self.table.setTabKeyNavigation(False)  # Tab moves on to Add/Remove, not to a cell
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(lambda: self.add_row(list(self.defaults)))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table)
        box.addLayout(buttons)

    def add_row(self, values: list[Any]) -> None:
        """Append a row; dates become QDate cells so the editor is a date picker."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem()
            item.setData(Qt.ItemDataRole.EditRole,
                         to_qdate(value) if isinstance(value, date) else value)
            self.table.setItem(row, column, item)

    def remove_selected(self) -> None:
        """Remove the selected rows."""
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def rows(self) -> list[list[Any]]:
        """Every row's cell values (QDate cells as Python dates)."""
        result = []
        for row in range(self.table.rowCount()):
            values = []
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                value = item.data(Qt.ItemDataRole.EditRole) if item else None
                values.append(to_date(value) if isinstance(value, QDate) else value)
            result.append(values)
        return result


class ProjectPage(QWidget):
    """Customer, start, country and state, languages and report details."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer = QLineEdit(settings.customer)
        self.start = QDateEdit(to_qdate(settings.start))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.region = RegionPicker(settings.country, settings.subdivision)
        self.language = QComboBox()
        for code, name in language_names().items():  # every language with catalogues
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.company = QLineEdit(settings.company)
        self.consultant_name = QLineEdit(settings.consultant_name)
        self.plan_version = QLineEdit(settings.plan_version)
        self.paper = QComboBox()
        self.paper.addItem("A4", "A4")
        self.paper.addItem(self.tr("Letter"), "Letter")  # US Letter: a word, translated
        self.paper.setCurrentIndex(max(self.paper.findData(settings.paper), 0))
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setRange(1, 600)
        self.time_limit.setSuffix(" s")
        self.time_limit.setValue(settings.solver_time_limit_s)
        # the default is shown, not filled in: an empty field keeps the old names + "-SE"
        self.new_server_pattern = QLineEdit(
            "" if settings.new_server_pattern == DEFAULT_NEW_SERVER_PATTERN
            else settings.new_server_pattern)
        self.new_server_pattern.setPlaceholderText(DEFAULT_NEW_SERVER_PATTERN)
        self.new_server_pattern.setToolTip(self.tr(
            "Names of the new SE servers. {old}: the server replaced, {site}: its site, "
            "{n}: number per site ({n:02} gives 01), {i}: number among one server's "
            "replacements. Empty: {default} (the old name with -SE).").replace(
                "{default}", DEFAULT_NEW_SERVER_PATTERN))
        form = QFormLayout(self)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Project start"), self.start)
        country_box, state_box, note = self.region.fields()
        form.addRow(self.tr("&Country (public holidays)"), country_box)
        form.addRow(self.tr("&State"), state_box)
        form.addRow("", note)
        form.addRow(self.tr("Language of report and exports"), self.language)
        form.addRow(self.tr("Your company"), self.company)
        form.addRow(self.tr("Consultant"), self.consultant_name)
        form.addRow(self.tr("Plan version"), self.plan_version)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Solver time limit"), self.time_limit)
        form.addRow(self.tr("Names of new servers"), self.new_server_pattern)

    def apply_to(self, settings: Settings) -> Settings:
        """The settings with this page's values."""
        country, subdivision = self.region.country(), self.region.subdivision()
        if country is None or subdivision is None:
            raise SettingsError(self.region.problem())
        pattern = self.new_server_pattern.text().strip() or DEFAULT_NEW_SERVER_PATTERN
        try:
            check_new_server_pattern(pattern)
        except ValueError as exc:
            raise SettingsError(self.tr(
                "The names of new servers may use {old}, {site}, {n} and {i}, not: ")
                + pattern) from exc
        return replace(
            settings, customer=self.customer.text().strip(), start=to_date(self.start.date()),
            country=country, subdivision=subdivision,
            language=self.language.currentData(), company=self.company.text().strip(),
            consultant_name=self.consultant_name.text().strip(),
            plan_version=self.plan_version.text().strip(), paper=str(self.paper.currentData()),
            solver_time_limit_s=self.time_limit.value(), new_server_pattern=pattern)


class CalendarPage(QWidget):
    """Freeze periods and the weekdays that are maintenance windows."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.freezes = EditableTable([self.tr("From"), self.tr("To"), self.tr("Name")],
                                     [settings.start, settings.start, ""])
        for f in settings.freezes:
            self.freezes.add_row([f.start, f.end, f.name])
        self.window_days: dict[str, QCheckBox] = {}
        days = QHBoxLayout()
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                 self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))
        chosen = {d.strip().lower()[:3] for d in settings.maintenance_days}
        for key, text in zip(WEEKDAYS, names, strict=True):
            check = QCheckBox(text)
            check.setChecked(key.lower() in chosen)
            self.window_days[key] = check
            days.addWidget(check)
        days.addStretch(1)
        # [windows] complete_moves: each move batch syncs on its own and completes
        # (-CompleteAfter) on a window day; the texts come from the plan catalogue
        words = texts()
        self.complete_moves = QCheckBox(words("gui.settings.complete_moves"))
        self.complete_moves.setToolTip(words("gui.settings.complete_moves_tip"))
        self.complete_moves.setChecked(settings.complete_moves_in_window)
        # [calendar] working_holidays: public holidays the customer works, names or dates
        self.working_holidays = QLineEdit("; ".join(settings.working_holidays))
        self.working_holidays.setPlaceholderText(words("gui.settings.working_holidays_hint"))
        self.working_holidays.setToolTip(words("gui.settings.working_holidays_tip"))
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Change freezes (no step runs on these days):")))
        box.addWidget(self.freezes, 1)
        box.addWidget(QLabel(self.tr("Maintenance windows (steps that need downtime run "
                                     "only on these weekdays):")))
        box.addLayout(days)
        box.addWidget(self.complete_moves)
        box.addWidget(QLabel(words("gui.settings.working_holidays")))
        box.addWidget(self.working_holidays)

    def apply_to(self, settings: Settings) -> Settings:
        """The settings with these freezes and maintenance days."""
        freezes = []
        for start, end, name in self.freezes.rows():
            if end < start:
                raise SettingsError(self.tr("A freeze ends before it starts: {name}").format(
                    name=name or start.isoformat()))
            freezes.append(Freeze(start, end, str(name or "")))
        days = tuple(k for k, box in self.window_days.items() if box.isChecked())
        worked = tuple(dict.fromkeys(
            part.strip() for part in self.working_holidays.text().split(";") if part.strip()))
        return replace(settings, freezes=tuple(sorted(freezes, key=lambda f: f.start)),
                       maintenance_days=days, working_holidays=worked,
                       complete_moves_in_window=self.complete_moves.isChecked())


class ConsultantsPage(QWidget):
    """Who does the work, how many days a week, and when they are away."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.consultants = EditableTable(
            [self.tr("Name"), self.tr("Days per week"), self.tr("Absences")],
            [self.tr("Consultant"), 5, ""])
        self.consultants.table.setToolTip(self.tr(
            "Absences: ranges like 2026-04-01..2026-04-10 or 24.12.2026, separated by ';'"))
        for c in settings.consultants:
            self.consultants.add_row([c.name, c.days_per_week, format_ranges(c.absent)])
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Absences: ranges like 2026-04-01..2026-04-10, "
                                     "separated by ';'.")))
        box.addWidget(self.consultants)

    def apply_to(self, settings: Settings) -> Settings:
        """The settings with these consultants (at least one)."""
        people = []
        for name, days, absences in self.consultants.rows():
            if not str(name or "").strip():
                continue
            try:
                absent = parse_ranges(str(absences or ""))
            except RangeTooLong as exc:
                raise SettingsError(self.tr(
                    "An absence of {name} lasts more than {days} days: {text}").format(
                    name=name, days=LONGEST_SPAN_DAYS, text=str(exc))) from exc
            except RangeBackwards as exc:
                raise SettingsError(self.tr(
                    "An absence of {name} ends before it starts: {text}").format(
                    name=name, text=str(exc))) from exc
            except ValueError as exc:
                raise SettingsError(self.tr("Absence of {name} not understood: {text}").format(
                    name=name, text=str(exc))) from exc
            people.append(Consultant(str(name).strip(), max(1, min(5, int(days or 5))), absent))
        if not people:
            raise SettingsError(self.tr("At least one consultant is needed."))
        return replace(settings, consultants=tuple(people))
