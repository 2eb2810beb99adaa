"""The Report page shows what export and print use: the chosen scenario, else the current plan."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace

import planner.gui.replanning as document_module
from planner.core.knowledge import load_knowledge
from planner.core.project import Scenario
from planner.gui.edit import Edit
from planner.gui.views.report_page import ReportView
from tests.gui.planning_fixtures import fake_document


def _document(monkeypatch):
    doc = fake_document(monkeypatch)
    # The report prints the knowledge base's facts: give it the real one.
    monkeypatch.setattr(document_module, "knowledge_for", lambda _settings: load_knowledge())
    doc._knowledge = None
    return doc


def test_report_page_names_the_current_plan_and_its_language(qtbot, monkeypatch):
    doc = _document(monkeypatch)
    view = ReportView(doc)
    qtbot.addWidget(view)
    assert "current plan" in view.banner.text() and "English" in view.banner.text()
    text = view.browser.toPlainText()
    assert "Contoso" in text and "30 days of Exchange Online's enforcement pause" in text


def test_report_page_shows_the_scenario_chosen_for_export(qtbot, monkeypatch):
    doc = _document(monkeypatch)
    view = ReportView(doc)
    qtbot.addWidget(view)
    scenario = Scenario("No pause", replace(doc.settings, fixed_pauses=(), language="de"),
                        doc.decisions, None)
    doc.apply(Edit("choose", lambda p: replace(p, scenarios=(scenario,),
                                               active_scenario="No pause")))
    view.refresh()
    assert view.shown_scenario() == "No pause"
    assert "“No pause”" in view.banner.text() and "Deutsch" in view.banner.text()
    text = view.browser.toPlainText()
    assert "Der Plan kommt ohne Durchsetzungspause aus." in text
    doc.undo_stack.undo()
    view.refresh()
    assert view.shown_scenario() == "" and "current plan" in view.banner.text()
