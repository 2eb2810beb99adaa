"""Reasons a consultant understands: why no plan exists, and why blocked days remain.

CP-SAT only says "infeasible"; these checks find the concrete culprit with a
critical-path pass (pins against predecessors, deadlines against the earliest finish),
and phrase it with step titles and dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.core.errors import InfeasiblePlanError
from planner.core.plan import Exposure
from planner.core.scheduler.greedy import earliest_bound, serial_plan
from planner.core.scheduler.problem import Problem

__all__ = ["blocked_reason", "diagnose"]

Reason = tuple[str, str]


def _de(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _structural(problem: Problem) -> Reason | None:
    if any(j.uses_consultant for j in problem.jobs) and not problem.consultants:
        return ("No consultant is configured, but steps need one. Add a consultant in the "
                "settings.",
                "Es ist kein Berater eingetragen, aber Schritte brauchen einen. In den "
                "Einstellungen einen Berater hinzufügen.")
    for job in problem.jobs:
        cal = problem.cal(job)
        if cal.next_ok(0, limit=800) >= 800 and job.pin is None and not job.is_milestone:
            what = "maintenance window" if job.step.needs_window else "working day"
            was = "Wartungsfenster" if job.step.needs_window else "Arbeitstag"
            return (f"“{job.step.title('en')}” has no {what} in the next two years. Check the "
                    "maintenance days, freezes and holidays in the settings.",
                    f"„{job.step.title('de')}“ hat in den nächsten zwei Jahren keinen {was}. "
                    "Wartungstage, Änderungssperren und Feiertage in den Einstellungen prüfen.")
    try:
        serial_plan(problem, resources=False)
    except InfeasiblePlanError as exc:
        return (f"The steps cannot be ordered: {exc}.",
                f"Die Schritte lassen sich nicht ordnen: {exc}.")
    return None


def _pins_and_deadlines(problem: Problem) -> Reason | None:
    placed = serial_plan(problem, resources=False)
    for job in problem.jobs:
        if job.pin is None:
            continue
        bound, source = earliest_bound(job, placed, problem)
        if bound > job.pin and source in problem.by_id:
            pred = problem.jobs[problem.by_id[source]].step
            pin, ready = problem.day(job.pin), problem.day(bound)
            return (f"“{job.step.title('en')}” is pinned to {pin.isoformat()}, but “"
                    f"{pred.title('en')}” cannot be done before {ready.isoformat()}. "
                    "Move or remove the pin.",
                    f"„{job.step.title('de')}“ ist auf den {_de(pin)} fixiert, aber „"
                    f"{pred.title('de')}“ kann nicht vor dem {_de(ready)} fertig sein. "
                    "Den fixierten Termin verschieben oder lösen.")
    for job in problem.jobs:
        if job.deadline is None:
            continue
        last = placed[job.index].end - 1 if not job.is_milestone else placed[job.index].start
        if last > job.deadline:
            due, ready = problem.day(job.deadline), problem.day(last)
            return (f"“{job.step.title('en')}” must be finished by {due.isoformat()}, but "
                    f"cannot finish before {ready.isoformat()} even with unlimited "
                    "consultants. Start earlier or shorten the steps before it.",
                    f"„{job.step.title('de')}“ muss bis {_de(due)} fertig sein, kann aber "
                    f"selbst mit beliebig vielen Beratern nicht vor dem {_de(ready)} fertig "
                    "sein. Früher beginnen oder die Schritte davor verkürzen.")
    return None


def diagnose(problem: Problem, structural_only: bool = False) -> Reason | None:
    """The first concrete reason no plan exists, or None when none of the checks finds one."""
    reason = _structural(problem)
    if reason or structural_only:
        return reason
    return _pins_and_deadlines(problem)


def blocked_reason(problem: Problem, exposure: Sequence[Exposure], status: str) -> Reason:
    """Which servers still get blocked, and that it is unavoidable when proven optimal."""
    worst: list[tuple[int, Exposure]] = []
    for e in exposure:
        blocked = sum(n for i, n in enumerate(e.days_in_stage) if i + 1 in problem.block_stages)
        blocked = blocked if e.cutover else 0
        if blocked:
            worst.append((blocked, e))
    if not worst:
        return "", ""
    worst.sort(key=lambda item: (-item[0], item[1].server))
    en_parts, de_parts = [], []
    proven = status == "optimal"
    for blocked, e in worst[:3]:
        assert e.cutover is not None
        if proven:  # a proof stands behind "cannot"; a plan found says only what it does
            en_parts.append(f"{e.server} cannot leave Exchange Online's view before "
                            f"{e.cutover.isoformat()}: {blocked} blocked days")
            de_parts.append(f"{e.server} kann Exchange Online nicht vor dem {_de(e.cutover)} "
                            f"verlassen: {blocked} Tage blockiert")
        else:
            en_parts.append(f"{e.server} leaves Exchange Online's view on "
                            f"{e.cutover.isoformat()}: {blocked} blocked days")
            de_parts.append(f"{e.server} verlässt die Sicht von Exchange Online am "
                            f"{_de(e.cutover)}: {blocked} Tage blockiert")
    if proven:
        tail_en = " even with all remaining pause days; this is unavoidable."
        tail_de = " – trotz aller verbleibenden Pausentage; das ist nicht vermeidbar."
    else:
        tail_en = (" in the best plan found so far; no bound proves these days "
                   "unavoidable.")
        tail_de = (" im besten bisher gefundenen Plan; keine Schranke beweist, dass diese "
                   "Tage unvermeidbar sind.")
    return "; ".join(en_parts) + tail_en, "; ".join(de_parts) + tail_de
