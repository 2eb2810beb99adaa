"""The chosen plan before it becomes dates (:class:`Outcome`: placements, pauses, status,
gap), the gap to the bounds, the last touches' plan taken into it, and the
:class:`~planner.core.plan.Schedule` made of it (dates, drivers, booked parts, pauses,
exposure, objective)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.core.enforcement import summarise_exposure
from planner.core.knowledge import Knowledge
from planner.core.plan import BookedPart, Objective, Pause, Schedule, ScheduledStep
from planner.core.scheduler.drivers import explain, releases
from planner.core.scheduler.floors import cutovers, plan_finish
from planner.core.scheduler.greedy import Placement
from planner.core.scheduler.infeasible import blocked_reason
from planner.core.scheduler.pauses import Exposure3, best_pauses
from planner.core.scheduler.problem import UNITS, Job, Problem, hold_pieces
from planner.core.settings import Settings

__all__ = ["Outcome", "assemble", "objective_gap", "touched"]


@dataclass(frozen=True)
class Outcome:
    """The chosen plan before it becomes dates: placements, pauses, status and gap."""

    placed: dict[int, Placement]
    exposure: Exposure3
    status: str
    gap: float
    # its blocked days are at a proven floor (what follows them may not be)
    blocked_proven: bool = False
    floor: tuple[int, ...] = ()  # blocked, throttled, pause days no plan beats


def objective_gap(value: tuple[int, ...], bound: tuple[int, ...]) -> float:
    """Relative gap of the first objective (blocked, throttled, pause, finish) not at its bound."""
    for v, b in zip(value, bound, strict=True):
        if v != b:
            return round((v - b) / max(1, abs(v)), 4)
    return 0.0


def _pauses(problem: Problem, chosen: tuple[tuple[int, int], ...]) -> tuple[Pause, ...]:
    """Pauses as dates, one per request: a pause over New Year is one command (its days
    count against each year's budget day by day wherever a budget is shown)."""
    return tuple(Pause(problem.day(s), problem.day(s + n - 1), n) for s, n in sorted(chosen))


def _steps(problem: Problem, placed: dict[int, Placement]) -> tuple[ScheduledStep, ...]:
    dated: list[ScheduledStep] = []
    index = releases(problem, placed)  # once for every step's reason
    for job in problem.jobs:
        p = placed[job.index]
        dated.append(ScheduledStep(
            step_id=job.step.id,
            start=problem.day(p.start),
            end=problem.day(max(p.start, p.end - 1)),
            consultant=problem.consultants[p.consultant].name if p.consultant >= 0 else "",
            driver=explain(problem, placed, job, index),
            booked=_booked(problem, job, p) if p.consultant >= 0 else (),
        ))
    return tuple(dated)


def _booked(problem: Problem, job: Job, p: Placement) -> tuple[BookedPart, ...]:
    """An unattended step's set-up and completion as dates: what its consultant is held for."""
    if job.holds is None or p.end <= p.start:
        return ()
    spans = job.consultant_spans(problem.cal(job), p.start, p.end)
    setup = len(hold_pieces(job.holds[0]))  # the spans come set-up first
    parts = []
    for part, held, units in (("setup", spans[:setup], job.holds[0]),
                              ("completion", spans[setup:], job.holds[1])):
        if held:
            parts.append(BookedPart(part, problem.day(min(a for a, _, _ in held)),
                                    problem.day(max(b for _, b, _ in held) - 1), units / UNITS))
    return tuple(parts)


def assemble(problem: Problem, outcome: Outcome, knowledge: Knowledge) -> Schedule:
    steps = _steps(problem, outcome.placed)
    pauses = _pauses(problem, outcome.exposure.pauses)
    finish = max((s.end for s in steps), default=None)
    plan_end = max([finish or problem.start, *(p.end for p in pauses)])
    cuts = cutovers(problem, outcome.placed)
    exposure = []
    for judged in problem.judged:
        cut = cuts.get(judged.name)
        exposure.append(summarise_exposure(
            judged.name, judged.detection, problem.day(cut - 1) if cut is not None else None,
            pauses, knowledge.policy, problem.day(problem.pause_from), plan_end))
    kinds = {s.number: s.kind for s in knowledge.policy.stages}
    counted = [e for e in exposure if e.cutover]  # a server the plan never moves is not scored
    blocked = sum(n for e in counted for i, n in enumerate(e.days_in_stage)
                  if kinds.get(i + 1) == "block")
    throttled = sum(n for e in counted for i, n in enumerate(e.days_in_stage)
                    if kinds.get(i + 1) == "throttle")
    objective = Objective(blocked, throttled, sum(p.days for p in pauses), finish,
                          outcome.status, outcome.gap,
                          explanation=blocked_reason(problem, exposure, outcome.status
                                                     == "optimal" or outcome.blocked_proven),
                          floor=outcome.floor)
    return Schedule(steps, pauses, tuple(exposure), objective)


def touched(problem: Problem, settings: Settings, outcome: Outcome,
             placed: dict[int, Placement], finish_floor: list[int]) -> Outcome:
    """``outcome`` with the last touches' plan: its pauses, status and gap worked out again
    where a cutover or the finish came sooner (a follow-up laid out again ended 20 servers'
    plan four weeks sooner, and the gap of the plan before stood beside it); the plan before
    where the touches would make an objective worse (never expected)."""
    if placed == outcome.placed:
        return outcome
    cuts = cutovers(problem, placed)
    exposure = outcome.exposure if cuts == cutovers(problem, outcome.placed) else \
        best_pauses(problem, cuts, settings.fixed_pauses)
    value = (*exposure.key, plan_finish(placed))
    before = (*outcome.exposure.key, plan_finish(outcome.placed))
    if value > before:
        return outcome
    if value == before or not finish_floor or len(outcome.floor) != 3:
        return replace(outcome, placed=placed, exposure=exposure)
    bound = (*outcome.floor, finish_floor[0])
    return replace(outcome, placed=placed, exposure=exposure, gap=objective_gap(value, bound),
                   status="optimal" if value <= bound else outcome.status)
