"""A table model over one kind of estate record (servers, DAGs, ...); it owns no data.

Rows are read from the document on every call. Servers get the planner's assessment
(product, release, support, path) as extra columns, coloured. Editing a cell builds an
undoable edit that replaces the record in the estate; editing a server's path records a
decision instead, because the path is the consultant's choice, not an inventory fact.
"""

from __future__ import annotations

import typing
from dataclasses import fields, replace
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from planner.core.model import (
    Connector,
    ConnectorType,
    Dag,
    Database,
    ExoReport,
    Namespace,
    RelayClient,
    Server,
    Site,
)
from planner.core.typed_values import parse_bool, parse_number
from planner.core.vocabulary import COLOURS, PATHS, PRODUCTS, MigrationPath
from planner.gui.document import Document
from planner.gui.edit import Edit, update_decisions
from planner.gui.formats import format_date, format_decimal_plain
from planner.gui.i18n import texts, ui_language, word
from planner.gui.models.row_order import SortedTableModel, sort_key
from planner.gui.rich_text import literal

if TYPE_CHECKING:  # an assessment comes with the first plan (start-up time)
    from planner.core.plan import ServerAssessment

__all__ = [
    "ASSESSMENT_COLUMNS",
    "ENTITY_TYPES",
    "SORT_ROLE",
    "EstateModel",
    "cell_text",
    "column_title",
    "display_value",
    "path_label",
]

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ENTITY_TYPES: dict[str, type[Any]] = {
    "servers": Server, "sites": Site, "dags": Dag, "databases": Database,
    "connectors": Connector, "relay_clients": RelayClient, "namespaces": Namespace,
    "exo_reports": ExoReport,
}
ASSESSMENT_COLUMNS = ("product", "release", "supported", "path", "judged")
PRODUCT_COLOURS = {code: t.tint for code, t in PRODUCTS.items()}
PATH_COLOURS = {code: t.tint for code, t in PATHS.items() if code != MigrationPath.NONE}
_Index = QModelIndex | QPersistentModelIndex


def display_value(value: Any) -> str:
    """A record's value as a cell shows it: ✓/–, lists joined, dates in the UI's format."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, tuple):  # names, or the days a relay client sent on
        return "; ".join(format_date(v) if isinstance(v, date) else str(v) for v in value)
    if isinstance(value, float):
        return format_decimal_plain(value)  # the interface's decimal mark; typed back alike
    return str(getattr(value, "value", value))


def cell_text(key: str, value: Any) -> str:
    """A field's value as the estate table and the import preview show it."""
    if key == "build_source":  # the core's vocabulary names its values
        return texts()(f"vocabulary.build_source.{value or 'unknown'}")
    if isinstance(value, MigrationPath):
        return path_label(value)
    if isinstance(value, ConnectorType):
        return texts()(f"export.connector_type.{value.value}")
    return display_value(value)


def _sort_text(value: Any) -> str:
    """What a non-number sorts by: dates in calendar order, the rest as shown."""
    return value.isoformat() if isinstance(value, date) else display_value(value)


def _parse(hint: Any, text: str) -> Any:
    """Turn typed cell text into the field's type; ValueError when it does not fit."""
    text = text.strip()
    args = typing.get_args(hint)
    optional = type(None) in args
    base = next((a for a in args if a is not type(None)), hint) if args else hint
    if text == "" and optional:
        return None
    if typing.get_origin(base) is tuple or base is tuple:
        return tuple(p.strip() for p in text.replace(",", ";").split(";") if p.strip())
    if base is bool:
        return parse_bool(text)  # the words the importer and the settings accept
    if base in (int, float):
        # as the importer reads a cell: 1.234,5 and 1,234.5; "1,5" in either language
        number = parse_number(text, texts().decimal_symbol() == ",")
        if base is int and not number.is_integer():
            raise ValueError(text)
        return int(number) if base is int else number
    if base is str:
        return text
    raise ValueError(text)  # enums, dates: not edited in the table


def path_label(path: MigrationPath) -> str:
    """A migration path in words, in the interface language."""
    return word(PATHS[path])


# The estate's tables (Estate's fields) and the graph's node kinds, as the vocabulary names
# their records (vocabulary.field.<entity>.<field>).
_ENTITY_OF = {"servers": "server", "sites": "site", "dags": "dag", "databases": "database",
              "connectors": "connector", "relay_clients": "relay_client",
              "namespaces": "namespace", "exo_reports": "exo_report",
              "org": "organization", "relay": "relay_client"}


def column_title(key: str, entity: str = "server") -> str:
    """A record field's or an assessment's title, from the one vocabulary (the import's
    field names, the findings' words): ``vocabulary.field.<entity>.<key>``, capitalised;
    a record's name is ``vocabulary.field.name``."""
    words = texts()
    if key == "build_source":  # the core's vocabulary names it (and its values)
        return words("vocabulary.build_source.title")
    entity = _ENTITY_OF.get(entity, entity)
    # a table's first column is its records' names: "Name" under the Servers tab
    own = "vocabulary.field.name" if key == "name" else f"vocabulary.field.{entity}.{key}"
    for full in (own, f"vocabulary.assessment.{key}"):
        if words.has(full):
            label = words(full)
            return label[:1].upper() + label[1:]
    return key  # tests/gui/test_estate_titles.py fails on a field the vocabulary lacks


class EstateModel(SortedTableModel):
    """Rows of ``document.estate.<entity>``; servers add the plan's assessment columns."""

    def __init__(self, document: Document, entity: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.entity = entity
        self.record_type = ENTITY_TYPES[entity]
        self.hints = typing.get_type_hints(self.record_type)
        self.fields = tuple(f.name for f in fields(self.record_type))
        self.extra = ASSESSMENT_COLUMNS if entity == "servers" else ()
        # The planner's verdict sits right after the name, where a consultant looks first.
        self.columns = (*self.fields[:1], *self.extra, *self.fields[1:])
        self._assessments: tuple[Any, dict[str, ServerAssessment]] = (None, {})
        self._records: tuple[Any, tuple[Any, ...]] = (None, ())
        document.estateChanged.connect(self._reset)
        document.planChanged.connect(self._plan_changed)
        document.decisionsChanged.connect(self._reset)

    def _reset(self) -> None:
        self.beginResetModel()
        self._assessments = (None, {})
        self.forget_order()
        self.endResetModel()

    def _plan_changed(self) -> None:
        """A new plan changes the servers' verdict columns, nothing else: those cells are
        repainted. A reset re-read and re-sorted every row of every table and lost the
        selection (a freeze on a large estate after each re-plan)."""
        if not self.extra:
            return  # DAGs, databases, connectors...: no column depends on the plan
        self._assessments = (None, {})
        if self.sorted_by() in self.extra:
            self._reset()  # the order itself may change
            return
        self.forget_texts()  # the filter box matches the verdicts' words too
        rows, first = self.rowCount(), self.columns.index(self.extra[0])
        if rows:
            self.dataChanged.emit(self.index(0, first),
                                  self.index(rows - 1, first + len(self.extra) - 1))

    def sorted_by(self) -> str:
        """The key of the column the rows are sorted by ("" when unsorted)."""
        column = self.sort_column()
        return self.columns[column] if 0 <= column < len(self.columns) else ""

    def item_count(self) -> int:
        """Number of records (sorted or not)."""
        return len(self.records())

    def item_sort_value(self, item: int, column: int) -> Any:
        """What a record sorts by in a column: numbers as numbers, the rest as shown."""
        record = self.records()[item]
        key = self.column_key(column)
        value = self._value(record, key)
        if isinstance(value, MigrationPath):
            return path_label(value)
        return value if isinstance(value, bool | int | float) else _sort_text(value)

    def sort_keys(self, column: int) -> list[tuple[int, Any]]:
        """Inventory fields straight from the records (a 20,000-server sort is one pass)."""
        key = self.column_key(column)
        if key not in self.fields or key == "build_source":
            return super().sort_keys(column)
        values = map(attrgetter(key), self.records())
        return [sort_key(v if isinstance(v, bool | int | float) else _sort_text(v)) for v in values]

    def item_text(self, item: int) -> str:
        """Every shown cell of a record, for the filter box."""
        record = self.records()[item]
        return "\t".join(cell_text(key, self._value(record, key)) for key in self.columns)

    def records(self) -> tuple[Any, ...]:
        """The records shown (straight from the document's estate)."""
        estate = self.document.estate
        if self._records[0] is not estate:  # a view asks per cell: look up once per estate
            self._records = (estate, getattr(estate, self.entity))
        return self._records[1]

    def column_key(self, column: int) -> str:
        """The field or assessment key shown in a column."""
        return str(self.columns[column])

    def row_of(self, name: str) -> int:
        """The row of the record with this name (case-insensitive), or -1."""
        key = name.strip().lower()
        for item, record in enumerate(self.records()):
            label = getattr(record, "name", None) or getattr(record, "server_fqdn", "")
            if str(label).lower() == key:
                return self.row_of_item(item)
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of records."""
        return 0 if parent.isValid() else len(self.records())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Record fields plus assessment columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles: the field names, readable."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if not 0 <= section < self.columnCount():
            return None
        return column_title(self.column_key(section), self.entity)

    def _assessment(self, record: Any) -> ServerAssessment | None:
        plan = self.document.plan
        if plan is None or not isinstance(record, Server):
            return None
        # One index per plan: a scan per cell made painting a large estate quadratic.
        if self._assessments[0] is not plan:
            self._assessments = (plan, {a.name.lower(): a for a in plan.proposal.servers})
        return self._assessments[1].get(record.name.lower())

    def _value(self, record: Any, key: str) -> Any:
        if key in self.fields:
            return getattr(record, key)
        a = self._assessment(record)
        if a is None:
            return None
        path = MigrationPath(self.document.decisions.paths.get(record.name, a.path))
        return {"product": a.product, "release": a.release, "supported": a.supported,
                "path": path, "judged": a.judged_by_exo}[key]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, edit text, sort key, colours and tool tips."""
        if not index.isValid() or not 0 <= index.row() < len(self.records()):
            return None
        record = self.records()[self.item_row(index.row())]
        key = self.column_key(index.column())
        value = self._value(record, key)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(key, value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return display_value(value)
        if role == SORT_ROLE:
            if isinstance(value, bool | int | float):
                return float(value)
            return _sort_text(value).lower()
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(record, key, value)
        if role == Qt.ItemDataRole.ToolTipRole and key in self.extra:
            a = self._assessment(record)
            return literal(a.reason(ui_language())) if a else None
        return None

    def _background(self, record: Any, key: str, value: Any) -> QBrush | None:
        colour = None
        if key == "product":
            colour = PRODUCT_COLOURS.get(str(value))
        elif key == "path" and value is not None:
            colour = PATH_COLOURS.get(value)
        elif key == "supported" and value is False:
            colour = PRODUCTS["2013"].tint  # the colour of "must go"
        elif key == "judged" and value:
            colour = COLOURS["exchange_online_tint"]
        return QBrush(QColor(colour)) if colour else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Inventory fields and the server path are editable; other assessment columns not."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = self.column_key(index.column())
        if key == "path" or (key in self.fields and key != "build_source"
                             and self._editable(key)):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def _editable(self, key: str) -> bool:
        try:
            _parse(self.hints[key], "")
        except ValueError:
            return key != "type"  # a text/number field accepts text; enums and dates do not
        return True

    def setData(self, index: _Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Apply a cell edit as an undoable command on the document."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self.item_row(index.row())
        record = self.records()[item]
        key = self.column_key(index.column())
        edit = self._edit_for(item, record, key, str(value))
        if edit is None:
            return False
        self.document.apply(edit)
        return True

    def _edit_for(self, row: int, record: Any, key: str, text: str) -> Edit | None:
        label = getattr(record, "name", None) or getattr(record, "server_fqdn", "")
        if key == "path":
            return self._path_edit(record.name, text)
        try:
            new_value = _parse(self.hints[key], text)
        except ValueError:
            return None
        if new_value == getattr(record, key):
            return None
        changes = {key: new_value}
        if key == "build" and isinstance(record, Server):
            changes["build_source"] = "inventory"  # typed by hand: no longer the file's own word
        new_record = replace(record, **changes)
        entity = self.entity

        def apply(project: Any) -> Any:
            rows = list(getattr(project.estate, entity))
            if row < len(rows) and rows[row] == record:
                rows[row] = new_record
            return replace(project, estate=replace(project.estate, **{entity: tuple(rows)}))

        return Edit(lambda: QCoreApplication.translate("EstateModel", "Change {0} of {1}").format(
            column_title(key, entity), label), apply)

    def _path_edit(self, server: str, text: str) -> Edit | None:
        try:
            path = MigrationPath(text.strip())
        except ValueError:
            return None

        def change(decisions: Any) -> Any:
            return replace(decisions, paths={**decisions.paths, server: path.value})

        return update_decisions(change, lambda: QCoreApplication.translate(
            "EstateModel", "Change path of {0}").format(server))
