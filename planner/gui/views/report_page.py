"""The Report page: the printed report's HTML in a text browser, refreshed after each re-plan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from planner.gui.document import Document

__all__ = ["ReportView"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportView", text)


class ReportView(QWidget):
    """Shows ``render_report_html`` for the current plan, in the project's report language."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)  # the program never goes online
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._dirty = True
        document.planChanged.connect(self._invalidate)
        self.refresh()

    def _invalidate(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        """Render lazily: the report is only built when the page is looked at."""
        if self._dirty:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        """Render the report for the current plan."""
        self._dirty = False
        plan = self.document.plan
        if plan is None:
            self.browser.setHtml(f"<p>{_tr('No plan yet: import an inventory first.')}</p>")
            return
        try:
            from planner.core.report.html import render_report_html

            html = render_report_html(plan, self.document.knowledge, plan.settings.language)
        except Exception as exc:  # a report bug must not take the workbench down
            html = f"<p>{_tr('The report cannot be shown:')} {type(exc).__name__}: {exc}</p>"
        self.browser.setHtml(html)
