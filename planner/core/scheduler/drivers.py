"""What drove each step's start date, in words a consultant can check against the calendar.

The earliest day the predecessors (or the plan start, or a not-before date) allow is the
reference. When the step starts on the first usable day after it, the driver is that
predecessor, or whatever made the days in between unusable (a holiday, a freeze, a
consultant's absence, waiting for a maintenance window). When it starts later, something
was busy: the consultant or a shared DAG/server, or the enforcement plan placed it there.
"""

from __future__ import annotations

from datetime import date

from planner.core.scheduler.greedy import Placement, earliest_bound
from planner.core.scheduler.problem import Job, Problem
from planner.core.scheduler.solve import Solution

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


def _busy(problem: Problem, sol: Solution, job: Job, first: int, start: int) -> Driver | None:
    """The step sharing the consultant or a resource that ends where this one starts."""
    k = sol.consultant[job.index]
    best: tuple[int, int] | None = None
    for other in problem.jobs:
        if other.index == job.index or not (first < sol.ends[other.index] <= start):
            continue
        shares = (k >= 0 and sol.consultant[other.index] == k) or (
            set(other.step.resources) & set(job.step.resources))
        if shares and (best is None or sol.ends[other.index] > best[0]):
            best = (sol.ends[other.index], other.index)
    if best is None:
        return None
    other = problem.jobs[best[1]]
    if k >= 0 and sol.consultant[other.index] == k:
        name = problem.consultants[k].name
        return ("resource", f"{name} is busy with “{other.step.title('en')}”",
                f"{name} ist mit „{other.step.title('de')}“ beschäftigt")
    return ("resource", f"Same DAG/server as “{other.step.title('en')}” (one at a time)",
            f"Gleiche DAG/gleicher Server wie „{other.step.title('de')}“ (nacheinander)")


def explain(problem: Problem, sol: Solution, job: Job) -> Driver:
    """The driver of one job's start date: kind plus English and German text."""
    start, k = sol.starts[job.index], sol.consultant[job.index]
    if job.pin is not None:
        pinned = problem.day(start)
        return ("pin", f"Pinned to {_d(pinned, 'en')}", f"Fixiert auf {_d(pinned, 'de')}")
    placed = {j.index: Placement(sol.starts[j.index], sol.ends[j.index], -1)
              for j in problem.jobs}
    bound, source = earliest_bound(job, placed, problem)
    bound = max(0, bound)
    cal = problem.cal(job)
    first = cal.next_ok(bound)
    while k >= 0 and any(a <= first < b for a, b in problem.absences[k]):
        first = cal.next_ok(first + 1)
    if start <= first:
        for day in range(bound, start):
            reason = _skipped_day(problem, job, day, k)
            if reason and not cal.ok(day):
                return reason
            if reason and reason[0] == "absence":
                return reason
        return _bound_driver(problem, source, bound)
    busy = _busy(problem, sol, job, first, start)
    if busy:
        return busy
    if (after := cal.freeze_end(first, start)) is not None:  # would have straddled a freeze
        return _skipped_day(problem, job, after - 1, k) or _bound_driver(problem, source, bound)
    for a, b in problem.absences[k] if k >= 0 else ():
        if a < sol.ends[job.index] and first < b:  # the step may not straddle an absence
            return _skipped_day(problem, job, max(a, first), k) or _bound_driver(
                problem, source, bound)
    return ("deadline",
            "Placed to keep mail to Exchange Online flowing with the fewest pause days",
            "So gelegt, dass Mail an Exchange Online mit den wenigsten Pausentagen fließt")
