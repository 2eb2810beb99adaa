"""The Steps table's column widths: fitted once to the first plan's rows, the Step column
giving way so that ID, WBS and Target stay in view, ID and WBS as wide as each plan's
numbers, and a width the consultant sets by hand kept."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from planner.gui.views.steps_model import StepsModel

__all__ = ["MIN_STEP_WIDTH", "StepColumns"]

MIN_STEP_WIDTH = 280  # pixels: enough of a title to tell the rows apart


class StepColumns:
    """Fits the columns of ``table`` (showing ``model``) as plans arrive and the window
    changes its width."""

    def __init__(self, table: QTableView, model: StepsModel) -> None:
        """Fit ``table``'s columns from the first plan on."""
        self.table = table
        self.model = model
        self.fitted = False
        self.step_width = 0  # the titles' width, measured once (see fit_step)
        self.auto_step_width = True  # until the consultant sets the Step column's width
        self._fitting = False
        table.horizontalHeader().sectionResized.connect(self._resized)

    def plan_shown(self) -> None:
        """After a plan's rows are in the model: the first time, every column to its
        contents; each time, ID and WBS to the plan's numbers."""
        if not self.fitted and self.model.rowCount():
            # Once, on the first rows: fitting after every plan measured every step (seconds
            # on a large estate) and undid the widths the consultant had set.
            self.fitted = self._fitting = True
            for column in range(5):
                self.table.resizeColumnToContents(column)
            self._fitting = False
            self.step_width = self.table.columnWidth(0)
            self.fit_step()
        self.fit_numbers()

    def fit_step(self) -> None:
        """The Step column as wide as its titles, but never so wide that ID, WBS and Target
        run off the window (a 1024-px screen cut Target at the edge): a long title is elided,
        its tooltip and the details pane have it whole. Follows the window's width until
        the consultant sets the column's width by hand."""
        if not self.fitted or not self.auto_step_width:
            return
        others = sum(self.table.columnWidth(column) for column in (1, 2, 3))
        # the vertical scroll bar's room too: it appears only after the rows are laid out
        viewport = self.table.maximumViewportSize().width()
        room = viewport - self.table.verticalScrollBar().sizeHint().width() - others
        self._set(0, max(min(self.step_width, room), min(self.step_width, MIN_STEP_WIDTH)))

    def fit_numbers(self) -> None:
        """ID and WBS at least as wide as the plan's longest (fitted once on the first plan,
        a later plan of 100 steps and more showed "1…")."""
        metrics = self.table.fontMetrics()
        for column, text in zip((1, 2), self.model.widest_numbers(), strict=True):
            needed = metrics.horizontalAdvance(text) + 2 * metrics.horizontalAdvance("0") + 12
            if text and self.table.columnWidth(column) < needed:
                self._set(column, needed)

    def _set(self, column: int, width: int) -> None:
        self._fitting = True  # a fit is no width the consultant set
        self.table.setColumnWidth(column, width)
        self._fitting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0 and not self._fitting and self.fitted:
            self.auto_step_width = False  # the consultant's width stays
