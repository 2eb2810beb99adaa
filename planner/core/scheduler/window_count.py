"""A finish no plan beats from counting window days: each consultant does one window step
per maintenance-window day, and the first window day takes only what the weekdays before it
can make ready.

The energetic floors (:mod:`.energetic`) count the window steps released by each day against
every consultant's window days. On the first window day that is too generous: a window step
can run then only when its weekday work (the licence, the AD preparation, its DAG's
HealthChecker) is done in the few weekdays before, and the consultants cannot do all of that
for every step the critical path releases there. Measured on an unseen estate (20 servers,
a four-day and a five-day consultant, seed 7): the floors allowed two in-place upgrades on
the first Saturday and said day 90; an exact model of the weekdays before it allows one,
and the plan's day 97 is then proven.

The window steps' days (the fastest consultant's) from the days the critical path releases
them, at most the consultants present a day, on the first window day at most what an exact
model of its weekday work allows; the last window day used is a day one of the steps ends
on, so the finish is at least the earliest any of them leads to from there. Up to 2,000
steps (200 servers: 20 and 50 consultants' floors 124 -> 132 and 78 -> 83, the latter the
plan's own finish), in well under a second.
"""

from __future__ import annotations

import networkx as nx
from ortools.sat.python import cp_model

from planner.core.scheduler.energetic import fs_preds
from planner.core.scheduler.greedy import Placement
from planner.core.scheduler.job_graph import job_graph, sub_problem
from planner.core.scheduler.model import build_model
from planner.core.scheduler.problem import Problem

__all__ = ["window_finish"]

_MOST_JOBS = 2_000  # beyond, not counted: 2,000 servers (8,600 steps) took a minute
# (their window steps lead to thousands of descendants each)
_MOST_MODELLED = 150  # steps of the first window day's exact model at the most
_FIRST_DAY_DET = 0.3  # deterministic units for the first window day's exact model
_SPAN = 40  # days after the first window day the exact model may place the rest


def window_finish(problem: Problem, relaxed: dict[int, Placement]) -> int:
    """A finish no plan beats (0 where nothing is counted): see the module's docstring."""
    if len(problem.jobs) > _MOST_JOBS or not problem.consultants:
        return 0
    jobs = [job.index for job in problem.jobs if job.step.needs_window and job.uses_consultant
            and job.holds is None and job.index in relaxed]
    return _finish(problem, relaxed, jobs) if jobs else 0


def _present(problem: Problem, day: int) -> int:
    """The consultants not absent on this day."""
    return sum(1 for spans in problem.absences if not any(a <= day < b for a, b in spans))


def _finish(problem: Problem, relaxed: dict[int, Placement], jobs: list[int]) -> int:
    """The window days of these steps counted day by day. A step's own calendar gives its
    first day; after that any window calendar's day counts for every step (where sites'
    holidays differ, a relaxation: the count stays a floor)."""
    cals = list({problem.jobs[i].calendar_key: problem.cal(problem.jobs[i]) for i in jobs}
                .values())
    release = {i: problem.cal(problem.jobs[i]).next_ok(relaxed[i].start) for i in jobs}
    first = min(release.values())
    cap = _first_day_cap(problem, [i for i in jobs if release[i] == first], first)
    units = sorted((release[i], problem.jobs[i].fastest_days) for i in jobs)
    waiting, k, day, last = 0, 0, first, -1
    while day < 40_000:
        while k < len(units) and units[k][0] <= day:
            waiting += units[k][1]
            k += 1
        if waiting:  # ``day`` is a window day: as many as the consultants present do
            done = min(waiting, cap if day == first else _present(problem, day))
            waiting -= done
            last = day if done else last
            day = min(cal.next_ok(day + 1) for cal in cals)
        elif k < len(units):
            day = units[k][0]
        else:
            break
    if last < 0 or day >= 40_000:
        return 0
    order = {j: n for n, j in enumerate(nx.topological_sort(job_graph(problem)))}
    after = max(p.end for p in relaxed.values())  # every plan ends no sooner
    return max(after, min(_leads_to(problem, relaxed, i, last + 1, order) for i in jobs))


def _first_day_cap(problem: Problem, early: list[int], day: int) -> int:
    """How many of the window steps released on the first window day can run on it at the
    most: an exact model of them and their ancestors (their weekday work before it); the
    consultants present where the model proves nothing."""
    present = _present(problem, day)
    if len(early) <= 1:
        return present
    graph = job_graph(problem)
    keep = set(early).union(*(nx.ancestors(graph, i) for i in early))
    if len(keep) > _MOST_MODELLED:
        return present  # a model too big for its moment
    sub, olds = sub_problem(problem, keep)
    sm = build_model(sub, day + _SPAN, None)
    m = sm.model
    on = []
    for k, i in enumerate(olds):
        if i in early:
            b = m.new_bool_var(f"first[{i}]")
            m.add(sm.starts[k] == day).only_enforce_if(b)
            on.append(b)
    m.maximize(sum(on))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 20261201
    solver.parameters.max_deterministic_time = _FIRST_DAY_DET
    if solver.solve(m) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return present  # no plan of them within the span: nothing proven
    # the proven bound: no plan runs more of them on that day
    return min(present, int(solver.best_objective_bound + 1e-6))


def _leads_to(problem: Problem, relaxed: dict[int, Placement], i: int, end: int,
              order: dict[int, int]) -> int:
    """The earliest finish of any plan in which step ``i`` ends on ``end`` (exclusive) or
    later: its descendants as early as their finish-to-start predecessors (the others at
    their critical-path days) and calendars allow, no consultant counted (lags and other
    links left out: only sooner)."""
    graph = job_graph(problem)
    ends = {i: end}
    finish = end
    for j in sorted(nx.descendants(graph, i), key=order.__getitem__):
        job = problem.jobs[j]
        ready = max([relaxed[j].start, *(ends.get(k, relaxed[k].end) for k in fs_preds(problem, j)
                                          if k in relaxed)])
        cal = problem.cal(job)
        if job.is_milestone:  # on a day of its calendar (a pin is snapped to one)
            ends[j] = ready if job.pin is not None else cal.next_ok(ready)
        else:
            ends[j] = job.end_after(cal, cal.next_ok(ready), job.fastest_days)
        finish = max(finish, ends[j])
    return finish
