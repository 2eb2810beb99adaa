"""The Gantt's canvas: the chart drawn a slice at a time, bars dragged to pin their step,
the label column's edge dragged to size it, an old chart dropped in slices."""


from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QWidget,
)

from planner.gui.views.gantt_data import ChartData
from planner.gui.views.gantt_layout import (
    MIN_LABEL_W,
    GanttBar,
    GanttLayout,
)
from planner.gui.views.gantt_scene import (
    BarTip,
    add_arrows,
    add_shapes,
)

__all__ = ["DRAW_SLICE", "GanttGraphicsView", "drop_in_slices"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("GanttView", text)  # the page's context: one .ts entry


_EDGE_GRIP = 4.0  # pixels either side of the label column's edge that grab it
DRAW_SLICE = 150  # shapes (or arrows) added per turn of the event loop (a few ms each)


class GanttGraphicsView(QGraphicsView):
    """The chart itself; turns a horizontal bar drag into a pin request."""

    pinRequested = Signal(str, object)  # step id, date | None (None = unpin)
    labelWidthChanged = Signal(float)  # the label column's edge was dragged

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # no transforms here (zoom is a new layout), so nothing to anchor: with the default,
        # the view re-centred on the scene when its page was first shown, and the chart
        # opened halfway down with the first letters of its labels cut off
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setMouseTracking(True)
        self.layout_info: GanttLayout | None = None
        self._drag: tuple[GanttBar, QPointF, float] | None = None
        self._edge: QGraphicsLineItem | None = None  # the guide while the column is resized

    def draw(self, chart: ChartData, tip: BarTip, keep_going: Callable[[], bool],
             done: Callable[[], None], size: int = DRAW_SLICE) -> None:
        """Add the chart's items to a new scene, ``size`` per turn of the event loop, then
        show it in place of the old one; stops when ``keep_going()`` turns False."""
        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # cheap to fill
        layout = GanttLayout(origin=chart.origin, px_per_day=chart.px_per_day,
                             label_w=chart.label_w)
        layout.rows = dict(chart.rows)
        shapes = chart.shapes
        arrows = chart.arrows

        def add_slice(start: int) -> None:
            if not shiboken6.isValid(self) or not keep_going():
                # the scene is the view's child: a page that went (a language switch
                # rebuilds it) took it along, and touching it raised
                if shiboken6.isValid(scene):
                    scene.deleteLater()
                return
            if start < len(shapes):
                add_shapes(scene, layout, shapes[start:start + size], tip)
            else:  # then the arrows, a path item per slice
                at = start - len(shapes)
                add_arrows(scene, arrows[at:at + size])
            if start + size < len(shapes) + len(arrows):
                QTimer.singleShot(0, lambda: add_slice(start + size))
                return
            scene.setSceneRect(QRectF(0, 0, chart.width, chart.height))
            self._show_scene(scene, layout)
            done()

        add_slice(0)  # a small chart is drawn at once; a large one slice by slice

    def _show_scene(self, scene: QGraphicsScene, layout: GanttLayout) -> None:
        old = self.scene()
        self._drag = None  # a drag on the old chart ends with it
        self._edge = None
        self.layout_info = layout
        scene_pos = self.mapToScene(self.viewport().rect().topLeft())
        self.setScene(scene)
        self.horizontalScrollBar().setValue(int(scene_pos.x()))  # the same part of the chart
        self.verticalScrollBar().setValue(int(scene_pos.y()))
        drop_in_slices(old)

    def clear_chart(self) -> None:
        """Show no chart."""
        self._show_scene(QGraphicsScene(self), GanttLayout(date.today(), 1.0))
        self.layout_info = None

    def _on_edge(self, pos: QPointF) -> bool:
        """Whether a viewport position is on the label column's right edge."""
        if self.layout_info is None:
            return False
        return abs(self.mapToScene(pos.toPoint()).x() - self.layout_info.label_w) <= _EDGE_GRIP

    def bar_at(self, pos: QPointF) -> GanttBar | None:
        """The bar under a viewport position."""
        for item in self.items(pos.toPoint()):
            if isinstance(item, GanttBar):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start dragging a bar, or the label column's edge, with the left button."""
        if event.button() == Qt.MouseButton.LeftButton and self._on_edge(event.position()):
            x = self.mapToScene(event.position().toPoint()).x()
            # made here, not by scene.addLine: a bare C++ item kept in a Python attribute
            # is freed a second time when the scene goes first (see graph.py's lines)
            self._edge = QGraphicsLineItem(x, 0, x, self.scene().sceneRect().height())
            self._edge.setPen(QPen(Qt.PenStyle.DashLine))
            self._edge.setZValue(40)
            self.scene().addItem(self._edge)
            event.accept()
            return
        bar = self.bar_at(event.position())
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag = (bar, self.mapToScene(event.position().toPoint()), bar.pos().x())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Move the dragged bar horizontally, snapped to whole days (or the column edge)."""
        if self._edge is not None:
            x = max(MIN_LABEL_W, self.mapToScene(event.position().toPoint()).x())
            self._edge.setLine(x, 0, x, self.scene().sceneRect().height())
            event.accept()
            return
        self.viewport().setCursor(Qt.CursorShape.SplitHCursor if self._on_edge(event.position())
                                  else Qt.CursorShape.ArrowCursor)
        if self._drag is not None and self.layout_info is not None:
            bar, origin, x0 = self._drag
            dx = self.mapToScene(event.position().toPoint()).x() - origin.x()
            step = self.layout_info.px_per_day
            bar.setX(x0 + round(dx / step) * step)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Drop: a move of at least one day pins the step to its new start."""
        if self._edge is not None:
            width = max(MIN_LABEL_W, self._edge.line().x1())
            self._edge = None
            self.labelWidthChanged.emit(width)
            event.accept()
            return
        if self._drag is not None and self.layout_info is not None:
            bar, origin, x0 = self._drag
            self._drag = None
            dx = self.mapToScene(event.position().toPoint()).x() - origin.x()
            days = round(dx / self.layout_info.px_per_day)
            if days:
                self.pinRequested.emit(bar.step.id, bar.dated.start + timedelta(days=days))
            else:
                bar.setX(x0)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click on the label column's edge fits the column to its labels again."""
        if event.button() == Qt.MouseButton.LeftButton and self._on_edge(event.position()):
            self._edge = None
            self.labelWidthChanged.emit(0.0)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: Any) -> None:
        """Offer to release a pinned bar."""
        bar = self.bar_at(QPointF(event.pos()))
        if bar is None or not bar.pinned:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Remove pin"))
        if menu.exec(event.globalPos()) is action:
            self.pinRequested.emit(bar.step.id, None)


def drop_in_slices(scene: QGraphicsScene) -> None:
    """Delete an old chart's items a slice at a time (thousands at once held the window)."""
    # topLevelItem(), not parentItem(): PySide's parentItem() hands a bare item (addRect,
    # addSimpleText) to Python, which then freed it a second time when the scene went first
    # (the view closed mid-drop, or at exit): a segmentation fault
    items = [i for i in scene.items() if i.topLevelItem() is i]

    def drop() -> None:
        if not shiboken6.isValid(scene):  # the view went, and its scenes with it
            items.clear()
            return
        for item in items[:DRAW_SLICE]:
            scene.removeItem(item)  # Python owns it now and frees it with its list slot
        del items[:DRAW_SLICE]
        if items:
            QTimer.singleShot(0, drop)
        else:
            scene.deleteLater()

    drop()
