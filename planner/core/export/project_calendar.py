"""The plan's calendars as MS Project sees them, and the one definition of a task's working days.

Three base calendars: *Standard* (Monday to Friday, holidays and change freezes as non-working
exceptions, from a month before the plan to a year after it) for ordinary work, the
*maintenance window* (only the window days, e.g. Saturdays, that are neither holidays nor
frozen) for the steps that must run in a window, and *Standard and window* (both) for a
move batch that runs on weekdays and is completed in a window (``[windows] complete_moves``:
its last day is a Saturday). A task's duration is counted in its own
calendar; a summary's duration is the Standard calendar's working time from its earliest
start to its latest finish, as MS Project computes it, plus the window days its steps work
(a group whose only step runs on a Saturday lasts that day, not 0). The Excel plan prints
the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from planner.core.calendar import region_name
from planner.core.export.labels import label
from planner.core.export.timeline import WorkingCalendar
from planner.core.outline import Outline, OutlineRow
from planner.core.plan import Plan

__all__ = ["ProjectCalendar", "SiteCalendar", "days_between", "project_calendar"]


class SiteCalendar(WorkingCalendar, Protocol):
    """A working calendar that knows which holiday region each site is in."""

    def region(self, site: str | None) -> tuple[str, str]:
        """The (country, subdivision) whose holidays apply at a site."""
        ...

YEAR_AFTER = 366  # the calendars reach a year past the plan: a slip stays on real workdays
MONTH_BEFORE = 31


def days_between(start: date, end: date) -> Iterator[date]:
    """Every day from ``start`` to ``end`` inclusive."""
    for n in range((end - start).days + 1):
        yield start + timedelta(days=n)


@dataclass
class ProjectCalendar:
    """Non-working weekdays of the Standard calendar and the working days of the window."""

    standard_name: str
    window_name: str
    both_name: str = "Standard + window"
    off: dict[date, str] = field(default_factory=dict)  # weekday -> holiday or freeze name
    window: set[date] = field(default_factory=set)  # maintenance-window working days
    # the calendars of sites in another holiday region (Zürich beside a Vienna project), by
    # region name, and which of them each step row keeps (row id -> region name)
    regions: dict[str, ProjectCalendar] = field(default_factory=dict)
    region_of: dict[int, str] = field(default_factory=dict)
    # running counts per calendar (0 Standard, 1 window, 2 both) from ``_first``: a 12-year
    # plan's summaries would otherwise count millions of days one by one
    _counts: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _first: date = field(default=date.min, repr=False, compare=False)
    _built_for: tuple[int, int] = field(default=(-1, -1), repr=False, compare=False)

    def is_working(self, d: date) -> bool:
        """A working day of the Standard calendar."""
        return d.weekday() < 5 and d not in self.off

    def working_days(self, start: date, end: date, in_window: bool = False,
                     and_window: bool = False) -> int:
        """Working days from ``start`` to ``end`` inclusive, in the Standard or window calendar
        (``and_window``: Standard's days and the window's)."""
        if end < start:
            return 0
        mode = 1 if in_window else 2 if and_window else 0
        counts = self._running(mode, start, end)
        i, j = (start - self._first).days, (end - self._first).days
        return counts[j + 1] - counts[i]

    def _working_in(self, mode: int, d: date) -> bool:
        if mode == 1:
            return d in self.window
        return self.is_working(d) or (mode == 2 and d in self.window)

    def _running(self, mode: int, start: date, end: date) -> list[int]:
        """``counts[k]``: working days of calendar ``mode`` before ``_first + k``; rebuilt
        (over everything asked so far) when a query reaches outside it or the calendar's
        days have changed since (they are only ever added to)."""
        size = (len(self.off), len(self.window))
        counts = self._counts.get(mode)
        if (counts is not None and size == self._built_for and self._first <= start
                and (end - self._first).days + 1 < len(counts)):
            return counts
        known = [*self.off, *self.window, start, end]
        if self._counts:
            span = len(next(iter(self._counts.values())))
            known += [self._first, self._first + timedelta(days=span - 2)]
        first, last = min(known), max(known)
        modes = {mode, *self._counts}
        self._counts, self._first, self._built_for = {}, first, size
        for m in modes:
            run = [0]
            for d in days_between(first, last):
                run.append(run[-1] + self._working_in(m, d))
            self._counts[m] = run
        return self._counts[mode]

    def of(self, row: OutlineRow) -> ProjectCalendar:
        """The calendars a step row keeps: its site's region's, or these."""
        region = self.region_of.get(row.id)
        return self.regions[region] if region is not None else self

    def completes_in_window(self, row: OutlineRow) -> bool:
        """A move batch completed in a window on a day Standard does not work (a Saturday):
        it follows the Standard and window calendar, so MS Project keeps that last day.
        The days are those of the row's own calendars (:meth:`of`)."""
        own = self.of(row)
        return (row.step is not None and row.step.complete_in_window and not
                self.uses_window(row) and row.end is not None and row.end in own.window
                and not own.is_working(row.end))

    def uses_window(self, row: OutlineRow) -> bool:
        """A window step that the plan put on window days of its own calendars (else it
        follows Standard)."""
        window = self.of(row).window
        return (row.step is not None and row.step.needs_window and row.start is not None
                and row.end is not None
                and any(d in window for d in days_between(row.start, row.end)))

    def ranges(self) -> Iterator[tuple[date, date, str]]:
        """The Standard calendar's non-working exceptions, equal consecutive days merged."""
        days = sorted(self.off.items())
        i = 0
        while i < len(days):
            first, name = days[i]
            last = first
            while i + 1 < len(days) and days[i + 1] == (last + timedelta(days=1), name):
                i += 1
                last = days[i][0]
            yield first, last, name
            i += 1

    def durations(self, outline: Outline) -> dict[int, int]:
        """Working days of every outline row: steps in their own calendar, summaries the
        Standard calendar's working days from their first start to their last finish plus
        the window days their steps work (a group whose one step runs on a maintenance
        Saturday printed 0 days); milestones 0."""
        found: dict[int, int] = {}
        open_rows: list[OutlineRow] = []
        last_day: dict[int, date] = {}  # summary id -> last day its children work to 17:00
        window_days: dict[int, set[date]] = {}  # summary id -> window days its steps work
        for row in outline.rows:
            while open_rows and open_rows[-1].level >= row.level:
                open_rows.pop()
            if row.summary:
                open_rows.append(row)
                continue
            step = row.step
            if step is None or row.start is None or row.end is None:
                continue
            if step.milestone:
                found[row.id] = 0
                finish = row.start - timedelta(days=1)  # a milestone finishes at 08:00
            else:
                own = self.of(row)  # a step counts in its site's calendars
                found[row.id] = max(own.working_days(row.start, row.end, self.uses_window(row),
                                                     self.completes_in_window(row)), 1)
                finish = row.end
            worked = self._window_days_worked(row)
            for parent in open_rows:
                last_day[parent.id] = max(last_day.get(parent.id, finish), finish)
                window_days.setdefault(parent.id, set()).update(worked)
        for row in outline.rows:
            if row.summary and row.start is not None:
                end = last_day.get(row.id, row.start - timedelta(days=1))
                extra = sum(not self.is_working(d) for d in window_days.get(row.id, ()))
                found[row.id] = (self.working_days(row.start, end) if end >= row.start
                                 else 0) + extra
        return found

    def _window_days_worked(self, row: OutlineRow) -> set[date]:
        """The window days a step works on: all of them in its span for a window step, its
        last day for a batch completed in a window."""
        if row.start is None or row.end is None:
            return set()
        if self.uses_window(row):
            return {d for d in days_between(row.start, row.end) if d in self.of(row).window}
        return {row.end} if self.completes_in_window(row) else set()


def project_calendar(plan: Plan, outline: Outline, calendar: SiteCalendar,
                     lang: str) -> ProjectCalendar:
    """The Standard and window calendars from a month before the plan to a year after it,
    and the same for each site in another holiday region than the project's, with the step
    rows that keep them: MS Project moves a task off a day its calendar does not work, so a
    Zürich step on Vienna's 8 December would have moved to the 9th."""
    starts = [r.start for r in outline.rows if r.start] + [plan.settings.start]
    ends = [r.end for r in outline.rows if r.end] + starts
    first, last = min(starts) - timedelta(days=MONTH_BEFORE), max(ends) + \
        timedelta(days=YEAR_AFTER)
    home = calendar.region(None)
    cal = _calendar(calendar, None, first, last, lang)
    for row in outline.rows:
        site = row.step.home_site(plan.estate) if row.step is not None else None
        region = calendar.region(site)
        if site is None or region == home:
            continue
        name = region_name(*region)
        if name not in cal.regions:
            cal.regions[name] = _calendar(calendar, site, first, last, lang, name)
        cal.region_of[row.id] = name
    return cal


def _calendar(calendar: SiteCalendar, site: str | None, first: date, last: date, lang: str,
              region: str = "") -> ProjectCalendar:
    """The three calendars of one site's region (the project's own without a region)."""
    names = (label("gantt.standard_calendar", lang), label("gantt.window", lang),
             label("gantt.standard_and_window", lang))
    standard, window, both = (f"{n} ({region})" if region else n for n in names)
    cal = ProjectCalendar(standard, window, both)
    holidays = calendar.holidays(first, last, site)
    for day in days_between(first, last):
        freeze = calendar.freeze_on(day)
        if calendar.is_window_day(day, site):
            cal.window.add(day)
        if day.weekday() >= 5:
            continue
        if freeze is not None:
            cal.off[day] = freeze.name or label("gantt.freeze", lang)
        elif day in holidays:
            cal.off[day] = holidays[day]
        elif not calendar.is_working_day(day, site):
            cal.off[day] = label("gantt.weekend", lang)
    return cal
