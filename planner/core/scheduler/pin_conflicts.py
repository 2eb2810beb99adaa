"""Why pins cannot all be kept: the pins and what they collide with, in the reader's words.

Called only once no valid plan exists (or none was found): the critical-path check in
:mod:`.infeasible` names a pin its predecessors cannot reach; these checks name pins that
collide with each other on a DAG/server or on the consultants, and otherwise list the pins
together, since only together are they impossible.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from planner.core.catalogue import catalogue
from planner.core.scheduler.problem import Job, Problem

__all__ = ["pin_conflict", "pins_unproven"]

Reason = tuple[str, str]


def _span(problem: Problem, job: Job) -> tuple[int, int]:
    """The days a pinned job occupies at its fastest."""
    assert job.pin is not None
    if job.is_milestone:
        return job.pin, job.pin
    return job.pin, job.end_after(problem.cal(job), job.pin, job.fastest_days)


def _both(render: Callable[[str], str]) -> Reason:
    """The same message in English and German."""
    return render("en"), render("de")


def _shared(problem: Problem, pinned: list[Job]) -> Reason | None:
    """Two pinned jobs on one DAG/server at the same time."""
    for n, a in enumerate(pinned):
        sa, ea = _span(problem, a)
        for b in pinned[n + 1:]:
            sb, eb = _span(problem, b)
            if set(a.step.resources) & set(b.step.resources) and sa < eb and sb < ea:
                return _both(partial(_shared_text, problem, a, b))
    return None


def _shared_text(problem: Problem, a: Job, b: Job, lang: str) -> str:
    cat = catalogue(lang)
    return cat("schedule.pin.shared", first=a.step.title(lang),
               first_day=problem.day(a.pin or 0), second=b.step.title(lang),
               second_day=problem.day(b.pin or 0), resource=cat("schedule.pin.same_dag"))


def _crowded_text(problem: Problem, on: list[Job], day: int, free: int, lang: str) -> str:
    return catalogue(lang).plural("schedule.pin.consultants", free, needed=len(on),
                                  day=problem.day(day), steps=_names(problem, on, lang))


def _available(problem: Problem, day: int) -> int:
    return sum(1 for spans in problem.absences if not any(a <= day < b for a, b in spans))


def _crowded(problem: Problem, pinned: list[Job]) -> Reason | None:
    """A day on which more pinned steps need a consultant than can work."""
    busy = [(j, *_span(problem, j)) for j in pinned if j.uses_consultant]
    for day in sorted({s for _, s, _ in busy}):
        on = [j for j, s, e in busy if s <= day < e]
        free = _available(problem, day)
        if len(on) > free:
            return _both(partial(_crowded_text, problem, on, day, free))
    return None


def _names(problem: Problem, jobs: list[Job], lang: str) -> str:
    cat = catalogue(lang)
    return cat.names(cat("schedule.pin.step_on", step=j.step.title(lang),
                         day=problem.day(j.pin or 0)) for j in jobs)


def pin_conflict(problem: Problem) -> Reason | None:
    """The pins that cannot all be kept and what they collide with; None without pins."""
    pinned = sorted((j for j in problem.jobs if j.pin is not None),
                    key=lambda j: (j.pin or 0, j.index))
    if not pinned:
        return None
    found = _shared(problem, pinned) or _crowded(problem, pinned)
    if found:
        return found
    return _both(lambda lang: catalogue(lang)("schedule.pin.together",
                                              steps=_names(problem, pinned, lang)))


def pins_unproven(problem: Problem) -> Reason | None:
    """No plan with the pins found in the time limit (and none proven impossible)."""
    pinned = [j for j in problem.jobs if j.pin is not None]
    if not pinned:
        return None
    return _both(lambda lang: catalogue(lang)("schedule.pin.unproven",
                                              steps=_names(problem, pinned, lang)))
