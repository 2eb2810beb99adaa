"""What drove each step's start date, in words a consultant can check against the calendar.

The final plan is left-shifted (:func:`~planner.core.scheduler.greedy.left_shift`): each
step starts on the first day its predecessors, its calendar, its consultant and its shared
DAG/server allow, and the placement records which of them decided. That constraint is the
driver: a predecessor (or the plan start, or a not-before date), the days in between being
unusable (a holiday, a freeze, waiting for a maintenance window), the consultant being busy
or absent, a shared DAG/server, a freeze the step may not straddle, or a pin.
"""

from __future__ import annotations

from datetime import date

from planner.core.scheduler.greedy import ABSENT, Placement, Why, earliest_bound
from planner.core.scheduler.problem import Job, Problem

__all__ = ["explain"]

Driver = tuple[str, str, str]  # kind, English, German


def _d(day: date, lang: str) -> str:
    return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()


def _title(problem: Problem, step_id: str, lang: str) -> str:
    k = problem.by_id.get(step_id)
    return problem.jobs[k].step.title(lang) if k is not None else step_id


def _skipped_day(problem: Problem, job: Job, day: int, k: int) -> Driver | None:
    """Why ``day`` could not be used, when it is a reason worth naming."""
    when = problem.day(day)
    freeze = problem.calendar.freeze_on(when)
    if freeze:
        label = f" „{freeze.name}“" if freeze.name else ""
        return ("freeze", f"Change freeze{label} until {_d(freeze.end, 'en')}",
                f"Änderungssperre{label} bis {_d(freeze.end, 'de')}")
    holiday = problem.calendar.holiday_name(when, job.site)
    if holiday:
        return ("holiday", f"Public holiday: {holiday} ({_d(when, 'en')})",
                f"Feiertag: {holiday} ({_d(when, 'de')})")
    if k >= 0 and any(a <= day < b for a, b in problem.absences[k]):
        name = problem.consultants[k].name
        return ("absence", f"{name} is absent on {_d(when, 'en')}",
                f"{name} ist am {_d(when, 'de')} abwesend")
    if job.step.needs_window:
        return ("window", "Waits for the next maintenance window",
                "Wartet auf das nächste Wartungsfenster")
    return None


def _bound_driver(problem: Problem, source: str, bound: int) -> Driver:
    if source == "start":
        return ("start", "Plan start", "Projektbeginn")
    if source == "not_before":
        day = problem.day(bound)
        return ("pin", f"Not before {_d(day, 'en')} (set by the consultant)",
                f"Nicht vor {_d(day, 'de')} (vom Berater festgelegt)")
    return ("predecessor", f"After “{_title(problem, source, 'en')}”",
            f"Nach „{_title(problem, source, 'de')}“")


def _busy(problem: Problem, placed: dict[int, Placement], job: Job, why: Why) -> Driver:
    """The step (or absence) that held the consultant or a shared DAG/server."""
    k = placed[job.index].consultant
    if why.ref == ABSENT and k >= 0:
        name = problem.consultants[k].name
        until = problem.day(why.until - 1)
        return ("absence", f"{name} is absent until {_d(until, 'en')}",
                f"{name} ist bis {_d(until, 'de')} abwesend")
    other = problem.jobs[int(why.ref)].step
    if why.resource == "consultant" and k >= 0:
        name = problem.consultants[k].name
        return ("resource", f"{name} is busy with “{other.title('en')}”",
                f"{name} ist mit „{other.title('de')}“ beschäftigt")
    return ("resource", f"Same DAG/server as “{other.title('en')}” (one at a time)",
            f"Gleiche DAG/gleicher Server wie „{other.title('de')}“ (nacheinander)")


def explain(problem: Problem, placed: dict[int, Placement], job: Job) -> Driver:
    """The driver of one job's start date: kind plus English and German text.

    The plan is left-shifted, so every start is as early as the constraint recorded in the
    placement allows; that constraint is the driver, never a guess.
    """
    p = placed[job.index]
    why = p.why
    if why.kind == "pin":
        pinned = problem.day(p.start)
        return ("pin", f"Pinned to {_d(pinned, 'en')}", f"Fixiert auf {_d(pinned, 'de')}")
    if why.kind == "busy":
        return _busy(problem, placed, job, why)
    if why.kind == "freeze":
        day = int(why.ref) - 1
        return _skipped_day(problem, job, day, -1) or _bound_driver(problem, "start", 0)
    if why.kind == "calendar":
        day = int(why.ref)
        reason = _skipped_day(problem, job, day, p.consultant)
        if reason is None:  # a weekend: the first named reason in the gap, else the bound
            reason = next((r for d in range(day, p.start)
                           if (r := _skipped_day(problem, job, d, -1))), None)
        if reason is not None:
            return reason
        bound, source = earliest_bound(job, placed, problem)
        return _bound_driver(problem, source, max(0, bound))
    return _bound_driver(problem, str(why.ref), why.bound)
