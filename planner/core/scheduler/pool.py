"""Interchangeable consultants: one team in the model, names given to the solver's plan after.

Consultants who work the same days a week and are away on the same days are a team: who of
them does a step changes no date and no objective, yet a model with one optional interval
per step and consultant makes the solver try every permutation of them. Measured
(2026-12-06) on 60 servers, 245 steps: with 20 consultants (two teams: four and five days a
week) the per-consultant model found no plan in 15 CPU seconds, with 50 none either; with
one optional interval per step and team, and each team's combined capacity (see
:mod:`.model`), both are proven optimal in about 3-4 seconds.

A team's capacity is a relaxation (it counts how many of them are busy, not who), so what it
proves holds for the real problem; a plan from it becomes a real one when :func:`assign`
finds each step a member of its team free on every day it holds one, set-up and completion
alike. Steps are named in the order they start, each to the first member free: for steps
that hold their consultant throughout this never fails where the team's count fits
(intervals on a line colour greedily); where an unattended step's set-up and completion or
half days leave no one free on all its days, :func:`assign` says so and the caller keeps the
plan it had.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.core.scheduler.board import new_board
from planner.core.scheduler.problem import Problem

__all__ = ["assign", "teams"]


def teams(problem: Problem) -> list[tuple[int, ...]]:
    """The consultants' indices grouped by what tells them apart for the plan: the days each
    step takes them and the days they are away. In the order of their first member; the
    first member stands for the team in the model.

    Five consultants, two of them on four days a week: ``[(0, 3), (1, 2, 4)]``.
    """
    used = [j for j in problem.jobs if j.uses_consultant]
    groups: dict[tuple[object, ...], list[int]] = {}
    for k in range(len(problem.consultants)):
        key = (tuple(j.days_by_consultant[k] for j in used), tuple(sorted(problem.absences[k])))
        groups.setdefault(key, []).append(k)
    return sorted(tuple(g) for g in groups.values())


def assign(problem: Problem, starts: Sequence[int], ends: Sequence[int],
           picked: Sequence[int], grouped: Sequence[tuple[int, ...]]) -> list[int] | None:
    """Per job a consultant (-1 for a job that needs none) for these dates, a member of the
    team whose first member ``picked`` names, or None when some step finds no member free on
    all the days it holds one."""
    board = new_board(problem)
    members = {team[0]: team for team in grouped}
    out = [-1] * len(problem.jobs)
    for i in sorted(range(len(problem.jobs)), key=lambda n: (starts[n], ends[n], n)):
        job = problem.jobs[i]
        if not job.uses_consultant or ends[i] <= starts[i] or picked[i] < 0:
            continue
        free = next((k for k in members[picked[i]]
                     if board.clash(job, k, starts[i], ends[i]) is None), None)
        if free is None:
            return None
        out[i] = free
        board.book(job, starts[i], ends[i], free)
    return out
