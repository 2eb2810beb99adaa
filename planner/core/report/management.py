"""What management reads first: actions due now, decisions with deadlines, effort, pause reserve.

Everything is derived from the plan: the steps that start soon (and the pause requests), the
customer's own tasks and the pauses that need a decision, the days each person works, and
the pause days left per calendar year. The words come from the ``report`` catalogue; a step
kind needs a management decision when the catalogue has ``report.decision.<kind>``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.booked_time import days_by_person
from planner.core.calendar import build_calendar
from planner.core.exo_view import owner_text
from planner.core.knowledge import Knowledge
from planner.core.pause_policy import budget_years
from planner.core.plan import Plan, ScheduledStep, Step
from planner.core.report.step_order import numbered_steps
from planner.core.report.table import Row, Table
from planner.core.report.wording import Wording

__all__ = ["action_table", "decision_table", "effort_table", "pause_reserve_table"]

PAUSE_KIND = "pause"  # the customer's step that requests an enforcement pause
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


def _decision_groups(plan: Plan, words: Wording) -> dict[str, list[_Dated]]:
    groups: dict[str, list[_Dated]] = defaultdict(list)
    today = _as_of(plan)
    for item in _steps(plan):
        # a step over before the as-of date is history: nothing left to decide for it
        if item.dated.end >= today and words.catalogue.has(f"report.decision.{item.step.kind}"):
            groups[item.step.kind].append(item)
    return groups


def _needed_by(plan: Plan) -> dict[str, date]:
    """Per step the day before the first step that waits for its end starts (steps nobody
    waits for are absent)."""
    starts = {d.step_id: d.start for d in plan.schedule.steps}
    out: dict[str, date] = {}
    for step in plan.proposal.steps:
        start = starts.get(step.id)
        if start is None:
            continue
        for dep in step.predecessors:
            if dep.type.upper() != "FS":
                continue  # a step starting with it needs it from its own start
            day = start - timedelta(days=1)
            if dep.step_id not in out or day < out[dep.step_id]:
                out[dep.step_id] = day
    return out


def _workday_before(plan: Plan, day: date) -> date:
    """``day``, or the last weekday before it that is no public holiday of the project's
    region: management decides on a working day (a review read "due Sunday 24 Jan")."""
    calendar = build_calendar(plan.settings, plan.estate)
    for _ in range(14):  # a fortnight of holidays does not exist; never loop for ever
        if day.weekday() < 5 and calendar.holiday_name(day) is None:
            break
        day -= timedelta(days=1)
    return day


def decision_table(plan: Plan, words: Wording) -> Table:
    """What management must decide or provide, each by the day the plan needs it (a day
    already past reads "now", as of the plan's date, and sorts as that day)."""
    today = _as_of(plan)
    rows: list[tuple[date, date, Row]] = []
    # A pause needed now is requested by the as-of date (its step's date): so is its approval.
    requested = {i.step.id: i.dated.start for i in _steps(plan) if i.step.kind == PAUSE_KIND}
    for n, pause in enumerate(plan.schedule.pauses, start=1):
        if pause.end < today:
            continue  # over before the as-of date: history, nothing to approve now
        text = words.plural("decision_pause", pause.days, start=words.date(pause.start),
                            end=words.date(pause.end))
        due = min(pause.start, requested.get(f"pause:{n}", pause.start))
        rows.append((max(due, today), due, Row((text, _due(due, today, words), "–"), "warn")))
    needed = _needed_by(plan)
    for kind, items in _decision_groups(plan, words).items():
        first = min(items, key=lambda i: i.dated.start)
        targets = [i.step.target.partition(":")[2] for i in items if ":" in i.step.target]
        text = words.plural(f"report.decision.{kind}", len(items), names=words.names(targets))
        numbers = ", ".join(str(i.number) for i in sorted(items, key=lambda i: i.number))
        # the latest day the plan can wait for it: the day before the first step that waits
        # for one of them starts (the licences were "due at the latest" on the day the plan
        # happened to put the purchase, two days after the report, while the first SE setup
        # that needs them was six weeks later)
        due = min((needed.get(i.step.id, i.dated.start) for i in items),
                  default=first.dated.start)
        due = max(_workday_before(plan, due), first.dated.start)
        rows.append((max(due, today), due, Row((text, _due(due, today, words), numbers))))
    rows.sort(key=lambda r: r[:2])
    head = tuple(words(k) for k in ("col_decision", "col_deadline", "col_no"))
    return Table(head, tuple(r[2] for r in rows), (64, 16, 20))


def effort_table(plan: Plan, words: Wording) -> Table:
    """Working days per consultant and for the customer's own tasks (a move batch counts
    its set-up and completion: it runs on its own in between)."""
    days, customer = days_by_person(plan)
    rows = [Row((name, words.plural("n_days", n))) for name, n in sorted(days.items())]
    # the customer's own people, each as the workbook's Responsible column names them
    rows.append(Row((words("customer_owner"), words.plural("n_days", customer.get("", 0)))))
    rows += [Row((owner_text(words.lang, owner), words.plural("n_days", n)))
             for owner, n in sorted(customer.items()) if owner]
    total = sum(days.values()) + sum(customer.values())
    rows.append(Row((words("effort_total"), words.plural("n_days", total)), "first"))
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
