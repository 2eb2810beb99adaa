"""A table model of the knowledge base's facts beside the project's overrides of them.

Each row shows a fact's name (its key in the tooltip), the knowledge base's value, its
source and as-of date, and the project's override (editable). The model adapts the
knowledge and a dict of overrides; it owns nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from planner.core.fact_words import fact_name
from planner.core.knowledge import Knowledge
from planner.core.vocabulary import COLOURS
from planner.gui.i18n import texts
from planner.gui.rich_text import literal

__all__ = ["FactRow", "OverridesModel", "fact_rows"]

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FactRow:
    """One overridable fact as the knowledge base has it."""

    key: str
    value: Any
    source: str
    as_of: date | None
    confidence: str = ""
    documentation: bool = False  # no code reads it: an override changes nothing


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return ", ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def fact_rows(knowledge: Knowledge) -> tuple[FactRow, ...]:
    """Every overridable fact of an (un-overridden) knowledge base: facts, then stages."""
    rows = [FactRow(f.key, f.value, f.source, f.as_of, f.confidence, f.documentation)
            for f in knowledge.facts.values()]
    for stage in knowledge.policy.stages:
        for name in ("start_day", "end_day", "kind"):
            rows.append(FactRow(f"stage.{stage.number}.{name}", getattr(stage, name),
                                stage.source, stage.as_of, stage.confidence))
    return tuple(rows)


class OverridesModel(QAbstractTableModel):
    """Fact, knowledge-base value, source, as of, and the project's override (editable)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("OverridesModel", "Fact"),
        QT_TRANSLATE_NOOP("OverridesModel", "Knowledge base"),
        QT_TRANSLATE_NOOP("OverridesModel", "Source"),
        QT_TRANSLATE_NOOP("OverridesModel", "As of"),
        QT_TRANSLATE_NOOP("OverridesModel", "Project override"),
    )
    OVERRIDE = 4

    def __init__(self, rows: tuple[FactRow, ...], overrides: dict[str, Any],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._overrides = {k: _text(v) for k, v in overrides.items()}
        self._unknown = {k: v for k, v in overrides.items() if k not in {r.key for r in rows}}

    def overrides(self) -> dict[str, Any]:
        """The overrides as entered (text; the knowledge loader converts them)."""
        result: dict[str, Any] = dict(self._unknown)
        result.update({k: v for k, v in self._overrides.items() if v.strip()})
        return result

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: one row per fact."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: the fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: translated column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("OverridesModel", str(self.COLUMNS[section]))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Qt: only the override column is editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.OVERRIDE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: the cell's text; overridden rows in bold."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        override = self._overrides.get(row.key, "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (fact_name(texts(), row.key), _text(row.value), row.source,
                      row.as_of.isoformat() if row.as_of else "", override)
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            # the key is what a settings file names; the confidence in words, if not primary
            confidence = f"report.confidence_{row.confidence}"
            tip = "\n".join(t for t in (
                texts()("plan.knowledge.key", setting=row.key), row.source,
                texts()(confidence) if texts().has(confidence) else "") if t)
            # say it where the override is typed, so nobody believes it moves the plan
            return literal(tip + ("\n" + texts()("plan.knowledge.documentation_only")
                                    if row.documentation else ""))
        if role == Qt.ItemDataRole.ForegroundRole and row.documentation:
            return QBrush(QColor(COLOURS["muted"]))
        if role == Qt.ItemDataRole.FontRole and override:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and override and index.column() == self.OVERRIDE:
            return QBrush(QColor(COLOURS["check"]))
        return None

    def setData(self, index: _Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Qt: type an override; empty text removes it."""
        if not index.isValid() or index.column() != self.OVERRIDE or \
                role != Qt.ItemDataRole.EditRole:
            return False
        key = self._rows[index.row()].key
        self._overrides[key] = str(value or "").strip()
        self.dataChanged.emit(self.index(index.row(), 0), index)
        return True

    def row_of(self, key: str) -> int:
        """The row of a key, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)
