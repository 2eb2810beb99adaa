"""The document: edits are undoable, re-plan on change, and undo restores the earlier plan."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from planner.core.model import Server
from planner.gui.edit import Edit, replace_server, set_settings
from tests.gui.planning_fixtures import fake_document


def test_cell_style_edit_replans_and_undo_restores_the_plan(qtbot: Any, monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    first_plan = doc.plan
    with qtbot.waitSignal(doc.planChanged):
        doc.apply(replace_server("EX01", replace(doc.estate.servers[0], site="Berlin"),
                                 "Move EX01"))
    assert doc.estate.servers[0].site == "Berlin"
    assert doc.plan is not first_plan and doc.plan_is_current
    assert doc.plan.estate.servers[0].site == "Berlin"
    assert doc.modified
    assert doc.undo_stack.undoText() == "Move EX01"

    doc.undo_stack.undo()
    assert doc.estate.servers[0].site == "Munich"
    assert doc.plan is first_plan  # restored at once, not planned again
    assert not doc.modified

    doc.undo_stack.redo()
    assert doc.estate.servers[0].site == "Berlin" and doc.plan_is_current


def test_an_edit_that_changes_nothing_is_not_an_undo_step(monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    doc.apply(Edit("Nothing", lambda p: p))
    assert doc.undo_stack.count() == 0 and not doc.modified


def test_signals_name_what_changed(qtbot: Any, monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    seen: list[str] = []
    doc.settingsChanged.connect(lambda: seen.append("settings"))
    doc.estateChanged.connect(lambda: seen.append("estate"))
    doc.apply(set_settings(replace(doc.settings, customer="Fabrikam")))
    assert seen == ["settings"]
    assert doc.plan.settings.customer == "Fabrikam"


def test_a_stale_plan_result_is_dropped(monkeypatch: Any) -> None:
    """A plan that lands after the inputs moved on must not overwrite the newer state."""
    doc = fake_document(monkeypatch)
    from planner.gui import document as document_module

    pending: list[Any] = []

    class HeldRunner:
        def submit(self, name: str, fn: Any, on_done: Any = None, on_error: Any = None,
                   **_kwargs: Any) -> Any:
            pending.append((fn, on_done))
            from planner.gui.worker import Job
            return Job(name)

    doc._runner = HeldRunner()
    doc._delay = 0
    doc.apply(replace_server("EX01", replace(doc.estate.servers[0], site="A"), "A"))
    doc.apply(replace_server("EX01", replace(doc.estate.servers[0], site="B"), "B"))
    assert len(pending) == 2
    old_fn, old_done = pending[0]
    old_done(old_fn())  # the first re-plan finishes last
    assert doc.plan is None or doc.plan.estate.servers[0].site != "A"
    new_fn, new_done = pending[1]
    new_done(new_fn())
    assert doc.plan_is_current and doc.plan.estate.servers[0].site == "B"
    assert document_module  # the module is the one the fixture patched


def test_server_edit_keeps_other_servers(monkeypatch: Any) -> None:
    doc = fake_document(monkeypatch)
    names = [s.name for s in doc.estate.servers]
    doc.apply(replace_server("EX02", Server("EX02", site="Munich", build="15.2.1748.39"),
                             "Update EX02"))
    assert [s.name for s in doc.estate.servers] == names


def test_a_new_document_makes_its_empty_project_when_first_asked_for(qtbot) -> None:
    """The empty window starts without the project's records (start-up time): a new
    document is blank, with no findings or plan, until something asks for its project."""
    from planner.core.project import Project
    from planner.gui.document import Document
    from planner.gui.worker import SyncRunner

    doc = Document(runner=SyncRunner())
    assert doc.blank and doc.findings == () and doc.plan is None
    assert not doc.plan_is_current and not doc.modified
    assert doc.estate.servers == () and doc.project == Project()
    assert not doc.blank
