"""The rules every pause obeys, shared by the full model and the pause optimiser.

A pause is a block of whole days that the customer's Exchange Online administrator requests
with one command, so it starts on a working day of the customer's calendar (no weekend or
holiday, and no change freeze unless the freeze leaves pauses: ``calendar.freeze_leaves``).
The plan uses at most ``EnforcementPolicy.pauses_allowed`` blocks
(one when the budget cannot be split), no block is longer than one request may ask for,
and per calendar year the paused days plus the days already used stay within the yearly
budget. The days a pause may cover run from the problem's first counted day
(``Problem.pause_from``, before the plan start when the as-of date is): a list of paused days
holds day index ``problem.pause_from + i`` at position ``i``.
"""

from __future__ import annotations

from datetime import date

from ortools.sat.python import cp_model

from planner.core.scheduler.problem import Problem

__all__ = ["add_pause_rules", "keeps_pause_rules", "pause_start_days"]


def pause_start_days(problem: Problem, horizon: int) -> list[bool]:
    """Per day index from the first counted day up to ``horizon`` (exclusive) whether a
    pause may begin on it (a working day of the organisation); position 0 is
    ``problem.pause_from``."""
    return [problem.may_request_pause(d) for d in range(problem.pause_from, horizon)]


def add_pause_rules(m: cp_model.CpModel, paused: list[cp_model.IntVar],
                    problem: Problem) -> None:
    """Blocks begin on working days, at most ``problem.pause_count`` of them, within budget."""
    h, first = len(paused), problem.pause_from
    starts = pause_start_days(problem, first + h)
    begins: list[cp_model.LinearExprT] = [paused[0]]
    for d in range(1, h):  # count the days a block begins
        b = m.new_bool_var(f"P{d}.begin")
        m.add(b >= paused[d] - paused[d - 1])
        begins.append(b)
    for d, ok in enumerate(starts):
        if not ok:  # no request on a weekend, holiday or freeze day: no block begins here
            m.add(paused[d] <= (paused[d - 1] if d else 0))
    m.add(sum(begins) <= problem.pause_count)
    _longest_block(m, paused, problem.pause_longest)
    for year in range(problem.day(first).year, problem.day(first + h).year + 1):
        a = max(0, problem.index(date(year, 1, 1)) - first)
        b_ = min(h, problem.index(date(year + 1, 1, 1)) - first)
        if b_ > a:
            m.add(sum(paused[a:b_]) <= max(0, problem.pause_max
                                            - problem.pause_used.get(year, 0)))


def _longest_block(m: cp_model.CpModel, paused: list[cp_model.IntVar], longest: int) -> None:
    """No run of paused days longer than ``longest``: a block over New Year fits both years'
    budgets and would still be more than one request may ask for."""
    if longest >= len(paused):
        return
    run_before: cp_model.IntVar | None = None
    for d, p in enumerate(paused):
        run = m.new_int_var(0, longest, f"P{d}.run")  # at least the paused days up to d
        if run_before is None:
            m.add(run >= p)
        else:
            m.add(run >= run_before + 1 - (longest + 1) * (1 - p))
        run_before = run


def keeps_pause_rules(problem: Problem, days: set[int]) -> bool:
    """Whether these paused day indices keep the rules :func:`add_pause_rules` states: each
    block begins on a working day and is no longer than one request, at most
    ``problem.pause_count`` blocks, every year within its budget."""
    if not days:
        return True
    if min(days) < problem.pause_from:
        return False
    ordered = sorted(days)
    blocks: list[list[int]] = []
    for d in ordered:
        if blocks and blocks[-1][1] == d:
            blocks[-1][1] = d + 1
        else:
            blocks.append([d, d + 1])
    if len(blocks) > problem.pause_count:
        return False
    for a, b in blocks:
        if b - a > problem.pause_longest or not problem.may_request_pause(a):
            return False
    per_year: dict[int, int] = {}
    for d in ordered:
        year = problem.day(d).year
        per_year[year] = per_year.get(year, 0) + 1
    return all(n + problem.pause_used.get(year, 0) <= problem.pause_max
               for year, n in per_year.items())
