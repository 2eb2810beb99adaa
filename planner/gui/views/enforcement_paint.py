"""Painted widgets of the enforcement view: the stage strips and the pause-budget gauges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.core.pause_policy import BudgetYear
from planner.core.vocabulary import COLOURS, STAGE_KINDS, StageKind
from planner.gui.formats import format_date, format_month
from planner.gui.rich_text import esc
from planner.gui.views.gantt_scene import STAGE_COLORS, stage_runs

__all__ = ["PauseBudgetGauge", "StageStrips", "StripRow"]

NAME_W = 150
ROW_H = 26
AXIS_H = 20


@dataclass(frozen=True)
class StripRow:
    """One judged server: its stage per day and the day it leaves Exchange Online's view."""

    server: str
    first_detected: date
    cutover: date | None
    stages: tuple[Any, ...]  # DayStage
    source: str = ""


class StageStrips(QWidget):
    """A strip per judged server on one shared date axis; the cutover marked in black."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[StripRow, ...] = ()
        self.first = date.today()
        self.last = date.today()
        self.history_before = date.today()  # days before it (the first counted day) are history
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_rows(self, rows: tuple[StripRow, ...], first: date, last: date,
                 history_before: date | None = None) -> None:
        """Show these servers between two days; days before ``history_before`` are hatched."""
        self.rows = rows
        self.first, self.last = first, max(last, first + timedelta(days=1))
        self.history_before = history_before or first
        self.setFixedHeight(AXIS_H + ROW_H * max(1, len(rows)) + 4)
        self.update()

    def sizeHint(self) -> QSize:
        """Wide enough to read, as tall as its rows."""
        return QSize(700, AXIS_H + ROW_H * max(1, len(self.rows)) + 4)

    def _scale(self) -> float:
        return (self.width() - NAME_W - 8) / ((self.last - self.first).days + 1)

    def _x(self, day: date) -> float:
        return NAME_W + (day - self.first).days * self._scale()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Axis with month ticks, then one coloured strip per server."""
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        if not self.rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No server is below Exchange Online's minimum version."))
            return
        self._paint_axis(p)
        for i, row in enumerate(self.rows):
            y = AXIS_H + i * ROW_H
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(4, y, NAME_W - 8, ROW_H), Qt.AlignmentFlag.AlignVCenter, row.server)
            for kind, d0, d1, history in self.runs(row):
                x0, x1 = self._x(d0), self._x(d1 + timedelta(days=1))
                box = QRectF(x0, y + 4, x1 - x0, ROW_H - 8)
                p.fillRect(box, QColor(STAGE_COLORS.get(kind, COLOURS["grid"])))
                if history:  # the past, not the plan's doing: hatched over its stage colour
                    p.fillRect(box, QBrush(QColor(COLOURS["history"]),
                                           Qt.BrushStyle.BDiagPattern))
            if row.cutover and self.first <= row.cutover <= self.last:
                x = self._x(row.cutover)
                p.setPen(QPen(QColor(COLOURS["black"]), 2))
                p.drawLine(int(x), y + 2, int(x), y + ROW_H - 2)
                p.drawText(QRectF(x + 6, y, 120, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                           format_date(row.cutover))
        p.end()

    def runs(self, row: StripRow) -> list[tuple[str, date, date, bool]]:
        """The row's stage runs as drawn: (kind, first, last, before the plan start)."""
        shown = [s for s in row.stages if s.day >= self.first
                 and (row.cutover is None or s.day < row.cutover)]
        past = [s for s in shown if s.day < self.history_before]
        plan = [s for s in shown if s.day >= self.history_before]
        return ([(k, a, b, True) for k, a, b in stage_runs(past)]
                + [(k, a, b, False) for k, a, b in stage_runs(plan)])

    def _paint_axis(self, p: QPainter) -> None:
        p.setPen(QColor(COLOURS["muted"]))
        room = p.fontMetrics().horizontalAdvance(format_month(self.first)) + 10
        for x, text in self.axis_labels(room):
            p.drawLine(int(x), AXIS_H - 4, int(x), self.height())
            p.drawText(int(x) + 3, AXIS_H - 6, text)

    def axis_labels(self, room: float = 60.0) -> list[tuple[float, str]]:
        """The axis's month ticks (x, "Dec 2026" in the UI language): every month, or every
        3rd, 6th or 12th when a label needs more room than a month has."""
        days = max(1, (self.last - self.first).days)
        per_month = 28 * (self._x(self.last) - self._x(self.first)) / days  # the shortest
        step_months = next((m for m in (1, 3, 6) if m * per_month >= room), 12)
        labels = []
        day = self.first.replace(day=1)
        right = self.width() - room + 10  # a label starting beyond would be cut at the edge
        while day <= self.last:
            if day >= self.first and self._x(day) <= right:  # ("März 202" at 1024 px)
                labels.append((self._x(day), format_month(day)))
            month = day.month - 1 + step_months
            day = date(day.year + month // 12, month % 12 + 1, 1)
        return labels

    def row_day_at(self, x: float, y: float) -> tuple[StripRow, date] | None:
        """The server row and day under a point, if any."""
        index = int((y - AXIS_H) // ROW_H)
        if x < NAME_W or not 0 <= index < len(self.rows) or y < AXIS_H:
            return None
        return self.rows[index], self.first + timedelta(days=int((x - NAME_W) / self._scale()))

    def event(self, event: QEvent) -> bool:
        """Tooltip: the server's stage on the day under the mouse."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.row_day_at(event.pos().x(), event.pos().y())
            if hit is None:
                QToolTip.hideText()
                return True
            row, day = hit
            QToolTip.showText(event.globalPos(), self._tip(row, day), self)
            return True
        return super().event(event)

    def _tip(self, row: StripRow, day: date) -> str:
        stage = next((s for s in row.stages if s.day == day), None)
        kinds = {"report": self.tr("report only"), "throttle": self.tr("throttled"),
                 "block": self.tr("blocked"), "paused": self.tr("paused")}
        lines = [f"<b>{esc(row.server)}</b> {esc(format_date(day))}"]
        if stage is not None:
            lines.append(self.tr("Stage {n}: {kind}").format(
                n=stage.stage, kind=kinds.get(stage.kind, stage.kind)))
        sources = {"exo_report": self.tr("reported by Exchange Online"),
                   "settings": self.tr("entered in the settings"),
                   "baseline": self.tr("estimate: the day the minimum version took effect")}
        lines.append(self.tr("First detected {day} ({source})").format(
            day=format_date(row.first_detected), source=sources.get(row.source, "–")))
        lines.append(self.tr("Leaves Exchange Online's view {day}").format(
            day=format_date(row.cutover) if row.cutover else self.tr("not in this plan")))
        return "<br>".join([lines[0], *(esc(line) for line in lines[1:])])


class PauseBudgetGauge(QWidget):
    """One bar per calendar year: used (grey), planned (blue), left (empty), over (red)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years: tuple[BudgetYear, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_years(self, years: tuple[BudgetYear, ...]) -> None:
        """Show these years."""
        self.years = years
        self.setFixedHeight(8 + 26 * max(1, len(years)))
        self.update()

    def sizeHint(self) -> QSize:
        """One row per year."""
        return QSize(500, 8 + 26 * max(1, len(self.years)))

    def _text(self, year: BudgetYear) -> str:
        return self.tr("used {used} · planned {planned} · left {left} of {max}").format(
            used=year.used, planned=year.planned, left=year.left, max=year.maximum)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the stacked bars with their numbers."""
        p = QPainter(self)
        label_w = 50
        # The numbers get the room they need in the current language; the bar takes the rest.
        text_w = max((self.fontMetrics().horizontalAdvance(self._text(y)) for y in self.years),
                     default=0) + 8
        width = max(50, self.width() - label_w - text_w - 12)
        for i, year in enumerate(self.years):
            y = 4 + i * 26
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, label_w, 20), Qt.AlignmentFlag.AlignVCenter, str(year.year))
            scale = width / max(year.maximum, year.used + year.planned, 1)
            x = float(label_w)
            planned = STAGE_KINDS[StageKind.PAUSED].colour
            for days, color in ((year.used, COLOURS["used"]), (year.planned, planned)):
                p.fillRect(QRectF(x, y + 3, days * scale, 14), QColor(color))
                x += days * scale
            frame = QColor(COLOURS["alarm"]) if year.over else QColor(COLOURS["frame_dark"])
            p.setPen(QPen(frame, 1))
            p.drawRect(QRectF(label_w, y + 3, year.maximum * scale, 14))
            p.setPen(QColor(COLOURS["alarm"]) if year.over else self.palette().text().color())
            p.drawText(QRectF(label_w + width + 10, y, text_w, 20),
                       Qt.AlignmentFlag.AlignVCenter, self._text(year))
        p.end()
