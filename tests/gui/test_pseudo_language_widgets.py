"""A third language added as catalogues only (resources/text/<lang>/ and a Qt catalogue
resources/i18n/planner_<lang>.ts compiled with lrelease) shows on every page, in the menus,
the toolbar, the status bar and the report preview: no English word is left on a screen
but data (server, site and connector names, builds, commands, dates).

Every text of the language is "accented" (tests/pseudo_language.py): an English word that
is still ASCII was not translated. Data is what the estate, the plan's commands and the
knowledge say; everything else must come from a catalogue.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget, QWidget

from planner.core import catalogue as catalogue_module
from planner.core.catalogue import catalogue, languages
from planner.core.report import wording
from planner.core.resources import resource_path
from planner.gui import i18n
from planner.gui.app import _load_files
from planner.gui.dialogs.settings import SettingsDialog
from planner.gui.document import Document
from planner.gui.import_wizard import ImportWizard
from planner.gui.main_window import MainWindow
from planner.gui.views.planning_edits import submit_settings
from planner.gui.worker import SyncRunner
from tests.gui.screen_texts import shown_texts
from tests.pseudo_language import (
    PSEUDO_NAME,
    accented,
    add_language,
    data_words,
    references,
    untranslated,
)

LANG = "qy"
SAMPLES = {"mixed": [resource_path("samples", "mixed", "inventory.xlsx")],
           "legacy": [resource_path("samples", "legacy", "inventory.xlsx")]}
# Qt's own buttons (QDialogButtonBox, QWizard): Qt's catalogue qtbase_<lang>.qm words them
# for every language Qt ships, and has none for a made-up one.
QT_OWN = {"Cancel", "Back", "Next", "Finish", "Help", "Apply", "Close"}


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The resources with the pseudo language added, and the interface in it."""
    root = add_language(tmp_path / "resources", LANG, accented)
    monkeypatch.setenv("PLANNER_RESOURCES", str(root))
    catalogue.cache_clear()
    wording.load_wording.cache_clear()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert i18n.install_translators(app, LANG)  # found by its file: nothing else names it
    yield LANG
    monkeypatch.undo()
    i18n.install_translators(app, "en")
    catalogue.cache_clear()
    wording.load_wording.cache_clear()
    assert catalogue_module.text_root() == resource_path("text")


def _untranslated(texts: list[str], window: MainWindow) -> list[str]:
    """The texts with words no catalogue of the language wrote; the customer's sheets and
    headers (the import wizard shows them), each language's own name and Qt's own buttons
    are data here too."""
    document = window.document
    assert document.plan is not None
    extra = [*i18n.language_names().values(), *QT_OWN]
    extra += [f"{f.file} {f.sheet}" for f in document.findings]
    for path in SAMPLES["mixed"] + SAMPLES["legacy"]:
        book = openpyxl.load_workbook(path, read_only=True)
        extra += [str(path), *book.sheetnames]
        extra += [str(c) for sheet in book.worksheets
                  for row in sheet.iter_rows(max_row=1, values_only=True) for c in row if c]
    return untranslated(texts, data_words(document.plan, document.knowledge, LANG, extra),
                        references(document.plan, document.knowledge, document.findings))


def _menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        yield from (action.text(), action.toolTip())
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def _screen(window: MainWindow) -> list[str]:
    """What the window shows: every page (every tab), menus, toolbar, status bar."""
    texts: list[str] = []
    for key in window.pages:
        view = window.show_page(key)
        QApplication.processEvents()
        tabs = [w for w in [view, *view.findChildren(QTabWidget)] if isinstance(w, QTabWidget)]
        texts += [f"{key}: {t}" for t in shown_texts(view)]
        for tab_widget in tabs:
            for tab in range(tab_widget.count()):
                tab_widget.setCurrentIndex(tab)
                QApplication.processEvents()
                texts += [f"{key}: {t}" for t in shown_texts(view)]
    for action in window.menuBar().actions():
        texts.append(f"menu: {action.text()}")
        if action.menu() is not None:
            texts += [f"menu: {t}" for t in _menu_texts(action.menu())]
    texts += [f"window: {t}" for t in shown_texts(window) if t]
    return texts


def _window(sample: str, qtbot: Any, tmp_path: Path) -> MainWindow:
    """The main window on a sample, its deliverables in the pseudo language too."""
    window = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    assert _load_files(window, SAMPLES[sample], quiet=True) == ""
    submit_settings(window.document, lambda: accented("Language"),
                    lambda s: dataclasses.replace(s, language=LANG))
    window.document.undo_stack.setClean()  # closes without asking when qtbot closes it
    window.show()
    return window


def _tabs_texts(dialog: QWidget) -> list[str]:
    """A dialog's texts on every tab of every tab widget in it."""
    texts = list(shown_texts(dialog))
    for tabs in dialog.findChildren(QTabWidget):
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            QApplication.processEvents()
            texts += shown_texts(dialog)
    return texts


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_every_page_shows_a_language_added_as_catalogues(
        pseudo: str, sample: str, qtbot: Any, tmp_path: Path) -> None:
    assert pseudo in languages() and i18n.language_names()[pseudo] == PSEUDO_NAME
    window = _window(sample, qtbot, tmp_path)
    texts = _screen(window)
    assert any(PSEUDO_NAME in t for t in texts)  # View › Language lists it by its name
    leaks = _untranslated(texts, window)
    assert leaks == [], f"{len(leaks)} texts not in the language:\n" + "\n".join(leaks)


def test_settings_and_import_wizard_show_a_language_added_as_catalogues(
        pseudo: str, qtbot: Any, tmp_path: Path) -> None:
    window = _window("mixed", qtbot, tmp_path)
    settings = SettingsDialog(window.document, window)
    qtbot.addWidget(settings)
    settings.show()
    texts = [f"settings: {t}" for t in _tabs_texts(settings)]
    wizard = ImportWizard(window.document, SAMPLES["mixed"], "", window)
    qtbot.addWidget(wizard)
    wizard.show()
    texts += [f"wizard: {t}" for t in shown_texts(wizard)]
    wizard.next()  # files -> mapping: every table's fields and preview
    for row in range(wizard.mapping_page.tables.count()):
        wizard.mapping_page.tables.setCurrentRow(row)
        QApplication.processEvents()
        texts += [f"wizard: {t}" for t in shown_texts(wizard)]
    leaks = _untranslated(texts, window)
    assert leaks == [], f"{len(leaks)} texts not in the language:\n" + "\n".join(leaks)
