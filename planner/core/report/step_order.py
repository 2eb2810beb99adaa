"""The step numbers the report shares with Excel, MS Project and the GUI.

There is one numbering: the outline of :mod:`planner.core.outline` (phase → target →
step, task ids as MS Project counts rows). The report's step list and Gantt print the task id
and the WBS number of that outline, so "task 14" means the same step in every deliverable.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.catalogue import catalogue
from planner.core.outline import build_outline
from planner.core.plan import Phase, Plan, ScheduledStep, Step
from planner.core.vocabulary import PHASES

__all__ = ["NumberedStep", "numbered_steps", "phase_title"]


@dataclass(frozen=True)
class NumberedStep:
    """A step with its task id and WBS number and its dates (None when unscheduled)."""

    number: int  # the MS Project task id
    wbs: str
    step: Step
    dated: ScheduledStep | None


def numbered_steps(plan: Plan, lang: str = "en") -> tuple[NumberedStep, ...]:
    """The plan's steps in outline order (phase, target, date) with their outline numbers."""
    return tuple(NumberedStep(row.id, row.wbs, row.step, row.dated)
                 for row in build_outline(plan, lang).rows if row.step is not None)


def phase_title(phase: Phase, lang: str) -> str:
    """The phase's name as Excel, MS Project and the report all print it."""
    return catalogue(lang)(PHASES[phase].label_key)
