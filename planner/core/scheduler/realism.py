"""Plans that say when they are unrealistic: a finish years away, too many servers each.

A plan that finishes more than a year after its start, or gives a consultant more than
about 40 servers, is a warning with the arithmetic: the consultant work, the working days a
year of the project's calendar, and how many consultants would do the work in a year.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from planner.core.calendar import WorkCalendar
from planner.core.model import Finding, Severity
from planner.core.plan import MigrationPath, Proposal, Schedule
from planner.core.settings import Settings

__all__ = ["SERVERS_PER_CONSULTANT", "unrealistic_findings"]

SERVERS_PER_CONSULTANT = 40  # about what one consultant can carry through in a project
_MONTHS = 12


def _months(start: date, end: date) -> int:
    """Whole months from start to end, rounded up."""
    return max(0, math.ceil((end - start).days / 30.44))


def unrealistic_findings(proposal: Proposal, schedule: Schedule, settings: Settings,
                         calendar: WorkCalendar) -> tuple[Finding, ...]:
    """A warning when the plan takes over a year or gives consultants too many servers."""
    finish = schedule.objective.finish
    staff = len(settings.consultants)
    servers = sum(1 for s in proposal.servers if s.path is not MigrationPath.NONE)
    long = finish is not None and _months(settings.start, finish) > _MONTHS
    crowded = staff > 0 and servers > SERVERS_PER_CONSULTANT * staff
    if not (long or crowded):
        return ()
    # a move batch books its consultant for its set-up and completion only
    work = math.ceil(sum(s.consultant_days for s in proposal.steps
                         if s.needs_consultant and not s.milestone and s.duration_days > 0))
    year = len(calendar.working_days(settings.start, settings.start + timedelta(days=364)))
    needed = max(1, math.ceil(work / max(1, year)), math.ceil(servers / SERVERS_PER_CONSULTANT))
    fields = {"finish": finish or settings.start, "start": settings.start,
              "months": _months(settings.start, finish or settings.start), "work": work,
              "servers": servers, "staff": staff, "year": year, "needed": needed,
              "each": math.ceil(servers / max(1, staff)),
              "alone": math.ceil(work / max(1, staff) / max(1, year) * _MONTHS)}
    key = "schedule.realism.long" if long else "schedule.realism.crowded"
    return (Finding.about(Severity.WARNING, "PLAN-UNREALISTIC", "schedule", key, count=staff,
                          **fields),)
