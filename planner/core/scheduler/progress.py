"""Following a long search: the quick plan at once, every better plan as it comes, and a
cancel that stops the solver but keeps the best plan it has found.

The GUI's re-plan after an edit passes a :class:`Progress` to
:func:`planner.pipeline.make_plan` (or :func:`planner.core.scheduler.schedule`): the quick
plan goes to ``on_schedule`` before the solver starts, each improvement follows (on the
planning thread, so a GUI hands it over by signal), and setting ``cancel`` ends the search
within about 50 ms; the call then returns the best plan found, checked like any other.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.core.plan import Schedule
from planner.core.scheduler.model import ScheduleModel

__all__ = ["Found", "Progress", "SolutionTap", "watching"]

Found = Callable[[list[int], list[int], list[int]], None]  # starts, ends, consultants


@dataclass
class Progress:
    """How a caller follows and stops a plan being made.

    ``on_schedule`` receives the quick plan and then every strictly better plan (never the
    same plan twice); ``cancel`` set from any thread stops the search and keeps its best.
    """

    on_schedule: Callable[[Schedule], None] | None = None
    cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, plan: Schedule) -> None:
        """Hand a plan to the caller, if it listens."""
        if self.on_schedule is not None:
            self.on_schedule(plan)


class SolutionTap(cp_model.CpSolverSolutionCallback):  # type: ignore[misc]
    """Passes each solution's starts, (exclusive) ends and consultants on as it is found."""

    def __init__(self, sm: ScheduleModel, found: Found) -> None:
        super().__init__()
        self._sm, self._found = sm, found

    def on_solution_callback(self) -> None:
        """Read the solution and pass it on (the solver waits meanwhile)."""
        sm = self._sm
        consultants = [
            next((k for k, x in enumerate(row) if x is not None and self.boolean_value(x)), -1)
            for row in sm.assigned
        ]
        self._found([self.value(v) for v in sm.starts], [self.value(v) for v in sm.ends],
                    consultants)


@contextmanager
def watching(solver: cp_model.CpSolver, cancel: threading.Event | None,
             cpu_seconds: float | None = None, spent: list[bool] | None = None,
             ) -> Iterator[None]:
    """Stop ``solver`` as soon as ``cancel`` is set while the block runs, or once the process
    has used ``cpu_seconds`` of CPU time in it (then ``spent`` gets True appended)."""
    if cancel is None and cpu_seconds is None:
        yield
        return
    done = threading.Event()
    begun = time.process_time()

    def watch() -> None:
        while not done.wait(0.05):
            if cancel is not None and cancel.is_set():
                solver.stop_search()
                return
            if cpu_seconds is not None and time.process_time() - begun > cpu_seconds:
                if spent is not None:
                    spent.append(True)
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, name="solver-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
