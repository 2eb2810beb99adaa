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
        titles = [steps.model.index(r, 0).data() for r in range(steps.model.rowCount())]
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


def test_undo_texts_follow_a_language_switch(qapp: Any, qtbot: Any, monkeypatch: Any) -> None:
    from planner.gui.views.steps import StepsView
    from tests.gui.planning_fixtures import fake_document

    doc = fake_document(monkeypatch)
    window = MainWindow(doc)
    qtbot.addWidget(window)
    steps = window.show_page("steps")
    assert isinstance(steps, StepsView)
    steps.set_excluded("EX01", True)
    assert doc.undo_stack.undoText() == "Exclude EX01"
    try:
        install_translators(qapp, "de")
        window.retranslate()
        assert doc.undo_stack.undoText() == "EX01 ausschließen"
        assert window.act_undo.text().endswith("EX01 ausschließen")
    finally:
        install_translators(qapp, "en")
        window.retranslate()
        doc.undo_stack.setClean()
    assert doc.undo_stack.undoText() == "Exclude EX01"


def test_counts_use_real_plurals_in_both_languages(qapp: Any, qtbot: Any,
                                                   monkeypatch: Any) -> None:
    from tests.gui.planning_fixtures import fake_document

    window = MainWindow(fake_document(monkeypatch))
    qtbot.addWidget(window)
    try:
        for lang, one, many in (("en", "1 error", "3 servers"), ("de", "1 Fehler", "3 Server")):
            install_translators(qapp, lang)
            window.retranslate()
            text = window.status_counts.text()
            assert many in text and "(s)" not in text
            assert QCoreApplication.translate("MainWindow", "%n error(s)", "", 1) == one
        assert QCoreApplication.translate("MainWindow", "%n warning(s)", "", 2) == "2 Warnungen"
    finally:
        install_translators(qapp, "en")
        window.retranslate()


def test_dates_and_numbers_in_the_ui_language(qapp: Any) -> None:
    from datetime import UTC, date, datetime

    from planner.gui.formats import format_date, format_datetime, format_month, format_number

    moment = datetime(2026, 12, 4, 13, 58, 25, tzinfo=UTC)
    try:
        install_translators(qapp, "de")
        assert format_date(date(2027, 1, 7)) == "07.01.2027"
        assert format_month(date(2026, 12, 1)) == "Dez. 2026"
        assert format_number(100000) == "100.000"
        shown = format_datetime(moment)
        assert "+00:00" not in shown and shown.startswith("04.12.2026")  # local time
        install_translators(qapp, "en")
        assert format_date(date(2027, 1, 7)) == "7 Jan 2027"
        assert format_number(100000) == "100,000"
    finally:
        install_translators(qapp, "en")



def test_every_shorthand_text_is_in_the_german_catalogue() -> None:
    """Texts a module words through its ``_tr`` shorthand reach the catalogue too (a
    comment in gantt_data.py's ``_tr`` hid its six texts, marked vanished: "W50" and
    "Pause 55 d" on a German Gantt)."""
    import xml.etree.ElementTree as ET

    from planner.gui.i18n_catalogue import extra_texts

    root = ET.parse(resource_path("i18n", "planner_de.ts")).getroot()
    done = {(c.findtext("name"), m.findtext("source"))
            for c in root.findall("context") for m in c.findall("message")
            if (t := m.find("translation")) is not None and not t.get("type") and t.text}
    assert not [pair for pair in extra_texts() if pair not in done]
    assert ("GanttScene", "W{week}") in done
