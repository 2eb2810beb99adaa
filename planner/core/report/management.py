"""What management reads first: actions due now, decisions with deadlines, effort, pause reserve.

Everything is derived from the plan: the steps that start soon (and the pause requests), the
customer's own tasks and the pauses that need a decision, the days each person works, and
the pause days left per calendar year. The words come from the ``report`` catalogue; a step
kind needs a management decision when the catalogue has ``report.decision.<kind>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.booked_time import days_by_person
from planner.core.decision_dates import PAUSE_KIND, customer_decisions
from planner.core.exo_view import owner_text
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.pause_policy import budget_years
from planner.core.plan import Plan, ScheduledStep, Step
from planner.core.report.step_order import numbered_steps
from planner.core.report.table import Row, Table
from planner.core.report.wording import Wording

__all__ = ["action_table", "decision_table", "effort_table", "pause_reserve_table"]

HORIZON_DAYS = 14  # "immediate": what starts within two weeks of the plan's as-of date
MAX_ACTIONS = 8


@dataclass(frozen=True)
class _Dated:
    step: Step
    dated: ScheduledStep
    number: int


def _as_of(plan: Plan) -> date:
    return plan.as_of or plan.settings.start


def _steps(plan: Plan) -> list[_Dated]:
    return [_Dated(n.step, n.dated, n.number) for n in numbered_steps(plan)
            if n.dated is not None]


def _owner(item: _Dated, words: Wording) -> str:
    if item.dated.consultant:
        return item.dated.consultant
    if not item.step.needs_consultant:
        return owner_text(words.lang, item.step.owner) if item.step.owner \
            else words("customer_owner")
    return "–"


def _due(start: date, today: date, words: Wording) -> str:
    """The day an action is due: its start, or "now" once that lies before the as-of date
    (the summary's first table is headed with that date)."""
    if start < today:
        return words("due_now")
    return words.date(start)


def action_table(plan: Plan, words: Wording) -> Table:
    """The steps and pause requests due within two weeks of the as-of date (or the next few)."""
    today = _as_of(plan)
    horizon = today + timedelta(days=HORIZON_DAYS)
    rows: list[tuple[date, date, int, Row]] = []
    running = {p.start for p in plan.schedule.pauses if p.end >= today}
    for item in _steps(plan):
        # A pause step is due while its pause runs: it says "request it now" once started.
        pause_due = item.step.kind == PAUSE_KIND and item.dated.start in running
        if item.step.milestone or (item.dated.end < today and not pause_due):
            continue
        # What started before the as-of date is due now: shown and sorted as of that day.
        rows.append((max(item.dated.start, today), item.dated.start, item.number, Row((
                         _due(item.dated.start, today, words), item.step.title(words.lang),
                         _owner(item, words), str(item.number)),
                         "warn" if item.step.kind == PAUSE_KIND else "",
                         # the customer's administrator runs exactly this command
                         detail=item.step.command_in(words.lang) if item.step.kind == PAUSE_KIND
                         else "")))
    has_steps = any(s.kind == PAUSE_KIND for s in plan.proposal.steps)
    for pause in plan.schedule.pauses:
        if pause.end >= today and not has_steps:  # a plan made before pauses were steps
            rows.append((max(pause.start, today), pause.start, 0, Row((
                _due(pause.start, today, words),
                words.plural("action_pause", pause.days, end=words.date(pause.end)),
                words("owner_tenant_admin"), "–"), "warn")))
    rows.sort(key=lambda r: r[:3])  # what is overdue the longest comes first
    due = [r for r in rows if r[0] <= horizon] or rows[:3]
    head = tuple(words(k) for k in ("col_due", "col_step_short", "col_owner", "col_no"))
    return Table(head, tuple(r[3] for r in due[:MAX_ACTIONS]), (14, 58, 20, 8))


def decision_table(plan: Plan, words: Wording, knowledge: Knowledge | None = None) -> Table:
    """What management must decide or provide, each by the day the plan needs it
    (:mod:`planner.core.decision_dates`; a day already past reads "now", as of the plan's
    date, and sorts as that day)."""
    today = _as_of(plan)
    numbers = {n.step.id: n.number for n in numbered_steps(plan)}
    rows: list[tuple[date, date, Row]] = []

    def is_decision(kind: str) -> bool:
        return words.catalogue.has(f"report.decision.{kind}")

    for d in customer_decisions(plan, knowledge or load_knowledge(), is_decision, today):
        if d.pause is not None:
            start, end, days = d.pause
            text = words.plural("decision_pause", days, start=words.date(start),
                                end=words.date(end))
            # its request step's number, as for every other decision (it had read "–")
            ids = ", ".join(str(numbers[i]) for i in d.step_ids if i in numbers) or "–"
            rows.append((max(d.due, today), d.due, Row((text, _due(d.due, today, words), ids),
                                                       "warn")))
            continue
        text = words.plural(f"report.decision.{d.kind}", len(d.step_ids),
                            names=words.names(list(d.targets)))
        ids = ", ".join(str(n) for n in sorted(numbers[i] for i in d.step_ids if i in numbers))
        rows.append((max(d.due, today), d.due, Row((text, _due(d.due, today, words), ids))))
    rows.sort(key=lambda r: r[:2])
    head = tuple(words(k) for k in ("col_decision", "col_deadline", "col_no"))
    return Table(head, tuple(r[2] for r in rows), (64, 16, 20))


def effort_table(plan: Plan, words: Wording) -> Table:
    """Working days per consultant and for the customer's own tasks (a move batch counts
    its set-up and completion: it runs on its own in between)."""
    days, customer = days_by_person(plan)
    rows = [Row((name, words.plural("n_days", n))) for name, n in sorted(days.items())]
    # the consultants' days apart from the customer's: what the customer pays for (a PMO
    # read one total of both, 42 consultant and 19 own days as "61 days")
    rows.append(Row((words("effort_consultants"), words.plural("n_days", sum(days.values()))),
                    "first"))
    # the customer's own people, each as the workbook's Responsible column names them
    rows.append(Row((words("customer_owner"), words.plural("n_days", customer.get("", 0)))))
    rows += [Row((owner_text(words.lang, owner), words.plural("n_days", n)))
             for owner, n in sorted(customer.items()) if owner]
    rows.append(Row((words("effort_customer"), words.plural("n_days", sum(customer.values()))),
                    "first"))
    head = (words("col_person"), words("col_effort"))
    return Table(head, tuple(rows), (60, 40))


def pause_reserve_table(plan: Plan, knowledge: Knowledge, words: Wording) -> Table:
    """Per calendar year: pause days used before, planned, allowed and left."""
    allowed = knowledge.policy.pause_max_days_per_year
    rows = [Row((str(y.year), words.number(y.used), words.number(y.planned),
                 words.number(y.maximum), words.number(y.remaining)),
                "bad" if y.over else "warn" if y.remaining < allowed // 4 else "")
            for y in budget_years(plan, allowed)]
    head = tuple(words(k) for k in ("col_year", "col_used_before", "col_planned",
                                    "col_allowed", "col_left"))
    return Table(head, tuple(rows), (16, 21, 21, 21, 21))
