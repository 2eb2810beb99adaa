"""What a plan books of its consultants: whole steps, or a move batch's set-up and completion.

A mailbox move batch runs for days without anyone; its consultant is held only to set it up
and to complete it (:class:`planner.core.plan.BookedPart`). Every deliverable shows the same
split: the plan JSON as parts, the Excel plan and the report in words, MS Project as work
on the booked days only, and the scenario comparison counts booked days, not elapsed ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.core.catalogue import catalogue
from planner.core.plan import Plan, ScheduledStep, Step

__all__ = ["BookedSpan", "booked_spans", "booked_words", "consultant_days", "days_by_person"]


@dataclass(frozen=True)
class BookedSpan:
    """One stretch of a step: who it holds ("" = nobody, it runs unattended) and for how
    many working days."""

    part: str  # "whole" | "setup" | "unattended" | "completion"
    start: date
    end: date  # inclusive
    consultant: str
    days: float | None  # None for the unattended run: it books nobody

    def to_plain(self) -> dict[str, Any]:
        """As the plan JSON shows it."""
        return {"part": self.part, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "consultant": self.consultant or None,
                "days": self.days}


def booked_spans(step: Step, dated: ScheduledStep) -> tuple[BookedSpan, ...]:
    """The step's stretches in date order: a batch's set-up, unattended run and completion,
    or the whole step held by whoever does it."""
    if not dated.booked:
        held = 0.0 if step.milestone else step.consultant_days
        return (BookedSpan("whole", dated.start, dated.end, dated.consultant, held),)
    spans = [BookedSpan(b.part, b.start, b.end, dated.consultant, b.days)
             for b in dated.booked if b.part == "setup"]
    run = dated.unattended_run()
    if run is not None:
        spans.append(BookedSpan("unattended", run[0], run[1], "", None))
    spans += [BookedSpan(b.part, b.start, b.end, dated.consultant, b.days)
              for b in dated.booked if b.part == "completion"]
    return tuple(spans)


def booked_words(dated: ScheduledStep, lang: str) -> str:
    """Who does an unattended step and when, in words ("Anna: set-up 7 Dec (0.5 days),
    completion 11 Dec (0.5 days), unattended in between"); "" for a step held throughout."""
    if not dated.booked or not dated.consultant:
        return ""
    t = catalogue(lang)
    # day and month: the step's own start and finish beside it carry the year
    parts = [t(f"plan.booked.{b.part}", day=t.date(b.start, "day_month") if b.start == b.end
               else t("plan.booked.range", first=t.date(b.start, "day_month"),
                      last=t.date(b.end, "day_month")),
               days=t.plural("plan.booked.days", b.days))
             for b in dated.booked]
    return t("plan.booked.who", consultant=dated.consultant, parts=", ".join(parts))


def days_by_person(plan: Plan) -> tuple[dict[str, float], dict[str, float]]:
    """Working days booked per consultant, and per owner of the customer's own tasks ("" the
    customer, else the team or role a step names, such as SAP Basis): a move batch counts
    its set-up and completion; milestones and unscheduled steps count nothing."""
    dated = {s.step_id: s for s in plan.schedule.steps}
    people: dict[str, float] = {}
    customer: dict[str, float] = {}
    for step in plan.proposal.steps:
        when = dated.get(step.id)
        if when is None or step.milestone:
            continue
        if when.consultant:
            people[when.consultant] = people.get(when.consultant, 0.0) + step.consultant_days
        elif not step.needs_consultant:
            customer[step.owner] = customer.get(step.owner, 0.0) + step.consultant_days
    return people, customer


def consultant_days(plan: Plan) -> float:
    """Working days the plan books its consultants for (what a scenario costs in people)."""
    return sum(days_by_person(plan)[0].values())
