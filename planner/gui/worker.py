"""Run pure pipeline functions off the GUI thread, with progress and cancel.

A :class:`Runner` takes a function and two callbacks; the function runs on a worker and the
callbacks run on the GUI thread. :class:`ThreadRunner` uses the global ``QThreadPool``;
:class:`SyncRunner` runs the function at once on the caller's thread, so tests need no
waiting. Cancel is cooperative: the job is marked cancelled, a function that accepts a
``job`` argument can check ``job.cancelled``, and a cancelled job's result is dropped.
Such a function may also ``job.offer(result)`` an interim result (a quick plan) that the
GUI shows while the final one is being made.
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from planner.gui.crash_log import is_bug, log_bug

__all__ = ["Job", "Runner", "SyncRunner", "ThreadRunner", "load_solver_on_this_thread"]

Done = Callable[[Any], None]
Failed = Callable[[BaseException, str], None]


class Job(QObject):
    """One submitted piece of work; its callbacks run on the thread that created it (the GUI).

    The worker emits ``finished``/``failed``; they are connected to this object's own slots,
    and because the job lives on the GUI thread Qt queues those calls there.
    """

    finished = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, str)  # percent (-1 = unknown), text
    interim = Signal(object)  # a usable result before the final one (a quick plan)

    def __init__(self, name: str, on_done: Done | None = None,
                 on_error: Failed | None = None, on_interim: Done | None = None) -> None:
        super().__init__()
        self.name = name
        self.cancelled = False
        self.done = False
        self._on_done = on_done
        self._on_error = on_error
        self._on_interim = on_interim
        self.release: Callable[[Job], None] | None = None
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.interim.connect(self._deliver_interim)

    def cancel(self) -> None:
        """Ask the job to stop; its result will be ignored."""
        self.cancelled = True

    def report(self, percent: int, text: str = "") -> None:
        """Report progress from inside the worker function (thread-safe via the signal)."""
        self.progress.emit(percent, text)

    def offer(self, result: Any) -> None:
        """Hand an interim result to the GUI from inside the worker function (thread-safe)."""
        self.interim.emit(result)

    def _finish(self) -> tuple[Done | None, Failed | None]:
        """Mark the job done and hand back its callbacks, dropping the job's own references.

        A finished job keeps no callbacks: they close over their owners (the document, a
        view), and a job <-> owner cycle left to the garbage collector may free Qt objects at
        an unsafe moment. The release waits for the event loop: dropping the last reference
        while Qt is still delivering the queued signal to this job would delete it mid-call.
        """
        self.done = True
        callbacks = (self._on_done, self._on_error)
        self._on_done = self._on_error = self._on_interim = None
        release, self.release = self.release, None
        if release is not None:
            QTimer.singleShot(0, lambda: release(self))
        return callbacks

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        on_done, _ = self._finish()
        if not self.cancelled and on_done is not None:
            on_done(result)

    @Slot(object)
    def _deliver_interim(self, result: Any) -> None:
        if not self.cancelled and not self.done and self._on_interim is not None:
            self._on_interim(result)

    @Slot(object, str)
    def _deliver_error(self, exc: BaseException, trace: str) -> None:
        _, on_error = self._finish()
        if not self.cancelled and on_error is not None:
            on_error(exc, trace)


def _log_failure(job: Job, exc: BaseException, trace: str) -> None:
    # Logged where it happens, so a bug leaves its traceback even if nobody shows it.
    if is_bug(exc):
        log_bug(f"worker job {job.name!r} failed", trace)


def _call(fn: Callable[..., Any], job: Job) -> Any:
    # Pipeline functions are plain; only functions that ask for the job get it.
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return fn()
    return fn(job=job) if "job" in params else fn()


class Runner(Protocol):
    """Something that runs ``fn`` and calls back ``on_done(result)`` or ``on_error(exc, tb)``."""

    def submit(self, name: str, fn: Callable[..., Any], on_done: Done | None = None,
               on_error: Failed | None = None, on_interim: Done | None = None) -> Job:
        """Start ``fn``; the returned job can be cancelled or observed for progress."""
        ...


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], job: Job) -> None:
        super().__init__()
        self._fn = fn
        self._job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        if self._job.cancelled:
            self._job.failed.emit(RuntimeError("cancelled"), "")
            return
        try:
            result = _call(self._fn, self._job)
        except BaseException as exc:  # the GUI shows it; a worker must never die silently
            trace = traceback.format_exc()
            _log_failure(self._job, exc, trace)
            self._job.failed.emit(exc, trace)
        else:
            self._job.finished.emit(result)


def load_solver_on_this_thread() -> None:
    """Import the pipeline (and with it OR-Tools) on the calling thread, the GUI's.

    The GUI imports the pipeline lazily (start-up time), but measured: when OR-Tools is
    first imported on a QThreadPool worker and then used there, the process segfaults (2 of
    3 runs, in CpModel()); imported on the main thread first, never. So every job is
    submitted only once the pipeline is loaded here (usually already, by the warm-up after
    the window is shown).
    """
    import planner.pipeline  # noqa: F401  (see above: must load on the GUI thread)


class ThreadRunner:
    """Runs jobs on a QThreadPool (the global one unless given)."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._jobs: set[Job] = set()  # keeps Python wrappers alive until they finish

    def submit(self, name: str, fn: Callable[..., Any], on_done: Done | None = None,
               on_error: Failed | None = None, on_interim: Done | None = None) -> Job:
        """Queue ``fn`` on the pool."""
        load_solver_on_this_thread()
        job = Job(name, on_done, on_error, on_interim)
        self._jobs.add(job)
        job.release = self._jobs.discard  # dropped on the GUI thread once delivered
        self._pool.start(_Task(fn, job))
        return job

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued job has run (for shutdown and tests)."""
        return bool(self._pool.waitForDone(msecs))


class SyncRunner:
    """Runs each job immediately on the calling thread (tests, command line)."""

    def submit(self, name: str, fn: Callable[..., Any], on_done: Done | None = None,
               on_error: Failed | None = None, on_interim: Done | None = None) -> Job:
        """Run ``fn`` now and deliver the result before returning."""
        job = Job(name, on_done, on_error, on_interim)
        try:
            result = _call(fn, job)
        except BaseException as exc:
            trace = traceback.format_exc()
            _log_failure(job, exc, trace)
            job.failed.emit(exc, trace)
        else:
            job.finished.emit(result)
        return job

    def wait(self, msecs: int = -1) -> bool:
        """Nothing is ever pending."""
        return True
