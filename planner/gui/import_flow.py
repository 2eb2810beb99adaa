"""Importing inventory files into the open document: the pure part and the undoable edit.

:func:`read_inventory` is a plain function (it runs on the worker); :func:`import_edit`
turns its outcome into an undoable :class:`Edit`, so an import can be undone like any
other change, and a re-import reports what the newer export changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from planner.core.model import Finding, Severity
from planner.core.outline import finding_place
from planner.core.project import Project
from planner.core.project_import import EstateChange, estate_changes, merge_import
from planner.core.settings import Settings
from planner.gui.document import Document
from planner.gui.edit import Edit
from planner.gui.i18n import ui_language
from planner.gui.progress import run_with_progress

__all__ = ["ImportOutcome", "import_edit", "import_into_document", "mapping_from_plain",
           "read_inventory"]


@dataclass(frozen=True)
class ImportOutcome:
    """What one import run produced."""

    files: tuple[Path, ...]
    result: Any  # planner.core.importing.ImportResult
    mapping: Any  # the ColumnMapping used (None = automatic)
    settings: Settings | None  # from the workbook's Project sheet, if it had one

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The import's findings."""
        return tuple(self.result.findings)

    @property
    def refusal(self) -> str:
        """Why this import must not replace the estate ('' when it may): it read no server."""
        if self.result.estate.servers:
            return ""
        reason = QCoreApplication.translate(
            "ImportWizard", "No Exchange server was read from these files, so the import "
            "cannot replace the estate. Check that the files are the customer's inventory "
            "and that a table was read as servers.")
        # the file's own problem (too large, damaged, unknown encoding) says why
        lang = ui_language()
        errors = [f"{finding_place(f, lang)}: {f.message(lang)}" for f in self.findings
                  if f.severity == Severity.ERROR][:3]
        return "\n".join([reason, *errors])

    @property
    def has_errors(self) -> bool:
        """True when an error-level finding came out of the import."""
        return any(f.severity == Severity.ERROR for f in self.findings)


def load_inputs(*args: Any, **kwargs: Any) -> Any:
    """:func:`planner.pipeline.load_inputs`, imported with the first import, not at start
    (the importers load calamine, openpyxl and pandas; the pipeline OR-Tools)."""
    from planner.pipeline import load_inputs as pipeline_load_inputs  # start-up time

    return pipeline_load_inputs(*args, **kwargs)


def read_inventory(files: Sequence[Path], mapping: Any = None,
                   job: Any = None) -> ImportOutcome:
    """Import the files with an optional column mapping (runs on the worker).

    With a worker ``job``, reading transport logs reports its progress to it and stops
    (ImportCancelled) when the job is cancelled.
    """
    progress = (lambda f, name: job.report(int(f * 100), name)) if job is not None else None
    cancelled = (lambda: bool(job.cancelled)) if job is not None else None
    inputs = load_inputs(list(files), mapping, progress=progress, cancelled=cancelled)
    # the GUI keeps the project's settings unless the files carry a Project sheet, so it
    # takes the sheet's settings, not the defaults load_inputs fills in for the CLI
    return ImportOutcome(tuple(files), inputs.imported, mapping, inputs.sheet)


def mapping_to_plain(mapping: Any) -> dict[str, Any]:
    """A column mapping as plain data for the project file ({} = automatic)."""
    if mapping is None:
        return {}
    # The importing package loads the readers (calamine, openpyxl); not needed at start.
    from planner.core.importing.mapping import mapping_to_plain  # start-up time

    return mapping_to_plain(mapping)


def mapping_from_plain(data: dict[str, Any]) -> Any:
    """The project's saved column mapping as the importer's ColumnMapping (None if empty)."""
    if not data:
        return None
    from planner.core.importing.mapping import mapping_from_plain  # start-up time, see above

    return mapping_from_plain(data, "project mapping")


def _customer_settings(project: Project, outcome: ImportOutcome) -> Settings | None:
    settings = outcome.settings or project.settings
    customer = outcome.result.estate.organization.customer
    if not settings.customer and customer:
        settings = replace(settings, customer=customer)
    return settings


def import_edit(project: Project, outcome: ImportOutcome) -> tuple[Edit, tuple[EstateChange, ...]]:
    """The undoable edit that brings the import into the project, and what it changes."""
    estate = outcome.result.estate
    changes = estate_changes(project.estate, estate) if project.estate.servers else ()
    settings = _customer_settings(project, outcome)
    sources = tuple(str(f) for f in outcome.files)
    plain = mapping_to_plain(outcome.mapping)
    again = bool(project.estate.servers)

    def name() -> str:
        return (QCoreApplication.translate("ImportWizard", "Re-import inventory") if again
                else QCoreApplication.translate("ImportWizard", "Import inventory"))

    edit = Edit(name, lambda p: merge_import(p, estate, outcome.findings, sources, plain,
                                              settings))
    return edit, changes


def import_into_document(document: Document, files: Sequence[Path],
                         parent: QWidget | None = None) -> str:
    """Import files on the worker with the project's mapping; returns a problem text or ''."""
    mapping = mapping_from_plain(document.project.mapping)
    label = QCoreApplication.translate("ImportWizard", "Reading the inventory…")
    done = run_with_progress(document.runner, parent, label,
                             lambda job: read_inventory(list(files), mapping, job))
    if not done.ok:
        return done.error
    if done.result.refusal:
        return str(done.result.refusal)
    edit, _changes = import_edit(document.project, done.result)
    document.apply(edit)
    return ""
