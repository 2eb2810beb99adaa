"""MS Project XML (MSPDI): the plan as tasks, links, a calendar, consultants and assignments.

The outline, task ids and WBS numbers are the same as in the Excel plan. Every step keeps its
planned start with a "start no earlier than" constraint, so MS Project shows the planner's
dates when it opens the file instead of pulling everything to the project start. The project
calendar carries the holidays and change freezes as non-working exceptions and the
maintenance-window days that steps use (usually Saturdays) as working exceptions, so
start + duration gives the same finish in Project as in the planner.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from planner.core.export.labels import label
from planner.core.export.timeline import WorkingCalendar
from planner.core.export.wbs import LINK_TYPES, Outline, OutlineRow, build_outline
from planner.core.knowledge import Knowledge
from planner.core.plan import Plan

__all__ = ["NAMESPACE", "ProjectCalendar", "write_mspdi"]

NAMESPACE = "http://schemas.microsoft.com/project"
MINUTES_PER_DAY = 480
_LAG_UNITS_PER_DAY = MINUTES_PER_DAY * 10  # LinkLag is in tenths of a minute
_WORK_HOURS = (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00"))
_SNET = "4"  # ConstraintType "start no earlier than"
_DAYS_FORMAT = "7"


class ProjectCalendar:
    """The planner's calendar as MS Project sees it: weekdays plus dated exceptions."""

    def __init__(self, calendar: WorkingCalendar, outline: Outline, lang: str,
                 start: date, end: date) -> None:
        """Collect non-working and extra working days between ``start`` and ``end``."""
        self.off: dict[date, str] = {}
        holidays = calendar.holidays(start, end)
        day = start
        while day <= end:
            freeze = calendar.freeze_on(day)
            if freeze is not None:
                self.off[day] = freeze.name or label("gantt.freeze", lang)
            elif day in holidays and day.weekday() < 5:
                self.off[day] = holidays[day]
            elif day.weekday() < 5 and not calendar.is_working_day(day):
                self.off[day] = label("gantt.weekend", lang)
            day += timedelta(days=1)
        self.window_name = label("gantt.window", lang)
        self.extra: set[date] = set()  # weekend window days that steps use
        for row in outline.rows:
            step = row.step
            if step is None or not step.needs_window or row.start is None or row.end is None:
                continue
            for d in _days(row.start, row.end):
                if d.weekday() >= 5 and d not in self.off:
                    self.extra.add(d)

    def is_working(self, d: date) -> bool:
        """True when Project will schedule work on this day."""
        return d in self.extra or (d.weekday() < 5 and d not in self.off)

    def working_days(self, start: date, end: date) -> int:
        """Working days from ``start`` to ``end`` inclusive."""
        return sum(self.is_working(d) for d in _days(start, end))

    def ranges(self) -> Iterator[tuple[date, date, str, bool]]:
        """Exceptions as (from, to, name, working), consecutive equal days merged."""
        days = sorted([(d, n, False) for d, n in self.off.items()] +
                      [(d, self.window_name, True) for d in self.extra])
        i = 0
        while i < len(days):
            first, name, working = days[i]
            last = first
            while (i + 1 < len(days) and days[i + 1][0] == last + timedelta(days=1)
                   and days[i + 1][1:] == (name, working)):
                i += 1
                last = days[i][0]
            yield first, last, name, working
            i += 1


def _days(start: date, end: date) -> Iterator[date]:
    for n in range((end - start).days + 1):
        yield start + timedelta(days=n)


def _sub(parent: ET.Element, tag: str, text: object = None) -> ET.Element:
    node = ET.SubElement(parent, tag)
    if text is not None:
        node.text = str(text)
    return node


def _fields(parent: ET.Element, pairs: Iterable[tuple[str, object]]) -> None:
    for tag, value in pairs:
        _sub(parent, tag, value)


def _stamp(d: date, clock: str) -> str:
    return f"{d.isoformat()}T{clock}"


def _hours(days: int) -> str:
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def _working_times(parent: ET.Element) -> None:
    times = _sub(parent, "WorkingTimes")
    for start, finish in _WORK_HOURS:
        _fields(_sub(times, "WorkingTime"), (("FromTime", start), ("ToTime", finish)))


def _exception(parent: ET.Element, first: date, last: date, name: str, working: bool) -> None:
    node = _sub(parent, "Exception")
    _sub(node, "EnteredByOccurrences", 0)
    _fields(_sub(node, "TimePeriod"), (("FromDate", _stamp(first, "00:00:00")),
                                       ("ToDate", _stamp(last, "23:59:00"))))
    _fields(node, (("Occurrences", 1), ("Name", name), ("Type", 1),
                   ("DayWorking", int(working))))
    if working:
        _working_times(node)


def _calendars(root: ET.Element, cal: ProjectCalendar, plan: Plan) -> None:
    calendars = _sub(root, "Calendars")
    base = _sub(calendars, "Calendar")
    _fields(base, (("UID", 1), ("Name", "Standard"), ("IsBaseCalendar", 1),
                   ("IsBaselineCalendar", 0), ("BaseCalendarUID", -1)))
    weekdays = _sub(base, "WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday ... 7 = Saturday
        node = _sub(weekdays, "WeekDay")
        working = day_type not in (1, 7)
        _fields(node, (("DayType", day_type), ("DayWorking", int(working))))
        if working:
            _working_times(node)
    exceptions = _sub(base, "Exceptions")
    for first, last, name, working in cal.ranges():
        _exception(exceptions, first, last, name, working)
    for uid, consultant in enumerate(plan.settings.consultants, start=2):
        own = _sub(calendars, "Calendar")
        _fields(own, (("UID", uid), ("Name", consultant.name), ("IsBaseCalendar", 0),
                      ("IsBaselineCalendar", 0), ("BaseCalendarUID", 1)))
        if consultant.absent:
            node = _sub(own, "Exceptions")
            for first, last in consultant.absent:
                _exception(node, first, last, consultant.name, False)


def _notes(row: OutlineRow, lang: str) -> str:
    assert row.step is not None
    parts = [row.step.why(lang)]
    if row.step.command:
        parts.append(f"{label('col.command', lang)}: {row.step.command}")
    parts.append(f"{label('col.rule', lang)}: {row.step.rule} · {row.step.id}")
    return "\n".join(parts)


def _task(tasks: ET.Element, row: OutlineRow, outline: Outline, cal: ProjectCalendar,
          lang: str) -> None:
    node = _sub(tasks, "Task")
    milestone = row.step is not None and row.step.milestone
    days = 0
    if row.start is not None and row.end is not None and not milestone:
        days = max(cal.working_days(row.start, row.end), 1)
    _fields(node, (("UID", row.id), ("ID", row.id), ("Name", row.title), ("Active", 1),
                   ("Manual", 0), ("Type", 1), ("IsNull", 0), ("WBS", row.wbs),
                   ("OutlineNumber", row.wbs), ("OutlineLevel", row.level)))
    if row.start is not None and row.end is not None:
        finish = _stamp(row.start, "08:00:00") if milestone else _stamp(row.end, "17:00:00")
        _fields(node, (("Start", _stamp(row.start, "08:00:00")), ("Finish", finish)))
    _fields(node, (("Duration", _hours(days)), ("DurationFormat", _DAYS_FORMAT),
                   ("Milestone", int(milestone)), ("Summary", int(row.summary)),
                   ("PercentComplete", 0), ("ActualDuration", _hours(0)),
                   ("RemainingDuration", _hours(days))))
    if row.step is not None and row.start is not None:
        _fields(node, (("ConstraintType", _SNET),
                       ("ConstraintDate", _stamp(row.start, "08:00:00"))))
    if row.step is not None:
        _sub(node, "Notes", _notes(row, lang))
    for task_id, dep in outline.links(row):
        link = _sub(node, "PredecessorLink")
        _fields(link, (("PredecessorUID", task_id), ("Type", LINK_TYPES.get(dep.type.upper(), 1)),
                       ("CrossProject", 0), ("LinkLag", dep.lag_days * _LAG_UNITS_PER_DAY),
                       ("LagFormat", _DAYS_FORMAT)))


def _resources(root: ET.Element, plan: Plan, outline: Outline, cal: ProjectCalendar) -> None:
    uids = {c.name: uid for uid, c in enumerate(plan.settings.consultants, start=1)}
    for row in outline.rows:  # a consultant the settings do not list still gets a resource
        if row.dated is not None and row.dated.consultant and row.dated.consultant not in uids:
            uids[row.dated.consultant] = len(uids) + 1
    resources = _sub(root, "Resources")
    for name, uid in uids.items():
        initials = "".join(part[0] for part in name.split() if part)[:4].upper()
        _fields(_sub(resources, "Resource"), (
            ("UID", uid), ("ID", uid), ("Name", name), ("Type", 1), ("IsNull", 0),
            ("Initials", initials), ("MaxUnits", "1.00"),
            ("CalendarUID", uid + 1 if uid <= len(plan.settings.consultants) else 1)))
    assignments = _sub(root, "Assignments")
    uid = 0
    for row in outline.rows:
        if row.dated is None or not row.dated.consultant or row.start is None or row.end is None:
            continue
        uid += 1
        work = _hours(cal.working_days(row.start, row.end))
        _fields(_sub(assignments, "Assignment"), (
            ("UID", uid), ("TaskUID", row.id), ("ResourceUID", uids[row.dated.consultant]),
            ("PercentWorkComplete", 0), ("Finish", _stamp(row.end, "17:00:00")),
            ("RemainingWork", work), ("Start", _stamp(row.start, "08:00:00")),
            ("Units", "1"), ("Work", work)))


def _header(root: ET.Element, plan: Plan, lang: str, start: date, end: date) -> None:
    s = plan.settings
    customer = s.customer or plan.estate.organization.customer
    title = label("title.plan", lang) + (f" – {customer}" if customer else "")
    now = datetime.now().replace(microsecond=0).isoformat()
    _fields(root, (
        ("SaveVersion", 14), ("Name", title), ("Title", title), ("Company", s.company),
        ("Author", s.consultant_name), ("CreationDate", now), ("LastSaved", now),
        ("ScheduleFromStart", 1), ("StartDate", _stamp(start, "08:00:00")),
        ("FinishDate", _stamp(end, "17:00:00")), ("FYStartDate", 1), ("CriticalSlackLimit", 0),
        ("CurrencyDigits", 2), ("CurrencySymbol", "€"), ("CurrencyCode", "EUR"),
        ("CurrencySymbolPosition", 0), ("CalendarUID", 1), ("DefaultStartTime", "08:00:00"),
        ("DefaultFinishTime", "17:00:00"), ("MinutesPerDay", MINUTES_PER_DAY),
        ("MinutesPerWeek", MINUTES_PER_DAY * 5), ("DaysPerMonth", 20), ("DefaultTaskType", 1),
        ("DurationFormat", _DAYS_FORMAT), ("WorkFormat", 2), ("HonorConstraints", 1),
        ("WeekStartDay", 1),
    ))


def write_mspdi(plan: Plan, knowledge: Knowledge, path: Path | str, lang: str) -> None:
    """Write the plan as MS Project XML to ``path`` (replaced only once it is complete)."""
    from planner.core.calendar import build_calendar

    outline = build_outline(plan, lang)
    starts = [r.start for r in outline.rows if r.start] + [plan.settings.start]
    ends = [r.end for r in outline.rows if r.end]
    start, end = min(starts), max([*ends, min(starts)])
    cal = ProjectCalendar(build_calendar(plan.settings, plan.estate), outline, lang,
                          start - timedelta(days=31), end + timedelta(days=366))
    root = ET.Element("Project", {"xmlns": NAMESPACE})
    _header(root, plan, lang, start, end)
    _calendars(root, cal, plan)
    tasks = _sub(root, "Tasks")
    for row in outline.rows:
        _task(tasks, row, outline, cal, lang)
    _resources(root, plan, outline, cal)
    ET.indent(root)
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    ET.ElementTree(root).write(partial, encoding="utf-8", xml_declaration=True)
    os.replace(partial, target)
    _ = knowledge  # the signature matches the other exports; MSPDI needs no facts
