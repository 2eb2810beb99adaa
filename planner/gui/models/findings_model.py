"""A table model over the document's findings (import and plan); it owns no data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from planner.core.catalogue import catalogue
from planner.core.model import Finding, Severity
from planner.core.outline import finding_area, finding_source
from planner.gui.document import Document
from planner.gui.models.row_order import SortedTableModel
from planner.gui.names import target_name
from planner.gui.rich_text import literal

__all__ = ["COLUMNS", "FINDING_ROLE", "SEVERITY_ORDER", "FindingsModel", "severity_label"]

FINDING_ROLE = int(Qt.ItemDataRole.UserRole) + 2
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
# "area" is the part of the planner a finding comes from; its code is a support reference
# in the area's tooltip, never a column of its own
COLUMNS = ("severity", "area", "message", "where", "target")
_Index = QModelIndex | QPersistentModelIndex


def severity_icon(severity: Severity) -> QIcon:
    """The standard message-box icon for a severity."""
    pixmap = {
        Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    }[severity]
    return QApplication.style().standardIcon(pixmap)


def severity_label(severity: Severity) -> str:
    """The severity in the UI language (Error, Warning, Info)."""
    return {Severity.ERROR: QCoreApplication.translate("FindingsModel", "Error"),
            Severity.WARNING: QCoreApplication.translate("FindingsModel", "Warning"),
            Severity.INFO: QCoreApplication.translate("FindingsModel", "Info")}[severity]


class FindingsModel(SortedTableModel):
    """One row per finding, in the UI language."""

    def __init__(self, document: Document, lang: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.lang = lang
        self._icons = {s: severity_icon(s) for s in Severity}
        self._rows: tuple[Finding, ...] | None = None
        document.estateChanged.connect(self._reset)
        document.planChanged.connect(self._plan_changed)

    def _plan_changed(self) -> None:
        # A re-plan usually finds what the last one found: then the rows stay as they are
        # (a reset re-sorted and re-measured 20,000 rows on the GUI thread after every plan).
        if self._rows is None or self.document.findings != self._rows:
            self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._rows = None
        self.forget_order()
        self.endResetModel()

    def item_count(self) -> int:
        """Number of findings (sorted or not)."""
        return len(self.findings())

    def item_sort_value(self, item: int, column: int) -> Any:
        """Severity by its order (errors first); the other columns as shown."""
        finding = self.findings()[item]
        if COLUMNS[column] == "severity":
            return SEVERITY_ORDER[finding.severity]
        return self._text(finding, COLUMNS[column])

    def item_text(self, item: int) -> str:
        """Every shown cell of a finding, for the filter box."""
        finding = self.findings()[item]
        return "\t".join(self._text(finding, column) for column in COLUMNS)

    def finding_at(self, row: int) -> Finding:
        """The finding shown in a row."""
        return self.findings()[self.item_row(row)]

    def findings(self) -> tuple[Finding, ...]:
        """The findings shown, read from the document once per reset: the document builds
        the list afresh on each call, and a view asks per cell (20,000 findings took 9 s)."""
        if self._rows is None:
            self._rows = self.document.findings
        return self._rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of findings."""
        return 0 if parent.isValid() else len(self.findings())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Severity, area, message, where, target."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        area = catalogue(self.lang)("vocabulary.finding_area.title")
        titles = (self.tr("Severity"), area, self.tr("Message"), self.tr("Where"),
                  self.tr("Concerns"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, severity icon, sort key and the finding itself (FINDING_ROLE)."""
        findings = self.findings()
        if not index.isValid() or not 0 <= index.row() < len(findings):
            return None
        finding = findings[self.item_row(index.row())]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(finding, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "severity":
            return self._icons[finding.severity]
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return literal(finding.message(self.lang))
        if role == Qt.ItemDataRole.ToolTipRole and column in ("where", "target"):
            return literal(self._text(finding, column)) or None  # a narrowed column's whole
        if role == Qt.ItemDataRole.ToolTipRole and column == "area":
            return literal(catalogue(self.lang)("vocabulary.finding_area.reference",
                                                code=finding.code))
        if role == int(Qt.ItemDataRole.UserRole) + 1:  # sort key
            if column == "severity":
                return SEVERITY_ORDER[finding.severity]
            return self._text(finding, column).lower()
        if role == FINDING_ROLE:
            return finding
        return None

    def _text(self, finding: Finding, column: str) -> str:
        if column == "severity":
            return severity_label(finding.severity)
        if column == "message":
            return finding.message(self.lang)
        if column == "where":  # the input cell or the transport logs it comes from
            return finding_source(finding, self.lang)
        if column == "area":
            return finding_area(finding, self.lang)
        return target_name(finding.target, self.lang) if finding.target else ""
