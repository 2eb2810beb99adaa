"""The steps page's table: a flat view of :class:`StepsModel` that folds phases as a tree
would (click the arrow or double-click a phase row; Left and Right; Space or Enter on a
phase), but asks the model only for the rows it shows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from planner.gui.views.steps_model import StepsModel

__all__ = ["StepsTable"]

_ARROW_ROOM = 24  # pixels at the phase row's left edge that fold on a single click


class StepsTable(QTableView):
    """Rows are selected whole, one at a time; no grid, no row numbers, even row heights."""

    def __init__(self, model: StepsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the next control
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no row is measured
        rows.setMinimumSectionSize(0)
        height = self.fontMetrics().height() + 3  # as dense as the tree's rows were
        rows.setDefaultSectionSize(height)
        self.setIconSize(QSize(height - 4, height - 4))  # the phases' arrows
        columns = self.horizontalHeader()
        columns.setStretchLastSection(True)
        columns.setSectionsMovable(True)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # fitting a column measures the rows on screen and then up to 50 more, not a
        # thousand (Qt's default; the column's header holds the figure)
        columns.setResizeContentsPrecision(50)

    def steps_model(self) -> StepsModel:
        """The model, typed."""
        model = self.model()
        assert isinstance(model, StepsModel)
        return model

    def toggle(self, index: QModelIndex) -> bool:
        """Fold or unfold the phase of a phase row; False for a step row."""
        model = self.steps_model()
        if not model.is_phase_row(index):
            return False
        number = model.phase_of(index)
        model.set_folded(number, not model.is_folded(number))
        self.setCurrentIndex(model.index(model.phase_row(number), 0))
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a phase row's arrow folds or unfolds it."""
        index = self.indexAt(event.position().toPoint())
        on_arrow = (event.button() == Qt.MouseButton.LeftButton and index.column() == 0
                    and event.position().x() - self.visualRect(index).left() < _ARROW_ROOM)
        if on_arrow and self.toggle(index):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click on a phase row folds or unfolds it."""
        if not self.toggle(self.indexAt(event.position().toPoint())):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """As in a tree: Left folds a phase (from a step: goes to its phase), Right unfolds
        it (unfolded: goes to its first step), Space or Enter toggles it."""
        model = self.steps_model()
        index = self.currentIndex()
        key = event.key()
        number = model.phase_of(index)
        if number < 0 or key not in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Space,
                                     Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        phase_row = model.index(model.phase_row(number), 0)
        on_phase = model.is_phase_row(index)
        folded = model.is_folded(number)
        if key == Qt.Key.Key_Left:
            if on_phase:
                model.set_folded(number, True)
            self.setCurrentIndex(phase_row)
        elif key == Qt.Key.Key_Right:
            if on_phase and folded:
                model.set_folded(number, False)
            elif on_phase and model.rowCount() > phase_row.row() + 1:
                self.setCurrentIndex(model.index(phase_row.row() + 1, 0))
        elif on_phase:
            self.toggle(index)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def fold_all(self, folded: bool) -> None:
        """Fold or unfold every phase."""
        model = self.steps_model()
        for number in range(model.phase_count()):
            model.set_folded(number, folded)
