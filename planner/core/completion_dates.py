"""Dates that only the schedule knows, written into the commands that need them.

A move batch completed in a maintenance window carries ``-CompleteAfter`` (or a resume of
suspended move requests) for its completion day; the rules write a stand-in, and once the
plan is dated the day the batch's completion falls on replaces it.
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.plan import Proposal, Schedule
from planner.core.rules.moves import COMPLETION_DATE

__all__ = ["with_completion_dates"]


def with_completion_dates(proposal: Proposal, dated: Schedule) -> Proposal:
    """The proposal with each batch's completion day (ISO, read alike in every PowerShell
    culture) in its command; an undated step keeps the stand-in."""
    steps = []
    for step in proposal.steps:
        when = dated.for_step(step.id) if COMPLETION_DATE in step.command else None
        steps.append(step if when is None else replace(
            step, command=step.command.replace(COMPLETION_DATE, when.end.isoformat())))
    return replace(proposal, steps=tuple(steps))
