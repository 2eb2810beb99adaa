"""Keyboard and layout: mnemonics in every menu and dialog, shortcuts shown, Tab leaves
tables, a toolbar that fits at 1024 px, dialogs that fit the screen, helpful empty states."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QWidget,
)

from planner.core.resources import resource_path
from planner.gui.app import _load_files
from planner.gui.dialogs.settings import SettingsDialog
from planner.gui.document import Document
from planner.gui.i18n import install_translators
from planner.gui.import_wizard import ImportWizard
from planner.gui.main_window import MainWindow
from planner.gui.worker import SyncRunner

_MNEMONIC = re.compile(r"&([^&\s])")
MIXED = resource_path("samples", "mixed", "inventory.xlsx")


def mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (lower case), or None."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.fixture(params=["en", "de"])
def lang(request: Any) -> Iterator[str]:
    """The UI language for the test; English again afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, request.param)
    yield request.param
    install_translators(app, "en")


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, lang: str, monkeypatch: Any) -> MainWindow:
    """A main window in ``lang`` (its texts are built after the language is installed)
    that closes without asking about the imported sample."""
    win = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path)
    monkeypatch.setattr(win, "confirm_discard", lambda: True)
    qtbot.addWidget(win)
    return win


def _menu_problems(menu: QMenu, where: str) -> Iterator[str]:
    seen: dict[str, str] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text = action.text()
        key = mnemonic(text)
        if key is None:
            yield f"{where}: no mnemonic in {text!r}"
        elif key in seen:
            yield f"{where}: {text!r} and {seen[key]!r} share '{key}'"
        else:
            seen[key] = text
        if action.menu() is not None:
            yield from _menu_problems(action.menu(), f"{where} › {text}")


def test_every_menu_entry_has_its_own_mnemonic(window: MainWindow) -> None:
    bar = window.menuBar()
    problems: list[str] = []
    tops: dict[str, str] = {}
    for action in bar.actions():
        key = mnemonic(action.text())
        if key is None or key in tops:
            problems.append(f"menu bar: {action.text()!r}")
        tops[key or ""] = action.text()
        menu = action.menu()
        if menu is not None and menu is not window.recent_menu:
            problems += [p for p in _menu_problems(menu, action.text())
                         if "Open recent" not in p and "Zuletzt" not in p]
    assert not problems, "\n".join(problems)


def test_the_settings_shortcut_is_shown_in_the_menu(window: MainWindow) -> None:
    assert window.act_settings.shortcut().toString() == "Ctrl+,"


def _together(dialog: QWidget) -> Iterator[list[str]]:
    """The texts visible together: each tab (and wizard page) with what is around it."""
    tabs = [t for t in dialog.findChildren(QTabWidget) if t.isVisibleTo(dialog)]
    for tab in tabs or [None]:
        for index in range(tab.count() if tab else 1):
            if tab:
                tab.setCurrentIndex(index)
            QApplication.processEvents()
            yield _texts(dialog)


def _texts(dialog: QWidget) -> list[str]:
    texts = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        buddied = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or buddied:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
    return texts


def _dialog_problems(dialog: QDialog) -> list[str]:
    problems = []
    for texts in _together(dialog):
        seen: dict[str, str] = {}
        for text in texts:
            key = mnemonic(text)
            if key is None:
                continue
            if key in seen and seen[key] != text:
                problems.append(f"{text!r} and {seen[key]!r} share '{key}'")
            seen[key] = text
    for button in dialog.findChildren(QPushButton):
        standard = button.text().replace("&", "") in {"OK", "Cancel", "Abbrechen", "Help",
                                                      "Hilfe"}
        if button.isVisibleTo(dialog) and not standard and mnemonic(button.text()) is None:
            problems.append(f"button {button.text()!r} has no mnemonic")
    return sorted(set(problems))


def test_every_dialog_has_unique_mnemonics(window: MainWindow, qtbot: Any) -> None:
    assert _load_files(window, [MIXED], quiet=True) == ""
    settings = SettingsDialog(window.document, window)
    wizard = ImportWizard(window.document, [MIXED], "", window)
    problems: list[str] = []
    for dialog in (settings, wizard):
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{dialog.windowTitle()}: {p}" for p in _dialog_problems(dialog)]
    wizard.next()
    problems += [f"wizard page 2: {p}" for p in _dialog_problems(wizard)]
    assert not problems, "\n".join(problems)


def test_tab_leaves_every_table(window: MainWindow) -> None:
    trapped = [f"{type(view.parent()).__name__}.{type(view).__name__}"
               for page in window.pages.values()
               for view in page.findChildren(QAbstractItemView)
               if view.tabKeyNavigation()]
    assert not trapped


def test_the_toolbar_fits_at_1024_pixels_whatever_the_undo_text(window: MainWindow,
                                                                 qtbot: Any) -> None:
    assert _load_files(window, [MIXED], quiet=True) == ""
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.document.undo_stack.setClean()
    texts = {a.iconText() for a in window.toolbar.actions() if not a.isSeparator()}
    assert all(len(t) <= 16 for t in texts), texts
    hidden = [a.text() for a in window.toolbar.actions()
              if not a.isSeparator() and not window.toolbar.widgetForAction(a).isVisible()]
    assert not hidden, hidden
    assert window.document.undo_stack.undoText() in window.act_undo.toolTip()
    # no page (a long German group title, a legend) makes the window wider than the screen
    assert window.minimumSizeHint().width() <= 1024


def test_an_empty_start_says_what_to_do_with_buttons(window: MainWindow) -> None:
    estate = window.pages["estate"]
    hint = estate.findChild(QWidget, "empty-state")
    assert hint is not None and hint.isVisibleTo(estate)
    buttons = {b.text().replace("&", "") for b in hint.findChildren(QPushButton)}
    assert len(buttons) == 2
    assert _load_files(window, [MIXED], quiet=True) == ""
    assert not hint.isVisibleTo(estate)


def test_the_settings_dialog_fits_a_small_screen(window: MainWindow, qtbot: Any) -> None:
    dialog = SettingsDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    dialog.tabs.setCurrentWidget(dialog.overrides_page)
    view = dialog.overrides_page.overrides_view
    last = view.model().columnCount() - 1
    right = view.columnViewportPosition(last) + min(view.columnWidth(last), 60)
    assert view.columnViewportPosition(last) >= 0 and right <= view.viewport().width()


def test_counts_use_real_plurals(window: MainWindow, lang: str) -> None:
    findings = window.pages["findings"]
    assert _load_files(window, [MIXED], quiet=True) == ""
    summary = findings.summary.text()
    assert not re.search(r"\b1 (errors|warnings|notes|Fehlern|Warnungen|Hinweise)\b", summary)
    assert Qt  # the module imports Qt for the enums used above
