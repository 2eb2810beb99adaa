"""The best pauses for given cutover days, and the exposure they leave.

Blocked, throttled and pause days depend on the plan only through each judged server's
cutover day, and they can only grow when a cutover moves later. So the best pauses for the
earliest cutovers any plan can reach (the critical path, no resource limits) bound every
plan from below, and a plan whose own best pauses reach that bound is proven optimal in
these three objectives. With the cutovers fixed the model has only the pauses left: a few
integer variables, solved exactly by one deterministic CP-SAT worker in milliseconds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from planner.core.scheduler.model import MAX_PAUSES, overlap_days
from planner.core.scheduler.problem import Problem

__all__ = ["Exposure3", "best_pauses"]


@dataclass(frozen=True)
class Exposure3:
    """Blocked, throttled and pause days of a plan with its best pauses (start, days)."""

    blocked: int
    throttled: int
    pause_days: int
    pauses: tuple[tuple[int, int], ...] = field(default=())
    proven: bool = True

    @property
    def key(self) -> tuple[int, int, int]:
        """The three objectives in their lexicographic order."""
        return self.blocked, self.throttled, self.pause_days


Clock = tuple[int, int, int]  # clock start index (>= 0), exclusive cutover, days counted before


def _clocks(problem: Problem, cutovers: Mapping[str, int]) -> Counter[Clock]:
    """Judged servers that could reach throttling before their cutover, grouped by clock."""
    clocks: Counter[Clock] = Counter()
    for judged in problem.judged:
        cut = cutovers.get(judged.name)
        if cut is None:
            continue
        a, e0 = max(0, judged.detected), max(0, -judged.detected)
        if cut > a and e0 + cut - a > problem.throttle_day:
            clocks[(a, cut, e0)] += 1
    return clocks


def _score(problem: Problem, clock: Clock, paused: int) -> tuple[int, int]:
    """Blocked and throttled days of one clock with ``paused`` pause days inside it."""
    a, cut, e0 = clock
    counted = max(0, cut - a - paused) + e0
    blocked = max(0, counted - max(e0, problem.block_day))
    throttled = max(0, min(counted, max(e0, problem.block_day)) - max(e0, problem.throttle_day))
    return blocked, throttled


def _fixed(problem: Problem, clocks: Counter[Clock],
           fixed: tuple[tuple[date, int], ...]) -> Exposure3:
    spans = [(max(0, problem.index(d)), problem.index(d) + n) for d, n in sorted(fixed)]
    spans = [(a, b) for a, b in spans if b > a]
    blocked = throttled = 0
    for clock, n in sorted(clocks.items()):
        a, cut, _ = clock
        paused = sum(max(0, min(b, cut) - max(s, a)) for s, b in spans)
        b_days, t_days = _score(problem, clock, paused)
        blocked, throttled = blocked + n * b_days, throttled + n * t_days
    return Exposure3(blocked, throttled, sum(b - a for a, b in spans),
                     tuple((a, b - a) for a, b in spans))


def best_pauses(problem: Problem, cutovers: Mapping[str, int],
                fixed: tuple[tuple[date, int], ...] | None = None) -> Exposure3:
    """The fewest blocked, then throttled, then pause days for these cutovers, earliest pauses."""
    clocks = _clocks(problem, cutovers)
    if fixed is not None:
        return _fixed(problem, clocks, fixed)
    if not clocks or problem.pause_max <= 0:
        return _fixed(problem, clocks, ())
    m = cp_model.CpModel()
    h = max(cut for _, cut, _ in clocks)
    longest = problem.pause_max
    spans: list[tuple[cp_model.IntVar, cp_model.IntVar, cp_model.IntVar]] = []
    for n in range(MAX_PAUSES):
        s, size = m.new_int_var(0, h, f"p{n}.s"), m.new_int_var(0, longest, f"p{n}.n")
        e = m.new_int_var(0, h + longest, f"p{n}.e")
        m.add(e == s + size)
        if spans:
            m.add(s >= spans[-1][2])
        spans.append((s, size, e))
    _budget(m, problem, spans, h + longest)
    blocked, throttled = [], []
    big = h + longest + 1
    for c, (clock, mult) in enumerate(sorted(clocks.items())):
        a, cut, e0 = clock
        paused = sum(overlap_days(m, s, e, a, cut, big, f"c{c}.{n}")
                     for n, (s, _, e) in enumerate(spans))
        counted = m.new_int_var(0, big + e0, f"n{c}")
        m.add_max_equality(counted, [e0, cut - a - paused + e0])
        b = m.new_int_var(0, big + e0, f"b{c}")
        m.add_max_equality(b, [0, counted - max(e0, problem.block_day)])
        reach = m.new_int_var(0, big + e0, f"r{c}")
        m.add_min_equality(reach, [counted, max(e0, problem.block_day)])
        t = m.new_int_var(0, big + e0, f"t{c}")
        m.add_max_equality(t, [0, reach - max(e0, problem.throttle_day)])
        blocked.append(mult * b)
        throttled.append(mult * t)
    total = sum(size for _, size, _ in spans)
    w_pause = MAX_PAUSES * (h + 1) + 1  # the pause starts only break ties
    w_throttle = w_pause * (MAX_PAUSES * longest + 1)
    w_block = w_throttle * (sum(clocks.values()) * big + 1)
    m.minimize(w_block * sum(blocked) + w_throttle * sum(throttled) + w_pause * total
               + sum(s for s, _, _ in spans))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # one worker: the same answer on every run
    solver.parameters.random_seed = 20261201
    solver.parameters.max_deterministic_time = 20.0
    status = solver.solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _fixed(problem, clocks, ())
    pauses = tuple((solver.value(s), solver.value(n)) for s, n, _ in spans if solver.value(n))
    return Exposure3(round(solver.value(sum(blocked))), round(solver.value(sum(throttled))),
                     solver.value(total), pauses, status == cp_model.OPTIMAL)


def _budget(m: cp_model.CpModel, problem: Problem,
            spans: list[tuple[cp_model.IntVar, cp_model.IntVar, cp_model.IntVar]],
            h: int) -> None:
    """Per calendar year the pause days plus those already used stay within the allowance."""
    last = problem.day(h)
    for year in range(problem.start.year, last.year + 1):
        a = max(0, problem.index(date(year, 1, 1)))
        b = problem.index(date(year + 1, 1, 1))
        left = max(0, problem.pause_max - problem.pause_used.get(year, 0))
        m.add(sum(overlap_days(m, s, e, a, b, h, f"y{year}.{n}")
                  for n, (s, _, e) in enumerate(spans)) <= left)
