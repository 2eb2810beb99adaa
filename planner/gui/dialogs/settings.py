"""The project settings dialog: project, calendar, consultants, enforcement, durations.

OK turns every page's values into one new :class:`~planner.core.settings.Settings`, checks
that the knowledge base accepts the overrides, and hands it to the document as a single
undoable edit, which re-plans.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.core.errors import PlannerError, error_words
from planner.core.knowledge import load_knowledge
from planner.core.settings import Settings
from planner.gui.dialogs.enforcement_page import DurationsPage, EnforcementPage, OverridesPage
from planner.gui.dialogs.screen_fit import fit_to_screen
from planner.gui.dialogs.settings_pages import CalendarPage, ConsultantsPage, ProjectPage
from planner.gui.i18n import ui_language
from planner.gui.rich_text import literal
from planner.gui.views.planning_edits import submit

__all__ = ["SettingsDialog"]


class SettingsDialog(QDialog):
    """Edit the open project's settings; OK applies them as one undoable change."""

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Project settings"))
        fit_to_screen(self, 900, 640)
        settings: Settings = document.settings
        base = load_knowledge(None)
        self.project_page = ProjectPage(settings)
        self.calendar_page = CalendarPage(settings)
        self.consultants_page = ConsultantsPage(settings)
        self.enforcement_page = EnforcementPage(settings, document.estate)
        self.overrides_page = OverridesPage(settings, base)
        self.durations_page = DurationsPage(settings, base)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.project_page, self.tr("Project"))
        self.tabs.addTab(self.calendar_page, self.tr("Calendar"))
        self.tabs.addTab(self.consultants_page, self.tr("Consultants"))
        self.tabs.addTab(self.enforcement_page, self.tr("Enforcement"))
        self.tabs.addTab(self.overrides_page, self.tr("Knowledge and overrides"))
        self.tabs.addTab(self.durations_page, self.tr("Durations and throughput"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addWidget(buttons)

    def new_settings(self) -> Settings:
        """The settings as the pages now say (a SettingsError/KnowledgeError when unusable)."""
        settings: Settings = self.document.settings
        for page in (self.project_page, self.calendar_page, self.consultants_page,
                     self.enforcement_page, self.overrides_page, self.durations_page):
            settings = page.apply_to(settings)
        load_knowledge(settings.policy_overrides)  # raises on an unknown key or a bad value
        return settings

    def accept(self) -> None:
        """Apply the settings as one undoable edit, or say what is wrong and stay open."""
        try:
            settings = self.new_settings()
        except PlannerError as exc:  # what the consultant can fix; anything else is a bug
            QMessageBox.warning(self, self.tr("Settings"),
                                literal(error_words(exc, ui_language())))
            return
        if settings != self.document.settings:
            submit(self.document, self.tr("Change settings"), settings=settings)
        super().accept()
