"""Dates for the steps: calendars, consultants, the enforcement clock and the pause budget.

:func:`schedule` turns a proposal into a :class:`~planner.core.plan.Schedule` with CP-SAT,
lexicographically minimising blocked days, throttled days, pause days and the finish.
"""

from __future__ import annotations

from datetime import timedelta

from planner.core.calendar import build_calendar
from planner.core.enforcement import summarise_exposure
from planner.core.knowledge import Knowledge
from planner.core.model import Estate
from planner.core.plan import Objective, Pause, Proposal, Schedule, ScheduledStep
from planner.core.scheduler.drivers import explain
from planner.core.scheduler.greedy import serial_plan
from planner.core.scheduler.infeasible import blocked_reason, diagnose
from planner.core.scheduler.model import build_model
from planner.core.scheduler.problem import Problem, build_problem
from planner.core.scheduler.solve import Solution, solve_lexicographic
from planner.core.settings import Decisions, Settings

__all__ = ["schedule"]

_MARGIN_DAYS = 45  # room beyond the serial plan for the solver to move things around


def _horizon(problem: Problem, placed: dict[int, tuple[int, int, int]]) -> int:
    ends = [e for _, e, _ in placed.values()] or [0]
    pins = [j.pin + 1 for j in problem.jobs if j.pin is not None]
    nbs = [j.not_before + 1 for j in problem.jobs]
    return max([*ends, *pins, *nbs, 1]) + _MARGIN_DAYS


def _pauses(problem: Problem, sol: Solution) -> tuple[Pause, ...]:
    """Pauses as dates, split at year ends so each belongs to one year's budget."""
    out: list[Pause] = []
    for s, n in sorted(sol.pauses):
        first, last = problem.day(s), problem.day(s + n - 1)
        while first <= last:
            year_end = first.replace(month=12, day=31)
            end = min(last, year_end)
            out.append(Pause(first, end, (end - first).days + 1))
            first = end + timedelta(days=1)
    return tuple(out)


def _steps(problem: Problem, sol: Solution) -> tuple[ScheduledStep, ...]:
    dated: list[ScheduledStep] = []
    for job in problem.jobs:
        s, e, k = sol.starts[job.index], sol.ends[job.index], sol.consultant[job.index]
        kind, en, de = explain(problem, sol, job)
        dated.append(ScheduledStep(
            step_id=job.step.id,
            start=problem.day(s),
            end=problem.day(max(s, e - 1)),
            consultant=problem.consultants[k].name if k >= 0 else "",
            driver_kind=kind, driver_en=en, driver_de=de,
        ))
    return tuple(dated)


def _assemble(problem: Problem, sol: Solution, status: str, gap: float,
              knowledge: Knowledge) -> Schedule:
    steps = _steps(problem, sol)
    pauses = _pauses(problem, sol)
    finish = max((s.end for s in steps), default=None)
    plan_end = max([finish or problem.start, *(p.end for p in pauses)])
    exposure = []
    for judged in problem.judged:
        cut = min((sol.ends[i] - 1 if not problem.jobs[i].is_milestone else sol.starts[i]
                   for i in judged.exit_jobs), default=None)
        exposure.append(summarise_exposure(
            judged.name, judged.detection, problem.day(cut) if cut is not None else None,
            pauses, knowledge.policy, problem.start, plan_end))
    kinds = {s.number: s.kind for s in knowledge.policy.stages}
    counted = [e for e in exposure if e.cutover]  # a server the plan never moves is not scored
    blocked = sum(n for e in counted for i, n in enumerate(e.days_in_stage)
                  if kinds.get(i + 1) == "block")
    throttled = sum(n for e in counted for i, n in enumerate(e.days_in_stage)
                    if kinds.get(i + 1) == "throttle")
    en, de = blocked_reason(problem, exposure, status)
    objective = Objective(blocked, throttled, sum(p.days for p in pauses), finish, status,
                          gap, en, de)
    return Schedule(steps, pauses, tuple(exposure), objective)


def schedule(
    proposal: Proposal,
    estate: Estate,
    settings: Settings,
    decisions: Decisions,
    knowledge: Knowledge,
) -> Schedule:
    """Date the proposal's steps so mail keeps flowing with the least use of the pause budget."""
    if not proposal.steps:
        return Schedule(objective=Objective(0, 0, 0, None, "optimal"))
    problem = build_problem(proposal, estate, settings, decisions, knowledge,
                            build_calendar(settings, estate))
    reason = diagnose(problem, structural_only=True)
    if reason:
        return Schedule(objective=Objective(0, 0, 0, None, "infeasible", 1.0, *reason))
    placed = {i: (p.start, p.end, p.consultant) for i, p in serial_plan(problem).items()}
    horizon = _horizon(problem, placed)
    sm = build_model(problem, horizon, settings.fixed_pauses)
    sol = solve_lexicographic(sm, settings.solver_time_limit_s, placed)
    if sol.status == "infeasible":
        en, de = diagnose(problem) or _generic()
        return Schedule(objective=Objective(0, 0, 0, None, "infeasible", 1.0, en, de))
    if sol.status == "unknown":  # no plan in the time limit: show the serial plan, unpaused
        sol = Solution(
            starts=[placed[i][0] for i in range(len(problem.jobs))],
            ends=[placed[i][1] for i in range(len(problem.jobs))],
            consultant=[placed[i][2] for i in range(len(problem.jobs))],
            status="feasible",
        )
        return _assemble(problem, sol, "feasible", 1.0, knowledge)
    return _assemble(problem, sol, sol.status, sol.gap, knowledge)


def _generic() -> tuple[str, str]:
    return (
        "No plan meets all pins, not-before dates and deadlines with the available "
        "consultants. Remove a pin or a deadline, or add a consultant.",
        "Kein Plan erfüllt alle fixierten Termine, Frühestens-Termine und Fristen mit den "
        "verfügbaren Beratern. Einen fixierten Termin oder eine Frist entfernen oder einen "
        "Berater hinzufügen.",
    )
