"""Where the Gantt chart puts things: its fixed sizes, the bars and the day <-> x mapping.

Shared by the scene builder (:mod:`gantt_scene`) and the interactive view (:mod:`gantt`),
which maps a drag back to days and finds a step's bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSceneHoverEvent

from planner.core.plan import ScheduledStep, Step

__all__ = ["BAR_H", "HEADER_H", "LABEL_ROOM", "LABEL_W", "MIN_LABEL_W", "ROW_H", "GanttBar",
           "GanttLayout", "auto_label_width"]

LABEL_W = 280.0
MIN_LABEL_W = 80.0
LABEL_ROOM = 1 / 3  # of the view's width: the most the label column takes by itself
HEADER_H = 44.0
ROW_H = 22.0
BAR_H = 14.0


def auto_label_width(natural: float, view_width: float) -> float:
    """The label column's width until the consultant drags its edge: as wide as the
    widest label (``natural``), but at most a third of the view (never less than
    :data:`LABEL_W` for that): at 1600 px the fixed 280 px cut most labels while the chart
    left a third of the window empty; at 1024 px it stays 280 px."""
    return max(MIN_LABEL_W, min(natural, max(LABEL_W, view_width * LABEL_ROOM)))


class GanttBar(QGraphicsRectItem):
    """A step's bar; knows its step and scheduled dates so the view can pin it.

    Its tooltip is written by ``tip`` when first needed (hover, or ``toolTip()``): thousands
    of bars are drawn on each re-plan, few are ever hovered.
    """

    def __init__(self, rect: QRectF, step: Step, dated: ScheduledStep, pinned: bool,
                 tip: Callable[[], str] | None = None) -> None:
        super().__init__(rect)
        self.step = step
        self.dated = dated
        self.pinned = pinned
        self._tip = tip
        self.setAcceptHoverEvents(True)
        self.setZValue(10)

    def toolTip(self) -> str:
        """The hover text (written now if it was not yet)."""
        if self._tip is not None:
            self.setToolTip(self._tip())
            self._tip = None
        return super().toolTip()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Write the tooltip before Qt asks for it (the view reads it in C++)."""
        self.toolTip()
        super().hoverEnterEvent(event)


@dataclass
class GanttLayout:
    """Where things ended up, so the view can map x to days and find bars."""

    origin: date
    px_per_day: float
    label_w: float = LABEL_W
    bars: dict[str, GanttBar] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # step id -> row index

    def x_of(self, day: date) -> float:
        """Scene x of the left edge of a day."""
        return self.label_w + (day - self.origin).days * self.px_per_day

    def day_at(self, x: float) -> date:
        """The day under scene x."""
        return self.origin + timedelta(days=int((x - self.label_w) // self.px_per_day))
