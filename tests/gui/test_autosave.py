"""Autosave writes on the worker, never twice at once, and leaves nothing behind a clean close."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.gui.autosave import Autosave
from planner.gui.edit import replace_server
from planner.gui.worker import Job, SyncRunner
from tests.gui.planning_fixtures import fake_document


class _HeldRunner:
    """Queues jobs until ``run_all``: stands in for a worker that is still writing."""

    def __init__(self) -> None:
        self.held: list[tuple[Any, Any]] = []

    def submit(self, name: str, fn: Any, on_done: Any = None, on_error: Any = None,
               on_interim: Any = None) -> Job:
        if name != "autosave":  # re-plans run at once
            return SyncRunner().submit(name, fn, on_done, on_error, on_interim)
        self.held.append((fn, on_done))
        return Job(name)

    def run_all(self) -> None:
        held, self.held = self.held, []
        for fn, on_done in held:
            result = fn()
            if on_done is not None:
                on_done(result)


def _edit(doc: Any, site: str) -> None:
    server = doc.estate.servers[0]
    doc.apply(replace_server(server.name, replace(server, site=site), "Move"))


def _held_autosave(monkeypatch: Any, tmp_path: Path) -> tuple[Any, Autosave, _HeldRunner]:
    doc = fake_document(monkeypatch)
    autosave = Autosave(doc, tmp_path, interval_ms=10**8)
    held = _HeldRunner()
    monkeypatch.setattr(doc, "_runner", held)
    return doc, autosave, held


def test_autosave_writes_on_the_worker_one_write_at_a_time(monkeypatch: Any,
                                                             tmp_path: Path) -> None:
    doc, autosave, held = _held_autosave(monkeypatch, tmp_path)
    _edit(doc, "Berlin")  # re-plans: the plan's arrival asks for a save
    assert autosave.path is None and len(held.held) == 1  # queued, not written here
    _edit(doc, "Hamburg")
    assert len(held.held) == 1  # the change waits for the write under way
    held.run_all()  # the first write lands and starts the second
    assert len(held.held) == 1 and autosave.path is not None
    held.run_all()
    assert "Hamburg" in autosave.path.read_text(encoding="utf-8")
    autosave.close()


def test_closing_while_a_write_is_under_way_leaves_no_recovery_file(monkeypatch: Any,
                                                                    tmp_path: Path) -> None:
    doc, autosave, held = _held_autosave(monkeypatch, tmp_path)
    _edit(doc, "Berlin")
    assert len(held.held) == 1
    autosave.close()  # the window closes cleanly before the worker wrote
    held.run_all()
    assert not list(tmp_path.glob("*.seplan"))


def test_after_a_plan_the_autosave_waits_until_plans_stop_arriving(monkeypatch: Any,
                                                                   qtbot: Any,
                                                                   tmp_path: Path) -> None:
    """Writing a large project right after each plan competed with the pages filling
    themselves on the window's thread (1,000 servers: the Steps page froze 0.9 s): the
    write waits until no newer plan came for a moment; closing the window cancels it."""
    doc = fake_document(monkeypatch)
    autosave = Autosave(doc, tmp_path, interval_ms=10**8, after_plan_ms=100)
    held = _HeldRunner()
    monkeypatch.setattr(doc, "_runner", held)
    _edit(doc, "Berlin")
    assert held.held == []  # not at once
    qtbot.waitUntil(lambda: len(held.held) == 1, timeout=2000)
    held.run_all()
    assert autosave.path is not None and "Berlin" in autosave.path.read_text(encoding="utf-8")
    _edit(doc, "Hamburg")
    autosave.close()  # the window closes before the wait is over: nothing more is written
    qtbot.wait(200)
    assert held.held == [] and not list(tmp_path.glob("*.seplan"))
