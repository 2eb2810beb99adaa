"""The German catalogue ships, loads, and translates our texts and Qt's own dialogs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent

from planner.core.resources import resource_path
from planner.gui.i18n import install_translators
from planner.gui.main_window import MainWindow


def test_german_catalogue_is_committed_and_complete() -> None:
    ts = resource_path("i18n", "planner_de.ts").read_text(encoding="utf-8")
    assert resource_path("i18n", "planner_de.qm").stat().st_size > 1000
    assert 'type="unfinished"' not in ts


def test_german_ui_translates_menus_pages_and_qt_dialogs(qapp: Any, qtbot: Any) -> None:
    assert install_translators(qapp, "de")
    try:
        assert QCoreApplication.translate("Pages", "Estate") == "Bestand"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        window = MainWindow()
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:3] == ["&Datei", "&Bearbeiten", "&Ansicht"]
        assert window.nav.item(1).text() == "Befunde"
    finally:
        install_translators(qapp, "en")
    assert QCoreApplication.translate("Pages", "Estate") == "Estate"


def test_view_language_switches_live_with_plan_texts(qapp: Any, qtbot: Any,
                                                     monkeypatch: Any) -> None:
    from PySide6.QtCore import QStandardPaths

    from planner.gui.i18n import set_saved_language
    from tests.gui.planning_fixtures import fake_document

    QStandardPaths.setTestModeEnabled(True)  # the saved language stays out of the user's settings
    doc = fake_document(monkeypatch)  # report language English
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show_page("steps")
    try:
        window._choose_language("de")
        qtbot.waitUntil(lambda: window.nav.item(1).text() == "Befunde")
        assert window.menuBar().actions()[0].text() == "&Datei"
        assert window.nav.currentRow() == 3  # still on the steps page
        steps = window.pages["steps"]
        titles = [steps.model.index(r, 0, steps.model.index(0, 0)).data()
                  for r in range(steps.model.rowCount(steps.model.index(0, 0)))]
        assert "Check SE licences (de)" in titles  # plan texts follow the UI, not the report
        assert window.document is doc and doc.settings.language == "en"
    finally:
        set_saved_language("")
        install_translators(qapp, "en")
        window.retranslate()
    # The old menus, toolbar and pages go now, not in some later test's event loop.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.nav.item(1).text() == "Findings"
    window.show_page("report")
    assert "current plan" in window.pages["report"].banner.text()
