"""The CP-SAT model: steps as intervals over calendar days, pauses as paused days.

* A step starts on a usable day of its calendar; its exclusive end comes from an element
  table (working days counted from that start), per consultant speed.
* Each step that needs a consultant picks exactly one; a consultant's steps and absences
  never overlap. Steps sharing an exclusive resource (a DAG, a server) never overlap.
* The tenant's enforcement is paused on chosen days, in blocks that begin on working days, at
  most the policy's number of them; per calendar year the paused days plus the days already
  used stay within the budget (``pause_rules``).
* A judged server's clock counts the non-paused days from its detection (or the plan start)
  to its cutover, day by day; blocked and throttled days follow from the stage thresholds.
  The day-indexed form is linear, so its LP bound is tight and optima are proven quickly
  (the earlier closed form with max/min over pause intervals took seconds to prove).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from planner.core.scheduler.days import DayCalendar
from planner.core.scheduler.pause_rules import add_pause_rules
from planner.core.scheduler.pool import teams
from planner.core.scheduler.problem import UNITS, Job, Problem, hold_pieces, side_lists
from planner.core.scheduler.workdays import add_workday_view

__all__ = ["ScheduleModel", "build_model", "hint_plan"]

IntVar = cp_model.IntVar


@dataclass
class ScheduleModel:
    """The model and the variables the solver and the explanations read back."""

    model: cp_model.CpModel
    horizon: int
    starts: list[IntVar] = field(default_factory=list)
    ends: list[IntVar] = field(default_factory=list)  # exclusive
    assigned: list[list[IntVar | None]] = field(default_factory=list)  # job -> consultant
    cutover: dict[str, IntVar] = field(default_factory=dict)  # judged server -> last day
    blocked: list[IntVar] = field(default_factory=list)
    throttled: list[IntVar] = field(default_factory=list)
    pause_total: IntVar | None = None
    finish: IntVar | None = None
    paused: list[IntVar] = field(default_factory=list)  # per day from pause_from: paused
    clocks: list[_Clock] = field(default_factory=list)
    # interchangeable consultants (:func:`.pool.teams`): a step picks a team, whose first
    # member's place in ``assigned`` stands for it; :func:`.pool.assign` names the member
    teams: list[tuple[int, ...]] = field(default_factory=list)

    @property
    def shared(self) -> bool:
        """True when some team has more than one member (the plan needs names after)."""
        return any(len(team) > 1 for team in self.teams)

    def team_of(self, consultant: int) -> int:
        """The first member of the consultant's team: where ``assigned`` holds its pick."""
        return next(team[0] for team in self.teams if consultant in team)


@dataclass(frozen=True)
class _Clock:
    """One judged server's day-indexed clock, kept so a known plan can be hinted in full."""

    name: str
    first: int  # the first day index of ``alive``
    counted_before: int
    alive: list[IntVar]
    counted: list[IntVar]
    blocked: IntVar
    throttled: IntVar


_STRADDLES = 5  # end-table value past the end variable's domain: that start is forbidden


def _end_table(cal: DayCalendar, h: int, days: int, job: Job) -> list[int]:
    """Exclusive end per start; a start whose work would straddle a freeze gets no end."""
    table = cal.end_table(h, days)
    if job.completes_in is not None:  # runs on to its window day
        table = [min(h + 1, job.end_after(cal, s, days)) if e <= h else e
                 for s, e in enumerate(table)]
    if cal.has_freezes:
        table = [h + _STRADDLES if e <= h and cal.freeze_end(s, e) is not None else e
                 for s, e in enumerate(table)]
    return table


def _job_vars(sm: ScheduleModel, problem: Problem) -> None:
    m, h = sm.model, sm.horizon
    tables: dict[tuple[object, int, bool], list[int]] = {}
    for job in problem.jobs:
        cal = problem.cal(job)
        ok = [s for s in range(h) if cal.ok(s)]
        if job.pin is not None:
            ok = [job.pin] if job.pin < h else [h - 1]
        ok = [s for s in ok if s >= job.not_before or job.pin is not None] or [h - 1]
        name = job.step.id
        start = m.new_int_var_from_domain(cp_model.Domain.from_values(ok), f"s[{name}]")
        end = m.new_int_var(0, h + 1, f"e[{name}]")
        sm.starts.append(start)
        sm.ends.append(end)
        row: list[IntVar | None] = [None] * len(problem.consultants)
        sm.assigned.append(row)
        if job.is_milestone:
            m.add(end == start)
            continue
        speeds = sorted(set(job.days_by_consultant)) if job.uses_consultant else [job.base_days]
        speed_end: dict[int, IntVar] = {}
        for days in speeds:
            key = (job.calendar_key, days, job.completes_in is not None)
            if key not in tables:
                tables[key] = _end_table(cal, h, days, job)
            var = m.new_int_var(0, h + _STRADDLES, f"e{days}[{name}]")
            m.add_element(start, tables[key], var)
            speed_end[days] = var
        if not job.uses_consultant:
            m.add(end == speed_end[job.base_days])
            continue
        for team in sm.teams:
            k = team[0]
            row[k] = m.new_bool_var(f"x[{name},{k}]")
            m.add(end == speed_end[job.days_by_consultant[k]]).only_enforce_if(row[k])
        m.add_exactly_one([x for x in row if x is not None])


def _lagged(sm: ScheduleModel, problem: Problem, job_index: int, anchor: IntVar,
            lag: int) -> IntVar | cp_model.LinearExprT:
    """``anchor`` moved by a lag of working days of the successor's site (leads: calendar)."""
    if lag <= 0:
        return anchor + lag
    cal = problem.lag_calendar(problem.jobs[job_index])
    h = sm.horizon
    table = [min(cal.shift(x, lag), h + 1) for x in range(h + 2)]
    shifted = sm.model.new_int_var(0, h + 1, f"lag{job_index}.{anchor.name}")
    sm.model.add_element(anchor, table, shifted)
    return shifted


def _links(sm: ScheduleModel, problem: Problem) -> None:
    m = sm.model
    for job in problem.jobs:
        s, e = sm.starts[job.index], sm.ends[job.index]
        for dep in job.step.predecessors:
            k = problem.by_id.get(dep.step_id)
            if k is None:
                continue
            kind = dep.type.upper()
            anchor = sm.starts[k] if kind in ("SS", "SF") else sm.ends[k]
            bound = _lagged(sm, problem, job.index, anchor, dep.lag_days)
            m.add((e if kind in ("FF", "SF") else s) >= bound)
        if job.deadline is not None:
            m.add(e <= job.deadline + 1 if not job.is_milestone else s <= job.deadline)


Span = tuple[cp_model.LinearExprT, cp_model.LinearExprT, cp_model.LinearExprT, int]


def _held(sm: ScheduleModel, problem: Problem, job: Job) -> list[Span]:
    """(start, size, end, units) of an unattended step's set-up and completion: the only
    days its consultant is held (the days in between run on their own)."""
    assert job.holds is not None
    h, cal = sm.horizon, problem.cal(job)
    s, e = sm.starts[job.index], sm.ends[job.index]
    setup, completion = job.holds
    out: list[Span] = []
    for i, j, units in hold_pieces(setup):  # counted from the start
        a = _table(sm, s, [min(h + 1, cal.end_after(x, i + 1) - 1) for x in range(h + 1)],
                   f"setup{i}[{job.step.id}]")
        b = _table(sm, s, [min(h + 1, cal.end_after(x, j)) for x in range(h + 1)],
                   f"setup{j}[{job.step.id}]")
        out.append((a, _size(sm, a, b, f"setup{i}", job), b, units))
    last = job.completes_in or cal  # the completion is worked on the days it falls on
    for i, j, units in hold_pieces(completion):  # counted back from the end
        a = _table(sm, e, [last.start_before(x, j) for x in range(h + 2)],
                   f"completion{j}[{job.step.id}]")
        b = _table(sm, e, [last.start_before(x, i + 1) + 1 for x in range(h + 2)],
                   f"completion{i}[{job.step.id}]")
        out.append((a, _size(sm, a, b, f"completion{i}", job), b, units))
    return out


def _table(sm: ScheduleModel, index: IntVar, table: list[int], name: str) -> IntVar:
    """``table[index]`` as a variable."""
    var = sm.model.new_int_var(min(table), max(table), name)
    sm.model.add_element(index, table, var)
    return var


def _size(sm: ScheduleModel, a: IntVar, b: IntVar, what: str, job: Job) -> IntVar:
    """An interval's size as a variable (CP-SAT wants sizes affine)."""
    size = sm.model.new_int_var(0, sm.horizon + 1, f"{what}.len[{job.step.id}]")
    sm.model.add(size == b - a)
    return size


def _intervals(sm: ScheduleModel, problem: Problem) -> None:
    m = sm.model
    # per consultant their weekdays and their window days, or one list for both when they
    # are the same days (problem.WEEKDAY); the pool likewise, over every consultant
    sides = 2 if problem.apart else 1
    per_consultant: list[list[list[tuple[cp_model.IntervalVar, int]]]] = [
        [[(m.new_fixed_size_interval_var(a, b - a, f"absent[{k},{a}]"), UNITS)
          for a, b in spans if b > a] for _ in range(sides)]
        for k, spans in enumerate(problem.absences)
    ]
    per_resource: dict[str, list[cp_model.IntervalVar]] = {}
    # redundant: all consultants as one pool, so the solver can reason about total workload
    # (with a single team, the same as its own capacity)
    pool = [[iv for ivs in per_consultant for iv in ivs[n]] for n in range(sides)]
    for job in problem.jobs:
        if job.is_milestone:
            continue
        s, e = sm.starts[job.index], sm.ends[job.index]
        size = m.new_int_var(1, sm.horizon + 1, f"len[{job.step.id}]")
        m.add(size == e - s)
        held = _held(sm, problem, job) if job.holds else [(s, size, e, UNITS)]
        on = job.sides(problem.apart)
        for r in job.step.resources:
            per_resource.setdefault(r, []).append(
                m.new_interval_var(s, size, e, f"r[{job.step.id},{r}]"))
        if not job.uses_consultant:
            continue
        for (a, n, b, u), side in zip(held, on, strict=True):
            iv = m.new_interval_var(a, n, b, f"pool[{job.step.id}]")
            for d in side_lists(side, problem.apart):
                pool[d].append((iv, u))
        for k, x in enumerate(sm.assigned[job.index]):
            if x is None:
                continue
            for (a, n, b, u), side in zip(held, on, strict=True):
                iv = m.new_optional_interval_var(a, n, b, x, f"c[{job.step.id},{k}]")
                for d in side_lists(side, problem.apart):
                    per_consultant[k][d].append((iv, u))
    for team in sm.teams:  # a team's absences are alike: each member's counts
        for d in range(sides):
            _capacity(m, [x for k in team for x in per_consultant[k][d]], UNITS * len(team))
    for intervals in per_resource.values():
        if len(intervals) > 1:
            m.add_no_overlap(intervals)
    for d in range(sides):
        if len(sm.teams) > 1 and len(pool[d]) > len(problem.consultants):
            m.add_cumulative([iv for iv, _ in pool[d]], [u for _, u in pool[d]],
                             UNITS * len(problem.consultants))


def _capacity(m: cp_model.CpModel, demands: list[tuple[cp_model.IntervalVar, int]],
              capacity: int) -> None:
    """One consultant's days: no overlap while every piece takes a whole day (the stronger
    propagation), else half days adding up to at most a day."""
    if len(demands) < 2:
        return
    if all(u >= capacity for _, u in demands):
        m.add_no_overlap([iv for iv, _ in demands])
    else:
        m.add_cumulative([iv for iv, _ in demands], [u for _, u in demands], capacity)


def _pause_days(sm: ScheduleModel, problem: Problem,
                fixed: tuple[tuple[date, int], ...] | None) -> list[IntVar]:
    """One 0/1 per day from the first counted day on: is the tenant's enforcement paused?
    (rules: ``pause_rules``; the list's position 0 is day ``problem.pause_from``)"""
    m, h, w = sm.model, sm.horizon + 1, problem.pause_from
    if fixed is not None:
        days = {d for day, n in fixed for d in range(problem.index(day),
                                                      problem.index(day) + n)}
        return [m.new_constant(int(d in days)) for d in range(w, h)]
    if problem.pause_max <= 0:
        return [m.new_constant(0) for _ in range(w, h)]
    paused = [m.new_bool_var(f"P{d}") for d in range(w, h)]
    add_pause_rules(m, paused, problem)
    return paused


def _exposure(sm: ScheduleModel, problem: Problem, paused: list[IntVar]) -> None:
    """Per judged server the counted days up to its cutover, and its throttled/blocked days.

    Day-indexed and linear: ``alive[d]`` says the clock still runs on day d (monotone), a
    counted day is alive and not paused. Blocked and throttled days are bounded from below
    only; minimising them makes them exact, and the LP relaxation stays tight.
    """
    m, h, w = sm.model, sm.horizon + 1, problem.pause_from
    for judged in problem.judged:
        if not judged.exit_jobs:
            continue
        name = judged.name
        cut = m.new_int_var(-1, h, f"cut[{name}]")  # exclusive end of the clock
        m.add_min_equality(cut, [sm.ends[i] if not problem.jobs[i].is_milestone
                               else sm.starts[i] + 1 for i in judged.exit_jobs])
        sm.cutover[name] = cut
        a, e0 = max(w, judged.detected), max(0, w - judged.detected)
        if a >= h or e0 + h - a <= judged.throttle_day:
            continue  # cannot reach throttling within the horizon whatever the plan
        alive = [m.new_bool_var(f"alive[{name},{d}]") for d in range(a, h)]
        for x, y in zip(alive[1:], alive, strict=False):
            m.add_implication(x, y)
        clamped = m.new_int_var(a, h, f"cutc[{name}]")
        m.add_max_equality(clamped, [cut, a])
        m.add(clamped == a + sum(alive))
        counted = []
        for d, x in zip(range(a, h), alive, strict=True):
            c = m.new_bool_var(f"count[{name},{d}]")
            m.add(c >= x - paused[d - w])
            counted.append(c)
        total = sum(counted) + e0
        blocked = m.new_int_var(0, h + e0, f"b[{name}]")
        m.add(blocked >= total - max(e0, judged.block_day))
        throttled = m.new_int_var(0, h + e0, f"t[{name}]")
        m.add(throttled >= total - max(e0, judged.throttle_day) - blocked)
        m.add(throttled <= max(0, max(e0, judged.block_day) - max(e0, judged.throttle_day)))
        sm.blocked.append(blocked)
        sm.throttled.append(throttled)
        sm.clocks.append(_Clock(name, a, e0, alive, counted, blocked, throttled))


def build_model(problem: Problem, horizon: int,
                fixed_pauses: tuple[tuple[date, int], ...] | None) -> ScheduleModel:
    """Build the whole model; the objectives are set stage by stage by the solver."""
    sm = ScheduleModel(cp_model.CpModel(), horizon, teams=teams(problem))
    _job_vars(sm, problem)
    _links(sm, problem)
    _intervals(sm, problem)
    add_workday_view(sm.model, problem, horizon, sm.starts, sm.ends, sm.assigned, sm.teams)
    paused = _pause_days(sm, problem, fixed_pauses)
    sm.paused = paused
    _exposure(sm, problem, paused)
    m = sm.model
    sm.pause_total = m.new_int_var(0, horizon + 1 - problem.pause_from, "pause_total")
    m.add(sm.pause_total == sum(paused))
    sm.finish = m.new_int_var(0, horizon + 1, "finish")
    m.add_max_equality(sm.finish, list(sm.ends) or [m.new_constant(0)])
    return sm


def hint_plan(sm: ScheduleModel, problem: Problem, placed: dict[int, tuple[int, int, int]],
              pauses: tuple[tuple[int, int], ...]) -> None:
    """Hint a known plan in full (steps, consultants, pauses, clocks) so the solver starts
    from it at once instead of searching for its first solution."""
    m = sm.model
    for i, (s, e, k) in placed.items():
        m.add_hint(sm.starts[i], s)
        m.add_hint(sm.ends[i], e)
        team = sm.team_of(k) if k >= 0 else -1
        for j, x in enumerate(sm.assigned[i]):
            if x is not None:
                m.add_hint(x, j == team)
    off = {d for s, n in pauses for d in range(s, s + n)}
    for d, x in zip(range(problem.pause_from, sm.horizon + 1), sm.paused, strict=True):
        if x.name.startswith("P"):  # chosen days; fixed pauses are constants
            m.add_hint(x, d in off)
    ends = {i: (s + 1 if problem.jobs[i].is_milestone else e) for i, (s, e, _) in placed.items()}
    for clock in sm.clocks:
        judged = next(j for j in problem.judged if j.name == clock.name)
        cut = min(ends[i] for i in judged.exit_jobs)
        total = clock.counted_before
        for n, (alive, counted) in enumerate(zip(clock.alive, clock.counted, strict=True)):
            day = clock.first + n
            m.add_hint(alive, day < cut)
            m.add_hint(counted, day < cut and day not in off)
            total += day < cut and day not in off
        e0 = clock.counted_before
        blocked = max(0, total - max(e0, judged.block_day))
        m.add_hint(clock.blocked, blocked)
        m.add_hint(clock.throttled, max(0, total - max(e0, judged.throttle_day) - blocked))
