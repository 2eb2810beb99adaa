"""Weeks in which a consultant is booked on more days than they work a week.

The scheduler books a consultant for one thing a day and keeps weekday work and window work
on different days, so a consultant with five days a week can be booked Monday to Friday and
on the Saturday window as well: a review counted seven booked days in one week and eleven
in a row. The model does not yet cap a week; until it does, the plan says where it asks
for more than the consultant's week, so time off in lieu or a second consultant for the
window work can be planned.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from planner.core.calendar import WorkCalendar
from planner.core.explanation import Message, message
from planner.core.model import Estate, Finding, Severity
from planner.core.plan import Proposal, Schedule, ScheduledStep, Step
from planner.core.settings import Settings
from planner.core.settings_defaults import placeholder_number

__all__ = ["overbooked_weeks"]

_WORKWEEK = 5  # the days a part-timer's stretched steps spread over


def _days(step: Step, dated: ScheduledStep, estate: Estate,
          calendar: WorkCalendar) -> set[date]:
    """The days the step books its consultant: an unattended step's set-up and completion,
    else each day from start to end the step can be worked on."""
    if dated.booked:
        return {part.start + timedelta(days=n) for part in dated.booked
                for n in range((part.end - part.start).days + 1)}
    site = step.home_site(estate)
    usable = calendar.is_window_day if step.needs_window else calendar.is_working_day
    span = (dated.start + timedelta(days=n) for n in range((dated.end - dated.start).days + 1))
    return {d for d in span if usable(d, site)}


def _shown(name: str) -> str | Message:
    """A placeholder consultant ("Berater 1") in each reader's language, else the name."""
    k = placeholder_number(name)
    return name if k is None else message("common.default_consultant", n=k)


def overbooked_weeks(estate: Estate, proposal: Proposal, schedule: Schedule,
                     settings: Settings, calendar: WorkCalendar) -> tuple[Finding, ...]:
    """Per consultant booked above their days a week in some week: a warning with the number
    of such weeks and the fullest one."""
    per_week = {c.name: c.days_per_week for c in settings.consultants}
    steps = {s.id: s for s in proposal.steps}
    booked: dict[str, dict[date, set[date]]] = defaultdict(lambda: defaultdict(set))
    for dated in schedule.steps:
        step = steps.get(dated.step_id)
        if step is None or not dated.consultant or dated.consultant not in per_week \
                or step.milestone or step.duration_days <= 0:
            continue
        for day in _days(step, dated, estate, calendar):
            monday = day - timedelta(days=day.weekday())
            booked[dated.consultant][monday].add(day)
    out = []
    for name, weeks in booked.items():
        # a part-timer's steps are stretched over the working week (four days a week: each
        # weekday four fifths worked), so a week is over once it has more days than the
        # working week or than they work, whichever is more
        most = max(_WORKWEEK, per_week[name])
        over = {monday: len(days) for monday, days in weeks.items() if len(days) > most}
        if not over:
            continue
        fullest = max(over, key=lambda monday: (over[monday], -monday.toordinal()))
        out.append(Finding.about(
            Severity.WARNING, "PLAN-WEEK-OVERBOOKED", "schedule", "schedule.week_load.over",
            count=len(over), name=_shown(name), per_week=per_week[name], week=fullest,
            days=over[fullest]))
    return tuple(sorted(out, key=lambda f: str(f.message("en"))))
