"""Re-planning the open project on the worker: the quick plan at once, better plans as the
solver finds them, Cancel keeping the best so far, a stale result dropped.

:class:`Replanning` is the planning half of :class:`planner.gui.document.Document` (which
holds the project, its undo stack and its files); it uses the document's signals and
state, declared below for the type checker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from planner.core.errors import error_words
from planner.gui.crash_log import is_bug
from planner.gui.i18n import ui_language
from planner.gui.worker import Job, Runner

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance

    from planner.core.knowledge import Knowledge
    from planner.core.plan import Plan
    from planner.core.project import Project
    from planner.core.settings import Decisions, Settings
    from planner.gui.history import History

__all__ = ["Replanning", "knowledge_for", "make_plan"]


# The pipeline is imported when the first plan is made, not at start: it pulls in OR-Tools,
# pandas and networkx (seconds on a slow laptop), and the empty window needs none of them.
# Module-level names, so tests can swap in a stand-in planner.
def make_plan(*args: Any, **kwargs: Any) -> Plan:
    """:func:`planner.pipeline.make_plan`, imported on first use."""
    from planner.pipeline import make_plan as pipeline_make_plan  # start-up time, see above

    return pipeline_make_plan(*args, **kwargs)


def knowledge_for(settings: Settings) -> Knowledge:
    """:func:`planner.pipeline.knowledge_for`, imported on first use."""
    from planner.pipeline import knowledge_for as pipeline_knowledge_for  # start-up time

    return pipeline_knowledge_for(settings)


class Replanning:
    """Re-planning on the worker; mixed into the document (see the module docstring)."""

    if TYPE_CHECKING:  # the document's state and signals this half uses
        _runner: Runner
        _timer: QTimer
        _delay: int
        _job: Job | None
        _cancel: threading.Event | None
        _kept: int
        _generation: int
        _history: History
        _project: Project | None
        busyChanged: SignalInstance
        progress: SignalInstance
        planChanged: SignalInstance
        planFailed: SignalInstance
        bugRaised: SignalInstance

        @property
        def project(self) -> Project: ...
        @property
        def plan_is_current(self) -> bool: ...
        def tr(self, sourceText: str, disambiguation: str | None = None,
               n: int = -1) -> str: ...

    def _replan_if_stale(self) -> None:
        if self.plan_is_current or not self.project.estate.servers:
            self.abandon()
        else:
            self._request_replan()

    def _request_replan(self) -> None:
        if self._delay <= 0:
            self.replan()
        else:
            self._timer.start()

    def replan(self) -> None:
        """Plan the current inputs on the worker; the result lands via ``planChanged``.

        The quick plan (priority rules, no search) lands first and is shown at once; each
        better plan the solver finds replaces it. ``cancel()`` ends the search early and
        keeps the best plan found so far.
        """
        self._timer.stop()
        self.abandon()
        project = self.project
        if not project.estate.servers:
            return
        self._generation += 1
        generation = self._generation
        cancel = self._cancel = threading.Event()

        def work(job: Job | None = None) -> Plan:
            knowledge = knowledge_for(project.settings)
            # the quick plan and each better one the solver finds go to the screen at once
            offer = job.offer if job is not None else None
            return make_plan(project.estate, project.findings, project.settings,
                             project.decisions, knowledge, on_plan=offer, cancel=cancel)

        self._set_busy(True)
        self.progress.emit(-1, self.tr("Planning…"))
        job = self._runner.submit(
            "plan", work,
            lambda plan: self._plan_landed(generation, project, plan),
            lambda exc, trace: self._plan_failed(generation, exc, trace),
            on_interim=lambda plan: self._quick_plan_landed(generation, project, plan),
        )
        self._job = None if job.done else job  # a synchronous runner has already delivered

    def cancel(self) -> None:
        """The consultant's Cancel: end the search now and keep the best plan found so far.

        A pending re-plan (the edit's short delay) does not start; a running one lands with
        what it has (the quick plan at least) instead of being thrown away.
        """
        self._timer.stop()
        if self._job is None:
            return
        self._kept = self._generation  # its result lands even if the inputs moved on
        if self._cancel is not None:
            self._cancel.set()

    def abandon(self) -> None:
        """Drop a running re-plan: its search stops and its result is ignored."""
        self._timer.stop()
        if self._cancel is not None:
            self._cancel.set()  # the solver stops: frees the worker (and a core) at once
            self._cancel = None
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self._set_busy(False)

    def make_plan_for(self, settings: Settings, decisions: Decisions,
                      on_done: Callable[[Plan], None],
                      on_error: Callable[[BaseException, str], None] | None = None) -> Job:
        """Plan a variant of the current estate on the worker (for scenarios)."""
        project = self.project

        def work() -> Plan:
            return make_plan(project.estate, project.findings, settings, decisions,
                             knowledge_for(settings))

        return self._runner.submit("scenario", work, on_done, on_error)

    def _set_busy(self, busy: bool) -> None:
        self.busyChanged.emit(busy)

    def _quick_plan_landed(self, generation: int, inputs: Project, plan: Plan) -> None:
        """Show the quick plan while the search goes on (only if nothing moved on)."""
        if generation != self._generation or not self._same_inputs(inputs):
            return
        self._show_plan(plan)
        self.progress.emit(-1, self.tr("Improving the plan…"))

    def _plan_landed(self, generation: int, inputs: Project, plan: Plan) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._cancel = None
        if not self._same_inputs(inputs):
            self._set_busy(False)
            if self._kept != generation:
                self._request_replan()  # the inputs moved on while we were planning
            return
        self._show_plan(plan)
        self._set_busy(False)

    def _same_inputs(self, inputs: Project) -> bool:
        current = self.project
        return (current.estate, current.settings, current.decisions) == (
            inputs.estate, inputs.settings, inputs.decisions)

    def _show_plan(self, plan: Plan) -> None:
        current = self.project
        updated = replace(current, plan=plan)
        self._history.swap(current, updated)
        self._project = updated
        self.planChanged.emit()

    def _plan_failed(self, generation: int, exc: BaseException, trace: str) -> None:
        if generation != self._generation:
            return
        self._job = None
        self._cancel = None
        self._set_busy(False)
        summary = (f"{type(exc).__name__}: {exc}" if is_bug(exc)
                   else error_words(exc, ui_language()))
        self.planFailed.emit(summary)
        if is_bug(exc):
            self.bugRaised.emit(summary, trace)
