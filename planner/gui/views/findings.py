"""The Findings page: severity icons, filters, and double-click to jump to the offending row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.model import Finding, Severity
from planner.gui.document import Document
from planner.gui.i18n import texts, ui_language
from planner.gui.models.findings_model import FINDING_ROLE, SEVERITY_ORDER, FindingsModel
from planner.gui.models.row_order import RowFilter
from planner.gui.views.column_fit import ColumnFitter

__all__ = ["FindingsView", "target_of"]

_TARGET_ENTITIES = {
    "server": "servers", "site": "sites", "dag": "dags", "database": "databases",
    "connector": "connectors", "relay": "relay_clients", "relay_client": "relay_clients",
    "namespace": "namespaces", "exo": "exo_reports",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FindingsView", text)


def target_of(finding: Finding) -> tuple[str, str] | None:
    """The (estate entity, record name) a finding concerns, e.g. ("servers", "EX01")."""
    kind, _, name = finding.target.partition(":")
    entity = _TARGET_ENTITIES.get(kind.strip().lower())
    return (entity, name.strip()) if entity and name.strip() else None


class _SeverityFilter(RowFilter):
    """Text filter plus a minimum severity."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.worst_allowed = 2  # 0 = errors only, 1 = errors and warnings, 2 = all

    def filterAcceptsRow(self, row: int,
                         parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Hide findings below the chosen severity, then apply the text filter."""
        source = self.sourceModel()
        if isinstance(source, FindingsModel) and self.worst_allowed < 2 and \
                SEVERITY_ORDER[source.finding_at(row).severity] > self.worst_allowed:
            return False
        return super().filterAcceptsRow(row, parent)

    def set_worst_allowed(self, level: int) -> None:
        """Change the severity filter."""
        self._change_filter(lambda: setattr(self, "worst_allowed", level))


class FindingsView(QWidget):
    """The findings table; ``jumpRequested(entity, name)`` asks the window to show a record."""

    jumpRequested = Signal(str, str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = FindingsModel(document, ui_language(), self)
        self.proxy = _SeverityFilter(self)
        self.proxy.setSourceModel(self.model)  # the model sorts itself: see row_order
        self.severity = QComboBox()
        self.severity.addItems([_tr("Errors only"), _tr("Errors and warnings"),
                                _tr("All findings")])
        self.severity.setCurrentIndex(2)
        self.severity.currentIndexChanged.connect(self.proxy.set_worst_allowed)
        self.filter = QLineEdit(placeholderText=_tr("Filter…"), clearButtonEnabled=True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.summary = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # not after every change (see column_fit); a transport-log place is long: a quarter
        # of the view at the most, the message keeps the rest, the tooltip the whole
        self.fitter = ColumnFitter(self.table, widest=0.25)
        self.table.doubleClicked.connect(self._jump)
        bar = QHBoxLayout()
        bar.addWidget(self.severity)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.model.modelReset.connect(self._update_summary)
        self._update_summary()

    def _update_summary(self) -> None:
        findings = self.document.findings
        counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
        words = texts()
        self.summary.setText(", ".join((
            words.plural("gui.findings.errors", counts[Severity.ERROR]),
            words.plural("gui.findings.warnings", counts[Severity.WARNING]),
            words.plural("gui.findings.notes", counts[Severity.INFO]))))

    def _jump(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            target = target_of(finding)
            if target is not None:
                self.jumpRequested.emit(*target)
