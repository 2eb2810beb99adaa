"""Where the pause solver finds nothing in its time, the plan still uses the pause budget.

2,000 servers with one consultant (16 years until the judged hubs leave) gave a pause model
of 5,800 days that CP-SAT could not solve in its deterministic time: the plan kept no pause at
all and 902 blocked days that the yearly budgets avoid. The planner now falls back to its own
heuristic pauses where they keep every pause rule.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.core.scheduler import pauses
from planner.core.scheduler.floors import cutovers
from planner.core.scheduler.greedy import serial_plan
from planner.core.scheduler.pause_rules import keeps_pause_rules
from planner.core.scheduler.priority import chains_first
from planner.core.scheduler.problem import Problem
from tests.core.scheduler.builders import synthetic_problem


@pytest.fixture(scope="module")
def problem() -> Problem:
    return synthetic_problem(30, 1)


def _days(blocks: tuple[tuple[int, int], ...]) -> set[int]:
    return {a + n for a, days in blocks for n in range(days)}


def test_a_solver_out_of_time_keeps_the_heuristic_pauses(
        problem: Problem, monkeypatch: pytest.MonkeyPatch) -> None:
    cuts = cutovers(problem, serial_plan(problem, order=chains_first(problem)))
    solved = pauses.best_pauses(problem, cuts)
    bare = pauses.best_pauses(problem, cuts, fixed=())
    assert solved.pause_days > 0 and solved.blocked < bare.blocked  # pauses matter here
    monkeypatch.setattr(pauses, "_lexicographic", lambda *args: None)  # the solver's time out
    fallback = pauses.best_pauses(problem, cuts)
    assert fallback.pause_days > 0 and fallback.blocked < bare.blocked
    assert keeps_pause_rules(problem, _days(fallback.pauses))
    assert not fallback.proven and fallback.lower is not None
    assert fallback.key >= solved.key  # the solver's pauses are never beaten by its start


def test_pause_rules_checked_as_the_model_states_them(problem: Problem) -> None:
    w = problem.pause_from
    monday = next(d for d in range(w, w + 14)
                  if problem.calendar.is_working_day(problem.day(d))
                  and problem.day(d).weekday() == 0)
    assert keeps_pause_rules(problem, set())
    assert keeps_pause_rules(problem, set(range(monday, monday + 30)))
    assert not keeps_pause_rules(problem, set(range(monday - 2, monday + 30)))  # a Saturday
    assert not keeps_pause_rules(problem, set(range(monday, monday + problem.pause_longest + 1)))
    # more requests than allowed: every other working day a block of one
    ones = {monday + 7 * k for k in range(problem.pause_count + 1)}
    assert not keeps_pause_rules(problem, ones)
    spent = replace(problem, pause_used={problem.day(monday).year: problem.pause_max})
    assert not keeps_pause_rules(spent, {monday})


@pytest.mark.parametrize(("size", "variant", "shift"), [
    (8, "hubs-2016", 0), (30, "hubs-2016-late", 600), (30, "hubs-2016-late", 1000),
    (30, "hubs-2016", 60)])
def test_stages_the_heuristic_pauses_already_win_give_the_same_pauses(
        monkeypatch: pytest.MonkeyPatch, size: int, variant: str, shift: int) -> None:
    """Blocked days the budgets' arithmetic proves and no throttled days, reached by the
    heuristic pauses, are not solved again (800 servers, one consultant: 1.4 of the pause
    optimiser's 3 s went to proving what the arithmetic had): the answer is the same."""
    problem = synthetic_problem(size, 1, variant)
    cuts = {name: day + shift for name, day in
            cutovers(problem, serial_plan(problem, order=chains_first(problem))).items()}
    clocks = pauses._clocks(problem, cuts)
    start = pauses._pause_model(problem, clocks)[4]
    won = pauses._reached(problem, clocks, start, pauses._least_blocked(problem, clocks))[0]
    assert won or shift == 60  # the last case solves every stage
    quick = pauses.best_pauses(problem, cuts)
    monkeypatch.setattr(pauses, "_reached", lambda *args: ([], []))
    solved = pauses.best_pauses(problem, cuts)
    assert (quick.key, quick.proven, quick.floor) == (solved.key, solved.proven, solved.floor)
