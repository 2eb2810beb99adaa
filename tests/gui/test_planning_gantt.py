"""The Gantt view: it draws every scheduled step, zooms, and a dragged bar pins its step."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt

from planner.gui.views.gantt import GanttView
from tests.gui.planning_fixtures import fake_document


def _view(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = GanttView(doc)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    return doc, view


def test_every_scheduled_step_has_a_bar_with_driver_tooltip(qtbot, monkeypatch):
    doc, view = _view(qtbot, monkeypatch)
    bars = view.chart.layout_info.bars
    assert set(bars) == {s.step_id for s in doc.plan.schedule.steps}
    assert "Date driven by" in bars["moves:EX02"].toolTip()
    assert "After “Build SE beside EX02”" in bars["moves:EX02"].toolTip()  # by its title


def test_zoom_changes_the_scale(qtbot, monkeypatch):
    _doc, view = _view(qtbot, monkeypatch)
    week = view.chart.scene().sceneRect().width()
    view.set_zoom("day")
    assert view.chart.scene().sceneRect().width() > 2 * week
    view.set_zoom("month")
    assert view.chart.scene().sceneRect().width() < week


def test_dragging_a_bar_pins_the_step_and_undo_unpins(qtbot, monkeypatch):
    doc, view = _view(qtbot, monkeypatch)
    view.set_zoom("day")
    chart = view.chart
    bar = chart.layout_info.bars["decom:EX02"]
    old_start = doc.plan.schedule.for_step("decom:EX02").start
    chart.ensureVisible(bar)
    centre = chart.mapFromScene(bar.sceneBoundingRect().center())
    target = centre + QPoint(int(3 * chart.layout_info.px_per_day), 0)
    qtbot.mousePress(chart.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(chart.viewport(), pos=centre + QPoint(10, 0))
    qtbot.mouseMove(chart.viewport(), pos=target)
    qtbot.mouseRelease(chart.viewport(), Qt.MouseButton.LeftButton, pos=target)
    pinned = old_start + timedelta(days=3)
    assert doc.decisions.pins == {"decom:EX02": pinned}
    assert doc.plan.schedule.for_step("decom:EX02").start == pinned
    assert chart.layout_info.bars["decom:EX02"].pinned
    doc.undo_stack.undo()
    assert doc.decisions.pins == {}
    assert doc.plan.schedule.for_step("decom:EX02").start == old_start


def test_a_click_without_moving_pins_nothing(qtbot, monkeypatch):
    doc, view = _view(qtbot, monkeypatch)
    chart = view.chart
    bar = chart.layout_info.bars["prep:ad"]
    centre = chart.mapFromScene(bar.sceneBoundingRect().center())
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert doc.decisions.pins == {}
    assert doc.undo_stack.count() == 0
