"""The dialog that shows a bug: what happened, the traceback under Details, Copy details.

Its own module, loaded with the first bug: a QMessageBox subclass made at import would load
the message box class (and its enums) before the empty window's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

__all__ = ["BugDialog"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("BugDialog", text)


class BugDialog(QMessageBox):
    """A bug in the planner: what happened, the traceback under Details, and Copy details."""

    def __init__(self, parent: QWidget | None, summary: str, details: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(_tr("Something went wrong"))
        self.setText(_tr("The planner ran into a bug. Your work is kept; the details "
                         "are in the log file."))
        self.setInformativeText(summary)
        self.setDetailedText(details)
        self.copy_button = QPushButton(_tr("&Copy details"))
        self.addButton(self.copy_button, QMessageBox.ButtonRole.ActionRole)
        self.copy_button.clicked.disconnect()  # copying must not close the dialog
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(QMessageBox.StandardButton.Close)
        self.details = f"{summary}\n\n{details}"

    def copy_details(self) -> None:
        """Put the summary and the traceback on the clipboard."""
        QApplication.clipboard().setText(self.details)
