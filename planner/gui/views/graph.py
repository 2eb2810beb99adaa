"""The Graph page: the estate's dependency graph drawn with QGraphicsView.

Sites are boxes; servers are coloured by migration path; servers Exchange Online judges
carry a purple "EXO" badge and a dashed line to the tenant; connectors and relay clients sit
beside the server they belong to. Selecting a node highlights what it depends on and what
depends on it, and the side panel shows its details and its steps.
"""

from __future__ import annotations

from html import escape
from typing import Any

import networkx as nx
import shiboken6
from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsScene,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner.core.errors import error_words
from planner.core.graph import GraphCancelled, build_graph
from planner.core.plan import MigrationPath
from planner.core.vocabulary import COLOURS, ENTITIES, PATHS, Entity
from planner.gui.document import Document
from planner.gui.i18n import ui_language
from planner.gui.main_window import icon
from planner.gui.models.estate_model import path_label
from planner.gui.rich_text import literal
from planner.gui.views.graph_canvas import EXO_COLOUR, NodeItem, ZoomView
from planner.gui.views.graph_details import node_details_html
from planner.gui.views.graph_layout import Box, GraphLayout, drawn_as, layout_graph, node_name

__all__ = ["PATH_COLOURS", "GraphView"]

PATH_COLOURS = {code: t.tint for code, t in PATHS.items()}
KIND_COLOURS = {code: t.tint for code, t in ENTITIES.items()}
RESIZE_PAUSE_MS = 150
RELAYOUT_ASPECT_CHANGE = 1.25  # a canvas this much wider or taller gets a layout of its own
DEFAULT_ASPECT = 1.2  # the canvas of a 1024x700 window beside the page list and details
DRAW_SLICE = 1000  # nodes or lines drawn per turn of the event loop (under 0.1 s each)


def _graph_and_layout(estate: Any, knowledge: Any, job: Any = None,
                      aspect: float | None = None) -> tuple[Any, GraphLayout]:
    """The estate's graph and where its nodes go, sites wrapped to fill a view of ``aspect``
    (pure: runs on the worker). A newer rebuild cancels ``job``: the build then stops at its
    next stage (GraphCancelled)."""
    def cancelled() -> bool:
        return bool(job is not None and job.cancelled)

    graph = build_graph(estate, knowledge, cancelled).graph
    if cancelled():
        raise GraphCancelled("graph layout cancelled")
    return graph, layout_graph(graph, aspect)


def _tr(text: str) -> str:
    return QCoreApplication.translate("GraphView", text)


class GraphView(QWidget):
    """The estate graph with zoom, pan, fit, selection highlighting and a details panel."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.graph: Any = nx.MultiDiGraph()
        self.items: dict[str, NodeItem] = {}
        self.edges: list[tuple[str, str, QGraphicsLineItem]] = []
        self.scene = QGraphicsScene(self)
        self.view = ZoomView(self.scene)
        self.details = QTextBrowser()
        self.details.setMinimumWidth(260)
        tools = QToolBar()
        tools.addAction(icon("zoom-in.svg"), _tr("Zoom in"), lambda: self.view.zoom(1.25))
        tools.addAction(icon("zoom-out.svg"), _tr("Zoom out"), lambda: self.view.zoom(0.8))
        tools.addAction(icon("zoom-fit.svg"), _tr("Fit"), self.view.fit)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])  # an empty first show must not leave the canvas narrow
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tools)
        layout.addWidget(splitter)
        self.scene.selectionChanged.connect(self._selection_changed)
        # a window made larger or smaller shows the graph filling it again (at Fit): one
        # re-fit (or re-layout) when the resizing pauses, not one per pixel of a drag
        self._resize_timer = QTimer(self, singleShot=True, interval=RESIZE_PAUSE_MS)
        self._resize_timer.timeout.connect(self._canvas_resized)
        self.view.resized.connect(self._resize_timer.start)
        self._layout_aspect = DEFAULT_ASPECT  # the canvas shape the layout was made for
        document.estateChanged.connect(self.rebuild)
        document.planChanged.connect(self._plan_changed)
        self._fitted = False
        self._stale = False  # the estate changed while the page was hidden
        self._built_for: Any = None  # the estate the scene shows
        self._generation = 0  # a newer build makes older results and drawing stop
        self._job: Any = None
        self.rebuild()
        self.details.setHtml(self._legend_html())

    # --- building the scene ------------------------------------------------------------

    def _assessments(self) -> dict[str, Any]:
        plan = self.document.plan
        return {a.name.lower(): a for a in plan.proposal.servers} if plan else {}

    def rebuild(self) -> None:
        """Redraw the graph for the current estate: graph and layout on the worker, then the
        items in slices, so a large estate never holds the window (a newer rebuild stops an
        older one). While the page is hidden this only notes that it is out of date."""
        if self._built_for is not None and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
        estate, knowledge = self.document.estate, self.document.knowledge
        self._built_for = estate
        generation = self._generation
        aspect = self._layout_aspect = self._view_aspect()
        self._job = self.document.runner.submit(
            "graph", lambda job: _graph_and_layout(estate, knowledge, job, aspect),
            lambda result: self._start_drawing(generation, result),
            lambda exc, _trace: self._failed(generation, exc))

    def _view_aspect(self) -> float:
        """The canvas's width / height, so the layout fills it at Fit (a page not yet laid
        out, a few pixels wide, counts as a common window's canvas)."""
        size = self.view.viewport().size()
        if size.width() < 200 or size.height() < 150:
            return DEFAULT_ASPECT
        return size.width() / size.height()

    def _canvas_resized(self) -> None:
        """The canvas changed size at Fit: lay the sites out again for a clearly different
        shape (rows of sites wrapped for the new width), else fit the drawing anew."""
        if not self.items or not self.isVisible() or not self.view.at_fit:
            return  # (zoomed while the window was being resized: the zoom stays)
        change = self._view_aspect() / self._layout_aspect
        if not 1 / RELAYOUT_ASPECT_CHANGE < change < RELAYOUT_ASPECT_CHANGE:
            self._fitted = False  # fit the new layout when drawn, selection or not
            self.rebuild()
        else:
            self.view.fit()

    def _plan_changed(self) -> None:
        # A re-plan changes colours and badges, not the graph: repaint the nodes only.
        if self.document.estate is not self._built_for:
            self.rebuild()
            return
        assessed = self._assessments()
        items, generation = list(self.items.values()), self._generation

        def recolour_slice(start: int) -> None:
            # a large estate's nodes in slices, as they are drawn: the window stays live
            if generation != self._generation or not shiboken6.isValid(self):
                return  # a rebuild took over, or the page went
            for item in items[start:start + DRAW_SLICE]:
                fill, judged = self._node_style(item.node, assessed)
                if item.brush().color().name() != QColor(fill).name():
                    item.setBrush(QBrush(QColor(fill)))
                item.set_judged(judged)
            if start + DRAW_SLICE < len(items):
                QTimer.singleShot(0, lambda: recolour_slice(start + DRAW_SLICE))

        recolour_slice(0)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation and shiboken6.isValid(self):  # never fatal
            self._clear()
            self.details.setHtml(f"<p>{escape(_tr('The graph cannot be drawn:'))} "
                                 f"{escape(error_words(exc, ui_language()))}</p>")

    def _clear(self) -> None:
        self.items.clear()  # before clear(): its selectionChanged must not see dead items
        self.edges.clear()
        self.scene.clear()

    def _start_drawing(self, generation: int, result: tuple[Any, GraphLayout]) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # a newer build took over, or the page went (a language switch rebuilds it)
        selected = self.selected_node()
        self._clear()
        self.graph, layout = result
        self._draw_sites(layout.sites)
        self._draw_dags(layout.dags)
        assessed = self._assessments()
        nodes = list(layout.nodes.items())

        def draw_slice(start: int) -> None:
            if generation != self._generation or not shiboken6.isValid(self):
                return  # a newer build took over, or the page went
            for node, box in nodes[start:start + DRAW_SLICE]:
                self._draw_node(node, box, assessed)
            if start + DRAW_SLICE < len(nodes):
                QTimer.singleShot(0, lambda: draw_slice(start + DRAW_SLICE))
            else:
                self._draw_edges(generation, selected)

        draw_slice(0)  # a small estate is drawn at once; a large one slice by slice

    def _finish_drawing(self, selected: str) -> None:
        if selected in self.items:
            self.items[selected].setSelected(True)
        if self.items and self.isVisible() and (not selected or not self._fitted):
            QTimer.singleShot(0, self.view.fit)
            self._fitted = True
        elif not self.items:
            self._fitted = False  # filled later: fit again then

    def showEvent(self, event: Any) -> None:
        """Catch up with changes made while hidden; fit the first time the page is shown."""
        super().showEvent(event)
        if self._stale or self.document.estate is not self._built_for:
            self.rebuild()
        elif not self._fitted and self.items:
            self._fitted = True
            QTimer.singleShot(0, self.view.fit)  # once the view has its final size

    def _draw_sites(self, sites: dict[str, Box]) -> None:
        for name, box in sites.items():
            rect = self.scene.addRect(QRectF(box.x, box.y, box.w, box.h),
                                      QPen(QColor(ENTITIES[Entity.SITE].colour), 1.2,
                                           Qt.PenStyle.DashLine),
                                      QBrush(QColor(ENTITIES[Entity.SITE].tint)))
            rect.setZValue(-2)
            label = name.split(":", 1)[-1]
            internet = self.graph.nodes[name].get("internet_facing") if name in self.graph \
                else False
            suffix = f"  ({_tr('internet-facing')})" if internet else ""
            title = self.scene.addSimpleText(label + suffix)
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
            title.setPos(box.x + 10, box.y + 8)

    def _draw_dags(self, dags: dict[str, Box]) -> None:
        colour = QColor(ENTITIES[Entity.DAG].colour)
        for name, box in dags.items():
            frame = self.scene.addRect(QRectF(box.x, box.y, box.w, box.h),
                                       QPen(colour, 1.4), QBrush(QColor(ENTITIES[Entity.DAG].tint)))
            frame.setZValue(-1.5)
            frame.setToolTip(literal(name))
            title = self.scene.addSimpleText(name)
            title.setBrush(QBrush(colour))
            title.setPos(box.x + 6, box.y + 3)

    def _node_style(self, node: str, assessed: dict[str, Any]) -> tuple[str, bool]:
        """A node's fill (servers: their path's colour) and whether it carries the EXO badge."""
        data = self.graph.nodes[node]
        kind = str(data.get("kind", ""))
        if kind != "server":
            return KIND_COLOURS.get(kind, COLOURS["paper"]), False
        label = node_name(self.graph, node)
        a = assessed.get(label.lower())
        path = self.document.decisions.paths.get(label) or (a.path.value if a else "")
        judged = a.judged_by_exo if a else bool(data.get("judged_by_exo"))
        return PATH_COLOURS.get(path, COLOURS["paper"]), judged

    def _draw_node(self, node: str, box: Box, assessed: dict[str, Any]) -> None:
        label = node_name(self.graph, node)
        fill, judged = self._node_style(node, assessed)
        item = NodeItem(node, label, box, fill, judged)
        self.scene.addItem(item)
        self.items[node] = item

    def _draw_edges(self, generation: int, selected: str) -> None:
        """The lines between drawn nodes, slice by slice like the nodes."""
        edges = list(self.graph.edges(data=True))

        def draw_slice(start: int) -> None:
            if generation != self._generation or not shiboken6.isValid(self):
                return
            for src, dst, data in edges[start:start + DRAW_SLICE]:
                self._draw_edge(src, dst, data)
            if start + DRAW_SLICE < len(edges):
                QTimer.singleShot(0, lambda: draw_slice(start + DRAW_SLICE))
            else:
                self._finish_drawing(selected)

        draw_slice(0)

    def _draw_edge(self, src: str, dst: str, data: dict[str, Any]) -> None:
        src, dst = drawn_as(self.graph, src), drawn_as(self.graph, dst)
        if src not in self.items or dst not in self.items or src == dst:
            return
        a, b = self.items[src], self.items[dst]
        start = a.mapToScene(a.rect().center())
        end = b.mapToScene(b.rect().center())
        exo = data.get("relation") == "hands_mail_to_exo"
        pen = QPen(QColor(EXO_COLOUR if exo else COLOURS["muted"]), 1.4 if exo else 1.0,
                   Qt.PenStyle.DashLine if exo else Qt.PenStyle.SolidLine)
        # made here, not by scene.addLine: a line addLine makes is a bare C++ item whose
        # deletion with the scene Python never learns of, and the wrapper kept in self.edges
        # then frees it a second time when the page is collected (a crash at exit)
        line = QGraphicsLineItem(start.x(), start.y(), end.x(), end.y())
        line.setPen(pen)
        line.setZValue(-1)
        self.scene.addItem(line)
        self.edges.append((src, dst, line))

    # --- selection ---------------------------------------------------------------------

    def selected_node(self) -> str:
        """The id of the selected node, or ""."""
        try:
            chosen = [i for i in self.scene.selectedItems() if isinstance(i, NodeItem)]
        except RuntimeError:  # the scene is being cleared
            return ""
        return chosen[0].node if chosen else ""

    def select_node(self, node: str) -> bool:
        """Select a node by id (e.g. ``server:EX01``) and centre it."""
        item = self.items.get(node)
        if item is None:
            return False
        self.scene.clearSelection()
        item.setSelected(True)
        self.view.centerOn(item)
        return True

    def related(self, node: str) -> set[str]:
        """The node, what it depends on, and what depends on it."""
        if node not in self.graph:
            return set()
        return {node} | set(nx.descendants(self.graph, node)) | set(nx.ancestors(self.graph, node))

    def _selection_changed(self) -> None:
        node = self.selected_node()
        related = self.related(node) if node else set()
        for key, item in self.items.items():
            item.set_dimmed(bool(node) and key not in related)
        for src, dst, line in self.edges:
            on = not node or (src in related and dst in related)
            line.setOpacity(1.0 if on else 0.15)
        self.details.setHtml(self.details_html(node) if node else self._legend_html())

    def _legend_html(self) -> str:
        rows = "".join(
            f"<tr><td bgcolor='{colour}' width='18'></td>"
            f"<td>{escape(path_label(MigrationPath(path)))}</td></tr>"
            for path, colour in PATH_COLOURS.items())
        return (f"<h3>{escape(_tr('Migration path'))}</h3><table>{rows}</table>"
                f"<p><b style='color:{EXO_COLOUR}'>EXO</b> "
                f"{escape(_tr('Exchange Online judges this server'))}</p>"
                f"<p>{escape(_tr('Select a node to see its details and steps.'))}</p>")

    def details_html(self, node: str) -> str:
        """Details of a node: its attributes, the assessment and its steps with dates."""
        return node_details_html(self.graph, node, self.document)
