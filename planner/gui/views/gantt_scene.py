"""Puts the Gantt chart's shapes (:mod:`gantt_data`) into a QGraphicsScene (no interaction).

The shapes are worked out on the worker; here each becomes an item, a slice at a time when
the view asks for it (:func:`add_shapes`), and all dependency arrows become one path item,
so a large plan never holds the window. A bar's tooltip is written when it is first shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
)

from planner.core.booked_time import booked_words
from planner.core.explain_text import driver_text
from planner.core.plan import Plan, ScheduledStep, Step
from planner.core.vocabulary import COLOURS
from planner.gui.formats import format_weekday_date
from planner.gui.i18n import texts
from planner.gui.rich_text import esc, literal
from planner.gui.views.gantt_data import (
    PHASE_COLORS,
    STAGE_COLORS,
    GanttInput,
    Shape,
    chart_data,
    stage_runs,
)
from planner.gui.views.gantt_layout import BAR_H, ROW_H, GanttBar, GanttLayout

__all__ = [
    "PHASE_COLORS",
    "STAGE_COLORS",
    "GanttInput",
    "add_arrows",
    "add_shapes",
    "bar_tips",
    "bar_tooltip",
    "build_gantt_scene",
    "label_advances",
    "stage_runs",
]

_FONT_SIZES = {"label": 8.5, "phase": 8.5, "axis": 8.0, "pause": 7.5}


def _tr(text: str) -> str:
    return QCoreApplication.translate("GanttScene", text)


@cache
def _font(style: str) -> QFont:
    font = QFont()
    font.setPointSizeF(_FONT_SIZES.get(style, 8.5))
    font.setBold(style == "phase")
    return font


def label_advances(titles_chars: str = "") -> dict[str, float]:
    """The row-label font's advance per character, for fitting labels on the worker: the
    printable Latin-1 range, typographic marks and any further characters given."""
    metrics = QFontMetricsF(_font("label"))
    chars = {chr(c) for c in range(32, 127)} | {chr(c) for c in range(160, 256)}
    chars |= set("…–—‘’“”„•→") | set(titles_chars)
    return {c: metrics.horizontalAdvance(c) for c in chars}


def build_gantt_scene(scene: QGraphicsScene, data: GanttInput) -> GanttLayout:
    """Clear the scene and draw the whole chart at once (small charts, tests)."""
    if not data.advances:
        data = replace(data, advances=label_advances())
    chart = chart_data(data)
    scene.clear()
    layout = GanttLayout(origin=chart.origin, px_per_day=chart.px_per_day,
                         label_w=chart.label_w)
    layout.rows = dict(chart.rows)
    add_shapes(scene, layout, chart.shapes, bar_tips(data.plan, data.lang))
    add_arrows(scene, chart.arrows)
    scene.setSceneRect(QRectF(0, 0, chart.width, chart.height))
    return layout


BarTip = Callable[[Step, ScheduledStep, bool], str]


def bar_tips(plan: Plan, lang: str) -> BarTip:
    """A bar's tooltip writer (a bar calls it when first hovered: most never are)."""

    def tip(step: Step, dated: ScheduledStep, pinned: bool) -> str:
        return bar_tooltip(step, dated, lang, pinned, driver_text(plan, dated, lang))

    return tip


def _colour(value: Any) -> QColor:
    return QColor(*value) if isinstance(value, tuple) else QColor(value)


def add_shapes(scene: QGraphicsScene, layout: GanttLayout, shapes: Sequence[Shape],
               tip: BarTip) -> None:
    """Add items for ``shapes``; bars go into ``layout.bars``."""
    no_pen = QPen(Qt.PenStyle.NoPen)
    for shape in shapes:
        item: QGraphicsItem
        if shape.kind == "band":
            brush = QBrush(_colour(shape.colour))
            if shape.style == "freeze":
                brush = QBrush(_colour(shape.colour).darker(150), Qt.BrushStyle.BDiagPattern)
            item = scene.addRect(QRectF(shape.x, shape.y, shape.w, shape.h), no_pen, brush)
        elif shape.kind == "text":
            text = scene.addSimpleText(shape.text, _font(shape.style))
            if shape.style == "pause":
                text.setBrush(QBrush(QColor(COLOURS["link_text"])))
            y = shape.y
            if shape.style in ("label", "phase"):  # centred in its row
                y += (ROW_H - text.boundingRect().height()) / 2
            text.setPos(shape.x, y)
            item = text
        elif shape.kind == "line":
            item = scene.addLine(shape.x, shape.y, shape.x + shape.w, shape.y + shape.h,
                                 QPen(_colour(shape.colour)))
        else:
            item = _bar_item(scene, layout, shape, tip)
        item.setZValue(shape.z)
        if shape.tip:
            item.setToolTip(literal(shape.tip))


def _bar_item(scene: QGraphicsScene, layout: GanttLayout, shape: Shape,
              tip: BarTip) -> QGraphicsItem:
    assert shape.step is not None and shape.dated is not None
    color = _colour(shape.colour)
    if shape.kind == "milestone":
        cx, cy, r = shape.x, shape.y, BAR_H / 2
        diamond = QGraphicsPolygonItem(QPolygonF([
            QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)]))
        diamond.setBrush(QBrush(color))
        diamond.setToolTip(tip(shape.step, shape.dated, shape.pinned))
        scene.addItem(diamond)
        return diamond
    step, dated, pinned = shape.step, shape.dated, shape.pinned
    bar = GanttBar(QRectF(0, 0, shape.w, shape.h), step, dated, pinned,
                   lambda: tip(step, dated, pinned))
    bar.setPos(shape.x, shape.y)
    bar.setBrush(QBrush(color))
    pen = QPen(QColor(COLOURS["black"]) if shape.pinned else color.darker(140))
    pen.setWidthF(2.0 if shape.pinned else 1.0)
    bar.setPen(pen)
    bar.setCursor(Qt.CursorShape.SizeHorCursor)
    bar.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
    if shape.run is not None:  # a move batch runs on its own here: hatched, nobody booked
        a, b = shape.run
        hatch = QGraphicsRectItem(QRectF(a, 0, b - a, BAR_H), bar)
        hatch.setBrush(QBrush(QColor(COLOURS["paper"]), Qt.BrushStyle.BDiagPattern))
        hatch.setPen(QPen(Qt.PenStyle.NoPen))
        hatch.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the bar is dragged
    scene.addItem(bar)
    layout.bars[shape.step.id] = bar
    return bar


def add_arrows(scene: QGraphicsScene, arrows: Sequence[tuple[float, float, float, float]]) -> None:
    """Dependency arrows as two path items (lines, heads): cheap for thousands."""
    path = QPainterPath()
    heads = QPainterPath()
    for x0, y0, x1, y1 in arrows:
        path.moveTo(x0, y0)
        path.lineTo(x0 + 4, y0)
        path.lineTo(x0 + 4, y1)
        path.lineTo(x1, y1)
        heads.addPolygon(QPolygonF([QPointF(x1, y1), QPointF(x1 - 5, y1 - 3),
                                    QPointF(x1 - 5, y1 + 3), QPointF(x1, y1)]))
    link = QColor(COLOURS["link"])  # the dependency lines of the report and the workbook
    pen = QPen(link)
    pen.setWidthF(0.8)
    scene.addPath(path, pen).setZValue(8)
    scene.addPath(heads, QPen(Qt.PenStyle.NoPen), QBrush(link)).setZValue(8)


def bar_tooltip(step: Step, dated: ScheduledStep, lang: str, pinned: bool,
                driver: str = "") -> str:
    """The hover text: title, dates, who, and what drove the start date (data escaped)."""
    days = (dated.end - dated.start).days + 1
    lines = [
        f"<b>{esc(step.title(lang))}</b>",
        esc(_tr("{start} – {end} ({days}, {work})").format(
            start=format_weekday_date(dated.start), end=format_weekday_date(dated.end),
            days=texts().plural("gui.gantt.calendar_days", days),
            work=texts().plural("gui.gantt.working_days", step.duration_days))),
    ]
    booked = booked_words(dated, lang)  # a move batch: set-up and completion, unattended between
    if booked:
        lines.append(esc(booked))
    elif dated.consultant:
        lines.append(esc(_tr("Consultant: {name}").format(name=dated.consultant)))
    if driver:
        lines.append(esc(_tr("Date driven by: {driver}").format(driver=driver)))
    if pinned:
        lines.append(esc(_tr("Pinned by you (drag to move, right-click to unpin)")))
    else:
        lines.append(esc(_tr("Drag to pin to another day")))
    return "<br>".join(lines)
