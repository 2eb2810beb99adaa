"""The best pauses for given cutover days, and the exposure they leave.

Blocked, throttled and pause days depend on the plan only through each judged server's
cutover day, and they can only grow when a cutover moves later. So the best pauses for the
earliest cutovers any plan can reach (the critical path, no resource limits) bound every
plan from below, and a plan whose own best pauses reach that bound is proven optimal in
these three objectives. With the cutovers fixed only the pauses are left: one 0/1 per day,
and every server's counted days are linear in them, so one deterministic CP-SAT worker
proves the optimum in milliseconds (an earlier form with pause intervals and max/min
overlaps took over a minute once blocked days were unavoidable). Days are counted from the
problem's first counted day (``Problem.pause_from``: the as-of date's when it lies before the
plan start), and the list of paused days starts there.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ortools.sat.python import cp_model

from planner.core.scheduler.pause_heuristics import filled_pauses, longest_pauses
from planner.core.scheduler.pause_rules import add_pause_rules, keeps_pause_rules
from planner.core.scheduler.problem import Problem

__all__ = ["Exposure3", "best_pauses", "most_paused"]


@dataclass(frozen=True)
class Exposure3:
    """Blocked, throttled and pause days of a plan with its best pauses (start, days)."""

    blocked: int
    throttled: int
    pause_days: int
    pauses: tuple[tuple[int, int], ...] = field(default=())
    proven: bool = True
    # proven lower bounds, lexicographically: no pauses for these cutovers do better; a
    # stage the solver did not prove has its proven bound, and the stages after it 0
    lower: tuple[int, int, int] | None = None

    @property
    def key(self) -> tuple[int, int, int]:
        """The three objectives in their lexicographic order."""
        return self.blocked, self.throttled, self.pause_days

    @property
    def floor(self) -> tuple[int, int, int]:
        """What no pauses for these cutovers beat (the key itself when proven)."""
        return self.key if self.lower is None else self.lower


# deterministic time per stage: a plan over years has a pause variable per day; past this
# it keeps the best found (and only the solver's proven bound counts as a floor)
PAUSE_DET = 0.5
# the last stage (the earliest pauses among equals) only breaks ties: a fifth of that, and a
# stage that finds nothing better keeps the days the third stage chose
TIE_DET = 0.1

# clock start index (>= the first counted day), exclusive cutover, days counted before,
# counted days to throttling and to blocking (the server's own timeline)
Clock = tuple[int, int, int, int, int]


def _clocks(problem: Problem, cutovers: Mapping[str, int]) -> Counter[Clock]:
    """Judged servers that could reach throttling before their cutover, grouped by clock."""
    clocks: Counter[Clock] = Counter()
    for judged in problem.judged:
        cut = cutovers.get(judged.name)
        if cut is None:
            continue
        first = problem.pause_from
        a, e0 = max(first, judged.detected), max(0, first - judged.detected)
        if cut > a and e0 + cut - a > judged.throttle_day:
            clocks[(a, cut, e0, judged.throttle_day, judged.block_day)] += 1
    return clocks


def _regions(problem: Problem, clock: Clock) -> tuple[int, int]:
    """First day indices of throttling and blocking when pauses do not stop the clock."""
    a, _, e0, throttle, block = clock
    return (a + max(0, throttle - e0), a + max(0, block - e0))


def _score(problem: Problem, clock: Clock, paused: set[int]) -> tuple[int, int]:
    """Blocked and throttled days of one clock with these paused day indices."""
    a, cut, e0, throttle, block = clock
    if not problem.clock_frozen:  # the clock runs on; a paused day only escapes its stage
        ts, bs = _regions(problem, clock)
        blocked = sum(1 for d in range(bs, cut) if d not in paused)
        return blocked, sum(1 for d in range(ts, min(bs, cut)) if d not in paused)
    counted = max(0, cut - a - sum(1 for d in paused if a <= d < cut)) + e0
    blocked = max(0, counted - max(e0, block))
    throttled = max(0, min(counted, max(e0, block)) - max(e0, throttle))
    return blocked, throttled


def _fixed(problem: Problem, clocks: Counter[Clock],
           fixed: tuple[tuple[date, int], ...]) -> Exposure3:
    # a pause already running on the as-of date keeps its real days (its budget, its dates);
    # only the days from the first counted day on are scored
    spans = [(problem.index(d), problem.index(d) + n) for d, n in sorted(fixed) if n > 0]
    days = {d for a, b in spans for d in range(max(problem.pause_from, a), b)}
    blocked = throttled = 0
    for clock, n in sorted(clocks.items()):
        b_days, t_days = _score(problem, clock, days)
        blocked, throttled = blocked + n * b_days, throttled + n * t_days
    return Exposure3(blocked, throttled, sum(b - a for a, b in spans),
                     tuple((a, b - a) for a, b in spans))


def _open_clock(problem: Problem, clock: Clock,
                paused: list[cp_model.IntVar]) -> tuple[cp_model.LinearExprT, ...]:
    """Blocked and throttled days when pauses do not stop the clock (exact, linear)."""
    ts, bs = _regions(problem, clock)
    cut, first = clock[1], problem.pause_from  # paused[i] is day first + i
    blocked = max(0, cut - bs) - sum(paused[bs - first:cut - first])
    throttled = max(0, min(bs, cut) - ts) - sum(paused[ts - first:min(bs, cut) - first])
    return blocked, throttled


def _pause_model(problem: Problem, clocks: Counter[Clock],
                 ) -> tuple[cp_model.CpModel, list[cp_model.IntVar],
                            list[cp_model.LinearExprT], list[cp_model.LinearExprT], set[int]]:
    """The pause model for these clocks: a variable per day, the pause rules, each clock's
    blocked and throttled days (times its count), and a hint of the heuristic pauses (the
    last value: their paused day indices)."""
    m = cp_model.CpModel()
    h, w = max(clock[1] for clock in clocks), problem.pause_from
    paused = [m.new_bool_var(f"P{d}") for d in range(w, h)]  # paused[i]: day w + i
    first = min(clock[0] for clock in clocks)
    filled = min((filled_pauses(problem, h, first), longest_pauses(problem, h, first)),
                 key=lambda days: _total(problem, clocks, days))
    add_pause_rules(m, paused, problem)
    for d, x in zip(range(w, h), paused, strict=True):
        m.add_hint(x, d in filled)
    blocked, throttled = [], []
    for c, (clock, mult) in enumerate(sorted(clocks.items())):
        a, cut, e0, throttle, block = clock
        if not problem.clock_frozen:
            b_open, t_open = _open_clock(problem, clock, paused)
            blocked.append(mult * b_open)
            throttled.append(mult * t_open)
            continue
        counted = cut - a + e0 - sum(paused[a - w:cut - w])  # linear: the cutover is known
        b = m.new_int_var(0, cut - a + e0, f"b{c}")
        m.add(b >= counted - max(e0, block))
        t = m.new_int_var(0, max(0, max(e0, block) - max(e0, throttle)),
                          f"t{c}")
        m.add(t >= counted - max(e0, throttle) - b)
        blocked.append(mult * b)
        throttled.append(mult * t)
    return m, paused, blocked, throttled, filled


def fewest_pauses(problem: Problem, cutovers: Mapping[str, int],
                  caps: tuple[int, int]) -> int:
    """A floor of the pause days of every plan that cuts each server over no sooner than
    ``cutovers`` with at most ``caps`` blocked and throttled days: the fewest that keep
    these cutovers within the caps (a later cutover counts more days; the same pauses cut
    at the sooner one keep the rules and count no more days), or its proven bound; 0
    when nothing is proven."""
    clocks = _clocks(problem, cutovers)
    if not clocks or problem.pause_max <= 0:
        return 0
    m, paused, blocked, throttled, _ = _pause_model(problem, clocks)
    m.add(sum(blocked) <= caps[0])
    m.add(sum(throttled) <= caps[1])
    m.minimize(sum(paused))
    solver = _solver()
    status = solver.solve(m)
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value)
    if status == cp_model.FEASIBLE:
        return max(0, math.ceil(solver.best_objective_bound - 1e-6))
    return 0


def best_pauses(problem: Problem, cutovers: Mapping[str, int],
                fixed: tuple[tuple[date, int], ...] | None = None) -> Exposure3:
    """The fewest blocked, then throttled, then pause days for these cutovers, earliest pauses."""
    clocks = _clocks(problem, cutovers)
    if fixed is not None:
        return _fixed(problem, clocks, fixed)
    if not clocks or problem.pause_max <= 0:
        return _fixed(problem, clocks, ())
    m, paused, blocked, throttled, start = _pause_model(problem, clocks)
    w = problem.pause_from
    stages = [sum(blocked), sum(throttled), sum(paused),
              sum(d * x for d, x in enumerate(paused))]  # the last: earliest pauses
    least = _least_blocked(problem, clocks)
    solved = _lexicographic(m, stages, paused, _reached(problem, clocks, start, least))
    if solved is None:
        return _unsolved(problem, clocks, least)
    values, positions, bounds = solved
    days = [w + i for i in positions]
    bounds[0] = max(bounds[0], least)
    lower, known = [], True
    for value, bound in zip(values[:3], bounds[:3], strict=True):
        # lexicographic: a stage's bound holds among the plans that reach the earlier
        # stages' optima, so after a stage not proven nothing is known
        lower.append(min(value, bound) if known else 0)
        known = known and bound >= value
    proven = lower == values[:3]
    return Exposure3(values[0], values[1], values[2], _blocks(days), proven,
                     None if proven else (lower[0], lower[1], lower[2]))


def _unsolved(problem: Problem, clocks: Counter[Clock], least: int) -> Exposure3:
    """Where the solver found no pauses in its time (a model of decades: 2,000 servers and
    one consultant kept no pause at all and 902 avoidable blocked days): the better of no
    pauses and the heuristic pauses it started from, where they keep the rules. Proven only
    without pauses, when the budgets' floor reaches its blocked days and it has no throttled
    days (pauses might have spared some: no floor for them is known)."""
    h = max(clock[1] for clock in clocks)
    first = min(clock[0] for clock in clocks)
    best = _fixed(problem, clocks, ())
    for days in (filled_pauses(problem, h, first), longest_pauses(problem, h, first)):
        if not days or not keeps_pause_rules(problem, days):
            continue
        blocked, throttled, count = _total(problem, clocks, days)
        if (blocked, throttled, count) < best.key:
            best = Exposure3(blocked, throttled, count, _blocks(sorted(days)))
    proven = best.pause_days == 0 and best.blocked <= least and best.throttled == 0
    return replace(best, proven=proven, lower=None if proven else (least, 0, 0))


def most_paused(problem: Problem, lo: int, hi: int) -> int:
    """The most days any pauses can cover in [lo, hi): the yearly budgets left and the
    number of requests times the longest one (the weekday rule only lowers it)."""
    lo = max(problem.pause_from, lo)
    room, year = 0, problem.day(lo).year
    while lo < hi and problem.index(date(year, 1, 1)) < hi:
        a = max(lo, problem.index(date(year, 1, 1)))
        b = min(hi, problem.index(date(year + 1, 1, 1)))
        room += min(max(0, b - a), max(0, problem.pause_max - problem.pause_used.get(year, 0)))
        year += 1
    return min(room, problem.pause_count * problem.pause_longest)


def _least_blocked(problem: Problem, clocks: Counter[Clock]) -> int:
    """Blocked days no pauses avoid: each clock with the most days any pauses can cover in
    its counting window (a proven floor where the pause optimiser stops unproven)."""
    least = 0
    for clock, mult in clocks.items():
        a, cut, e0, _, block = clock
        if problem.clock_frozen:
            counted = cut - a + e0 - most_paused(problem, a, cut)
            least += mult * max(0, counted - max(e0, block))
        else:
            bs = _regions(problem, clock)[1]
            least += mult * max(0, cut - bs - most_paused(problem, bs, cut))
    return least


def _total(problem: Problem, clocks: Counter[Clock], days: set[int]) -> tuple[int, int, int]:
    """Blocked, throttled and pause days of these paused days."""
    blocked = throttled = 0
    for clock, mult in clocks.items():
        b, t = _score(problem, clock, days)
        blocked, throttled = blocked + mult * b, throttled + mult * t
    return blocked, throttled, len(days)


def _reached(problem: Problem, clocks: Counter[Clock], start: set[int],
             least: int) -> tuple[list[int], list[int]]:
    """The first stages the heuristic pauses ``start`` already win, proven by a floor: their
    blocked days where the budgets' arithmetic ``least`` proves no pauses do better, then
    no throttled days; and the positions of their paused days. Measured: 800 servers with
    one consultant spent 1.4 of its pause optimiser's 3 s proving the blocked days the
    arithmetic had proven (each stage presolves the whole model again)."""
    if not keeps_pause_rules(problem, start):
        return [], []
    blocked, throttled, _ = _total(problem, clocks, start)
    won = [blocked] if blocked <= least else []
    if won and throttled == 0:
        won.append(0)
    return won, [d - problem.pause_from for d in sorted(start)]


def _lexicographic(m: cp_model.CpModel, stages: Sequence[cp_model.LinearExprT],
                   paused: Sequence[cp_model.IntVar],
                   reached: tuple[list[int], list[int]] = ([], []),
                   ) -> tuple[list[int], list[int], list[int]] | None:
    """Minimise each expression in turn, keeping the earlier values: values, the positions of
    the paused days in ``paused`` and
    each stage's proven bound (given the earlier stages at their values). ``reached``: the
    proven optima of the first stages and the positions of a plan that reaches them (the
    hinted one), which need no solve.

    One worker with a fixed seed and a deterministic-time limit: the same answer every run.
    The last stage only breaks ties, so it need not be proven.
    """
    solver = _solver()
    values, chosen = list(reached[0]), list(reached[1])
    bounds = list(values)
    for expr, value in zip(stages, values, strict=False):
        m.add(expr <= value)
    for n, expr in enumerate(stages):
        if n < len(values):
            continue
        tie_break = n == len(stages) - 1
        solver.parameters.max_deterministic_time = TIE_DET if tie_break else PAUSE_DET
        m.minimize(expr)
        status = solver.solve(m)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if tie_break and n > 0:
                return values, chosen, bounds
            return None
        chosen = [d for d, x in enumerate(paused) if solver.value(x)]
        values.append(round(solver.objective_value))
        # the objective is integral, so its bound rounds up
        bounds.append(values[-1] if status == cp_model.OPTIMAL else
                      max(0, math.ceil(solver.best_objective_bound - 1e-6)))
        m.add(expr <= values[-1])
        m.clear_hints()  # type: ignore[no-untyped-call]
        for x in paused:
            m.add_hint(x, solver.value(x))
    return values, chosen, bounds


def _solver() -> cp_model.CpSolver:
    """One worker, a fixed seed and :data:`PAUSE_DET`: the same pauses every run."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 20261201
    solver.parameters.max_deterministic_time = PAUSE_DET
    return solver


def _blocks(days: list[int]) -> tuple[tuple[int, int], ...]:
    """Paused day indices as (start, days) blocks."""
    out: list[tuple[int, int]] = []
    for d in days:
        if out and out[-1][0] + out[-1][1] == d:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((d, 1))
    return tuple(out)
