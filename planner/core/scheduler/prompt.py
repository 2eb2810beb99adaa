"""Checks right after the work they check: the last touch on a finished plan.

The objectives say nothing about a HealthChecker run after an upgrade or a DAG's database
rebalancing: they hold up nothing, so a plan may put them anywhere after their work, and
one consultant busy elsewhere left a check five weeks after its upgrade (a consultant reads
that as a plan nobody thought through). Here each such step is asked for the day its work
ends and the plan is laid out again in that order, every step as early as it can
(:func:`.greedy.left_shift`); the new plan is kept only when it is valid and no server
leaves Exchange Online's view later and the plan ends no later, so every objective and
its proof stand.
"""

from __future__ import annotations

from planner.core.scheduler.floors import cutovers, plan_finish
from planner.core.scheduler.greedy import Placement, left_shift
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.validate import violations

__all__ = ["PROMPT_KINDS", "prompt_follow_ups"]

# Step kinds that follow their work at once when they can: checks and clean-ups of it.
PROMPT_KINDS = frozenset({"health_check", "db_rebalance"})
_MOST_JOBS = 5_000  # beyond (2,000 servers) not tried: 0.6 s of a whole plan's 30 s budget
_ONE_BY_ONE = 400  # jobs up to which a follow-up that cannot go along is tried alone
_OTHERS = 3  # other consultants tried for it (the first by number: the same every run)
_TRIES = 60  # layouts at the most (each a left shift of the whole plan)


def prompt_follow_ups(problem: Problem, placed: dict[int, Placement]) -> dict[int, Placement]:
    """The plan with its follow-up steps as soon after their work as the others allow."""
    follow = [j.index for j in problem.jobs
              if j.step.kind in PROMPT_KINDS and j.pin is None and j.index in placed]
    if not follow or len(placed) < len(problem.jobs) or len(problem.jobs) > _MOST_JOBS:
        return placed
    ends = {i: _work_ends(problem, placed, i) for i in follow}
    wanted = {i: day for i, day in ends.items() if day < placed[i].start}
    best = _tried(problem, placed, wanted, ends)
    if best is not None or len(problem.jobs) > _ONE_BY_ONE:
        return best or placed
    tries = _TRIES
    for i, day in sorted(wanted.items(), key=lambda kv: (kv[1], kv[0])):  # one at a time,
        # its own consultant first, then another one who is free sooner
        for k in _consultants(problem, placed, i)[:_OTHERS + 1]:
            tries -= 1
            found = _tried(problem, placed, {i: day}, ends, (i, k))
            if found is not None:
                placed = found
                break
            if tries <= 0:
                return placed
    return placed


def _consultants(problem: Problem, placed: dict[int, Placement], i: int) -> list[int]:
    """Who may do step ``i``: its consultant first, then the others (a customer's step: -1)."""
    own = placed[i].consultant
    if own < 0 or not problem.jobs[i].uses_consultant:
        return [own]
    return [own, *(k for k in range(len(problem.consultants)) if k != own)]


def _work_ends(problem: Problem, placed: dict[int, Placement], i: int) -> int:
    """The day the work before step ``i`` ends (its latest predecessor's end)."""
    ends = [placed[k].end for dep in problem.jobs[i].step.predecessors
            if (k := problem.by_id.get(dep.step_id)) is not None and k in placed]
    return max(ends, default=placed[i].start)


def _tried(problem: Problem, placed: dict[int, Placement], wanted: dict[int, int],
           ends: dict[int, int], by: tuple[int, int] | None = None,
           ) -> dict[int, Placement] | None:
    """The plan laid out again with these steps asked for earlier (``by``: one of them with
    another consultant), or None where that is invalid, moves a cutover or the finish
    later, or does not bring the follow-ups (``ends``: theirs, with the day their work
    ends) closer to their work in sum (one pulled forward may push others back)."""
    if not wanted:
        return None
    starts = [wanted.get(i, placed[i].start) for i in range(len(problem.jobs))]
    consultants = [placed[i].consultant for i in range(len(problem.jobs))]
    if by is not None:
        consultants[by[0]] = by[1]
    again = left_shift(problem, starts, consultants)
    if again == placed or violations(problem, again) \
            or plan_finish(again) > plan_finish(placed):
        return None
    before, after = cutovers(problem, placed), cutovers(problem, again)
    if any(after.get(name, day + 1) > day for name, day in before.items()):
        return None
    if sum(again[i].start - e for i, e in ends.items()) >= \
            sum(placed[i].start - e for i, e in ends.items()):
        return None
    return again
