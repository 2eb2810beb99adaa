"""MS Project XML (MSPDI): the plan as tasks, links, a calendar, consultants and assignments.

The outline, task ids and WBS numbers are the same as in the Excel plan. Every step keeps its
planned start with a "start no earlier than" constraint, so MS Project shows the planner's
dates when it opens the file instead of pulling everything to the project start. Ordinary
work follows the Standard calendar (Monday to Friday, holidays and freezes, a year past the
plan); window steps alone get the maintenance-window calendar, so a slip never lands ordinary
work on a Saturday (:mod:`planner.core.export.project_calendar`). A step's deadline (a
cutover that a pause protects must finish before the pause ends) is its task's Deadline.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from itertools import chain
from pathlib import Path

from planner.core.booked_time import booked_words
from planner.core.calendar import build_calendar
from planner.core.exo_view import owner_text
from planner.core.export.labels import label
from planner.core.export.project_calendar import ProjectCalendar, days_between, project_calendar
from planner.core.export.xml_text import XmlStream
from planner.core.knowledge import Knowledge
from planner.core.outline import LINK_TYPES, Outline, OutlineRow, build_outline
from planner.core.plan import Plan
from planner.core.replace_file import replace_text, xml_legal
from planner.core.settings_defaults import with_names_in
from planner.core.step_source import step_source_text

__all__ = ["NAMESPACE", "write_mspdi"]

NAMESPACE = "http://schemas.microsoft.com/project"
MINUTES_PER_DAY = 480
_LAG_UNITS_PER_DAY = MINUTES_PER_DAY * 10  # LinkLag is in tenths of a minute
_WORK_HOURS = (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00"))
_SNET = "4"  # ConstraintType "start no earlier than"
_DAYS_FORMAT = "7"
_CONTOURED = 8  # WorkContour: the work per day was edited, MS Project keeps it as given
_REMAINING_WORK = 1  # TimephasedData type: an assignment's remaining (planned) work
_PERIOD_DAYS = 2  # TimephasedData unit: each entry covers one day
STANDARD_UID = 1
WINDOW_UID = 2
BOTH_UID = 3  # Standard and window: a move batch completed in a window (a Saturday)
FIRST_RESOURCE_CALENDAR = 4


def _stamp(d: date, clock: str) -> str:
    return f"{d.isoformat()}T{clock}"


def _hours(days: float) -> str:
    minutes = round(days * MINUTES_PER_DAY)
    return f"PT{minutes // 60}H{minutes % 60}M0S"


def _working_times(out: XmlStream) -> None:
    out.open("WorkingTimes")
    for start, finish in _WORK_HOURS:
        out.open("WorkingTime")
        out.leaves((("FromTime", start), ("ToTime", finish)))
        out.close()
    out.close()


def _exception(out: XmlStream, first: date, last: date, name: str, working: bool) -> None:
    out.open("Exception")
    out.leaf("EnteredByOccurrences", 0)
    out.open("TimePeriod")
    out.leaves((("FromDate", _stamp(first, "00:00:00")), ("ToDate", _stamp(last, "23:59:00"))))
    out.close()
    out.leaves((("Occurrences", 1), ("Name", name), ("Type", 1), ("DayWorking", int(working))))
    if working:
        _working_times(out)
    out.close()


def _week(out: XmlStream, working_days: Iterable[int]) -> None:
    """The weekly pattern; ``working_days`` are MSPDI day types (1 = Sunday ... 7 = Saturday)."""
    out.open("WeekDays")
    working = set(working_days)
    for day_type in range(1, 8):
        out.open("WeekDay")
        out.leaves((("DayType", day_type), ("DayWorking", int(day_type in working))))
        if day_type in working:
            _working_times(out)
        out.close()
    out.close()


def _base(out: XmlStream, uid: int, name: str) -> None:
    """Open a base calendar (the caller closes it)."""
    out.open("Calendar")
    out.leaves((("UID", uid), ("Name", name), ("IsBaseCalendar", 1), ("IsBaselineCalendar", 0),
                ("BaseCalendarUID", -1)))


def _calendars(out: XmlStream, cal: ProjectCalendar, plan: Plan) -> None:
    """Standard (Mon-Fri, holidays, freezes), the window (its days only), one per consultant,
    then the three of each site in another holiday region.

    A part-time consultant's calendar keeps Standard's week; MS Project learns the part time
    from the resource's units, because the planner does not fix the weekdays they work.
    """
    out.open("Calendars")
    _three(out, cal, (STANDARD_UID, WINDOW_UID, BOTH_UID))
    for uid, consultant in enumerate(plan.settings.consultants, start=FIRST_RESOURCE_CALENDAR):
        out.open("Calendar")
        out.leaves((("UID", uid), ("Name", consultant.name), ("IsBaseCalendar", 0),
                    ("IsBaselineCalendar", 0), ("BaseCalendarUID", STANDARD_UID)))
        if consultant.absent:
            out.open("Exceptions")
            for first, last in consultant.absent:
                _exception(out, first, last, consultant.name, False)
            out.close()
        out.close()
    for region, uids in _region_uids(cal, plan).items():
        _three(out, cal.regions[region], uids)
    out.close()


def _three(out: XmlStream, cal: ProjectCalendar, uids: tuple[int, int, int]) -> None:
    """One region's Standard, window, and Standard and window calendars."""
    _base(out, uids[0], cal.standard_name)
    _week(out, range(2, 7))
    out.open("Exceptions")
    for first, last, name in cal.ranges():
        _exception(out, first, last, name, False)
    out.close()
    out.close()
    _base(out, uids[1], cal.window_name)
    _week(out, ())
    out.open("Exceptions")
    for day in sorted(cal.window):
        _exception(out, day, day, cal.window_name, True)
    out.close()
    out.close()
    _base(out, uids[2], cal.both_name)
    _week(out, range(2, 7))
    out.open("Exceptions")
    for first, last, name in cal.ranges():
        _exception(out, first, last, name, False)
    for day in sorted(d for d in cal.window if not cal.is_working(d) and d.weekday() >= 5):
        _exception(out, day, day, cal.window_name, True)
    out.close()
    out.close()


def _region_uids(cal: ProjectCalendar, plan: Plan) -> dict[str, tuple[int, int, int]]:
    """The calendar UIDs of each other region's three calendars, after the consultants'."""
    first = FIRST_RESOURCE_CALENDAR + len(plan.settings.consultants)
    return {region: (first + 3 * n, first + 3 * n + 1, first + 3 * n + 2)
            for n, region in enumerate(sorted(cal.regions))}


def _notes(row: OutlineRow, knowledge: Knowledge, lang: str) -> str:
    assert row.step is not None
    parts = [row.step.why(lang)]
    step = row.step
    if not step.milestone and (step.owner or not step.needs_consultant):
        # the customer's tasks have no resource in the file: who does them, as the workbook
        who = owner_text(lang, step.owner) if step.owner else label("value.customer", lang)
        parts.append(f"{label('col.consultant', lang)}: {who}")
    if row.step.command:
        parts.append(f"{label('col.command', lang)}: {row.step.command_in(lang)}")
    if row.dated is not None and row.dated.booked:  # who the batch holds, and when
        parts.append(booked_words(row.dated, lang))
    parts.append(step_source_text(row.step, knowledge, lang))
    return "\n".join(parts)


def _task(out: XmlStream, row: OutlineRow, outline: Outline, cal: ProjectCalendar,
          uids: tuple[int, int, int], days: int, deadline: date | None, knowledge: Knowledge,
          lang: str) -> None:
    """One task; ``uids`` are its calendars (Standard, window, both: its site's region's)."""
    out.open("Task")
    milestone = row.step is not None and row.step.milestone
    out.leaves((("UID", row.id), ("ID", row.id), ("Name", row.title), ("Active", 1),
                ("Manual", 0), ("Type", 1), ("IsNull", 0), ("WBS", row.wbs),
                ("OutlineNumber", row.wbs), ("OutlineLevel", row.level)))
    if row.start is not None and row.end is not None:
        finish = _stamp(row.start, "08:00:00") if milestone else _stamp(row.end, "17:00:00")
        out.leaves((("Start", _stamp(row.start, "08:00:00")), ("Finish", finish)))
    out.leaves((("Duration", _hours(days)), ("DurationFormat", _DAYS_FORMAT),
                ("Milestone", int(milestone)), ("Summary", int(row.summary)),
                ("PercentComplete", 0), ("ActualDuration", _hours(0)),
                ("RemainingDuration", _hours(days))))
    window = cal.uses_window(row)
    both = cal.completes_in_window(row)
    if row.step is not None and row.start is not None:
        out.leaf("ConstraintType", _SNET)
        own = uids[1] if window else uids[2] if both else uids[0]
        if own != STANDARD_UID:
            out.leaf("CalendarUID", own)
        out.leaf("ConstraintDate", _stamp(row.start, "08:00:00"))
    if deadline is not None:
        out.leaf("Deadline", _stamp(deadline, "17:00:00"))
    if window or both or uids[0] != STANDARD_UID:
        # the consultant works this Saturday, or on a day of their calendar (the project's
        # region) that is a holiday there but not at this site
        out.leaf("IgnoreResourceCalendar", 1)
    if row.step is not None:
        out.leaf("Notes", _notes(row, knowledge, lang))
    for task_id, dep in outline.links(row):
        out.open("PredecessorLink")
        out.leaves((("PredecessorUID", task_id), ("Type", LINK_TYPES.get(dep.type.upper(), 1)),
                    ("CrossProject", 0), ("LinkLag", dep.lag_days * _LAG_UNITS_PER_DAY),
                    ("LagFormat", _DAYS_FORMAT)))
        out.close()
    out.close()


def _resources(out: XmlStream, plan: Plan, outline: Outline, days: dict[int, int],
               cal: ProjectCalendar) -> None:
    """Consultants with their part time as units; assignments carry the real work."""
    uids = {c.name: uid for uid, c in enumerate(plan.settings.consultants, start=1)}
    share = {c.name: min(c.days_per_week, 5) / 5 for c in plan.settings.consultants}
    for row in outline.rows:  # a consultant the settings do not list still gets a resource
        if row.dated is not None and row.dated.consultant and row.dated.consultant not in uids:
            uids[row.dated.consultant] = len(uids) + 1
    out.open("Resources")
    listed = len(plan.settings.consultants)
    for name, uid in uids.items():
        initials = "".join(part[0] for part in name.split() if part)[:4].upper()
        calendar = uid - 1 + FIRST_RESOURCE_CALENDAR if uid <= listed else STANDARD_UID
        out.open("Resource")
        out.leaves((("UID", uid), ("ID", uid), ("Name", name), ("Type", 1), ("IsNull", 0),
                    ("Initials", initials), ("MaxUnits", f"{share.get(name, 1.0):.2f}"),
                    ("CalendarUID", calendar)))
        out.close()
    out.close()
    out.open("Assignments")
    uid = 0
    for row in outline.rows:
        if row.dated is None or not row.dated.consultant or row.start is None or row.end is None \
                or row.step is None:
            continue
        uid += 1
        # A stretched step (a part-time consultant) lasts longer than the work it holds; a
        # move batch holds its consultant only for its set-up and completion.
        work_days = min(row.step.consultant_days, days.get(row.id, 1))
        units = work_days / max(days.get(row.id, 1), 1)
        work = _hours(work_days)
        out.open("Assignment")
        out.leaves((
            ("UID", uid), ("TaskUID", row.id), ("ResourceUID", uids[row.dated.consultant]),
            ("PercentWorkComplete", 0), ("Finish", _stamp(row.end, "17:00:00")),
            ("RemainingWork", work), ("Start", _stamp(row.start, "08:00:00")),
            ("Units", f"{units:.2f}"), ("Work", work)))
        if row.dated.booked:
            _booked_work(out, uid, row, cal)
        out.close()
    out.close()


def _booked_work(out: XmlStream, uid: int, row: OutlineRow, cal: ProjectCalendar) -> None:
    """A move batch's work on its set-up and completion days only, as MS Project keeps an
    edited (contoured) assignment: remaining work per working day, none while it runs
    unattended. Whole days come first in a set-up and last in a completion, as booked."""
    assert row.dated is not None and row.start is not None and row.end is not None
    both = cal.completes_in_window(row)  # its calendar works the window's days too
    cal = cal.of(row)  # the days of its site's calendars
    hours: dict[date, float] = {}
    for part in row.dated.booked:
        worked = [d for d in days_between(part.start, part.end)
                  if cal.is_working(d) or d in cal.window or d in (part.start, part.end)]
        if part.part == "completion":
            worked.reverse()  # its part of a day is the first of its days
        left = part.days
        for day in worked:
            hours[day] = hours.get(day, 0.0) + min(1.0, left)
            left = max(0.0, left - 1.0)
    out.leaf("WorkContour", _CONTOURED)
    for day in days_between(row.start, row.end):
        if day in hours or cal.is_working(day) or (both and day in cal.window):
            out.open("TimephasedData")
            out.leaves((("Type", _REMAINING_WORK), ("UID", uid),
                        ("Start", _stamp(day, "08:00:00")), ("Finish", _stamp(day, "17:00:00")),
                        ("Unit", _PERIOD_DAYS), ("Value", _hours(hours.get(day, 0.0)))))
            out.close()


def _header(out: XmlStream, plan: Plan, lang: str, start: date, end: date) -> None:
    s = plan.settings
    customer = s.customer or plan.estate.organization.customer
    title = label("title.plan", lang) + (f" – {customer}" if customer else "")
    now = datetime.now().replace(microsecond=0).isoformat()
    code, symbol = _currency(s.country)
    out.leaves((
        ("SaveVersion", 14), ("Name", title), ("Title", title), ("Company", s.company),
        ("Author", s.company), ("CreationDate", now), ("LastSaved", now),
        ("ScheduleFromStart", 1), ("StartDate", _stamp(start, "08:00:00")),
        ("FinishDate", _stamp(end, "17:00:00")), ("FYStartDate", 1), ("CriticalSlackLimit", 0),
        ("CurrencyDigits", 2), ("CurrencySymbol", symbol), ("CurrencyCode", code),
        ("CurrencySymbolPosition", 0), ("CalendarUID", 1), ("DefaultStartTime", "08:00:00"),
        ("DefaultFinishTime", "17:00:00"), ("MinutesPerDay", MINUTES_PER_DAY),
        ("MinutesPerWeek", MINUTES_PER_DAY * 5), ("DaysPerMonth", 20), ("DefaultTaskType", 1),
        ("DurationFormat", _DAYS_FORMAT), ("WorkFormat", 2), ("HonorConstraints", 1),
        ("WeekStartDay", 1),
    ))


def write_mspdi(plan: Plan, knowledge: Knowledge, path: Path | str, lang: str) -> None:
    """Write the plan as MS Project XML to ``path`` (replaced only once it is complete)."""
    plan = with_names_in(plan, lang)
    outline = build_outline(plan, lang)
    starts = [r.start for r in outline.rows if r.start] + [plan.settings.start]
    ends = [r.end for r in outline.rows if r.end]
    start, end = min(starts), max([*ends, min(starts)])
    cal = project_calendar(plan, outline, build_calendar(plan.settings, plan.estate), lang)
    days = cal.durations(outline)
    out = XmlStream()
    out.open("Project", {"xmlns": NAMESPACE})
    _header(out, plan, lang, start, end)
    _calendars(out, cal, plan)
    out.open("Tasks")
    regions = _region_uids(cal, plan)
    home = (STANDARD_UID, WINDOW_UID, BOTH_UID)
    for row in outline.rows:
        region = cal.region_of.get(row.id)
        _task(out, row, outline, cal, regions[region] if region is not None else home,
              days.get(row.id, 0), row.step.deadline if row.step else None, knowledge, lang)
    out.close()
    _resources(out, plan, outline, days, cal)
    out.close()
    head = "<?xml version='1.0' encoding='utf-8'?>\n"
    replace_text(path, chain([head], (xml_legal(piece) for piece in out.pieces())))


def _currency(country: str) -> tuple[str, str]:
    """The project country's currency code and symbol (EUR where the country is unknown):
    a US customer's MS Project showed € (a review)."""
    # babel's locale data loads slowly: only when a project file is written
    from babel.numbers import get_currency_symbol, get_territory_currencies

    codes = get_territory_currencies(country.upper() or "DE")  # [] for an unknown one
    code = codes[0] if codes else "EUR"
    return code, get_currency_symbol(code, "en")
