"""The Report page: the printed report's HTML in a text browser, refreshed after each re-plan.

It shows the plan that export and print use: the scenario chosen for export, else the current
plan. A line above the report says which one it is and in which language it is written (the
report language is a project setting, independent of the user interface language).
"""

from __future__ import annotations

import traceback
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from planner.core.edits.scenarios import export_choice
from planner.core.errors import error_words
from planner.core.log_file import is_bug, log_bug
from planner.core.plan import Plan
from planner.core.project import plan_is_current
from planner.core.report.html import render_report_html
from planner.gui.document import Document
from planner.gui.i18n import language_names, ui_language
from planner.pipeline import knowledge_for

__all__ = ["ReportView"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportView", text)


class ReportView(QWidget):
    """Shows ``render_report_html`` for the plan export and print use, in the report language."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.banner = QLabel(self)
        self.banner.setObjectName("report-banner")
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(6, 4, 6, 4)
        self.banner.setStyleSheet("QLabel#report-banner { background: palette(alternate-base);"
                                  " border: 1px solid palette(mid); }")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)  # the program never goes online
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.browser, 1)
        self._dirty = True
        self._scenario_plans: dict[str, Plan] = {}
        self._pending: set[str] = set()
        self._refreshing = False
        for signal in (document.planChanged, document.scenariosChanged,
                       document.settingsChanged):
            signal.connect(self._invalidate)
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

    def shown_scenario(self) -> str:
        """The name of the scenario the report shows, or "" for the current plan."""
        project = self.document.project
        names = {s.name for s in project.scenarios}
        return project.active_scenario if project.active_scenario in names else ""

    def refresh(self) -> None:
        """Render the report of the plan that export and print use."""
        self._dirty = False
        name = self.shown_scenario()
        self._refreshing = True
        try:
            plan, knowledge = self._plan_to_show(name)
        finally:
            self._refreshing = False
        lang = plan.settings.language if plan is not None else self.document.settings.language
        self.banner.setText(self._banner_text(name, lang))
        if plan is None:
            text = (_tr("Planning the scenario…") if name
                    else _tr("No plan yet: import an inventory first."))
            self.browser.setHtml(f"<p>{escape(text)}</p>")
            return
        try:
            html = render_report_html(plan, knowledge, plan.settings.language)
        except Exception as exc:  # a report bug must not take the workbench down: logged
            if is_bug(exc):
                log_bug("the report preview failed", traceback.format_exc())
            html = (f"<p>{escape(_tr('The report cannot be shown:'))} "
                    f"{escape(error_words(exc, ui_language()))}</p>")
        self.browser.setHtml(html)

    def _banner_text(self, name: str, lang: str) -> str:
        language = language_names().get(lang, lang)
        if name:
            text = _tr("Report of the scenario “{name}”, which is chosen for export and print "
                       "(report language: {language}).")
            return text.format(name=escape(name), language=language)
        return _tr("Report of the current plan, as exported and printed "
                   "(report language: {language}).").format(language=language)

    def _plan_to_show(self, name: str) -> tuple[Plan | None, Any]:
        if not name:
            return self.document.plan, self.document.knowledge
        stored, settings, decisions = export_choice(self.document.project)
        if stored is None:
            stored = self._cached(name, settings, decisions)
        if stored is None:
            self._plan_scenario(name, settings, decisions)
            stored = self._cached(name, settings, decisions)  # a synchronous runner is done
        return (stored, knowledge_for(settings)) if stored is not None else (None, None)

    def _cached(self, name: str, settings: Any, decisions: Any) -> Plan | None:
        cached = self._scenario_plans.get(name)
        fits = plan_is_current(cached, self.document.estate, settings, decisions)
        return cached if fits else None

    def _plan_scenario(self, name: str, settings: Any, decisions: Any) -> None:
        if name in self._pending or not self.document.estate.servers:
            return
        self._pending.add(name)

        def landed(plan: Plan) -> None:
            self._pending.discard(name)
            self._scenario_plans[name] = plan
            self._dirty = True
            if not self._refreshing and self.isVisible():
                self.refresh()

        self.document.make_plan_for(settings, decisions, landed,
                                    lambda *_: self._pending.discard(name))
