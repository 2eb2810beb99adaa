"""A two-level Qt model of the plan's steps: phases, and under each its steps with dates.

It adapts a :class:`~planner.core.plan.Plan` and owns nothing; ``set_plan`` swaps the plan
and resets the model.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from planner.core.booked_time import booked_words
from planner.core.explain_text import driver_text
from planner.core.outline import Outline, build_outline
from planner.core.plan import Phase, Plan, Step
from planner.core.report.step_order import phase_title as core_phase_title
from planner.core.vocabulary import COLOURS
from planner.gui.formats import format_date
from planner.gui.names import rule_name, target_name
from planner.gui.rich_text import literal

__all__ = ["STEP_ROLE", "StepsModel", "phase_title"]

STEP_ROLE = Qt.ItemDataRole.UserRole + 1  # the Step of a row (None on phase rows)
_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = 0xFFFFFFFF  # internalId of phase rows; step rows carry their phase's row


def phase_title(phase: Phase, lang: str = "en") -> str:
    """The phase's name for people, as the report, Excel and MS Project print it."""
    return core_phase_title(phase, lang)


def _d(day: date | None) -> str:
    return format_date(day) if day else ""


class StepsModel(QAbstractItemModel):
    """Phases as top rows; steps (with dates, rule and reason) as their children."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("StepsModel", "Step"), QT_TRANSLATE_NOOP("StepsModel", "ID"),
        QT_TRANSLATE_NOOP("StepsModel", "WBS"), QT_TRANSLATE_NOOP("StepsModel", "Target"),
        QT_TRANSLATE_NOOP("StepsModel", "Start"), QT_TRANSLATE_NOOP("StepsModel", "End"),
        QT_TRANSLATE_NOOP("StepsModel", "Days"), QT_TRANSLATE_NOOP("StepsModel", "Consultant"),
        QT_TRANSLATE_NOOP("StepsModel", "Rule"), QT_TRANSLATE_NOOP("StepsModel", "Reason"),
        QT_TRANSLATE_NOOP("StepsModel", "Date driven by"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self._lang = "en"
        self._knowledge: Any = None
        self._groups: list[tuple[Phase, list[Step]]] = []
        self._numbers: dict[str, tuple[int, str]] = {}  # step id -> (task id, WBS)
        self._pending: tuple[set[str], set[str]] = (set(), set())
        self._dated: dict[str, Any] = {}

    def set_plan(self, plan: Plan | None, lang: str = "en", knowledge: Any = None,
                 outline: Outline | None = None) -> bool:
        """Show another plan (``knowledge`` names the rules; without it the ids are shown);
        True when the rows changed (the model was reset), False when only their cells did.

        ``outline``: the plan's outline in ``lang`` when already built (on the worker: a
        large plan's took most of a second on the GUI thread).

        A re-plan usually keeps the steps and their order and moves dates: then the cells
        are repainted (dataChanged) instead of a reset, which made the view lay out and
        expand every row again, thousands of calls into Python, each waiting for the
        interpreter while the worker goes on planning (1,000 servers: most of a second)."""
        rows = self._rows(plan, lang, outline)
        same_rows = bool(self._groups) and [(phase, [s.id for s in steps]) for phase, steps
                                            in rows[0]] == self._shape()
        if not same_rows:
            self.beginResetModel()
        self._plan = plan
        self._lang = lang
        self._knowledge = knowledge
        self._pending = (set(), set())
        self._groups, self._numbers = rows
        # One index per plan: the schedule's own lookup scans, once per cell and repaint.
        self._dated = {s.step_id: s for s in plan.schedule.steps} if plan else {}
        if same_rows:
            self._cells_changed()
            return False
        self.endResetModel()
        return True

    @staticmethod
    def _rows(plan: Plan | None, lang: str, outline: Outline | None) -> tuple[
            list[tuple[Phase, list[Step]]], dict[str, tuple[int, str]]]:
        """The steps by phase in the outline's order, and each step's task id and WBS."""
        groups: dict[Phase, list[Step]] = {}
        numbers: dict[str, tuple[int, str]] = {}
        # The outline's order and numbers: "task 14" is the same step in Excel, MS Project
        # and the report.
        if plan is not None and outline is None:
            outline = build_outline(plan, lang)
        for row in outline.rows if outline else ():
            if row.step is not None:
                numbers[row.step.id] = (row.id, row.wbs)
                groups.setdefault(row.step.phase, []).append(row.step)
        return list(groups.items()), numbers

    def _shape(self) -> list[tuple[Phase, list[str]]]:
        return [(phase, [s.id for s in steps]) for phase, steps in self._groups]

    def step_index(self, step_id: str) -> QModelIndex:
        """The index of a step's first column (invalid when absent)."""
        for prow, (_, steps) in enumerate(self._groups):
            for row, step in enumerate(steps):
                if step.id == step_id:
                    return self.index(row, 0, self.index(prow, 0))
        return QModelIndex()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt: the index of a cell."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row())

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Qt: a step's phase row; phases have no parent."""
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _NO_PARENT)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: phases at the top, steps below a phase, nothing below a step."""
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: the fixed columns."""
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: translated column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("StepsModel", str(self.COLUMNS[section]))
        return None

    def step_at(self, index: _Index) -> Step | None:
        """The step of a row, or None for a phase row."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self._groups[int(index.internalId())][1][index.row()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: cell text, tooltips, fonts and the step behind a row."""
        if not index.isValid():
            return None
        step = self.step_at(index)
        if step is None:
            return self._phase_data(index, role)
        if role == STEP_ROLE:
            return step
        if role == Qt.ItemDataRole.DisplayRole:
            return self._step_text(step, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self._step_text(step, index.column()))
        if role == Qt.ItemDataRole.FontRole:
            return self._step_font(step)
        if role == Qt.ItemDataRole.ForegroundRole and self._dropped(step):
            return QBrush(QColor(COLOURS["muted"]))
        return None

    def set_pending(self, excluded: frozenset[str], disabled_rules: frozenset[str]) -> None:
        """Mark steps an edit will drop (shown struck out until the new plan lands)."""
        self._pending = ({n.lower() for n in excluded}, set(disabled_rules))
        self._cells_changed()

    def _cells_changed(self) -> None:
        """Every cell may show something else; the rows stay (the view repaints what it
        shows)."""
        if self._groups:
            last = self.index(len(self._groups) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last)
            for row in range(len(self._groups)):
                parent = self.index(row, 0)
                count = self.rowCount(parent)
                if count:
                    self.dataChanged.emit(self.index(0, 0, parent),
                                          self.index(count - 1, self.columnCount() - 1, parent))

    def _dropped(self, step: Step) -> bool:
        excluded, rules = self._pending
        server = step.server().lower()
        return step.rule in rules or (bool(server) and server in excluded)

    def _step_font(self, step: Step) -> QFont | None:
        pinned = self._plan is not None and step.id in self._plan.decisions.pins
        dropped = self._dropped(step)
        if not (pinned or dropped):
            return None
        font = QFont()
        font.setItalic(pinned)
        font.setStrikeOut(dropped)
        return font

    def _phase_data(self, index: _Index, role: int) -> Any:
        phase, steps = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{phase_title(phase, self._lang)} ({len(steps)})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS["header_band"]))
        return None

    def _step_text(self, step: Step, column: int) -> str:
        # Only the asked column: a view asks cell by cell (paint, tooltips, fitting), and the
        # reason and the date's driver are sentences rendered from the catalogues.
        dated = self._dated.get(step.id)
        lang = self._lang
        if column in (1, 2):
            task_id, wbs = self._numbers.get(step.id, (0, ""))
            return (str(task_id) if task_id else "") if column == 1 else wbs
        if column == 0:
            return step.title(lang)
        if column == 3:
            return target_name(step.target, lang)
        if column == 6:
            return str(step.duration_days)
        if column == 8:
            return rule_name(step.rule, self._knowledge, lang)
        if column == 9:
            return step.why(lang)
        if dated is None:
            return ""
        if column in (4, 5):
            return _d(dated.start if column == 4 else dated.end)
        if column == 7:
            return booked_words(dated, lang) or dated.consultant
        if column == 10 and self._plan is not None:
            return driver_text(self._plan, dated, lang)
        return ""
