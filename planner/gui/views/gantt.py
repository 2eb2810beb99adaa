"""The Gantt view: the plan's bars over the calendar and the enforcement clock.

Zoom by day, week or month; hover a bar for its dates and what drove them; drag a bar to pin
its step to another day (an undoable edit; the plan re-optimises around the pin); right-click
a pinned bar to release it.

A new plan's chart is worked out on the worker (:mod:`gantt_data`) and its items are added
to a fresh scene a slice per turn of the event loop; the old chart stays on screen until the
new one is complete, and a newer plan stops an older chart's drawing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from html import escape
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from planner.core.calendar import build_calendar
from planner.core.enforcement import daily_stages
from planner.core.errors import error_words
from planner.core.plan import Plan
from planner.core.vocabulary import COLOURS, STAGE_KINDS
from planner.gui.formats import format_date
from planner.gui.i18n import texts, ui_language, word
from planner.gui.names import step_name
from planner.gui.views.gantt_canvas import DRAW_SLICE, GanttGraphicsView
from planner.gui.views.gantt_data import ChartData, chart_data
from planner.gui.views.gantt_layout import (
    LABEL_W,
    MIN_LABEL_W,
    auto_label_width,
)
from planner.gui.views.gantt_scene import (
    STAGE_COLORS,
    GanttInput,
    bar_tips,
    label_advances,
)
from planner.gui.views.planning_edits import pin_step, submit_decisions
from planner.gui.views.when_shown import WhenShown
from planner.gui.worker import SyncRunner

__all__ = ["ZOOM_PX_PER_DAY", "GanttGraphicsView", "GanttView", "plan_calendar", "plan_stages"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("GanttView", text)


ZOOM_PX_PER_DAY = {"day": 28.0, "week": 10.0, "month": 3.2}
RESIZE_PAUSE_MS = 300  # a label column fitting its labels is fitted anew after this pause


def plan_calendar(plan: Plan) -> Any:
    """The working calendar the plan was scheduled on."""
    return build_calendar(plan.settings, plan.estate)


def chart_for(data: GanttInput, knowledge: Any) -> ChartData:
    """The chart's shapes with its calendar and stage days (pure data: on the worker)."""
    plan = data.plan
    return chart_data(replace(data, calendar=plan_calendar(plan),
                              stages=plan_stages(plan, knowledge)))


def plan_stages(plan: Plan, knowledge: Any) -> dict[str, tuple[Any, ...]]:
    """Each judged server's enforcement stage per day, up to its cutover or the finish."""
    end = plan.schedule.objective.finish or plan.settings.start
    end = max([end] + [s.end for s in plan.schedule.steps]) + timedelta(days=10)
    return {
        e.server: tuple(daily_stages(e, plan.schedule.pauses, knowledge.policy, end))
        for e in plan.schedule.exposure
    }


def _saved_width() -> float | None:
    """The label column's width the user dragged it to (None: none, or unreadable: the
    column fits its labels)."""
    try:
        saved = QSettings().value("gantt/label_width", None)
        return None if saved is None else max(MIN_LABEL_W, float(str(saved)))
    except ValueError:
        return None


class GanttView(QWidget):
    """Zoom bar, legend and the chart, kept in step with the open document's plan."""

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.zoom = QComboBox()
        for key, text in (("day", self.tr("Day")), ("week", self.tr("Week")),
                          ("month", self.tr("Month"))):
            self.zoom.addItem(text, key)
        self.zoom.setCurrentIndex(1)
        self.zoom.currentIndexChanged.connect(self.refresh)
        self.chart = GanttGraphicsView(self)
        self.chart.pinRequested.connect(self._pin)
        self.label_w = _saved_width()  # None: fits the labels (auto_label_width)
        self.chart.labelWidthChanged.connect(self._set_label_width)
        self._natural_label_w = 0.0  # what the chart shown needs for its widest label
        self._refit = QTimer(self, singleShot=True, interval=RESIZE_PAUSE_MS)
        self._generation = 0  # a newer refresh stops an older chart's work and drawing
        self._job: Any = None
        self._advances: tuple[str, dict[str, float]] | None = None
        self.status = QLabel()
        self.note = QLabel()  # pins moved to a day their step may start on
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # it names steps/what was typed
        self.note.setStyleSheet(f"background: {COLOURS['check']}; padding: 3px;")
        self.note.hide()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Zoom:")))
        bar.addWidget(self.zoom)
        bar.addSpacing(16)
        bar.addWidget(self._legend())
        bar.addStretch(1)
        bar.addWidget(self.status)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.note)
        box.addWidget(self.chart, 1)
        # a plan that lands while the page is hidden is drawn when it is shown
        self._when_shown = WhenShown(self, self.refresh)
        document.planChanged.connect(self._when_shown.request)
        self._refit.timeout.connect(self._when_shown.request)
        document.busyChanged.connect(self._busy)
        self.refresh()

    def _busy(self, busy: bool) -> None:
        # The dropped bar stays where it was dropped until the new plan lands.
        if busy:
            self.status.setText(self.tr("Re-planning…"))

    def _legend(self) -> QLabel:
        chips = "".join(
            f'<span style="background:{STAGE_COLORS[k]}">&nbsp;{escape(word(t))}&nbsp;</span> '
            for k, t in STAGE_KINDS.items())
        label = QLabel(self.tr("Enforcement: ") + chips)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def set_zoom(self, key: str) -> None:
        """Switch the scale: "day", "week" or "month"."""
        self.zoom.setCurrentIndex(max(0, self.zoom.findData(key)))

    def refresh(self) -> None:
        """Redraw from the document's current plan: shapes on the worker, then the items in
        slices (a newer refresh stops this one)."""
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
        plan: Plan | None = self.document.plan
        if plan is None:
            self.chart.clear_chart()
            self.status.setText(self.tr("No plan yet."))
            self.note.hide()
            return
        lang = ui_language()
        data = GanttInput(plan=plan, px_per_day=ZOOM_PX_PER_DAY[self.zoom.currentData() or "week"],
                          lang=lang, label_w=self.label_w or LABEL_W,
                          view_width=0.0 if self.label_w else self._view_width(),
                          advances=self._label_advances(lang))
        knowledge = self.document.knowledge
        generation = self._generation
        self._job = self.document.runner.submit(
            "gantt", lambda: chart_for(data, knowledge),
            lambda chart: self._draw(generation, plan, lang, chart),
            lambda exc, _trace: self._failed(generation, exc))

    def _label_advances(self, lang: str) -> dict[str, float]:
        """Character widths of the label font, measured once per language (GUI thread)."""
        if self._advances is None or self._advances[0] != lang:
            self._advances = (lang, label_advances())
        return self._advances[1]

    def _view_width(self) -> float:
        """The chart's width on screen (the window's until the page is laid out)."""
        return float(self.chart.viewport().width() if self.isVisible()
                     else self.window().width() - 200)

    def resizeEvent(self, event: Any) -> None:
        """A label column that fits its labels follows the window (once the resizing
        pauses: the chart is drawn anew)."""
        super().resizeEvent(event)
        self._check_fit()

    def _check_fit(self) -> None:
        """Fit the label column anew when the view's width calls for another one (the
        chart may have been laid out before the page had its size)."""
        layout = self.chart.layout_info
        if self.label_w is None and layout is not None and self._natural_label_w:
            wanted = auto_label_width(self._natural_label_w, self._view_width())
            if abs(wanted - layout.label_w) > 4:
                self._refit.start()

    def _current(self, generation: int) -> bool:
        return generation == self._generation and shiboken6.isValid(self)

    def _draw(self, generation: int, plan: Plan, lang: str, chart: ChartData) -> None:
        if not self._current(generation):
            return  # a newer plan (or zoom) took over, or the page went

        def done() -> None:
            self._natural_label_w = chart.natural_label_w
            self._check_fit()
            self._show_snapped(plan)
            finish = plan.schedule.objective.finish
            self.status.setText(self.tr("{n} steps, finish {finish}").format(
                n=len(plan.proposal.steps), finish=format_date(finish) if finish else "–"))

        # Planning on this thread (tests, the self-test) holds the window anyway: draw at once.
        size = len(chart.shapes) + len(chart.arrows) \
            if isinstance(self.document.runner, SyncRunner) else DRAW_SLICE
        self.chart.draw(chart, bar_tips(plan, lang), lambda: self._current(generation), done,
                        max(size, 1))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if self._current(generation):  # never fatal: the status line says why
            self.status.setText(self.tr("The chart cannot be drawn: {0}").format(
                error_words(exc, ui_language())))  # a bug's text is in the log, not here

    def _set_label_width(self, width: float) -> None:
        """The width the consultant dragged the column to (0: fit the labels again)."""
        self.label_w = width or None
        if width:
            QSettings().setValue("gantt/label_width", width)
        else:
            QSettings().remove("gantt/label_width")
        self.refresh()

    def _show_snapped(self, plan: Plan) -> None:
        """Say where a pin was moved because its step may not start on the day asked."""
        lang = ui_language()  # titles of the snapped steps only (a plan has thousands)
        notes = [texts()("schedule.cli.snapped", step=plan.proposal.title_of(m.step_id, lang),
                         asked=m.asked, used=m.used)
                 for m in plan.schedule.snapped_pins]
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))

    def _pin(self, step_id: str, day: date | None) -> None:
        doc = self.document

        def text() -> str:
            step = step_name(step_id, doc.plan)
            if day is None:
                return _tr("Unpin {step}").format(step=step)
            return _tr("Pin {step} to {day}").format(step=step, day=format_date(day))

        submit_decisions(doc, text, lambda d: pin_step(d, step_id, day))
