"""After an edit the quick plan is on screen at once; Cancel keeps the best plan found."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QThreadPool

from planner.gui.edit import replace_server
from planner.gui.worker import ThreadRunner
from tests.gui import planning_fixtures as fixtures

SEARCHING = threading.Event()


def _searching_planner(*args: Any, on_plan: Any = None, cancel: Any = None) -> Any:
    """The stand-in planner: offers a quick plan, then searches until cancelled (or 20 s)."""
    plan = fixtures.make_plan(*args)
    objective = plan.schedule.objective

    def with_gap(gap: float) -> Any:
        return replace(plan, schedule=replace(plan.schedule, objective=replace(
            objective, status="feasible", gap=gap)))

    if on_plan is not None:
        on_plan(with_gap(0.25))  # the quick plan
    SEARCHING.set()
    for _ in range(400):
        if cancel is not None and cancel.is_set():
            break
        threading.Event().wait(0.05)
    return with_gap(0.1)  # the best the stopped search found


def _searching_document(monkeypatch: Any) -> Any:
    import planner.gui.replanning as document_module

    doc = fixtures.fake_document(monkeypatch)
    monkeypatch.setattr(document_module, "make_plan", _searching_planner)
    doc._runner = ThreadRunner()
    doc._delay = 0
    SEARCHING.clear()
    return doc


def test_quick_plan_shows_at_once_and_cancel_keeps_the_searched_plan(
        qtbot: Any, monkeypatch: Any) -> None:
    doc = _searching_document(monkeypatch)
    server = doc.estate.servers[0]
    doc.apply(replace_server(server.name, replace(server, site="Hamburg"), "Move"))
    qtbot.waitUntil(lambda: doc.plan_is_current, timeout=10_000)
    assert doc.busy  # the quick plan is on screen while the search goes on
    assert doc.plan is not None and doc.plan.schedule.objective.gap == 0.25
    assert SEARCHING.wait(10)
    doc.cancel()
    qtbot.waitUntil(lambda: not doc.busy, timeout=10_000)
    assert doc.plan_is_current  # not dropped: the stopped search's best plan is kept
    assert doc.plan.schedule.objective.gap == 0.1
    QThreadPool.globalInstance().waitForDone(10_000)


def test_a_new_edit_abandons_the_running_search(qtbot: Any, monkeypatch: Any) -> None:
    doc = _searching_document(monkeypatch)
    server = doc.estate.servers[0]
    doc.apply(replace_server(server.name, replace(server, site="Hamburg"), "Move"))
    assert SEARCHING.wait(10)
    SEARCHING.clear()
    doc.apply(replace_server(server.name, replace(server, site="Bremen"), "Move again"))
    assert SEARCHING.wait(10)  # the first search stopped at once, the second one runs
    doc.cancel()
    qtbot.waitUntil(lambda: not doc.busy, timeout=10_000)
    assert doc.plan_is_current and doc.plan.estate.servers[0].site == "Bremen"
    QThreadPool.globalInstance().waitForDone(10_000)
