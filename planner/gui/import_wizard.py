"""The import wizard: pick files, check and fix the column mapping, review findings, finish.

Page 1 picks inventory files (or takes dropped ones). Page 2 lists every table found (sheet
or CSV) with the entity it was read as and each column's field and confidence; changing an
entity or a field re-imports with the edited mapping and the preview of the records updates.
Page 3 shows the findings and, on a re-import, what the newer export changed. Finish brings
the import into the project as one undoable edit.
"""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner.core.importing.mapping import ColumnMapping
from planner.core.importing.schema import ENTITIES
from planner.core.model import Severity
from planner.core.outline import finding_location
from planner.core.project_import import describe_changes, estate_changes
from planner.core.vocabulary import COLOURS
from planner.gui.dialogs.screen_fit import fit_to_screen
from planner.gui.document import Document
from planner.gui.i18n import texts, ui_language
from planner.gui.import_flow import ImportOutcome, import_edit, mapping_from_plain, read_inventory
from planner.gui.models.estate_model import cell_text, column_title
from planner.gui.models.findings_model import severity_label
from planner.gui.progress import run_with_progress
from planner.gui.rich_text import literal
from planner.gui.views.estate import ENTITY_TITLES

__all__ = ["ImportWizard"]

ENTITY_FIELDS = {"server": "servers", "site": "sites", "dag": "dags", "database": "databases",
                 "connector": "connectors", "relay_client": "relay_clients",
                 "namespace": "namespaces", "exo_report": "exo_reports"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def _entity_name(key: str) -> str:
    """An importer entity ("relay_client") as the estate's tabs call it ("Relay clients")."""
    if key == "organization":
        return _tr("Organization")
    title = ENTITY_TITLES.get(f"{key}s")
    return title() if title else key


def _field_name(entity: str, field: str) -> str:
    """A field as people read it ("Customer"), from the shared vocabulary."""
    words = texts()
    key = f"vocabulary.field.{entity}.{field}"
    label = words(key) if words.has(key) else field
    return label[:1].upper() + label[1:]


def _preview_title(entity: str, field: str) -> str:
    """A preview column's title: the field list's name, else the estate table's title."""
    if texts().has(f"vocabulary.field.{entity}.{field}"):
        return _field_name(entity, field)
    return column_title(field, entity)


def _entities() -> list[tuple[str, list[str]]]:
    """(entity key, field names) from the importer's schema, plus "" for "do not import"."""
    return [(e.key, [f.name for f in e.fields]) for e in ENTITIES]


class FilesPage(QWizardPage):
    """Choose the inventory files."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(_tr("Inventory files"))
        self.setSubTitle(_tr("Choose the customer's spreadsheet, CSV or PowerShell exports, "
                             "and any Exchange transport logs (files, a folder or a zip) to "
                             "find relay clients and mail volumes. You can also drop files "
                             "on the main window."))
        self.list = QListWidget()
        add = QPushButton(_tr("&Add files…"))
        add.clicked.connect(self._add)
        add_folder = QPushButton(_tr("Add f&older…"))
        add_folder.clicked.connect(self._add_folder)
        clear = QPushButton(_tr("C&lear"))
        clear.clicked.connect(self._clear)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(add_folder)
        buttons.addWidget(clear)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def set_files(self, files: list[Path]) -> None:
        """Show these files (and remember them on the wizard)."""
        self.wiz.chosen_files = list(dict.fromkeys(files))
        self.list.clear()
        self.list.addItems([str(f) for f in self.wiz.chosen_files])
        self.completeChanged.emit()

    def _add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, _tr("Inventory files"), self.wiz.folder,
            _tr("Inventories and transport logs (*.xlsx *.xlsm *.csv *.txt *.xml *.log *.LOG "
                "*.zip);;All files (*)"))
        self.set_files(self.wiz.chosen_files + [Path(n) for n in names])

    def _add_folder(self) -> None:
        # A folder of transport logs copied off the servers (its non-log files are skipped).
        folder = QFileDialog.getExistingDirectory(self, _tr("Folder of transport logs"),
                                                  self.wiz.folder)
        if folder:
            self.set_files([*self.wiz.chosen_files, Path(folder)])

    def _clear(self) -> None:
        self.set_files([])

    def isComplete(self) -> bool:
        """Next is enabled once there is a file."""
        return bool(self.wiz.chosen_files)

    def validatePage(self) -> bool:
        """Import with the automatic (or the project's saved) mapping."""
        return self.wiz.run_import(self.wiz.saved_mapping)


class MappingPage(QWizardPage):
    """Each table's entity and column mapping, editable, with a preview of the records."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(_tr("Column mapping"))
        self.setSubTitle(_tr("Check what each sheet was read as. Change an entity or a "
                             "column's field; the preview below updates."))
        self.tables = QListWidget()
        self.tables.currentRowChanged.connect(self._show_table)
        self.entity = QComboBox()
        self.entity.activated.connect(self._entity_changed)
        self.columns = QTableWidget(0, 4)
        self.columns.setHorizontalHeaderLabels(
            [_tr("Column"), _tr("Header"), _tr("Field"), _tr("Confidence")])
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for narrow in (0, 3):  # the column letter and the confidence need little room
            header.setSectionResizeMode(narrow, QHeaderView.ResizeMode.ResizeToContents)
        self.columns.verticalHeader().setVisible(False)
        self.columns.setTabKeyNavigation(False)
        self.preview = QTableWidget()
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setTabKeyNavigation(False)
        right = QWidget()
        rlay = QVBoxLayout(right)
        row = QHBoxLayout()
        row.addWidget(QLabel(_tr("Read as:")))
        row.addWidget(self.entity, 1)
        rlay.addLayout(row)
        rlay.addWidget(self.columns, 3)
        rlay.addWidget(QLabel(_tr("Preview of the imported records:")))
        rlay.addWidget(self.preview, 2)
        splitter = QSplitter()
        splitter.addWidget(self.tables)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        # A third of the page for the list, so "Servers → Servers" fits at 1024 px.
        splitter.setSizes([320, 640])
        QVBoxLayout(self).addWidget(splitter)
        self._building = False

    def initializePage(self) -> None:
        """List the tables of the last import."""
        self.refresh(0)

    def refresh(self, keep_row: int) -> None:
        """Rebuild the table list after an import, keeping the selection."""
        self.tables.blockSignals(True)
        self.tables.clear()
        mappings = self.wiz.sheet_mappings()
        # One file: its name on every row would push the sheet and entity out of the list.
        several_files = len({m.file for m in mappings}) > 1
        for m in mappings:
            entity = _entity_name(m.entity) if m.entity else _tr("(do not import)")
            where = f"{m.file} › {m.sheet}" if m.sheet else m.file
            short = f"{m.file} › {m.sheet}" if m.sheet and several_files else (m.sheet or m.file)
            item = QListWidgetItem(_tr("{where} → {entity}").format(where=short, entity=entity))
            item.setToolTip(_tr("{where} (header in row {row}) → {entity}").format(
                where=where, row=m.header_row, entity=entity))
            self.tables.addItem(item)
        # Signals stay blocked while selecting: the table is built once, below, not twice.
        self.tables.setCurrentRow(min(keep_row, self.tables.count() - 1))
        self.tables.blockSignals(False)
        self._show_table(self.tables.currentRow())

    def _show_table(self, row: int) -> None:
        mappings = self.wiz.sheet_mappings()
        if not 0 <= row < len(mappings):
            return
        m = mappings[row]
        self._building = True
        self.entity.clear()
        self.entity.addItem(_tr("(do not import)"), "")
        for key, _fields in _entities():
            self.entity.addItem(_entity_name(key), key)
        self.entity.setCurrentIndex(max(0, self.entity.findData(m.entity)))
        self.columns.setRowCount(len(m.columns))
        fields = dict(_entities()).get(m.entity, [])
        for i, c in enumerate(m.columns):
            self.columns.setItem(i, 0, QTableWidgetItem(c.letter))
            self.columns.setItem(i, 1, QTableWidgetItem(c.header))
            combo = QComboBox()
            combo.addItem(_tr("(ignore)"), "")
            for name in fields:
                combo.addItem(_field_name(m.entity, name), name)
            combo.setCurrentIndex(max(0, combo.findData(c.field)))
            combo.activated.connect(lambda _i, r=row, col=c.index, box=combo:
                                    self._field_changed(r, col, str(box.currentData())))
            self.columns.setCellWidget(i, 2, combo)
            confidence = QTableWidgetItem(texts().percent(c.confidence))
            if c.confidence < 0.75:
                confidence.setBackground(QColor(COLOURS["check"]))  # a soft "check this"
            self.columns.setItem(i, 3, confidence)
        self._building = False
        self._fill_preview(m.entity)

    def _fill_preview(self, entity: str) -> None:
        records = getattr(self.wiz.outcome.result.estate, ENTITY_FIELDS.get(entity, ""), ()) \
            if self.wiz.outcome else ()
        rows = records[:50]
        keys = [f.name for f in fields(rows[0])] if rows else []
        self.preview.clear()
        self.preview.setColumnCount(len(keys))
        self.preview.setRowCount(len(rows))
        # the names the field list above uses, in the interface language (never the codes)
        self.preview.setHorizontalHeaderLabels([_preview_title(entity, key) for key in keys])
        for r, record in enumerate(rows):
            for c, key in enumerate(keys):
                self.preview.setItem(r, c, QTableWidgetItem(cell_text(key, getattr(record, key))))

    def _entity_changed(self, _index: int) -> None:
        if not self._building:
            row = self.tables.currentRow()
            self.wiz.change_mapping(row, entity=str(self.entity.currentData()))
            self.refresh(row)

    def _field_changed(self, row: int, column: int, field: str) -> None:
        if not self._building:
            self.wiz.change_mapping(row, column=column, field=field)
            self.refresh(row)


class ReviewPage(QWizardPage):
    """The findings of the import and, on a re-import, what changed."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(_tr("Findings and changes"))
        self.setSubTitle(_tr("Finish brings the import into the project; you can undo it."))
        self.text = QPlainTextEdit(readOnly=True)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setStyleSheet(f"color: {COLOURS['alarm']}; font-weight: bold")
        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        layout.addWidget(self.text)

    def initializePage(self) -> None:
        """Summarise the outcome; say why Finish is off when the import read no server."""
        self.text.setPlainText(self.wiz.summary())
        reason = self.wiz.outcome.refusal if self.wiz.outcome is not None else ""
        self.refusal.setText(reason)
        self.refusal.setVisible(bool(reason))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Finish only for an import that read at least one server."""
        return self.wiz.outcome is not None and not self.wiz.outcome.refusal


class ImportWizard(QWizard):
    """Import inventory files into a document; ``exec()`` returns true when finished."""

    def __init__(self, document: Document, files: list[Path], folder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder
        self.chosen_files: list[Path] = []
        self.outcome: ImportOutcome | None = None
        self.mapping: Any = None
        self.error = ""
        self.saved_mapping = mapping_from_plain(document.project.mapping)
        self.setWindowTitle(_tr("Import inventory"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        fit_to_screen(self, 980, 640)
        self.files_page = FilesPage(self)
        self.mapping_page = MappingPage(self)
        self.review_page = ReviewPage(self)
        for page in (self.files_page, self.mapping_page, self.review_page):
            self.addPage(page)
        self.files_page.set_files(files)

    @property
    def has_errors(self) -> bool:
        """True when the import produced error findings."""
        return bool(self.outcome and self.outcome.has_errors)

    def sheet_mappings(self) -> tuple[Any, ...]:
        """The per-table mappings the last import used."""
        return tuple(self.outcome.result.mappings) if self.outcome else ()

    def run_import(self, mapping: Any) -> bool:
        """Import the chosen files with ``mapping``; False (and a message) on failure."""
        files = list(self.chosen_files)
        done = run_with_progress(self.document.runner, self, _tr("Reading the inventory…"),
                                 lambda job: read_inventory(files, mapping, job))
        if done.cancelled:
            return False
        if not done.ok:  # bad data arrives as findings; this is a failure of the reader
            self.error = done.error
            QMessageBox.critical(self, _tr("Import failed"), literal(self.error))
            return False
        self.outcome = done.result
        self.mapping = mapping
        return True

    def change_mapping(self, row: int, entity: str | None = None, column: int | None = None,
                       field: str = "") -> None:
        """Re-import with one table's entity or one column's field changed by the user."""
        sheets = list(self.sheet_mappings())
        m = sheets[row]
        if entity is not None:
            m = replace(m, entity=entity, columns=() if entity != m.entity else m.columns)
        if column is not None:
            m = replace(m, columns=tuple(
                replace(c, field=field, confidence=1.0) if c.index == column else c
                for c in m.columns))
        sheets[row] = m
        self.run_import(ColumnMapping(tuple(sheets)))

    def summary(self) -> str:
        """Counts, findings and (for a re-import) changes, as plain text."""
        if self.outcome is None:
            return ""
        lang = ui_language()
        estate = self.outcome.result.estate
        lines = [_tr("{0} servers, {1} DAGs, {2} databases, {3} connectors, "
                     "{4} relay clients imported.").format(
            len(estate.servers), len(estate.dags), len(estate.databases),
            len(estate.connectors), len(estate.relay_clients)), ""]
        for f in sorted(self.outcome.findings, key=lambda f: list(Severity).index(f.severity)):
            where = finding_location(f, lang)
            lines.append(f"{severity_label(f.severity)}: {f.message(lang)}"
                         + (f"  ({where})" if where else ""))
        if self.document.estate.servers:
            changes = estate_changes(self.document.estate, estate)
            lines += ["", _tr("Changes against the current project:")]
            lines += describe_changes(changes, lang) or [_tr("no changes")]
        return "\n".join(lines)

    def accept(self) -> None:
        """Bring the import into the document as one undoable edit."""
        if self.outcome is not None and not self.outcome.refusal:
            edit, _changes = import_edit(self.document.project, self.outcome)
            self.document.apply(edit)
        super().accept()
