"""The user interface language: German or English, from the system locale or the user's choice.

Our catalogue is ``resources/i18n/planner_de.qm`` (built from ``planner_de.ts`` with
``pyside6-lrelease``); Qt's own ``qtbase_de.qm`` translates the standard dialogs. English is
the source language; its catalogue ``planner_en.qm`` holds only the plural forms of the
``%n`` texts ("1 error", "2 errors"). Refresh the catalogue after changing texts
with ``python -m planner.gui.i18n_catalogue`` (lupdate, the ``_tr`` shorthand, lrelease).
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from planner.core.catalogue import FALLBACK, Catalogue, catalogue, languages
from planner.core.resources import resource_path
from planner.core.vocabulary import Term

__all__ = ["install_translators", "language_names", "preferred_language", "saved_language",
           "set_saved_language", "texts", "ui_language", "word"]

_installed: list[QTranslator] = []
_in_use: list[str] = []  # the language install_translators set last


def language_names() -> dict[str, str]:
    """The languages the interface and the deliverables can speak, each by its own name
    ("Deutsch"): those with catalogues in resources/text (a language is its catalogues)."""
    return {lang: catalogue(lang).name for lang in languages()}


def saved_language() -> str:
    """The language the user chose in View › Language, or "" for the system default."""
    value = QSettings().value("ui/language", "")
    return str(value) if value in languages() else ""


def set_saved_language(lang: str) -> None:
    """Remember the UI language for the next start ("" = follow the system)."""
    QSettings().setValue("ui/language", lang)


def ui_language() -> str:
    """The language the interface shows now (plan texts in views follow it)."""
    return _in_use[-1] if _in_use else preferred_language()


def texts() -> Catalogue:
    """The non-Qt text catalogue (vocabulary, plan texts) in the interface language."""
    return catalogue(ui_language())


def word(term: Term, short: bool = False) -> str:
    """A vocabulary word (phase, path, stage kind...) in the interface language."""
    return texts()(term.short_key if short and term.short_key else term.label_key)


def preferred_language() -> str:
    """The language to install: the saved choice, else German on a German system, else English."""
    chosen = saved_language()
    if chosen:
        return chosen
    system = QLocale.system().name().split("_")[0]  # "de_AT" -> "de"
    return system if system in languages() else FALLBACK


def install_translators(app: QApplication, lang: str) -> bool:
    """Load our catalogue and Qt's for ``lang``; returns False when ours was not found."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _in_use[:] = [lang if lang in languages() else FALLBACK]
    ours = QTranslator(app)
    found = ours.load(str(resource_path("i18n", f"planner_{lang}.qm")))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    # Qt's own texts: a language Qt has no catalogue for (English, its source) loads none
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return found
