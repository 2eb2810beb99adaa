"""QPainter painters for the report's figures: dependency overview, enforcement timeline, Gantt.

The layout lives in ``planner.core.report`` (no Qt); here the primitives are painted as
vectors onto any paint device: a PDF page, a printer, a widget or an image.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from planner.core.report.estate_figure import estate_figures
from planner.core.report.figure import FONT_FAMILY, Box, Figure, Item, Label, Polygon, Segment
from planner.core.report.gantt import gantt_figures
from planner.core.report.timeline import timeline_figures
from planner.core.report.wording import load_wording

__all__ = [
    "dependency_figures",
    "enforcement_figures",
    "gantt_chart_figures",
    "paint_figure",
]

_TEXT_SCALE = 16.0  # labels are drawn this many times larger, then scaled down (_paint_label)
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight}


def _pen(colour: str, width: float, dashed: bool = False) -> QPen:
    if not colour:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(colour), width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _font(painter: QPainter, size: float, bold: bool) -> QFont:
    """A font ``size`` units tall in the painter's logical coordinates, whatever the device DPI."""
    font = QFont(FONT_FAMILY)
    dpi = painter.device().logicalDpiY() if painter.device() else 72
    font.setPointSizeF(size * 72.0 / max(dpi, 1))
    font.setBold(bold)
    return font


def _paint_item(painter: QPainter, item: Item) -> None:
    if isinstance(item, Box):
        painter.setPen(_pen(item.stroke, item.stroke_width, item.dashed))
        painter.setBrush(QBrush(QColor(item.fill)) if item.fill else Qt.BrushStyle.NoBrush)
        rect = QRectF(item.x, item.y, item.w, item.h)
        if item.radius:
            painter.drawRoundedRect(rect, item.radius, item.radius)
        else:
            painter.drawRect(rect)
    elif isinstance(item, Segment):
        painter.setPen(_pen(item.stroke, item.stroke_width, item.dashed))
        painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
    elif isinstance(item, Polygon):
        painter.setPen(_pen(item.stroke, 0.6))
        painter.setBrush(QBrush(QColor(item.fill)))
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in item.points]))
    else:
        _paint_label(painter, item)


def _paint_label(painter: QPainter, label: Label) -> None:
    # Drawn large and scaled down: at a few device pixels per point (a 72-dpi PDF) hinting
    # rounds every glyph's advance up, so a label the core measured to fit was cut ('… von
    # FAB-EDG…', 'sicher…'); at this size the advances are the font's own.
    painter.save()
    painter.scale(1 / _TEXT_SCALE, 1 / _TEXT_SCALE)
    font = _font(painter, label.size * _TEXT_SCALE, label.bold)
    painter.setFont(font)
    painter.setPen(QColor(label.color))
    # The core's width estimate is conservative; elide again with real metrics to be sure.
    text = QFontMetricsF(font, painter.device()).elidedText(
        label.text, Qt.TextElideMode.ElideRight, label.w * _TEXT_SCALE)
    flags = _ALIGN[label.align] | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
    painter.drawText(QRectF(label.x * _TEXT_SCALE, label.y * _TEXT_SCALE,
                            label.w * _TEXT_SCALE, label.h * _TEXT_SCALE), int(flags), text)
    painter.restore()


def paint_figure(painter: QPainter, figure: Figure, target: QRectF | None = None) -> None:
    """Paint ``figure`` into ``target`` (default: its own size at the origin), proportionally."""
    target = target or QRectF(0, 0, figure.width, figure.height)
    scale = min(target.width() / figure.width, target.height() / figure.height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.translate(target.topLeft())
    painter.scale(scale, scale)
    for item in figure.items:
        _paint_item(painter, item)
    painter.restore()


def dependency_figures(plan: Plan, lang: str) -> tuple[Figure, ...]:
    """The dependency overview (sites, servers by path, judged servers) as figures."""
    return estate_figures(plan, load_wording(lang))


def enforcement_figures(plan: Plan, knowledge: Knowledge, lang: str) -> tuple[Figure, ...]:
    """The enforcement timeline per judged server as figures."""
    return timeline_figures(plan, knowledge, load_wording(lang))


def gantt_chart_figures(plan: Plan, lang: str) -> tuple[Figure, ...]:
    """The Gantt chart, one figure per part."""
    return gantt_figures(plan, load_wording(lang))
