"""Whether a few steps fit between two days: a small time-indexed model CP-SAT settles.

Used by :mod:`.deadlines` to prove that the steps which can neither start before day a nor
end after day b do not fit between them. The scheduler's own model (start and end
variables, optional intervals) is the wrong tool for that proof: on a week before Christmas
with 23 steps and two part-time consultants it ran ten deterministic seconds without an
answer, because its linear relaxation lets a two-day step of a four-day consultant take
a fraction of a day. Here every step picks one of its possible (team, start day) places,
a boolean each, and each team's days are counted day by day, so a part-time consultant's
last free day that no step fits is seen as lost: the same 26 steps are proven not to fit
in 0.08 s (and to fit with a week more in 0.03 s).

It is a relaxation of the plan's rules (a team counts its members busy, not who; only
finish-to-start links without a lag; freezes left out), so what it proves infeasible is.
"""

from __future__ import annotations

from collections.abc import Iterable

from ortools.sat.python import cp_model

from planner.core.scheduler.energetic import fs_preds
from planner.core.scheduler.pool import teams
from planner.core.scheduler.problem import UNITS, Problem, side_lists

__all__ = ["do_not_fit"]

_MOST_PLACES = 6_000  # booleans in a window's model at the most
_DET = 0.5  # deterministic time per window (proven or not)


def do_not_fit(problem: Problem, keep: Iterable[int], first: dict[int, int],
               last_end: dict[int, int]) -> bool:
    """True when CP-SAT proves that these steps cannot all be done with each starting no
    sooner than ``first`` and ending no later than ``last_end`` (exclusive; a milestone:
    its day), with the consultants, calendars, absences and DAG/server rules."""
    jobs = sorted(keep)
    groups = teams(problem)
    m = cp_model.CpModel()
    # per job its places: (boolean, start, end, team or -1)
    places: dict[int, list[tuple[cp_model.IntVar, int, int, int]]] = {}
    held: dict[tuple[int, int, int], list[tuple[cp_model.IntVar, int]]] = {}  # team, row, day
    busy: dict[tuple[str, int], list[cp_model.IntVar]] = {}  # DAG/server, day
    count = 0
    for i in jobs:
        job = problem.jobs[i]
        if job.pin is not None:
            return False  # kept where it is pinned by the caller's floors; keep it simple
        cal = problem.cal(job)
        whom = list(enumerate(groups)) if job.uses_consultant else [(-1, ())]
        mine: list[tuple[cp_model.IntVar, int, int, int]] = []
        for t, team in whom:
            days = job.days_by_consultant[team[0]] if team else job.base_days
            s = cal.next_ok(max(first.get(i, 0), job.not_before))
            while s <= last_end[i]:
                e = s if job.is_milestone else job.end_after(cal, s, days)
                if e > last_end[i] or (job.deadline is not None and e > job.deadline + 1):
                    break
                x = m.new_bool_var(f"x{i}.{t}.{s}")
                mine.append((x, s, e, t))
                count += 1
                if count > _MOST_PLACES:
                    return False
                if not job.is_milestone:
                    for r in job.step.resources:
                        for d in range(s, max(e, s + 1)):
                            busy.setdefault((r, d), []).append(x)
                    if team:
                        for a, b, units, side in job.sided_spans(cal, s, e, problem.apart):
                            for row in side_lists(side, problem.apart):
                                for d in range(a, b):
                                    held.setdefault((t, row, d), []).append((x, units))
                s = cal.next_ok(s + 1)
        if not mine:
            return True  # no day at all within its window
        m.add_exactly_one(x for x, _, _, _ in mine)
        places[i] = mine
    for (t, _, d), loads in held.items():
        present = sum(1 for k in groups[t] if not _absent(problem, k, d))
        m.add(sum(units * x for x, units in loads) <= UNITS * present)
    for xs in busy.values():
        if len(xs) > 1:
            m.add_at_most_one(xs)
    for i in jobs:  # a step starts no sooner than its predecessors among them end
        start = sum(s * x for x, s, _, _ in places[i])
        for p in fs_preds(problem, i):
            if p in places:
                m.add(start >= sum(e * x for x, _, e, _ in places[p]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 20261201
    solver.parameters.max_deterministic_time = _DET
    return bool(solver.solve(m) == cp_model.INFEASIBLE)


def _absent(problem: Problem, k: int, day: int) -> bool:
    return any(a <= day < b for a, b in problem.absences[k])
