"""The graph a consultant reads: DAGs framed inside their sites, one node per server,
readable labels at Fit, and a canvas sized right when the estate arrives after the page."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from planner.core.project import Project
from planner.core.resources import resource_path
from planner.gui.document import Document
from planner.gui.views.graph import GraphView
from planner.gui.views.graph_canvas import MIN_FIT_SCALE
from planner.gui.views.graph_layout import layout_graph
from planner.gui.worker import SyncRunner
from planner.pipeline import load_inputs

MIXED = resource_path("samples", "mixed", "inventory.xlsx")


def _mixed() -> Project:
    inputs = load_inputs([MIXED])
    return Project(estate=inputs.estate, settings=inputs.settings)


def _inside(inner: Any, outer: Any) -> bool:
    return (outer.x <= inner.x and inner.x + inner.w <= outer.x + outer.w
            and outer.y <= inner.y and inner.y + inner.h <= outer.y + outer.h)


def test_each_dag_is_a_frame_around_its_members_inside_their_site(qtbot: Any) -> None:
    view = GraphView(Document(_mixed(), runner=SyncRunner()))
    qtbot.addWidget(view)
    layout = layout_graph(view.graph)
    assert set(layout.dags) == {"DAG-BER16", "DAG-MUC"}
    for dag in view.document.estate.dags:
        frame = layout.dags[dag.name]
        members = [layout.nodes[f"server:{m}"] for m in dag.members]
        assert all(_inside(m, frame) for m in members)
        assert any(_inside(frame, site) for site in layout.sites.values())
        others = [b for n, b in layout.nodes.items()
                  if n.startswith("server:") and n[7:] not in dag.members]
        assert not any(_inside(b, frame) for b in others)


def test_one_node_per_server_even_for_an_edge_and_its_subscription(qtbot: Any) -> None:
    view = GraphView(Document(_mixed(), runner=SyncRunner()))
    qtbot.addWidget(view)
    labels = [item.toolTip() for item in view.items.values()]
    assert sum("BER-EDGE01" in label for label in labels) == 1
    # the subscription's links are drawn from the Edge server's node
    assert any("server:BER-EDGE01" in (src, dst) for src, dst, _line in view.edges)


def test_fit_keeps_labels_readable_and_an_estate_arriving_later_fills_the_canvas(
        qtbot: Any) -> None:
    document = Document(runner=SyncRunner())
    view = GraphView(document)
    qtbot.addWidget(view)
    view.resize(1024, 640)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    document.set_project(_mixed())
    qtbot.wait(50)
    scale = view.view.transform().m11()
    assert scale >= MIN_FIT_SCALE
    assert view.view.width() > 600  # not the narrow canvas of the empty first show
    shown = view.view.mapToScene(view.view.viewport().rect()).boundingRect()
    drawn = view.scene.itemsBoundingRect()
    # the canvas is used: the drawing fills the width or the height of what is shown
    assert drawn.width() >= 0.8 * shown.width() or drawn.height() >= 0.8 * shown.height()


def test_at_fit_in_a_small_window_every_site_and_node_is_in_view(
        qtbot: Any, tmp_path: Any) -> None:
    """The graph page of a 1024x700 window (page list and details beside the canvas): the
    sites wrap into rows, so no site's name (München) is left beyond the edge at Fit."""
    from planner.gui.main_window import MainWindow

    window = MainWindow(Document(runner=SyncRunner()), recovery_dir=tmp_path)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.document.set_project(_mixed())
    view = window.show_page("graph")
    qtbot.wait(100)
    view.view.fit()
    assert view.view.transform().m11() >= MIN_FIT_SCALE
    shown = view.view.mapToScene(view.view.viewport().rect()).boundingRect()
    for item in view.scene.items():
        if item.parentItem() is None:  # sites, their names, DAG frames, nodes (with labels)
            box = item.sceneBoundingRect()
            assert shown.contains(box), (item, box, shown)
    window.document.undo_stack.setClean()


def _fills(view: Any) -> float:
    """How much of the canvas the drawing fills, in its fuller direction (1 = edge to edge)."""
    shown = view.view.mapToScene(view.view.viewport().rect()).boundingRect()
    drawn = view.scene.itemsBoundingRect()
    return max(drawn.width() / shown.width(), drawn.height() / shown.height())


def test_the_graph_at_fit_follows_the_window_when_it_is_resized(qtbot: Any) -> None:
    """A window made larger kept the small drawing in its middle (and a smaller one cut it):
    at Fit the graph fits the new canvas, laid out anew for a clearly different shape; after
    the consultant zooms, a resize leaves the zoom alone."""
    view = GraphView(Document(_mixed(), runner=SyncRunner()))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    view.view.fit()
    small_scale = view.view.transform().m11()
    assert _fills(view) >= 0.8
    view.resize(1800, 1000)  # larger, and more than a quarter wider: laid out anew
    qtbot.waitUntil(lambda: _fills(view) >= 0.8, timeout=3000)
    assert view.view.transform().m11() > small_scale
    view.resize(1400, 600)
    qtbot.waitUntil(lambda: _fills(view) >= 0.8, timeout=3000)
    view.view.zoom(1.5)  # the consultant's zoom stays
    zoomed = view.view.transform().m11()
    view.resize(1300, 600)
    qtbot.wait(400)
    assert view.view.transform().m11() == zoomed


def test_a_newer_estate_stops_the_older_graph_build_between_its_stages() -> None:
    """A rebuild cancels the running one; the build asks between its stages and stops with
    an error that is not a bug (nothing is logged or shown)."""
    import pytest

    from planner.core.graph import GraphCancelled, build_graph
    from planner.core.log_file import is_bug
    from planner.gui.views.graph import _graph_and_layout
    from planner.gui.worker import Job
    from planner.pipeline import knowledge_for

    project = _mixed()
    knowledge = knowledge_for(project.settings)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) == 3

    with pytest.raises(GraphCancelled) as stopped:
        build_graph(project.estate, knowledge, cancelled)
    assert len(asked) == 3 and not is_bug(stopped.value)
    job = Job("graph")
    job.cancel()
    with pytest.raises(GraphCancelled):
        _graph_and_layout(project.estate, knowledge, job)
    graph, layout = _graph_and_layout(project.estate, knowledge, Job("graph"))
    assert layout.nodes and graph.number_of_nodes()


def test_a_node_without_a_label_shows_its_name_not_its_key() -> None:
    """Graph keys ("server:EX09") are look-ups; a node an edge created without a label still
    shows a name a person reads."""
    import networkx as nx

    from planner.gui.views.graph_layout import node_name

    graph = nx.MultiDiGraph()
    graph.add_node("server:EX01", kind="server", label="EX01")
    graph.add_edge("server:EX01", "server:EX09")  # EX09 has no attributes
    assert node_name(graph, "server:EX01") == "EX01"
    assert node_name(graph, "server:EX09") == "EX09"
