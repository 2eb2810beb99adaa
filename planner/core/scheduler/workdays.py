"""A redundant view of the consultants' weekday work counted in working days, not calendar days.

On calendar days a consultant's capacity is diluted by weekends and holidays: ten steps of
two working days fit in twenty calendar days as far as a no-overlap can tell, though they
take four weeks. So CP-SAT could not prove that the work in front of a cutover fills the
consultant's weekdays until it (8 servers, one consultant: the finish bound stayed at day 173
for five minutes while the plan's 181 is optimal). Counted in working days (the rank of a
day among the days any weekday calendar allows), each step occupies at least its working
days, and a consultant's steps still never overlap, so the same no-overlap reasons about
the real capacity; with it the 181 is proven.

Why it is valid: a step of consultant k that holds them for its whole span works exactly
``days_by_consultant[k]`` days of its own calendar in [start, end), and its calendar is one
of those counted, so it covers at least that many ranks; two steps of one consultant never
overlap in calendar days, so neither do their ranks. Steps in a maintenance window (worked
on days the weekday calendars may not count) and unattended steps (held only for parts of a
day) are left out, which only loosens it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ortools.sat.python import cp_model

from planner.core.scheduler.problem import Problem

__all__ = ["add_workday_view"]

# consultants up to which the view is added: measured (2026-12-05), with 5 consultants it
# cost 30-60 % more CPU and proved nothing more (those estates were proven without it), with
# 50 it kept 8 servers from being proven in the time limit; where a few consultants do all
# the work, their weekdays are what bounds the plan
_MOST_CONSULTANTS = 2


def add_workday_view(model: cp_model.CpModel, problem: Problem, horizon: int,
                     starts: Sequence[cp_model.IntVar], ends: Sequence[cp_model.IntVar],
                     assigned: Sequence[Sequence[cp_model.IntVar | None]],
                     teams: Sequence[tuple[int, ...]]) -> None:
    """A no-overlap per consultant on working-day ranks (one or two consultants only); per
    team of interchangeable consultants (:func:`.pool.teams`), their count."""
    jobs = [j for j in problem.jobs if j.uses_consultant and not j.calendar_key[2]
            and j.holds is None]
    people = len(problem.consultants)
    if len(jobs) < 2 or people > _MOST_CONSULTANTS:
        return
    cals = [problem.calendars[k] for k in sorted({j.calendar_key for j in jobs})]
    rank, count = [], 0
    for day in range(horizon + 2):
        rank.append(count)
        count += any(cal.ok(day) for cal in cals)
    own: list[list[cp_model.IntervalVar]] = [[] for _ in range(people)]
    for job in jobs:
        name = job.step.id
        a = model.new_int_var(0, count, f"ws[{name}]")
        model.add_element(starts[job.index], rank, a)
        b = model.new_int_var(0, count, f"we[{name}]")
        model.add_element(ends[job.index], rank, b)
        for k, x in enumerate(assigned[job.index]):
            if x is not None:
                mine = model.new_int_var(min(job.days_by_consultant[k], count), count,
                                         f"wn[{name},{k}]")
                own[k].append(model.new_optional_interval_var(a, mine, b, x, f"wk[{name},{k}]"))
    for k, spans in enumerate(problem.absences[:people]):
        for s, e in spans:
            lo, hi = rank[min(max(0, s), horizon + 1)], rank[min(max(0, e), horizon + 1)]
            if hi > lo:
                own[k].append(model.new_fixed_size_interval_var(lo, hi - lo, f"wa[{k},{s}]"))
    for team in teams:
        intervals = [iv for k in team for iv in own[k]]
        if len(team) > 1:
            model.add_cumulative(intervals, [1] * len(intervals), len(team))
        elif len(intervals) > 1:
            model.add_no_overlap(intervals)
