"""A message bar above the pages: this plan was made with older knowledge, re-plan?

A project saved months ago keeps its plan, dated builds and baselines as they were known
then. After Help › Update knowledge from file… (or a newer release) the planner knows more;
the consultant must see that on opening the project, not only deep in the findings list,
and get the fresh plan with one click. The decision (older or not) is the core's
``knowledge_findings``; this bar only shows its message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from planner.gui.i18n import ui_language

__all__ = ["KnowledgeBar"]


class KnowledgeBar(QFrame):
    """Shown while the document's plan is older than the planner's knowledge."""

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("knowledge-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        # by the property's name: Qt.TextFormat would make the Qt namespace (shortcuts.py)
        self.message.setProperty("textFormat", "PlainText")
        self.replan = QPushButton(self.tr("Re-plan with the current knowledge"))
        self.replan.clicked.connect(self._replan)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.message, 1)
        row.addWidget(self.replan)
        row.addWidget(self.close_button)
        document.planChanged.connect(self.refresh)
        document.busyChanged.connect(self._busy)  # a method: disconnected when the bar goes
        self.refresh()

    def refresh(self) -> None:
        """Show the core's note for the current plan, or hide when there is none."""
        plan = self.document.plan
        if plan is None:
            self.setVisible(False)
            return
        # start-up time: the build lifecycle tables load with the first plan, not before
        from planner.core.exo_view import knowledge_findings

        notes = knowledge_findings(plan, self.document.knowledge)
        self.message.setText(notes[0].message(ui_language()) if notes else "")
        self.setVisible(bool(notes))

    def _busy(self, busy: bool) -> None:
        self.replan.setEnabled(not busy)

    def _replan(self) -> None:
        self.document.forget_knowledge()  # read the overlay afresh, as the update action does
        self.document.replan()
