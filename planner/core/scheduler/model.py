"""The CP-SAT model: steps as intervals over calendar days, pauses as optional intervals.

* A step starts on a usable day of its calendar; its exclusive end comes from an element
  table (working days counted from that start), per consultant speed.
* Each step that needs a consultant picks exactly one; a consultant's steps and absences
  never overlap. Steps sharing an exclusive resource (a DAG, a server) never overlap.
* Up to ``MAX_PAUSES`` tenant-wide pauses; per calendar year their days plus the days
  already used stay within the budget.
* A judged server's clock counts the non-paused days from its detection (or the plan start)
  to its cutover; blocked and throttled days follow from the stage thresholds in closed form,
  so the model needs no per-day variables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from planner.core.scheduler.problem import Problem

__all__ = ["MAX_PAUSES", "ScheduleModel", "build_model"]

MAX_PAUSES = 4
IntVar = cp_model.IntVar


@dataclass
class ScheduleModel:
    """The model and the variables the solver and the explanations read back."""

    model: cp_model.CpModel
    horizon: int
    starts: list[IntVar] = field(default_factory=list)
    ends: list[IntVar] = field(default_factory=list)  # exclusive
    assigned: list[list[IntVar | None]] = field(default_factory=list)  # job -> consultant
    pause_start: list[IntVar] = field(default_factory=list)
    pause_len: list[IntVar] = field(default_factory=list)
    cutover: dict[str, IntVar] = field(default_factory=dict)  # judged server -> last day
    blocked: list[IntVar] = field(default_factory=list)
    throttled: list[IntVar] = field(default_factory=list)
    pause_total: IntVar | None = None
    finish: IntVar | None = None
    compactness: cp_model.LinearExprT = 0


def _job_vars(sm: ScheduleModel, problem: Problem) -> None:
    m, h = sm.model, sm.horizon
    tables: dict[tuple[object, int], list[int]] = {}
    for job in problem.jobs:
        cal = problem.cal(job)
        ok = [s for s in range(h) if cal.ok(s)]
        if not job.is_milestone and cal.has_freezes:  # a step never straddles a freeze
            longest = max(job.days_by_consultant or (job.base_days,))
            ok = [s for s in ok if cal.freeze_end(s, cal.end_after(s, longest)) is None]
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
            key = (job.calendar_key, days)
            if key not in tables:
                tables[key] = cal.end_table(h, days)
            var = m.new_int_var(0, h + 1, f"e{days}[{name}]")
            m.add_element(start, tables[key], var)
            speed_end[days] = var
        if not job.uses_consultant:
            m.add(end == speed_end[job.base_days])
            continue
        for k, days in enumerate(job.days_by_consultant):
            row[k] = m.new_bool_var(f"x[{name},{k}]")
            m.add(end == speed_end[days]).only_enforce_if(row[k])
        m.add_exactly_one([x for x in row if x is not None])


def _links(sm: ScheduleModel, problem: Problem) -> None:
    m = sm.model
    for job in problem.jobs:
        s, e = sm.starts[job.index], sm.ends[job.index]
        for dep in job.step.predecessors:
            k = problem.by_id.get(dep.step_id)
            if k is None:
                continue
            ps, pe = sm.starts[k], sm.ends[k]
            kind = dep.type.upper()
            if kind == "SS":
                m.add(s >= ps + dep.lag_days)
            elif kind == "FF":
                m.add(e >= pe + dep.lag_days)
            elif kind == "SF":
                m.add(e >= ps + dep.lag_days)
            else:
                m.add(s >= pe + dep.lag_days)
        if job.deadline is not None:
            m.add(e <= job.deadline + 1 if not job.is_milestone else s <= job.deadline)


def _intervals(sm: ScheduleModel, problem: Problem) -> None:
    m = sm.model
    per_consultant: list[list[cp_model.IntervalVar]] = [
        [m.new_fixed_size_interval_var(a, b - a, f"absent[{k},{a}]") for a, b in spans if b > a]
        for k, spans in enumerate(problem.absences)
    ]
    per_resource: dict[str, list[cp_model.IntervalVar]] = {}
    for job in problem.jobs:
        if job.is_milestone:
            continue
        s, e = sm.starts[job.index], sm.ends[job.index]
        size = m.new_int_var(1, sm.horizon + 1, f"len[{job.step.id}]")
        m.add(size == e - s)
        for r in job.step.resources:
            per_resource.setdefault(r, []).append(
                m.new_interval_var(s, size, e, f"r[{job.step.id},{r}]"))
        for k, x in enumerate(sm.assigned[job.index]):
            if x is not None:
                per_consultant[k].append(
                    m.new_optional_interval_var(s, size, e, x, f"c[{job.step.id},{k}]"))
    for intervals in per_consultant + list(per_resource.values()):
        if len(intervals) > 1:
            m.add_no_overlap(intervals)


def _overlap(m: cp_model.CpModel, s: IntVar, e: IntVar, a: int | IntVar,
             b: int | IntVar | cp_model.LinearExpr, h: int, tag: str) -> IntVar:
    """Days of [s, e) inside [a, b)."""
    lo, hi = m.new_int_var(0, h + 1, f"lo{tag}"), m.new_int_var(-1, h + 1, f"hi{tag}")
    m.add_max_equality(lo, [s, a])
    m.add_min_equality(hi, [e, b])
    days = m.new_int_var(0, h + 1, f"ov{tag}")
    m.add_max_equality(days, [0, hi - lo])
    # redundant but vital: the LP relaxation of max/min alone lets an overlap exceed the
    # pause, so the pause stage could never prove its bound
    m.add(days <= e - s)
    return days


def _pauses(sm: ScheduleModel, problem: Problem, fixed: tuple[tuple[date, int], ...] | None,
            ) -> list[tuple[IntVar, IntVar]]:
    m, h = sm.model, sm.horizon
    spans: list[tuple[IntVar, IntVar]] = []
    longest = max(0, problem.pause_max)
    if fixed is not None:
        for day, days in sorted(fixed):
            a = max(0, problem.index(day))
            b = problem.index(day) + days
            if b > a:  # only the part from the plan start on counts
                s, e = m.new_constant(a), m.new_constant(b)
                sm.pause_start.append(s)
                sm.pause_len.append(m.new_constant(b - a))
                spans.append((s, e))
        return spans
    for n in range(MAX_PAUSES if longest else 0):
        s = m.new_int_var(0, h, f"p{n}.s")
        size = m.new_int_var(0, longest, f"p{n}.len")
        e = m.new_int_var(0, h + longest, f"p{n}.e")
        m.add(e == s + size)
        if spans:  # ordered, non-overlapping pauses; a pause of 0 days is no pause
            m.add(s >= spans[-1][1])
        sm.pause_start.append(s)
        sm.pause_len.append(size)
        spans.append((s, e))
    return spans


def _budget(sm: ScheduleModel, problem: Problem, spans: list[tuple[IntVar, IntVar]]) -> None:
    m, h = sm.model, sm.horizon
    last = problem.day(h + problem.pause_max)
    for year in range(problem.start.year, last.year + 1):
        a = max(0, problem.index(date(year, 1, 1)))
        b = problem.index(date(year + 1, 1, 1))
        left = max(0, problem.pause_max - problem.pause_used.get(year, 0))
        days = [_overlap(m, s, e, a, b, h + problem.pause_max, f"y{year}.{n}")
                for n, (s, e) in enumerate(spans)]
        if days:
            m.add(sum(days) <= left)


def _exposure(sm: ScheduleModel, problem: Problem, spans: list[tuple[IntVar, IntVar]]) -> None:
    m, h = sm.model, sm.horizon
    big = h + problem.pause_max + 1
    for judged in problem.judged:
        if not judged.exit_jobs:
            continue
        name = judged.name
        cut = m.new_int_var(-1, h + 1, f"cut[{name}]")  # exclusive end of the clock
        m.add_min_equality(cut, [sm.ends[i] if not problem.jobs[i].is_milestone
                               else sm.starts[i] + 1 for i in judged.exit_jobs])
        sm.cutover[name] = cut
        a = max(0, judged.detected)
        paused = [_overlap(m, s, e, a, cut, big, f"{name}.{n}") for n, (s, e) in enumerate(spans)]
        counted = m.new_int_var(0, big, f"n[{name}]")
        m.add_max_equality(counted, [0, cut - a - sum(paused)])
        e0 = max(0, -judged.detected)
        blocked = m.new_int_var(0, big, f"b[{name}]")
        m.add_max_equality(blocked, [0, counted + e0 - max(e0, problem.block_day)])
        reach = m.new_int_var(0, big + e0, f"r[{name}]")
        m.add_min_equality(reach, [counted + e0, max(e0, problem.block_day)])
        throttled = m.new_int_var(0, big, f"t[{name}]")
        m.add_max_equality(throttled, [0, reach - max(e0, problem.throttle_day)])
        sm.blocked.append(blocked)
        sm.throttled.append(throttled)


def build_model(problem: Problem, horizon: int,
                fixed_pauses: tuple[tuple[date, int], ...] | None) -> ScheduleModel:
    """Build the whole model; the objectives are set stage by stage by the solver."""
    sm = ScheduleModel(cp_model.CpModel(), horizon)
    _job_vars(sm, problem)
    _links(sm, problem)
    _intervals(sm, problem)
    spans = _pauses(sm, problem, fixed_pauses)
    _budget(sm, problem, spans)
    _exposure(sm, problem, spans)
    m = sm.model
    sm.pause_total = m.new_int_var(0, horizon * 2 + 400, "pause_total")
    m.add(sm.pause_total == sum(sm.pause_len))
    sm.finish = m.new_int_var(0, horizon + 1, "finish")
    m.add_max_equality(sm.finish, list(sm.ends) or [m.new_constant(0)])
    sm.compactness = sum(sm.starts) + sum(sm.pause_start)
    return sm
