"""When the customer must have decided: each decision's due date, derived from the schedule.

A step kind is a customer decision when the report catalogue has ``report.decision.<kind>``
(buying the SE licences, providing the new servers). Its due date is the start of the first
scheduled step that needs it (knowledge ``decision.<kind>.needed_by``, step kinds) minus the
lead time to carry it out (``decision.<kind>.lead_days``, sourced and overridable), moved to
the last working day on or before it. Without such a step, the day before the first step that
waits for the decision's own steps. An enforcement pause is approved by its request day.
The report's decisions table and the workbook's both read this, so they cannot differ.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.calendar import build_calendar
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.plan import Plan, ScheduledStep, Step

__all__ = ["PAUSE_KIND", "CustomerDecision", "customer_decisions"]

PAUSE_KIND = "pause"  # the customer's step that requests an enforcement pause


@dataclass(frozen=True)
class CustomerDecision:
    """One decision the customer takes, with the day the plan needs it by."""

    kind: str  # a step kind with report.decision.<kind>, or "pause"
    step_ids: tuple[str, ...]  # the plan's steps of the decision (the pause's request step)
    targets: tuple[str, ...]  # the names of what it is for (new servers), "" parts dropped
    due: date  # the last working day the plan can wait for it
    needed_by: str = ""  # the step id whose start it is due before ("" for a pause)
    lead_days: int = 0  # calendar days taken off that start (knowledge data)
    pause: tuple[date, date, int] | None = None  # a pause's start, end and days


def _dated(plan: Plan) -> dict[str, ScheduledStep]:
    return {d.step_id: d for d in plan.schedule.steps}


def _successor_day(plan: Plan, ids: set[str], dated: dict[str, ScheduledStep]) -> date | None:
    """The day before the first step that waits (finish-to-start) for one of ``ids``."""
    days = [dated[s.id].start - timedelta(days=1) for s in plan.proposal.steps
            if s.id in dated and any(d.step_id in ids and d.type.upper() == "FS"
                                     for d in s.predecessors)]
    return min(days, default=None)


def _workday_on_or_before(plan: Plan, day: date) -> date:
    """``day``, or the last weekday before it that is no public holiday of the project's
    region: the customer decides on a working day (a review read "due Sunday 24 Jan")."""
    calendar = build_calendar(plan.settings, plan.estate)
    for _ in range(14):  # a fortnight of holidays does not exist; never loop for ever
        if day.weekday() < 5 and calendar.holiday_name(day) is None:
            break
        day -= timedelta(days=1)
    return day


def _kind_decision(plan: Plan, knowledge: Knowledge, kind: str, steps: list[Step],
                   dated: dict[str, ScheduledStep]) -> CustomerDecision:
    facts = facts_of(knowledge)
    needing = facts.decision_needed_by(kind)
    first = min((s for s in plan.proposal.steps if s.kind in needing and s.id in dated),
                key=lambda s: (dated[s.id].start, s.id), default=None)
    lead = facts.decision_lead_days(kind) if first is not None else 0
    if first is not None:
        day = dated[first.id].start - timedelta(days=lead)
    else:  # no step of the kinds that need it: the day before its own steps are waited for
        own = {s.id for s in steps}
        day = _successor_day(plan, own, dated) or min(dated[i].start for i in own)
    return CustomerDecision(
        kind, tuple(s.id for s in steps),
        tuple(s.target.partition(":")[2] for s in steps if ":" in s.target),
        _workday_on_or_before(plan, day), first.id if first is not None else "", lead)


def customer_decisions(plan: Plan, knowledge: Knowledge, is_decision: Callable[[str], bool],
                       today: date | None = None) -> list[CustomerDecision]:
    """The customer's decisions still open on ``today`` (the plan's as-of date), by due date.

    ``is_decision(kind)`` tells a decision's step kind (the catalogue has its words)."""
    today = today or plan.as_of or plan.settings.start
    dated = _dated(plan)
    out: list[CustomerDecision] = []
    requested = {s.id: dated[s.id].start for s in plan.proposal.steps
                 if s.kind == PAUSE_KIND and s.id in dated}
    for n, pause in enumerate(plan.schedule.pauses, start=1):
        if pause.end < today:
            continue  # over before the as-of date: history, nothing to approve now
        step_id = f"pause:{n}"
        due = min(pause.start, requested.get(step_id, pause.start))
        out.append(CustomerDecision(PAUSE_KIND, (step_id,) if step_id in requested else (),
                                    (), due, pause=(pause.start, pause.end, pause.days)))
    groups: dict[str, list[Step]] = defaultdict(list)
    for step in plan.proposal.steps:
        # a step over before the as-of date is history: nothing left to decide for it
        if step.id in dated and dated[step.id].end >= today and is_decision(step.kind):
            groups[step.kind].append(step)
    out += [_kind_decision(plan, knowledge, kind, steps, dated)
            for kind, steps in groups.items()]
    return sorted(out, key=lambda d: (d.due, d.kind))
