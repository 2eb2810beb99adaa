"""The order and numbering of steps that the step list and the Gantt share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.core.plan import Phase, Plan, ScheduledStep, Step

__all__ = ["PHASE_ORDER", "NumberedStep", "numbered_steps"]

PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


@dataclass(frozen=True)
class NumberedStep:
    """A step with its number in the report and its dates (None when unscheduled)."""

    number: int
    step: Step
    dated: ScheduledStep | None


def _key(step: Step, dated: ScheduledStep | None, index: int) -> tuple[int, date, int]:
    # Unscheduled steps go last within their phase; ties keep the proposal's order.
    return (PHASE_ORDER.index(step.phase), dated.start if dated else date.max, index)


def numbered_steps(plan: Plan) -> tuple[NumberedStep, ...]:
    """Steps grouped by phase, by start date within a phase, numbered from 1."""
    dated = {s.step_id: s for s in plan.schedule.steps}
    ordered = sorted(
        enumerate(plan.proposal.steps),
        key=lambda pair: _key(pair[1], dated.get(pair[1].id), pair[0]),
    )
    return tuple(
        NumberedStep(n, step, dated.get(step.id)) for n, (_, step) in enumerate(ordered, 1)
    )
