"""A plan read from a project file, checked against itself before it is shown or exported.

A plan is derived data: the project file keeps it so that reopening shows exactly what was
saved, but a file edited by hand or by an attacker may hold steps twice, links to steps that
do not exist, a step starting before the step it waits for, or dates no plan has. Such a
plan is not shown: :func:`stored_plan_fault` names the first fault, the project is planned
afresh from its inputs, and a finding says so (``PROJECT-PLAN-REPLANNED``).
"""

from __future__ import annotations

from datetime import date
from graphlib import CycleError, TopologicalSorter

from planner.core.explanation import Message, message
from planner.core.plan import Plan, ScheduledStep, Step
from planner.core.settings_values import FIRST_YEAR, LAST_YEAR

__all__ = ["stored_plan_fault"]

_WHY = "findings.stored_plan"


def stored_plan_fault(plan: Plan) -> Message | None:
    """Why ``plan`` cannot be the plan of its own steps and dates, or None when it can."""
    steps: dict[str, Step] = {}
    for step in plan.proposal.steps:
        if step.id in steps:
            return message(f"{_WHY}.twice", step=_title(step))
        steps[step.id] = step
    fault = _links(steps)
    if fault is not None:
        return fault
    placed: dict[str, ScheduledStep] = {}
    for placement in plan.schedule.steps:
        known = steps.get(placement.step_id)
        if known is None:
            return message(f"{_WHY}.unknown")
        if placement.step_id in placed:
            return message(f"{_WHY}.twice", step=_title(known))
        if placement.end < placement.start or not _plausible(placement.start, placement.end):
            return _dates(known)
        placed[placement.step_id] = placement
    return _order(steps, placed) or _other_dates(plan)


def _links(steps: dict[str, Step]) -> Message | None:
    """A prerequisite the plan does not have, or steps waiting for each other in a circle."""
    graph: dict[str, list[str]] = {}
    for step in steps.values():
        for link in step.predecessors:
            if link.step_id not in steps:
                return message(f"{_WHY}.unknown_link", step=_title(step))
        graph[step.id] = [link.step_id for link in step.predecessors]
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as exc:
        return message(f"{_WHY}.circle", step=_title(steps[exc.args[1][0]]))
    return None


def _order(steps: dict[str, Step], placed: dict[str, ScheduledStep]) -> Message | None:
    """A step that starts before a step it waits for ends (finish-to-start, no lead)."""
    for step_id, placement in placed.items():
        for link in steps[step_id].predecessors:
            before = placed.get(link.step_id)
            if before is None or link.type.upper() != "FS" or link.lag_days < 0:
                continue
            # a milestone takes no day: the next step may start on it; else the day after
            gap = 0 if steps[link.step_id].milestone else 1
            if (placement.start - before.end).days < gap:
                return message(f"{_WHY}.order", step=_title(steps[step_id]),
                               before=_title(steps[link.step_id]))
    return None


def _other_dates(plan: Plan) -> Message | None:
    """Pauses, exposure, the finish and the plan's date outside the years a plan can span."""
    schedule = plan.schedule
    days: list[date | None] = [schedule.objective.finish, plan.as_of]
    for pause in schedule.pauses:
        if pause.end < pause.start or pause.days < 0:
            return message(f"{_WHY}.pause", start=pause.start)
        days += [pause.start, pause.end]
    for exposure in schedule.exposure:
        days += [exposure.first_detected, exposure.cutover]
    return None if _plausible(*days) else message(f"{_WHY}.years", first=str(FIRST_YEAR),
                                                  last=str(LAST_YEAR))


def _plausible(*days: date | None) -> bool:
    return all(d is None or FIRST_YEAR <= d.year <= LAST_YEAR for d in days)


def _dates(step: Step) -> Message:
    return message(f"{_WHY}.dates", step=_title(step), first=str(FIRST_YEAR),
                   last=str(LAST_YEAR))


def _title(step: Step) -> Message | str:
    # the title as a message, rendered in the reader's language (an older file: its text)
    return step.title_message or step.title("en")[:80]

