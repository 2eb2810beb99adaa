"""The graph's canvas: zoom with the wheel, pan by dragging, Fit at a readable scale."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

__all__ = ["MIN_FIT_SCALE", "ZoomView"]

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
