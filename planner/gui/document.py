"""The open project as a QObject: core records, an undo stack, and re-planning on a worker.

API (the contract the views and dialogs code against)
-----------------------------------------------------
Signals
    ``estateChanged()``    the estate or the import findings changed (import, cell edit, undo)
    ``settingsChanged()``  ``settings`` changed
    ``decisionsChanged()`` ``decisions`` changed (exclusions, paths, rules, pins)
    ``scenariosChanged()`` ``project.scenarios`` or ``active_scenario`` changed
    ``planChanged()``      ``plan`` changed (a re-plan landed, or undo restored an older plan)
    ``busyChanged(bool)``  a re-plan started (True) or ended (False)
    ``progress(int, str)`` percent (-1 = unknown) and a text while busy
    ``planFailed(str)``    the last re-plan raised; the text says why
    ``bugRaised(str, str)`` a re-plan hit a bug (summary, traceback; already in the log)
    ``pathChanged()``, ``modifiedChanged(bool)``  file name and the unsaved-changes mark

Properties (read-only; all values are immutable core records)
    ``project`` (:class:`planner.core.project.Project`), ``estate``, ``findings`` (import
    findings plus the plan's own when the plan is current), ``settings``, ``decisions``,
    ``plan`` (``Plan | None``; the last plan, possibly one edit behind while ``busy``),
    ``plan_is_current``, ``knowledge`` (with the project's overrides), ``undo_stack``
    (``QUndoStack``), ``path`` (``Path | None``), ``modified``, ``busy``, ``runner``.

Changing things
    ``apply(edit)`` pushes an :class:`Edit` — a name plus a pure function
    ``Project -> Project`` — onto the undo stack; the command keeps the project before and
    after, so undo and redo are exact. An edit that changes estate, settings or decisions
    triggers a re-plan on the worker; undo restores the earlier plan at once. The edits and
    their helpers live in :mod:`planner.gui.edit`. Planning lives in
    :mod:`planner.gui.replanning` (mixed in). ``replan()`` forces a re-plan: the quick
    plan lands first, each better plan the solver finds replaces it. ``cancel()`` (the consultant's
    Cancel) ends the search and keeps the best plan found; ``abandon()`` drops a re-plan.
    ``make_plan_for(settings, decisions, on_done)`` plans a variant (scenarios) on the worker.
    ``set_project(project, path)`` replaces everything (new/open) and clears the undo stack;
    ``open(path)`` and ``save(path=None)`` read and write the project file.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from planner.gui import replanning
from planner.gui.edit import Edit
from planner.gui.history import EditCommand, History
from planner.gui.replanning import Replanning
from planner.gui.worker import Job, Runner, SyncRunner, ThreadRunner

if TYPE_CHECKING:  # the knowledge base and the plan's records load with the first plan
    from planner.core.knowledge import Knowledge  # (start-up time)
    from planner.core.model import Finding
    from planner.core.plan import Plan
    from planner.core.project import Project
    from planner.core.settings import Decisions, Settings

__all__ = ["Document"]


def _empty_project() -> Project:
    """A new, empty project."""
    # start-up time: the project's records (estate, settings, their dataclasses) load when
    # first used, not before the empty window's first paint, which shows none of them
    from planner.core.project import Project

    return Project()


class Document(Replanning, QObject):
    """One open project; see the module docstring for the API."""

    estateChanged = Signal()
    settingsChanged = Signal()
    decisionsChanged = Signal()
    scenariosChanged = Signal()
    planChanged = Signal()
    busyChanged = Signal(bool)
    progress = Signal(int, str)
    planFailed = Signal(str)
    bugRaised = Signal(str, str)
    pathChanged = Signal()
    modifiedChanged = Signal(bool)

    def __init__(self, project: Project | None = None, path: Path | None = None,
                 runner: Runner | None = None, parent: QObject | None = None,
                 replan_delay_ms: int | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = project  # None: empty, made when first asked for
        self._path = path
        self._runner: Runner = runner or ThreadRunner()
        self._undo = QUndoStack(self)
        self._undo.setUndoLimit(200)
        self._undo.cleanChanged.connect(self._clean_changed)
        self._job: Job | None = None
        self._cancel: threading.Event | None = None
        self._kept = 0  # the generation the consultant cancelled: its plan is kept as is
        self._history = History()
        self._pushing = False
        self._generation = 0
        self._knowledge: tuple[Any, Knowledge] | None = None
        self._delay = (0 if isinstance(self._runner, SyncRunner) else 150) \
            if replan_delay_ms is None else replan_delay_ms
        self._timer = QTimer(self, singleShot=True, interval=max(self._delay, 0))
        self._timer.timeout.connect(self.replan)

    # --- read-only state ---------------------------------------------------------------

    @property
    def project(self) -> Project:
        """The whole project record."""
        if self._project is None:
            self._project = _empty_project()
        return self._project

    @property
    def blank(self) -> bool:
        """True while the document holds the empty project it started with, not yet made
        (nothing imported, opened or asked for): then it has no servers, findings or plan."""
        return self._project is None

    @property
    def estate(self) -> Any:
        """The estate (:class:`planner.core.model.Estate`)."""
        return self.project.estate

    @property
    def settings(self) -> Settings:
        """The project settings."""
        return self.project.settings

    @property
    def decisions(self) -> Decisions:
        """The consultant's decisions."""
        return self.project.decisions

    @property
    def plan(self) -> Plan | None:
        """The last plan (check ``plan_is_current`` while a re-plan runs)."""
        return self._project.plan if self._project is not None else None

    @property
    def plan_is_current(self) -> bool:
        """True when ``plan`` was made from the current estate, settings and decisions."""
        if self._project is None:
            return False
        from planner.core.project import plan_is_current  # start-up time (the project made it)

        p = self.project
        return plan_is_current(p.plan, p.estate, p.settings, p.decisions)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Import findings, plus the plan's own findings when the plan is current (the plan
        was made from the import findings, so its list holds them and what planning found:
        the rules, Exchange Online's report, the pauses) and a note when it is older than
        the knowledge the planner has now."""
        if self._project is None:
            return ()
        plan = self.project.plan
        found = self.project.findings
        if plan is not None and self.plan_is_current:
            known = set(found)
            added = tuple(f for f in plan.findings if f not in known)
            # start-up time: the build lifecycle tables load with the first plan, not before
            from planner.core.exo_view import knowledge_findings

            return found + added + knowledge_findings(plan, self.knowledge)
        return found

    @property
    def knowledge(self) -> Knowledge:
        """The knowledge base with this project's overrides (cached per overrides)."""
        overrides = self.project.settings.policy_overrides
        if self._knowledge is None or self._knowledge[0] != overrides:
            self._knowledge = (dict(overrides), replanning.knowledge_for(self.project.settings))
        return self._knowledge[1]

    def forget_knowledge(self) -> None:
        """Read the knowledge afresh next time (after Help › Update knowledge from file…)."""
        self._knowledge = None

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo stack (connect Undo/Redo actions to it)."""
        return self._undo

    @property
    def path(self) -> Path | None:
        """The project file, or None for a project never saved."""
        return self._path

    @property
    def modified(self) -> bool:
        """True when there are unsaved changes."""
        return not self._undo.isClean()

    @property
    def busy(self) -> bool:
        """True while a re-plan runs."""
        return self._job is not None

    @property
    def runner(self) -> Runner:
        """The runner for background work (exports may use it too)."""
        return self._runner

    # --- changing state ----------------------------------------------------------------

    def apply(self, edit: Edit) -> None:
        """Apply an edit as an undoable command (and re-plan if it changed the inputs)."""
        before = self.project
        after = edit.func(before)
        if after is before or after == before:
            return
        command = EditCommand(self, edit, before, after)
        self._history.keep(command, self._undo.undoLimit())
        # Plan only once the push is complete, so listeners see the edit as unsaved.
        self._pushing = True
        try:
            self._undo.push(command)
        finally:
            self._pushing = False
        self._replan_if_stale()

    def set_project(self, project: Project, path: Path | None = None) -> None:
        """Replace the whole project (new, open, recover); clears the undo history."""
        self.abandon()
        self._undo.clear()
        self._history.clear()
        self._knowledge = None  # read afresh: a build list may have been imported meanwhile
        self._path = path
        self._set_state(project, force=True)
        self._undo.setClean()
        self.pathChanged.emit()

    def retranslate_history(self) -> None:
        """Give every undo step its text in the current UI language."""
        self._history.retranslate()

    def set_modified(self) -> None:
        """Mark the project as changed without an undo step (e.g. after a recovery)."""
        self._undo.resetClean()

    def open(self, path: Path | str) -> None:
        """Load a project file (raises ProjectError with a clear message)."""
        target = Path(path)
        from planner.core.project import load_project  # start-up time, see _empty_project

        self.set_project(load_project(target), target)

    def save(self, path: Path | str | None = None) -> Path:
        """Save to ``path`` (or the current file) atomically and mark the project clean."""
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("no file name given for an unsaved project")
        from planner.core.project import save_project  # start-up time, see _empty_project

        save_project(self.project, target)
        changed = target != self._path
        self._path = target
        self._undo.setClean()
        if changed:
            self.pathChanged.emit()
        return target

    def _set_state(self, new: Project, force: bool = False) -> None:
        old = self.project
        self._project = new
        if force or old.estate != new.estate or old.findings != new.findings:
            self.estateChanged.emit()
        if force or old.settings != new.settings:
            self.settingsChanged.emit()
        if force or old.decisions != new.decisions:
            self.decisionsChanged.emit()
        if force or (old.scenarios, old.active_scenario) != (new.scenarios,
                                                             new.active_scenario):
            self.scenariosChanged.emit()
        if force or old.plan is not new.plan:
            self.planChanged.emit()
        if not self._pushing:
            self._replan_if_stale()

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

