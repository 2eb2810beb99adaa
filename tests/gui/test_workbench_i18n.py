"""The German catalogue ships, loads, and translates our texts and Qt's own dialogs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

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
