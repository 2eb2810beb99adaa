"""The Gantt view: it draws every scheduled step, zooms, and a dragged bar pins its step."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from planner.gui.views.gantt import GanttView
from planner.gui.views.gantt_labels import distinct_labels
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
    target = centre + QPoint(int(7 * chart.layout_info.px_per_day), 0)
    qtbot.mousePress(chart.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(chart.viewport(), pos=centre + QPoint(10, 0))
    qtbot.mouseMove(chart.viewport(), pos=target)
    qtbot.mouseRelease(chart.viewport(), Qt.MouseButton.LeftButton, pos=target)
    pinned = old_start + timedelta(days=7)  # the same weekday: no snapping
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


def _drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, pos=start + QPoint(2, 0))
    qtbot.mouseMove(widget, pos=end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def test_a_pin_on_a_day_the_step_may_not_start_snaps_with_a_visible_note(qtbot, monkeypatch):
    doc, view = _view(qtbot, monkeypatch)
    view.set_zoom("day")
    chart = view.chart
    old = doc.plan.schedule.for_step("decom:EX02").start
    saturday = old + timedelta(days=(5 - old.weekday()) % 7 or 7)
    bar = chart.layout_info.bars["decom:EX02"]
    chart.ensureVisible(bar)
    centre = chart.mapFromScene(bar.sceneBoundingRect().center())
    days = (saturday - old).days
    _drag(qtbot, chart.viewport(), centre,
          centre + QPoint(int(days * chart.layout_info.px_per_day), 0))
    monday = saturday + timedelta(days=2)
    assert doc.decisions.pins == {"decom:EX02": saturday}
    assert doc.plan.schedule.for_step("decom:EX02").start == monday
    assert view.note.isVisibleTo(view)
    assert "Decommission EX02" in view.note.text() and "may not start" in view.note.text()
    doc.undo_stack.undo()
    assert not view.note.isVisibleTo(view)


def test_the_label_column_is_widened_by_dragging_its_edge(qtbot, monkeypatch, tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    _doc, view = _view(qtbot, monkeypatch)
    chart = view.chart
    before = chart.layout_info.label_w
    chart.horizontalScrollBar().setValue(0)
    edge = chart.mapFromScene(QPointF(before, 60))
    _drag(qtbot, chart.viewport(), edge, edge + QPoint(120, 0))
    assert chart.layout_info.label_w == pytest.approx(before + 120, abs=3)
    assert view.label_w == chart.layout_info.label_w
    bar = chart.layout_info.bars["prep:ad"]
    assert bar.sceneBoundingRect().left() >= chart.layout_info.label_w


def test_shortened_labels_keep_what_tells_rows_apart(qtbot):
    titles = [f"Move mailboxes from BER-EX16-01, BER-EX16-02 to DAG-BER16-SE ({i}/4)"
              for i in range(1, 5)]
    titles += ["HealthChecker and SetupAssist before the upgrade of BER-EX19-01",
               "HealthChecker and SetupAssist before the upgrade of BER-EDGE01"]
    metrics = QFontMetricsF(QFont())
    for room in (140.0, 220.0, 300.0):
        shown = distinct_labels(titles, lambda t, room=room: metrics.horizontalAdvance(t) <= room)
        assert len(set(shown)) == len(titles), shown
        assert all(metrics.horizontalAdvance(t) <= room for t in shown)
    shown = distinct_labels(titles, lambda t: metrics.horizontalAdvance(t) <= 220)
    assert shown[1].endswith("(2/4)") and shown[4].endswith("BER-EX19-01")
    assert shown[0].startswith("Move")


def test_a_move_batchs_unattended_run_is_hatched_and_its_tooltip_names_the_booked_days(
        qtbot, monkeypatch):
    from dataclasses import replace

    from PySide6.QtWidgets import QGraphicsScene

    from planner.core.plan import BookedPart
    from planner.gui.views.gantt_scene import GanttInput, build_gantt_scene

    doc = fake_document(monkeypatch)
    plan = doc.plan
    dated = plan.schedule.for_step("moves:EX02")
    end = dated.start + timedelta(days=9)
    batch = replace(dated, end=end, booked=(
        BookedPart("setup", dated.start, dated.start, 0.5),
        BookedPart("completion", end, end, 0.5)))
    plan = replace(plan, schedule=replace(plan.schedule, steps=tuple(
        batch if s.step_id == batch.step_id else s for s in plan.schedule.steps)))
    scene = QGraphicsScene()
    layout = build_gantt_scene(scene, GanttInput(plan))
    bar = layout.bars["moves:EX02"]
    (hatch,) = bar.childItems()
    assert hatch.brush().style() == Qt.BrushStyle.BDiagPattern
    day = layout.px_per_day
    assert hatch.rect().left() == pytest.approx(day)  # after the set-up day
    assert hatch.rect().right() == pytest.approx(bar.rect().right() - day)  # before completion
    assert "unattended" in bar.toolTip() and "set-up" in bar.toolTip()


def test_shortened_labels_keep_what_tells_them_apart_from_their_nearest_sibling() -> None:
    import random

    from planner.gui.views.gantt_labels import _common_prefix, _cut, _shorten, distinct_labels

    rng = random.Random(20)
    stems = ("Move mailboxes from BER-EX16-", "Move mailboxes from MUC-EX16-",
             "Install Exchange SE on BER-SE-", "Update BER-EX19-")
    titles = [f"{rng.choice(stems)}{rng.randint(1, 40):02d} ({rng.randint(1, 4)}/4)"
              for _ in range(300)]

    def fits(text: str) -> bool:
        return len(text) <= 30

    def every_pair(text: str) -> str:  # the plain definition: compare with every other title
        shared = max((_common_prefix(text, o) for o in titles if o != text), default=0)
        return _shorten(text, shared, fits)

    cut = [_cut(t, fits) for t in titles]
    labels = distinct_labels(titles, fits)
    shortened = 0
    for title, plain, label in zip(titles, cut, labels, strict=True):
        if fits(title) or cut.count(plain) == 1:
            assert label == plain
        else:
            assert label == every_pair(title)
            shortened += 1
    assert shortened > 100  # the case that matters was exercised


def test_a_chart_is_worked_out_on_the_worker_and_drawn_a_slice_at_a_time(qtbot, monkeypatch):
    """The window stays live while a large plan's chart is built: the shapes come from the
    worker, the items are added in slices with other events handled in between, and the
    old chart stays on screen until the new one is complete."""
    import threading

    from PySide6.QtCore import QTimer

    import planner.gui.views.gantt as gantt_module
    import planner.gui.views.gantt_canvas as canvas_module
    from planner.gui.worker import ThreadRunner

    doc, view = _view(qtbot, monkeypatch)
    old_scene = view.chart.scene()
    threads, slices, events = [], [], []
    chart_for, add_shapes = gantt_module.chart_for, canvas_module.add_shapes

    def spy_chart(data, knowledge):
        threads.append(threading.current_thread())
        return chart_for(data, knowledge)

    def spy_add(scene, layout, shapes, tip):
        if not slices:  # an event posted at the first slice must run before the last
            QTimer.singleShot(0, lambda: events.append(len(slices)))
        slices.append(len(shapes))
        add_shapes(scene, layout, shapes, tip)

    monkeypatch.setattr(gantt_module, "chart_for", spy_chart)
    monkeypatch.setattr(canvas_module, "add_shapes", spy_add)
    monkeypatch.setattr(gantt_module, "DRAW_SLICE", 5)
    runner = ThreadRunner()
    monkeypatch.setattr(doc, "_runner", runner)
    view.set_zoom("day")
    assert view.chart.scene() is old_scene  # still the old chart
    qtbot.waitUntil(lambda: view.chart.scene() is not old_scene, timeout=10000)
    runner.wait(10000)
    assert threads and threads[0] is not threading.main_thread()
    assert len(slices) > 3 and max(slices) <= 5
    assert events and events[0] < len(slices)
    assert set(view.chart.layout_info.bars) == {s.step_id for s in doc.plan.schedule.steps}
    assert view.chart.layout_info.px_per_day == 28.0


class StepRunner:
    """Runs each submitted job when the test says so (on the test's thread)."""

    def __init__(self):
        from planner.gui.worker import SyncRunner

        self.pending, self.sync = [], SyncRunner()

    def submit(self, name, fn, on_done=None, on_error=None, on_interim=None):
        self.pending.append((name, fn, on_done, on_error))

    def run_next(self):
        name, fn, on_done, on_error = self.pending.pop(0)
        return self.sync.submit(name, fn, on_done, on_error)


def test_a_newer_chart_stops_the_drawing_of_an_older_one(qtbot, monkeypatch):
    import planner.gui.views.gantt as gantt_module
    import planner.gui.views.gantt_canvas as canvas_module

    doc, view = _view(qtbot, monkeypatch)
    charts, added = [], {}
    chart_for, add_shapes = gantt_module.chart_for, canvas_module.add_shapes

    def spy_chart(data, knowledge):
        charts.append(chart_for(data, knowledge))
        return charts[-1]

    def spy_add(scene, layout, shapes, tip):
        added[layout.px_per_day] = added.get(layout.px_per_day, 0) + len(shapes)
        add_shapes(scene, layout, shapes, tip)

    monkeypatch.setattr(gantt_module, "chart_for", spy_chart)
    monkeypatch.setattr(canvas_module, "add_shapes", spy_add)
    monkeypatch.setattr(gantt_module, "DRAW_SLICE", 5)
    monkeypatch.setattr(doc, "_runner", StepRunner())
    view.set_zoom("day")
    doc.runner.run_next()  # the day chart's shapes arrive: its first slice now, the rest later
    view.set_zoom("month")  # ...but this chart takes over
    doc.runner.run_next()
    qtbot.waitUntil(lambda: view.chart.layout_info.px_per_day == 3.2, timeout=10000)
    qtbot.wait(50)
    day, month = charts
    assert added[3.2] == len(month.shapes)
    assert added[28.0] == 5 < len(day.shapes)  # the day chart stopped after its first slice
    assert view.chart.layout_info.px_per_day == 3.2
    assert set(view.chart.layout_info.bars) == {s.step_id for s in doc.plan.schedule.steps}



def test_a_page_that_goes_while_its_chart_is_drawn_raises_nothing(qtbot, monkeypatch):
    """A language switch rebuilds the pages: the old Gantt page goes (and its scenes with
    it) while slices of its chart are still due. The long stress test caught the next slice
    touching the deleted scene (a RuntimeError in the event loop)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    import planner.gui.views.gantt as gantt_module

    doc = fake_document(monkeypatch)
    holder = QWidget()  # stands in for the window's page stack
    qtbot.addWidget(holder)
    view = GanttView(doc, holder)
    QVBoxLayout(holder).addWidget(view)
    holder.resize(1200, 600)
    holder.show()
    monkeypatch.setattr(gantt_module, "DRAW_SLICE", 2)
    monkeypatch.setattr(doc, "_runner", StepRunner())
    view.set_zoom("day")
    doc.runner.run_next()  # the first slice of the new chart is added, the rest are due
    view.deleteLater()
    qtbot.wait(100)  # the due slices run: pytest-qt fails the test on an exception in them
    assert not holder.findChildren(GanttView)


def test_an_old_chart_dropped_in_slices_survives_its_view_going(qtbot, monkeypatch):
    """The old chart's items are deleted a slice per turn of the event loop; when the view
    (and with it the scene) goes in between, the rest must not be touched or freed again:
    asking a bare item (scene.addRect) for its parentItem() handed it to Python, which freed
    it a second time (a segmentation fault), and the next slice raised a RuntimeError."""
    import shiboken6
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

    import planner.gui.views.gantt_canvas as canvas_module

    monkeypatch.setattr(canvas_module, "DRAW_SLICE", 2)
    view = QGraphicsView()
    scene = QGraphicsScene(view)
    for n in range(10):
        scene.addRect(QRectF(n, 0, 5, 5))  # bare C++ items, as the chart's bands
        scene.addSimpleText(f"row {n}")
        bar = QGraphicsRectItem(n, 10, 5, 5)  # made in Python with a child, as a bar
        QGraphicsRectItem(n, 10, 1, 1, bar)
        scene.addItem(bar)
    canvas_module.drop_in_slices(scene)  # the first slice now, the rest on later turns
    assert len(scene.items()) < 40
    shiboken6.delete(view)  # the page goes, its scene with it
    qtbot.wait(50)  # the due slices run (pytest-qt fails the test on an exception in them)
    assert not shiboken6.isValid(scene)


def test_the_label_column_fits_its_labels_up_to_a_third_of_the_view(qtbot, monkeypatch,
                                                                     tmp_path):
    """At 1600 px the fixed 280-px column cut most labels while a third of the window
    stayed empty: until the consultant drags its edge, the column is as wide as the
    widest label, at most a third of the view (280 px at 1024), following the window; a
    double click on the edge fits it again after a drag."""
    from dataclasses import replace

    from tests.gui import planning_fixtures

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    short = planning_fixtures._steps
    tail = " on the servers of the Berlin head office"
    monkeypatch.setattr(planning_fixtures, "_steps", lambda *args: [
        replace(s, title_en=s.title_en + tail) for s in short(*args)])
    doc = fake_document(monkeypatch)
    view = GanttView(doc)
    qtbot.addWidget(view)
    view.resize(800, 600)  # a 1024-px window's chart
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(500)  # fitted to the shown size
    chart = view.chart

    def labels():
        return [i.text() for i in chart.scene().items() if hasattr(i, "text")
                and i.text().startswith(("Check SE", "Move mailboxes off"))]

    assert chart.layout_info.label_w == 280  # a third of 800 px is less
    assert any(t.endswith("…") or "…" in t for t in labels())  # long titles shortened
    view.resize(1800, 600)
    qtbot.waitUntil(lambda: chart.layout_info.label_w > 280, timeout=5000)
    assert chart.layout_info.label_w <= chart.viewport().width() / 3
    assert all("…" not in t for t in labels()) and any(t.endswith(tail) for t in labels())
    edge = chart.mapFromScene(QPointF(chart.layout_info.label_w, 60))
    _drag(qtbot, chart.viewport(), edge, edge + QPoint(50, 0))
    dragged = chart.layout_info.label_w
    assert dragged > 330
    view.resize(800, 600)  # the consultant's width stays
    qtbot.wait(500)
    assert chart.layout_info.label_w == dragged
    edge = chart.mapFromScene(QPointF(dragged, 60))
    qtbot.mouseDClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    qtbot.waitUntil(lambda: chart.layout_info.label_w == 280, timeout=5000)
    assert QSettings().value("gantt/label_width") is None


def test_the_chart_opens_at_its_top_left_corner(qtbot, monkeypatch):
    """Drawn while its page was hidden (the usual case: the plan comes before the page is
    opened), the chart opened scrolled to the middle of the scene: the dates' header out
    of sight and the first letters of the labels cut off."""
    doc = fake_document(monkeypatch)
    view = GanttView(doc)
    qtbot.addWidget(view)
    view.resize(100, 40)  # not shown yet: the chart is drawn into a tiny viewport
    view.set_zoom("day")  # wider than the view
    view.resize(800, 220)
    view.show()
    qtbot.waitExposed(view)
    h, v = view.chart.horizontalScrollBar(), view.chart.verticalScrollBar()
    assert h.maximum() > 0 and v.maximum() > 0  # the chart is larger than the view
    assert (h.value(), v.value()) == (h.minimum(), v.minimum())
