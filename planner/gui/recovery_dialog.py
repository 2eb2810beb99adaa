"""At start: every project a crashed window left behind, to restore or discard one by one.

Nothing is deleted until the user chose "Discard" for it (or restored it and its new window
wrote its own recovery file); "Decide later" keeps everything for the next start. Recovery
files that cannot be read are moved aside (kept) and named in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.recovery import Recovery, Scan, discard, find_recoveries, set_aside
from planner.gui.formats import format_datetime
from planner.gui.i18n import texts

__all__ = ["RecoveryDialog", "offer_recoveries"]

Restore = Callable[[Recovery], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


class RecoveryDialog(QDialog):
    """A table of recoverable projects with Restore, Discard and Decide later."""

    def __init__(self, scan: Scan, restore: Restore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Recover unsaved work"))
        self.pending = list(scan.recoveries)
        self._restore = restore
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("The planner did not close properly. These projects had unsaved "
                           "changes. Restore or discard each; what you do not decide now is "
                           "offered again at the next start."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_tr("Customer"), _tr("Project file"),
                                              _tr("Last autosave")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        if scan.unreadable:
            layout.addWidget(self._unreadable_label(scan))
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(_tr("&Restore"))
        self.discard_button = QPushButton(_tr("&Discard"))
        self.later_button = QPushButton(_tr("Decide &later"))
        for button in (self.restore_button, self.discard_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._fill()
        self.resize(720, 320)

    def _unreadable_label(self, scan: Scan) -> QLabel:
        # each reason names its file already ("recovery-….seplan: …")
        names = "\n".join(f"• {texts().render(why)}" for _path, why in scan.unreadable)
        intro = self.tr("%n autosaved file(s) could not be read. They were kept in the folder "
                        "“unreadable” next to the recovery files:", "", len(scan.unreadable))
        label = QLabel(intro + "\n" + names)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def _fill(self) -> None:
        self.table.setRowCount(len(self.pending))
        for row, item in enumerate(self.pending):
            file_name = Path(item.original).name if item.original else _tr("(never saved)")
            when = format_datetime(item.saved_at) if item.saved_at else "–"
            for column, text in enumerate((item.customer or "–", file_name, when)):
                cell = QTableWidgetItem(text)
                if column == 1 and item.original:
                    cell.setToolTip(item.original)
                self.table.setItem(row, column, cell)
        if self.pending:
            self.table.selectRow(0)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        for button in (self.restore_button, self.discard_button):
            button.setEnabled(bool(self.pending))

    def _take_selected(self) -> list[Recovery]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        chosen = [self.pending[r] for r in rows]
        self.pending = [r for r in self.pending if r not in chosen]
        return chosen

    def restore_selected(self) -> None:
        """Open the selected projects (each in its own window after the first)."""
        for item in self._take_selected():
            self._restore(item)
        self._after_decision()

    def discard_selected(self) -> None:
        """Delete the selected recovery files, after one confirmation."""
        chosen = self._take_selected()
        if not chosen:
            return
        question = self.tr("Delete the autosaved changes of %n project(s)? This cannot be "
                           "undone.", "", len(chosen))
        answer = QMessageBox.question(
            self, _tr("Discard"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.pending = chosen + self.pending
            self._fill()
            return
        for item in chosen:
            discard(item)
        self._after_decision()

    def _after_decision(self) -> None:
        if self.pending:
            self._fill()
        else:
            self.accept()

    def done(self, result: int) -> None:
        """Close; every undecided file stays for the next start."""
        for item in self.pending:
            item.release()
        super().done(result)


def offer_recoveries(parent: QWidget | None, folder: Path, restore: Restore) -> int:
    """Offer what crashed windows left in ``folder``; returns how many were restored."""
    found = find_recoveries(folder)
    moved = Scan(found.recoveries, tuple((set_aside(p), why) for p, why in found.unreadable))
    if not moved.recoveries and not moved.unreadable:
        return 0
    restored = 0

    def counting(item: Recovery) -> None:
        nonlocal restored
        restore(item)
        restored += 1

    RecoveryDialog(moved, counting, parent).exec()
    return restored
