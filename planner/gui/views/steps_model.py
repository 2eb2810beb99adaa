"""A flat Qt table over the plan's steps: a header row per phase, its steps below it.

It adapts a :class:`~planner.core.plan.Plan` and owns nothing. Flat, not a tree: a tree
view lays out every row of every expanded phase through the model (index, parent and row
counts, then size hints of every row on a repaint), thousands of calls into Python, each
waiting for the interpreter while the worker plans (1,000 servers, 5,000 steps: half a
second of frozen window). A table asks only for the rows it paints. A folded phase's steps
are simply not rows.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
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
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from planner.core.booked_time import booked_words
from planner.core.explain_text import driver_text
from planner.core.outline import Outline, build_outline
from planner.core.plan import Phase, Plan, ScheduledStep, Step
from planner.core.report.step_order import phase_title as core_phase_title
from planner.core.vocabulary import COLOURS
from planner.gui.formats import format_date
from planner.gui.names import rule_name, target_name
from planner.gui.rich_text import literal

__all__ = ["STEP_ROLE", "StepRows", "StepsModel", "phase_title", "step_rows"]

STEP_ROLE = Qt.ItemDataRole.UserRole + 1  # the Step of a row (None on phase rows)
_Index = QModelIndex | QPersistentModelIndex


def phase_title(phase: Phase, lang: str = "en") -> str:
    """The phase's name for people, as the report, Excel and MS Project print it."""
    return core_phase_title(phase, lang)


def _d(day: date | None) -> str:
    return format_date(day) if day else ""


@dataclass(frozen=True)
class StepRows:
    """A plan's steps by phase in the outline's order, with the lookups the model needs
    (made on the worker: a large plan's took a tenth of a second)."""

    groups: tuple[tuple[Phase, tuple[Step, ...]], ...] = ()
    numbers: dict[str, tuple[int, str]] = field(default_factory=dict)  # id -> task id, WBS
    where: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> phase, position
    dated: dict[str, ScheduledStep] = field(default_factory=dict)  # id -> dates
    shape: tuple[tuple[Phase, tuple[str, ...]], ...] = ()  # the rows: same shape, no reset


def step_rows(plan: Plan | None, lang: str, outline: Outline | None = None) -> StepRows:
    """The rows of a plan's steps (``outline``: the plan's outline in ``lang`` if made)."""
    if plan is None:
        return StepRows()
    # The outline's order and numbers: "task 14" is the same step in Excel, MS Project and
    # the report.
    outline = outline or build_outline(plan, lang)
    by_phase: dict[Phase, list[Step]] = {}
    numbers: dict[str, tuple[int, str]] = {}
    for row in outline.rows:
        if row.step is not None:
            numbers[row.step.id] = (row.id, row.wbs)
            by_phase.setdefault(row.step.phase, []).append(row.step)
    groups = tuple((phase, tuple(steps)) for phase, steps in by_phase.items())
    return StepRows(
        groups, numbers,
        {step.id: (number, at) for number, (_, steps) in enumerate(groups)
         for at, step in enumerate(steps)},
        {s.step_id: s for s in plan.schedule.steps},
        tuple((phase, tuple(s.id for s in steps)) for phase, steps in groups))


class StepsModel(QAbstractTableModel):
    """Phase rows, each followed by its steps (with dates, rule and reason) unless folded."""

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
        self._rows = StepRows()
        self._folded: set[Phase] = set()
        self._starts: list[int] = []  # the row of each phase's header row
        self._total = 0
        self._pending: tuple[set[str], set[str]] = (set(), set())
        self._arrows: dict[bool | None, QIcon] = {}  # folded -> the branch arrow

    def set_plan(self, plan: Plan | None, lang: str = "en", knowledge: Any = None,
                 rows: StepRows | None = None) -> bool:
        """Show another plan (``knowledge`` names the rules; without it the ids are shown);
        True when the rows changed (the model was reset), False when only their cells did.

        ``rows``: the plan's rows in ``lang`` when already made (on the worker).

        A re-plan usually keeps the steps and their order and moves dates: then the cells
        are repainted (dataChanged) instead of a reset. Folded phases stay folded either
        way, as long as the phase has steps."""
        rows = rows if rows is not None else step_rows(plan, lang)
        same_rows = bool(self._rows.groups) and rows.shape == self._rows.shape
        if not same_rows:
            self.beginResetModel()
        self._plan = plan
        self._lang = lang
        self._knowledge = knowledge
        self._pending = (set(), set())
        self._rows = rows
        if same_rows:
            self._cells_changed()
            return False
        self._folded &= {phase for phase, _ in rows.groups}
        self._lay_out()
        self.endResetModel()
        return True

    def _lay_out(self) -> None:
        """Where each phase's header row is, given which phases are folded."""
        self._starts, row = [], 0
        for phase, steps in self._rows.groups:
            self._starts.append(row)
            row += 1 + (0 if phase in self._folded else len(steps))
        self._total = row

    def _locate(self, row: int) -> tuple[int, int]:
        """(phase number, position of the step in it or -1 for the phase's own row)."""
        number = bisect_right(self._starts, row) - 1
        return number, row - self._starts[number] - 1

    # --- phases: rows and folding ------------------------------------------------------

    def phase_count(self) -> int:
        """How many phases have steps."""
        return len(self._rows.groups)

    def phase_row(self, number: int) -> int:
        """The row of a phase's header."""
        return self._starts[number]

    def phase_of(self, index: _Index) -> int:
        """The phase number of a row (a phase's header or one of its steps), -1 if none."""
        if not index.isValid() or not 0 <= index.row() < self._total:
            return -1
        return self._locate(index.row())[0]

    def is_phase_row(self, index: _Index) -> bool:
        """Whether a row is a phase's header row."""
        return index.isValid() and self._locate(index.row())[1] < 0

    def is_folded(self, number: int) -> bool:
        """Whether a phase's steps are hidden."""
        return self._rows.groups[number][0] in self._folded

    def set_folded(self, number: int, folded: bool) -> None:
        """Hide (fold) or show a phase's steps: its rows are removed or inserted."""
        phase, steps = self._rows.groups[number]
        if folded == (phase in self._folded):
            return
        first = self._starts[number] + 1
        if steps:
            if folded:
                self.beginRemoveRows(QModelIndex(), first, first + len(steps) - 1)
            else:
                self.beginInsertRows(QModelIndex(), first, first + len(steps) - 1)
        if folded:
            self._folded.add(phase)
        else:
            self._folded.discard(phase)
        self._lay_out()
        if steps:
            if folded:
                self.endRemoveRows()
            else:
                self.endInsertRows()
        header = self.index(self._starts[number], 0)
        self.dataChanged.emit(header, header)  # its arrow

    # --- steps ------------------------------------------------------------------------

    def step_index(self, step_id: str) -> QModelIndex:
        """The index of a step's first column (invalid when absent or its phase folded)."""
        where = self._rows.where.get(step_id)
        if where is None or self.is_folded(where[0]):
            return QModelIndex()
        return self.index(self._starts[where[0]] + 1 + where[1], 0)

    def has_step(self, step_id: str) -> bool:
        """Whether the plan shown has this step (folded or not)."""
        return step_id in self._rows.where

    def reveal(self, step_id: str) -> QModelIndex:
        """Unfold a step's phase and return the step's index (invalid when absent)."""
        where = self._rows.where.get(step_id)
        if where is not None:
            self.set_folded(where[0], False)
        return self.step_index(step_id)

    def step_at(self, index: _Index) -> Step | None:
        """The step of a row, or None for a phase row."""
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        number, at = self._locate(index.row())
        return self._rows.groups[number][1][at] if at >= 0 else None

    # --- Qt -----------------------------------------------------------------------------

    def widest_numbers(self) -> tuple[str, str]:
        """The longest task id and WBS number of the plan (the columns fit them)."""
        numbers = self._rows.numbers.values()
        return (max((str(n) for n, _ in numbers), key=len, default=""),
                max((w for _, w in numbers), key=len, default=""))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: the phase rows and the steps of unfolded phases."""
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt: the fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: translated column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("StepsModel", str(self.COLUMNS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: cell text, tooltips, fonts and the step behind a row."""
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        number, at = self._locate(index.row())
        if at < 0:
            return self._phase_data(number, index.column(), role)
        step = self._rows.groups[number][1][at]
        if role == STEP_ROLE:
            return step
        if role == Qt.ItemDataRole.DisplayRole:
            return self._step_text(step, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self._step_text(step, index.column()))
        if role == Qt.ItemDataRole.FontRole:
            return self._step_font(step)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return self._arrow(None)  # blank: the title stands under its phase's, indented
        if role == Qt.ItemDataRole.ForegroundRole and self._dropped(step):
            return QBrush(QColor(COLOURS["muted"]))
        return None

    def multiData(self, index: _Index, span: Any) -> None:
        """Qt: every role a view asks of a cell (a delegate asks seven) in one call. Each
        call from Qt into Python waits for the interpreter while the worker plans, so a
        screen of cells took thousands of waits."""
        for item in span:
            item.setData(self.data(index, item.role()))

    def set_pending(self, excluded: frozenset[str], disabled_rules: frozenset[str]) -> None:
        """Mark steps an edit will drop (shown struck out until the new plan lands)."""
        self._pending = ({n.lower() for n in excluded}, set(disabled_rules))
        self._cells_changed()

    def _cells_changed(self) -> None:
        """Every cell may show something else; the rows stay (the view repaints what it
        shows: a table asks nothing of the rows off screen)."""
        if self._total:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._total - 1, self.columnCount() - 1))

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

    def _phase_data(self, number: int, column: int, role: int) -> Any:
        phase, steps = self._rows.groups[number]
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{phase_title(phase, self._lang)} ({len(steps)})"
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._arrow(phase in self._folded)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS["header_band"]))
        return None

    def _arrow(self, folded: bool | None) -> QIcon:
        """The tree's branch arrow: folded points right, unfolded down; None: a blank of
        the same size (step rows)."""
        if folded not in self._arrows:
            if folded is None:
                blank = QPixmap(16, 16)
                blank.fill(Qt.GlobalColor.transparent)
                self._arrows[None] = QIcon(blank)
            else:
                arrow = (QStyle.StandardPixmap.SP_ArrowRight if folded
                         else QStyle.StandardPixmap.SP_ArrowDown)
                self._arrows[folded] = QApplication.style().standardIcon(arrow)
        return self._arrows[folded]

    def _step_text(self, step: Step, column: int) -> str:
        # Only the asked column: a view asks cell by cell (paint, tooltips, fitting), and the
        # reason and the date's driver are sentences rendered from the catalogues.
        dated = self._rows.dated.get(step.id)
        lang = self._lang
        if column in (1, 2):
            task_id, wbs = self._rows.numbers.get(step.id, (0, ""))
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
