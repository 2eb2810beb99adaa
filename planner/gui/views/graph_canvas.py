"""The graph's canvas: zoom with the wheel, pan by dragging, Fit at a readable scale; the
nodes drawn on it (a box with its name, the EXO badge)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from planner.core.vocabulary import COLOURS
from planner.gui.rich_text import literal
from planner.gui.views.graph_layout import Box

__all__ = ["MIN_FIT_SCALE", "NodeItem", "ZoomView"]

EXO_COLOUR = COLOURS["exchange_online"]
MIN_FIT_SCALE = 0.75  # below this the 9-pt labels are smaller than 7 pixels (cap height)


class ZoomView(QGraphicsView):
    """A graphics view that zooms with the wheel and pans by dragging the background;
    ``resized`` when its canvas changes size while it shows the whole graph (at Fit)."""

    resized = Signal()

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self.at_fit = False  # the view shows the whole graph; a zoom leaves that
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom around the mouse."""
        self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)

    def zoom(self, factor: float) -> None:
        """Scale the view, within sensible limits."""
        current = self.transform().m11()
        if 0.1 < current * factor < 5:
            self.scale(factor, factor)
            self.at_fit = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A canvas at Fit follows the window: the graph fits (or is laid out) anew."""
        super().resizeEvent(event)
        if self.at_fit:
            self.resized.emit()

    def fit(self) -> None:
        """Show the whole graph, but never smaller than labels can be read: a large estate
        is shown from its top left at the smallest readable scale (scroll for the rest)."""
        rect = self.scene().itemsBoundingRect().adjusted(-20, -20, 20, 20)
        self.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() < MIN_FIT_SCALE:
            self.resetTransform()
            self.scale(MIN_FIT_SCALE, MIN_FIT_SCALE)
            self.ensureVisible(QRectF(rect.topLeft(), rect.topLeft()), 0, 0)
        self.at_fit = True


class NodeItem(QGraphicsRectItem):
    """One node: a rounded box with its name; selectable."""

    def __init__(self, node: str, label: str, box: Box, fill: str, judged: bool) -> None:
        super().__init__(QRectF(0, 0, box.w, box.h))
        self.node = node
        self.setPos(box.x, box.y)
        self.setBrush(QBrush(QColor(fill)))
        self.setPen(QPen(QColor(COLOURS["frame_dark"]), 1))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setToolTip(literal(label))
        text = QGraphicsSimpleTextItem(self._elide(label), self)
        text.setPos(8, (box.h - text.boundingRect().height()) / 2)
        self._badge: QGraphicsRectItem | None = None
        self.set_judged(judged)

    def set_judged(self, judged: bool) -> None:
        """Show or hide the purple "EXO" badge (Exchange Online judges this server)."""
        if self._badge is None and judged:
            w = self.rect().width()
            badge = self._badge = QGraphicsRectItem(QRectF(w - 34, -8, 32, 16), self)
            badge.setBrush(QBrush(QColor(EXO_COLOUR)))
            badge.setPen(QPen(Qt.PenStyle.NoPen))
            mark = QGraphicsSimpleTextItem("EXO", badge)
            mark.setBrush(QBrush(QColor(COLOURS["paper"])))
            font = QFont(mark.font())
            font.setPointSizeF(7.5)
            font.setBold(True)
            mark.setFont(font)
            mark.setPos(w - 31, -8)
        if self._badge is not None:
            self._badge.setVisible(judged)

    @staticmethod
    def _elide(label: str) -> str:
        return label if len(label) <= 20 else label[:19] + "…"

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade nodes that are not related to the selection."""
        self.setOpacity(0.25 if dimmed else 1.0)
