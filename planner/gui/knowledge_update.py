"""Help › Update knowledge from file…: the GUI's ``planner knowledge import``.

The consultant picks Microsoft's build list (``ExchangeBuildNumbers.csv``) or HealthChecker's
build dictionary; the core reads it, keeps what is new in the per-user overlay, and the open
project is re-planned with the new knowledge. The message lists what was new.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.core.catalogue import catalogue
from planner.core.errors import PlannerError, error_words
from planner.core.knowledge_overlay import ImportResult, import_build_list
from planner.gui.i18n import ui_language
from planner.gui.rich_text import literal

__all__ = ["result_text", "update_knowledge"]


def result_text(result: ImportResult, name: str, lang: str) -> str:
    """What the import did, in the interface language."""
    cat = catalogue(lang)
    if result.path is None:
        return cat("exo.knowledge.nothing_new", file=name, as_of=result.knowledge.as_of)
    lines = [cat("exo.knowledge.imported", file=name,
                 new=cat.plural("exo.knowledge.new_builds", len(result.new)),
                 changed=cat.plural("exo.knowledge.corrected", len(result.changed)),
                 as_of=result.knowledge.as_of)]
    lines += [f"Exchange {r.product} {r.release}  {r.build}  {cat.date(r.date)}"
              for r in (*result.new, *result.changed)][:30]
    return "\n".join(lines)


def update_knowledge(parent: QWidget, document: Any) -> None:
    """Ask for the list, import it, re-plan the open project with the new knowledge."""
    title = parent.tr("Update knowledge from file")
    name, _ = QFileDialog.getOpenFileName(
        parent, title, "", parent.tr("Build lists (*.csv *.ps1);;All files (*)"))
    if not name:
        return
    path = Path(name)
    try:
        result = import_build_list(path)
    except (PlannerError, OSError, UnicodeDecodeError) as exc:
        QMessageBox.warning(parent, title,
                            literal(f"{path.name}: {error_words(exc, ui_language())}"))
        return
    QMessageBox.information(parent, title,
                            literal(result_text(result, path.name, ui_language())))
    if result.path is not None:
        document.forget_knowledge()
        document.replan()
