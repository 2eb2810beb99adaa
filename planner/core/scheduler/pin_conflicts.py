"""Why pins cannot all be kept: the pins and what they collide with, in the reader's words.

Called only once no valid plan exists (or none was found): the critical-path check in
:mod:`.infeasible` names a pin its predecessors cannot reach; these checks name pins that
collide with each other on a DAG/server or on the consultants, and otherwise list the pins
together, since only together are they impossible.
"""

from __future__ import annotations

from planner.core.explanation import Listed, Message, message
from planner.core.scheduler.problem import WEEKDAY, WINDOW, Job, Problem

__all__ = ["pin_conflict", "pins_unproven"]

Reason = Message


def _span(problem: Problem, job: Job) -> tuple[int, int]:
    """The days a pinned job occupies at its fastest."""
    assert job.pin is not None
    if job.is_milestone:
        return job.pin, job.pin
    return job.pin, job.end_after(problem.cal(job), job.pin, job.fastest_days)


def _title(job: Job) -> Message | str:
    return job.step.title_message or job.step.title("en")


def _shared(problem: Problem, pinned: list[Job]) -> Reason | None:
    """Two pinned jobs on one DAG/server at the same time."""
    for n, a in enumerate(pinned):
        sa, ea = _span(problem, a)
        for b in pinned[n + 1:]:
            sb, eb = _span(problem, b)
            if set(a.step.resources) & set(b.step.resources) and sa < eb and sb < ea:
                return message("schedule.pin.shared", first=_title(a),
                               first_day=problem.day(a.pin or 0), second=_title(b),
                               second_day=problem.day(b.pin or 0),
                               resource=message("schedule.pin.same_dag"))
    return None


def _available(problem: Problem, day: int) -> int:
    return sum(1 for spans in problem.absences if not any(a <= day < b for a, b in spans))


def _crowded(problem: Problem, pinned: list[Job]) -> Reason | None:
    """A day on which more pinned steps need a consultant than can work."""
    busy = [(j, *_span(problem, j)) for j in pinned if j.uses_consultant]
    for day in sorted({s for _, s, _ in busy}):
        # a weekday step and a window step hold different days of a consultant (WEEKDAY)
        for side in (WEEKDAY, WINDOW):
            on = [j for j, s, e in busy if s <= day < e
                  and any(held & side for held in j.sides(problem.apart))]
            free = _available(problem, day)
            if len(on) > free:
                return message("schedule.pin.consultants", steps=_names(problem, on),
                               needed=len(on), day=problem.day(day), count=free)
    return None


def _names(problem: Problem, jobs: list[Job]) -> Listed:
    return Listed(tuple(message("schedule.pin.step_on", step=_title(j),
                                day=problem.day(j.pin or 0)) for j in jobs))


def pin_conflict(problem: Problem) -> Reason | None:
    """The pins that cannot all be kept and what they collide with; None without pins."""
    pinned = sorted((j for j in problem.jobs if j.pin is not None),
                    key=lambda j: (j.pin or 0, j.index))
    if not pinned:
        return None
    found = _shared(problem, pinned) or _crowded(problem, pinned)
    if found:
        return found
    return message("schedule.pin.together", steps=_names(problem, pinned))


def pins_unproven(problem: Problem) -> Reason | None:
    """No plan with the pins found in the time limit (and none proven impossible)."""
    pinned = [j for j in problem.jobs if j.pin is not None]
    if not pinned:
        return None
    return message("schedule.pin.unproven", steps=_names(problem, pinned))
