"""The GUI's pages in a third language: every text that comes from the core (findings, step
titles and reasons, vocabulary) shows in the pseudo-locale, never in English or German, and
no finding's code reaches a label or a table cell (only the support tooltip names it).

The pseudo-locale is the reversed English catalogue of tests/test_pseudo_locale.py; Qt's own
widget texts (``self.tr``) stay English here; tests/gui/test_pseudo_language_widgets.py adds a
Qt catalogue for a third language too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.core.catalogue import catalogue
from planner.core.outline import finding_area
from planner.core.resources import resource_path
from planner.gui import i18n
from planner.gui.app import _load_files
from planner.gui.document import Document
from planner.gui.main_window import MainWindow
from planner.gui.models.findings_model import FindingsModel
from planner.gui.worker import SyncRunner
from tests.gui.screen_texts import shown_texts
from tests.test_pseudo_locale import pseudo_locale  # noqa: F401  (the fixture)

SAMPLES = {"mixed": [resource_path("samples", "mixed", "inventory.xlsx")],
           # importer findings (columns not used, hybrid inferred) on the findings page
           "messy-de": [resource_path("samples", "mixed-messy-de", "Bestand.xlsx")]}


@pytest.fixture(params=sorted(SAMPLES))
def window(request: Any, qtbot: Any, tmp_path: Path, pseudo_locale: str,  # noqa: F811
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The main window on a sample, its core texts in the pseudo-locale."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_translators(app, "en")  # Qt's widget texts: the source language
    monkeypatch.setattr(i18n, "_in_use", [pseudo_locale])
    window = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    assert _load_files(window, SAMPLES[request.param], quiet=True) == ""
    window.document.undo_stack.setClean()  # closes without asking when qtbot closes it
    window.show()
    return window


def _page_texts(window: Any) -> list[str]:
    """What every page shows but the report preview: that shows the deliverable in the
    plan's language (tests/test_pseudo_locale.py renders it in the pseudo-locale)."""
    texts: list[str] = []
    for key in (k for k in window.pages if k != "report"):
        window.show_page(key)
        QApplication.processEvents()
        texts += [t for t in shown_texts(window.pages[key]) if t]
    return texts


def _core_sentences(window: Any) -> dict[str, str]:
    """English and German sentences the core makes (findings, step titles and reasons
    that are data), each mapped to what it is."""
    plan = window.document.plan
    found: dict[str, str] = {}
    for lang in ("en", "de"):
        for f in window.document.findings:
            if f.text is not None:
                found[f.message(lang)] = f"finding {f.code} ({lang})"
        if plan is not None:
            for s in plan.proposal.steps:
                if s.title_message is not None:
                    found[s.title(lang)] = f"title of {s.id} ({lang})"
                if s.reason is not None:
                    found[s.why(lang)] = f"reason of {s.id} ({lang})"
    return {t: what for t, what in found.items() if len(t) >= 12}


def test_gui_pages_show_core_texts_in_the_pseudo_locale_and_no_codes(
        window: Any, pseudo_locale: str) -> None:  # noqa: F811
    texts = _page_texts(window)
    shown = "\n".join(texts)
    sentences = _core_sentences(window)
    assert len(sentences) >= 10  # the samples have findings and many steps
    leaks = sorted(f"{what}: {t[:80]}" for t, what in sentences.items() if t in shown)
    assert leaks == [], "\n".join(leaks)
    findings = [f for f in window.document.findings if f.text is not None]
    assert findings, "the samples have findings that are data"
    assert findings[0].message(pseudo_locale) in shown  # their words, in the pseudo-locale
    # no finding's code on a label or in a cell; the area's support tooltip names it
    reference = catalogue(pseudo_locale)("vocabulary.finding_area.reference", code="")
    codes = {f.code for f in window.document.findings}
    found = sorted({(code, t[:80]) for t in texts if reference not in t
                    for code in codes if code in t})
    assert found == []


def test_findings_table_shows_an_area_not_a_code(window: Any, pseudo_locale: str  # noqa: F811
                                                 ) -> None:
    window.show_page("findings")
    model = window.pages["findings"].model
    assert isinstance(model, FindingsModel)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert catalogue(pseudo_locale)("vocabulary.finding_area.title") in headers
    assert "Code" not in headers
    cells = [model.data(model.index(r, c)) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    codes = {f.code for f in window.document.findings}
    assert not codes & set(cells)
    assert {finding_area(f, pseudo_locale) for f in window.document.findings} <= set(cells)
