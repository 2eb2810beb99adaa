"""The time axis of the Gantt and the enforcement strip: one column per day or per week.

Short plans get a column per day, so weekends, holidays and window Saturdays are visible;
longer plans get a column per ISO week, so the chart still prints on a few pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from planner.core.export.labels import label
from planner.core.plan import Plan
from planner.core.settings import Freeze

__all__ = ["DAY_SCALE_MAX_DAYS", "Column", "Timeline", "WorkingCalendar", "build_timeline"]

DAY_SCALE_MAX_DAYS = 98  # fourteen weeks still read well, one column per day


class WorkingCalendar(Protocol):
    """The part of planner.core.calendar.WorkCalendar the exports use."""

    def is_working_day(self, d: date, site: str | None = None) -> bool:
        """True on a normal working day."""
        ...

    def holidays(self, start: date, end: date, site: str | None = None) -> dict[date, str]:
        """Public holidays in the range, with their names."""
        ...

    def freeze_on(self, d: date) -> Freeze | None:
        """The change freeze on this day, if any."""
        ...

    def is_window_day(self, d: date, site: str | None = None) -> bool:
        """A maintenance-window day that is neither a holiday nor frozen."""
        ...


@dataclass(frozen=True)
class Column:
    """One column of the axis: a day or an ISO week, and what is special about it."""

    start: date
    end: date  # inclusive
    label: str  # "12" (day of month) or "CW45"
    group: str  # the month it belongs to, e.g. "Nov 2026"
    off: bool = False  # a day that is no working day (weekend or holiday)
    holiday: str = ""
    freeze: str = ""
    today: bool = False
    pause: bool = False


@dataclass(frozen=True)
class Timeline:
    """The columns from the first to the last day of the plan."""

    scale: str  # "day" | "week"
    columns: tuple[Column, ...]

    @property
    def start(self) -> date:
        """The first day on the axis."""
        return self.columns[0].start

    @property
    def end(self) -> date:
        """The last day on the axis."""
        return self.columns[-1].end

    def span(self, start: date, end: date) -> range:
        """Indices of the columns that overlap ``start``..``end`` (inclusive)."""
        step = 1 if self.scale == "day" else 7
        first = max(0, (start - self.start).days // step)
        last = min(len(self.columns) - 1, (end - self.start).days // step)
        return range(first, last + 1) if first <= last and end >= self.start else range(0)


def _plan_span(plan: Plan) -> tuple[date, date]:
    # from the first day the plan counts: a pause requested today, before the work starts,
    # is the plan's (it was left to the history columns as "before the plan start")
    starts = [s.start for s in plan.schedule.steps] + [plan.counted_from]
    ends = [s.end for s in plan.schedule.steps] + [p.end for p in plan.schedule.pauses]
    first = min(starts)
    return first, max([*ends, first])


def _in_pause(plan: Plan, start: date, end: date) -> bool:
    return any(p.start <= end and p.end >= start for p in plan.schedule.pauses)


def _month(d: date, lang: str) -> str:
    return f"{label(f'month.{d.month}', lang)} {d.year}"


def build_timeline(plan: Plan, calendar: WorkingCalendar, lang: str, today: date) -> Timeline:
    """The axis for this plan, whole weeks from Monday, by day or by week."""
    first, last = _plan_span(plan)
    first -= timedelta(days=first.weekday())
    last += timedelta(days=6 - last.weekday())
    holidays = calendar.holidays(first, last)
    columns: list[Column] = []
    if (last - first).days + 1 <= DAY_SCALE_MAX_DAYS:
        day = first
        while day <= last:
            freeze = calendar.freeze_on(day)
            columns.append(Column(
                day, day, str(day.day), _month(day, lang),
                off=not calendar.is_working_day(day) or day in holidays,
                holiday=holidays.get(day, ""), freeze=freeze.name or "-" if freeze else "",
                today=day == today, pause=_in_pause(plan, day, day)))
            day += timedelta(days=1)
        return Timeline("day", tuple(columns))
    monday = first
    while monday <= last:
        sunday = monday + timedelta(days=6)
        days = [monday + timedelta(days=i) for i in range(7)]
        freezes = [f for f in (calendar.freeze_on(d) for d in days) if f is not None]
        names = [holidays[d] for d in days if d in holidays]
        columns.append(Column(
            monday, sunday, label("gantt.week", lang, n=monday.isocalendar().week),
            _month(monday + timedelta(days=3), lang), holiday=", ".join(names),
            freeze=(freezes[0].name or "-") if freezes else "",
            today=monday <= today <= sunday, pause=_in_pause(plan, monday, sunday)))
        monday = sunday + timedelta(days=1)
    return Timeline("week", tuple(columns))
