"""The scheduling problem in day indices: jobs, calendars, consultants and judged servers.

Day index 0 is the plan start; every date in the model is a calendar-day index. A step's
duration counts working days of its own calendar (the target site's working days, or the
maintenance-window days for steps that need one), so its calendar length depends on where
it starts; :class:`DayCalendar` answers that for any start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property

import networkx as nx

from planner.core.calendar import WorkCalendar
from planner.core.enforcement import (
    Detection,
    DetectionIndex,
    first_detection,
    stage_thresholds,
    timeline,
)
from planner.core.knowledge import Knowledge
from planner.core.knowledge_facts import facts_of
from planner.core.model import Estate
from planner.core.pause_policy import pause_calendar
from planner.core.plan import Proposal, Step
from planner.core.scheduler.days import DayCalendar
from planner.core.settings import Consultant, Decisions, Settings

__all__ = ["BOTH", "UNITS", "WEEKDAY", "WINDOW", "CalendarKey", "Job", "Judged", "Problem",
           "Sided", "Span", "build_problem", "first_counted", "hold_pieces", "side_lists"]

# A consultant's capacity per working day, in demand units: half days, so a move batch's
# half-day set-up and completion book half a day each instead of rounding up to a whole one.
UNITS = 2
Span = tuple[int, int, int]  # [start, end) day indices and the units held on each day
# Which of a consultant's days a held span can collide on: their weekdays, their window days
# (Saturdays), or both. Where the maintenance window is never a workweek day, a weekday step
# and a window step never work the same day: a two-day step from Friday to Monday leaves the
# consultant free for Saturday's cutover (held there, the Saturday went unused and one
# consultant's cutovers slipped by whole weeks).
WEEKDAY, WINDOW, BOTH = 1, 2, 3
Sided = tuple[int, int, int, int]  # a Span and the side it is held on


def side_lists(side: int, apart: bool) -> tuple[int, ...]:
    """Which of a consultant's two day lists (0 weekdays, 1 window days) a span held on
    ``side`` takes; where the two are not apart there is one list, 0.

    >>> side_lists(BOTH, True), side_lists(WINDOW, True), side_lists(WINDOW, False)
    ((0, 1), (1,), (0,))
    """
    return _SIDE_LISTS[side] if apart else (0,)


# asked for every span of every room check of the quick plan (hundreds of thousands)
_SIDE_LISTS = {side: tuple(n for n in (0, 1) if side & (n + 1)) for side in (WEEKDAY, WINDOW,
                                                                           BOTH)}


# holiday region (country, subdivision), window flag, and whether a change freeze leaves the
# step (a read-only check)
CalendarKey = tuple[str, str, bool, bool]


@dataclass(frozen=True)
class Job:
    """A step prepared for the model."""

    index: int
    step: Step
    site: str | None
    calendar_key: CalendarKey
    days_by_consultant: tuple[int, ...]  # working days when consultant k does it
    base_days: int  # working days when no consultant is involved
    pin: int | None
    not_before: int
    deadline: int | None  # last allowed day index (inclusive)
    # unattended: the consultant's set-up at the start and completion at the end, in UNITS
    holds: tuple[int, int] | None = None
    completes_in: DayCalendar | None = None  # the window days its last day must fall on

    def end_after(self, cal: DayCalendar, start: int, days: int) -> int:
        """Exclusive end when the step starts on ``start`` and works ``days`` days of ``cal``;
        a batch completed in a window runs on until the first window day from its last day."""
        end = cal.end_after(start, days)
        if self.completes_in is None or end <= start:
            return end
        return self.completes_in.next_ok(end - 1) + 1

    def sides(self, apart: bool) -> list[int]:
        """:meth:`_sides`, worked out once per job (the quick plan asks on every room check)."""
        return self._sides_apart if apart else self._sides_joint

    @cached_property
    def _sides_apart(self) -> list[int]:
        return self._sides(True)

    @cached_property
    def _sides_joint(self) -> list[int]:
        return self._sides(False)

    def _sides(self, apart: bool) -> list[int]:
        """The side of the consultant's days (WEEKDAY, WINDOW or BOTH) each span of
        :meth:`consultant_spans` is held on (``apart``: window days are never workweek
        days, else every span is on BOTH). A window step holds window days, a weekday step
        weekdays; a batch completed in a window holds both (its span runs to the Saturday it
        completes on), an unattended step's completion in a window the window's."""
        if self.holds is None:
            own = WINDOW if self.calendar_key[2] else WEEKDAY
            return [BOTH if not apart or self.completes_in is not None else own]
        setup, completion = (len(hold_pieces(units)) for units in self.holds)
        if not apart:
            return [BOTH] * (setup + completion)
        own = WINDOW if self.calendar_key[2] else WEEKDAY
        return [own] * setup + [WINDOW if self.completes_in is not None else own] * completion

    def sided_spans(self, cal: DayCalendar, start: int, end: int, apart: bool) -> list[Sided]:
        """:meth:`consultant_spans` with the side each is held on (:meth:`sides`)."""
        if self.holds is None:  # the common case, held whole: one span
            return [(start, end, UNITS, self.sides(apart)[0])]
        return [(a, b, u, side) for (a, b, u), side in
                zip(self.consultant_spans(cal, start, end), self.sides(apart), strict=True)]

    def consultant_spans(self, cal: DayCalendar, start: int, end: int) -> list[Span]:
        """The spans its consultant is held, with the units held per day: all of it, or an
        unattended step's set-up at the start and completion at the end."""
        if self.holds is None:
            return [(start, end, UNITS)]
        setup, completion = self.holds
        spans = [(cal.end_after(start, i + 1) - 1, cal.end_after(start, j), units)
                 for i, j, units in hold_pieces(setup)]
        last = self.completes_in or cal  # the completion is worked on the days it falls on
        spans += [(last.start_before(end, j), last.start_before(end, i + 1) + 1, units)
                  for i, j, units in hold_pieces(completion)]
        return spans

    @property
    def is_milestone(self) -> bool:
        """Zero-length marker: no work, no consultant."""
        return self.step.milestone or self.step.duration_days <= 0

    @property
    def fastest_days(self) -> int:
        """Working days when the fastest consultant (or the customer) does it."""
        return min(self.days_by_consultant) if self.uses_consultant and \
            self.days_by_consultant else self.base_days

    @property
    def uses_consultant(self) -> bool:
        """True when one of the consultants must do it."""
        return self.step.needs_consultant and not self.is_milestone


def hold_pieces(units: int) -> list[Span]:
    """A hold of ``units`` as (first, last exclusive, units per day) in working days counted
    from the step's start (a set-up) or back from its end (a completion): the whole days
    first, then the part of a day left over."""
    whole, part = divmod(max(0, units), UNITS)
    pieces = [(0, whole, UNITS)] if whole else []
    return pieces + ([(whole, whole + 1, part)] if part else [])


@dataclass(frozen=True)
class Judged:
    """A server Exchange Online judges, with its clock and the steps that take it out."""

    name: str
    detection: Detection
    detected: int  # day index of first detection, the clock's day 0 (negative: before start)
    exit_jobs: tuple[int, ...]
    throttle_day: int  # counted days to throttling, to blocking: this server's timeline
    block_day: int


@dataclass
class Problem:
    """Everything the model, the greedy plan and the explanations need."""

    start: date
    calendar: WorkCalendar
    jobs: list[Job]
    consultants: tuple[Consultant, ...]
    absences: list[list[tuple[int, int]]]  # per consultant: [start, end) day indices
    judged: list[Judged]
    calendars: dict[CalendarKey, DayCalendar]  # sites of one region share one
    by_id: dict[str, int]
    pause_used: dict[int, int]
    pause_max: int
    throttle_day: int
    block_day: int
    block_stages: frozenset[int] = frozenset()
    snapped: list[tuple[str, date, date]] = field(default_factory=list)  # id, asked, used
    easiest: dict[tuple[int, ...], int] = field(default_factory=dict)  # exits -> cheapest
    pause_count: int = 4  # separate pauses allowed (EnforcementPolicy.pauses_allowed)
    clock_frozen: bool = True  # a pause stops the stage clock (else only its effect)
    pause_longest: int = 90  # days one request may pause (policy.pause_max_days_per_pause)
    # The first counted day (<= 0): the clocks' days and the pauses are counted from it. When
    # the as-of date lies before the plan start, a server already throttled or blocked needs
    # its pause now, not on the plan start: so the first working day outside a freeze from
    # the as-of date on (a pause run then counts its days from then, and so does the budget).
    pause_from: int = 0
    # the days a pause may be requested on (pause_policy.pause_calendar); None: ``calendar``
    pause_calendar: WorkCalendar | None = None
    # window days are never workweek days: weekday and window steps hold different days
    # (see WEEKDAY, WINDOW, BOTH)
    apart: bool = False
    # job_graph's cache, with the job list it was built from (a sub-problem has its own list)
    graph_of: tuple[list[Job], nx.DiGraph] | None = field(default=None, repr=False,
                                                          compare=False)

    def day(self, index: int) -> date:
        """The calendar date of a day index."""
        return self.start + timedelta(days=index)

    def index(self, day: date) -> int:
        """The day index of a calendar date."""
        return (day - self.start).days

    def may_request_pause(self, index: int) -> bool:
        """Whether a pause may be requested (may begin) on this day index."""
        return (self.pause_calendar or self.calendar).is_working_day(self.day(index))

    def cal(self, job: Job) -> DayCalendar:
        """The calendar a job works on."""
        return self.calendars[job.calendar_key]

    def held(self, job: Job, start: int, end: int) -> list[Sided]:
        """The spans a job placed at [start, end) holds its consultant, with their sides."""
        return job.sided_spans(self.cal(job), start, end, self.apart)

    def lag_calendar(self, job: Job) -> DayCalendar:
        """The working days a lag into this job counts (its site's, windows or not)."""
        key = (job.calendar_key[0], job.calendar_key[1], False, False)
        if key not in self.calendars:
            self.calendars[key] = DayCalendar(self.calendar, self.start, job.site, False)
        return self.calendars[key]


def _job(step: Step, index: int, p: Problem, estate: Estate, decisions: Decisions,
         thawed: frozenset[str]) -> Job:
    site = step.home_site(estate)
    # a read-only check changes nothing, so a change freeze leaves it (a review's
    # HealthChecker after an upgrade waited out the Christmas freeze)
    thaw = bool(p.calendar.freezes) and not step.needs_window and step.kind in thawed
    key = (*p.calendar.region(site), step.needs_window, thaw)
    if key not in p.calendars:
        p.calendars[key] = DayCalendar(replace(p.calendar, freezes=()) if thaw else p.calendar,
                                       p.start, site, step.needs_window)
    days = max(0, step.duration_days)
    held = (_units(step.setup_days), _units(step.completion_days))
    # a batch completed in a window is unattended whatever its length: its set-up and its
    # completion in the window (a 1-day batch held its consultant from a Monday to the
    # window Saturday 12 days later)
    holds = held if step.unattended and (sum(held) < days * UNITS or step.complete_in_window) \
        else None
    # a consultant on fewer days a week stretches a step; window days are worked anyway, and
    # an unattended step runs on its own
    per = tuple(
        days if step.needs_window or holds else
        math.ceil(days * 5 / max(1, min(5, c.days_per_week)))
        for c in p.consultants
    )
    pin = decisions.pins.get(step.id)
    nb = decisions.not_before.get(step.id)
    window = (*key[:2], True, False)
    if step.complete_in_window and window not in p.calendars:
        p.calendars[window] = DayCalendar(p.calendar, p.start, site, True)
    return Job(
        index=index,
        step=step,
        site=site,
        calendar_key=key,
        days_by_consultant=per,
        base_days=days,
        # a customer's step is not stretched by a part-time consultant's week
        pin=_snap(p, step, p.calendars[key], pin,
                  min(per, default=days) if step.needs_consultant else days) if pin else None,
        not_before=max(0, p.index(nb)) if nb else 0,
        deadline=p.index(step.deadline) if step.deadline else None,
        holds=holds,
        completes_in=p.calendars[window] if step.complete_in_window else None,
    )


def _units(days: float) -> int:
    """Consultant days as whole demand units (a part of a unit counts as one)."""
    return max(0, math.ceil(days * UNITS - 1e-9))


def _snap(p: Problem, step: Step, cal: DayCalendar, pin: date, days: int) -> int:
    """The pinned day, or the next day the step may start on (reported in ``p.snapped``).

    A bar dropped on a weekend, a holiday, outside a window or so that the work would
    straddle a freeze (or before the plan start) moves to the first day it can run.
    """
    index = max(0, p.index(pin))
    for _ in range(100):  # each round passes one freeze; more is a calendar without days
        index = cal.next_ok(index)  # a milestone, too, falls on a day of its calendar
        end = cal.end_after(index, days)
        after = cal.freeze_end(index, end) if end > index else None
        if after is None:
            break
        index = after
    if index != p.index(pin):
        p.snapped.append((step.id, pin, p.day(index)))
    return index


def _judged(
    proposal: Proposal, estate: Estate, settings: Settings, knowledge: Knowledge, p: Problem
) -> list[Judged]:
    exits: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for job in p.jobs:
        for server in job.step.exits_exo_view:
            exits.setdefault(server.lower(), []).append(job.index)
            names.setdefault(server.lower(), server)
    for assessment in proposal.servers:
        if assessment.judged_by_exo:
            names.setdefault(assessment.name.lower(), assessment.name)
    judged: list[Judged] = []
    index = DetectionIndex.build(estate, settings)
    for key in sorted(names):
        detection = first_detection(names[key], estate, settings, knowledge, index,
                                    estate.server(names[key]))
        if detection is None:
            continue  # not on Exchange Online's clock (yet): nothing to protect
        throttle, block = timeline(knowledge.policy, detection.anchors).thresholds()
        judged.append(Judged(names[key], detection, p.index(detection.day),
                             tuple(exits.get(key, ())), throttle, block))
    return judged


def first_counted(start: date, as_of: date | None, calendar: WorkCalendar) -> date:
    """The plan's first counted day: the plan start, or when the as-of date lies before it,
    the first day from the as-of date on that ``calendar`` (the days a pause may be
    requested on) allows (the day a pause needed now can be run; if none comes before the
    plan start, the plan start)."""
    day = as_of or start
    while day < start and not calendar.is_working_day(day):
        day += timedelta(days=1)
    return min(day, start)


def build_problem(
    proposal: Proposal,
    estate: Estate,
    settings: Settings,
    decisions: Decisions,
    knowledge: Knowledge,
    calendar: WorkCalendar,
    as_of: date | None = None,
) -> Problem:
    """Turn the proposal, settings and decisions into day-indexed jobs and judged servers;
    with ``as_of`` before the plan start, clocks and pauses count from its first working day."""
    throttle, block = stage_thresholds(knowledge.policy)
    p = Problem(
        start=settings.start, calendar=calendar, jobs=[], consultants=settings.consultants,
        absences=[], judged=[], calendars={}, by_id={},
        pause_used={int(y): int(n) for y, n in settings.pause_days_used.items()},
        pause_max=knowledge.policy.pause_max_days_per_year,
        throttle_day=throttle, block_day=block,
        block_stages=frozenset(s.number for s in knowledge.policy.stages if s.kind == "block"),
        pause_count=knowledge.policy.pauses_allowed,
        clock_frozen=knowledge.policy.pause_clock_frozen,
        pause_longest=knowledge.policy.pause_max_days_per_pause,
    )
    p.pause_calendar = pause_calendar(calendar, knowledge)
    p.pause_from = p.index(first_counted(settings.start, as_of, p.pause_calendar))
    p.apart = not (set(calendar.workweek) & set(calendar.maintenance_weekdays))
    for c in settings.consultants:
        p.absences.append(sorted(
            (max(0, p.index(a)), p.index(b) + 1) for a, b in c.absent if p.index(b) >= 0
        ))
    thawed = facts_of(knowledge).freeze_leaves
    for i, step in enumerate(proposal.steps):
        p.jobs.append(_job(step, i, p, estate, decisions, thawed))
        p.by_id[step.id] = i
    p.judged = _judged(proposal, estate, settings, knowledge, p)
    return p
