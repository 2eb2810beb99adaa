"""Dates for the steps: calendars, consultants, the enforcement clock and the pause budget.

:func:`schedule` turns a proposal into a :class:`~planner.core.plan.Schedule` that
lexicographically minimises blocked days, throttled days, pause days and the finish:

1. lower bounds no plan can beat: the critical path, the consultants' workload and what
   must follow it (:mod:`.floors`);
2. a quick plan (:mod:`.quick`): serial plans in a few priority orders, each step as early
   as it can go, with the best pauses for its cutovers (:mod:`.pauses`), and where they
   do not reach the floors the exit chains searched alone; when it reaches the floors it
   is proven optimal, no search needed;
3. where the quick plan's blocked, throttled and pause days are at their floors and only
   the finish is open, a floor of the finish from the latest days each step may end by
   (:mod:`.deadlines`), which may prove the quick plan's finish (24 servers, five
   consultants); unless proven, CP-SAT (:mod:`.model`, :mod:`.solve`), seeded with the
   quick plan and given the floors, with one
   worker and a deterministic-time limit; its answer is left-shifted into canonical form
   (:func:`.greedy.left_shift`) and kept only when it beats the quick plan; where only the
   finish is open and CP-SAT does not prove it, the plan search for the finish
   (:mod:`.finish`) from the better plan, in a quarter of the limit more;
4. an estate too big to model in the time limit keeps the quick plan, reported as
   ``feasible`` with the gap to the bounds; where its blocked, throttled or pause days are
   not proven, its exit chains alone go to CP-SAT (:mod:`.chain_proof`), whose proof
   raises those floors and whose better plan of the chains is planned around; where they
   are, the rest of the work is searched for a sooner finish (:mod:`.finish`).

Every stage is deterministic, so the same input gives the same plan in any process and
under any machine load (unless the wall-clock safety net of a badly overloaded machine
stops the solver, when the quick plan is used).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from planner.core.calendar import build_calendar
from planner.core.explanation import message
from planner.core.knowledge import Knowledge
from planner.core.model import Estate
from planner.core.plan import Objective, Proposal, Schedule, SnappedPin
from planner.core.scheduler.chain_proof import ChainProof, prove_chains
from planner.core.scheduler.deadlines import deadline_floor
from planner.core.scheduler.decompose import around, exit_chains
from planner.core.scheduler.finish import finish_plans, finish_search
from planner.core.scheduler.floors import cutovers, floor_cuts, lower_bound, plan_finish
from planner.core.scheduler.greedy import Placement, as_solved, left_shift, serial_plan
from planner.core.scheduler.infeasible import diagnose
from planner.core.scheduler.late_checks import checks_just_before
from planner.core.scheduler.model import ScheduleModel, build_model, hint_plan
from planner.core.scheduler.outcome import Outcome, assemble, objective_gap, touched
from planner.core.scheduler.pauses import Exposure3, best_pauses, fewest_pauses
from planner.core.scheduler.pin_conflicts import pin_conflict, pins_unproven
from planner.core.scheduler.pool import assign
from planner.core.scheduler.problem import Problem, build_problem
from planner.core.scheduler.progress import Found, Progress
from planner.core.scheduler.prompt import prompt_follow_ups
from planner.core.scheduler.quick import quick_plan
from planner.core.scheduler.solve import solve_lexicographic
from planner.core.scheduler.validate import violations
from planner.core.scheduler.window_count import window_finish
from planner.core.settings import Decisions, Settings

__all__ = ["Progress", "schedule"]

_MARGIN_DAYS = 45  # room beyond the serial plan for the solver to move things around
_CHAIN_SHARE = 0.5  # of the limit the exit chains' proof may take before the whole model
_FINISH_SHARE = 0.25  # of the limit more for the plan search for the finish after CP-SAT
_MODEL_CELLS = 25_000  # steps x horizon days beyond which CP-SAT does not finish its
# first solution in the time limit (measured: 286 steps x 150 days took 12 s for nothing)


def _horizon(problem: Problem, placed: dict[int, Placement], valid: bool = True) -> int:
    """Days the model covers: the quick plan's finish and room to move things around.

    A quick plan that broke a pin says little about where a valid plan ends: the model then
    gets twice the room, so a plan that has to work around the pins still fits.
    """
    ends = [p.end for p in placed.values()] or [0]
    pins = [j.pin + 1 for j in problem.jobs if j.pin is not None]
    nbs = [j.not_before + 1 for j in problem.jobs]
    far = max([*ends, *pins, *nbs, 1]) + _MARGIN_DAYS
    return far if valid else 2 * far


Show = Callable[[Outcome], None]


def _tap(problem: Problem, fixed: tuple[tuple[date, int], ...] | None,
         bound: tuple[int, ...], value: tuple[int, ...] | None, show: Show,
         sm: ScheduleModel) -> Found:
    """A solution callback that shows each solver plan better than the last one shown
    (with teams of consultants, those :func:`.pool.assign` finds a member for each step)."""
    best = [value]

    def found(starts: list[int], ends: list[int], picked: list[int]) -> None:
        consultants = assign(problem, starts, ends, picked, sm.teams) if sm.shared else picked
        if consultants is None:
            return
        shifted = left_shift(problem, starts, consultants)
        if violations(problem, shifted):
            shifted = as_solved(problem, starts, ends, consultants)
        pauses = best_pauses(problem, cutovers(problem, shifted), fixed)
        key = (*pauses.key, plan_finish(shifted))
        if best[0] is None or key < best[0]:
            best[0] = key
            show(Outcome(shifted, pauses, "feasible", objective_gap(key, bound)))

    return found


def _optimise(problem: Problem, settings: Settings,
              progress: Progress | None = None, show: Show | None = None,
              finish_floor: list[int] | None = None) -> Outcome | str:
    """Quick plan and bounds; CP-SAT only when they differ; "infeasible" when no plan exists.

    Every plan returned passes :func:`.validate.violations`: a quick plan that cannot keep a
    pin goes to the solver, whatever the estate's size, and a solver answer is checked too.
    ``show`` sees the quick plan and each better solver plan as they come; ``finish_floor``
    gets the finish no plan beats (for the gap of a plan the last touches end sooner).
    """
    fixed = settings.fixed_pauses
    release: dict[int, int] = {}  # per job a day before which no plan starts it
    floors = floor_cuts(problem, release)  # the cutovers and finish no plan beats
    bound = lower_bound(problem, fixed, floors)
    held = finish_floor if finish_floor is not None else []
    held[:] = [bound[3]]
    shown: list[tuple[int, ...]] = []

    def early(placed: dict[int, Placement], exposure: Exposure3) -> None:
        if show is not None:
            key = (*exposure.key, plan_finish(placed))
            shown.append(key)
            show(Outcome(placed, exposure, "feasible", objective_gap(key, bound),
                          exposure.key[0] == bound[0], bound[:3]))

    greedy, mine, ok = quick_plan(problem, fixed, settings.solver_time_limit_s, bound,
                                  floors[0], early, progress.cancel if progress else None)
    value = (*mine.key, plan_finish(greedy))
    budget = settings.solver_time_limit_s
    if ok and mine.key > bound[:3] and \
            len(problem.jobs) * _horizon(problem, greedy, ok) <= _MODEL_CELLS:
        # the exit chains alone first: their proof closes what the whole model's relaxation
        # leaves open (Thames & Shannon: two DAG members' updates to the baseline, one at a
        # time, the second after the Christmas freeze; the floors had both on the first
        # Saturday and 6 pause days, the whole model ended at 25 unproven, gap 0.76)
        floor, proof = _chain_floor(problem, settings, greedy, bound, floors[0],
                                    budget * _CHAIN_SHARE, progress)
        if proof is not None:
            bound, budget = (*floor, bound[3]), budget - proof.spent
    quick = Outcome(greedy, mine, "feasible", objective_gap(value, bound), mine.key[0] == bound[0],
                     bound[:3])
    if ok and value == bound:  # the quick plan reaches a proven bound
        return replace(quick, status="optimal")
    if ok and show is not None and (not shown or value < shown[-1]):
        show(quick)
    exact = ok and mine.key == bound[:3]
    if exact and value[3] > bound[3]:  # only the finish is open: by when must each step end,
        # and how many window steps can the first window day take?
        bound = (*bound[:3], _window_floor(problem, bound[3], value[3]))
        if value[3] > bound[3]:
            bound = (*bound[:3], deadline_floor(problem, bound[3], value[3], release))
        held[:] = [bound[3]]
        if value == bound:
            return replace(quick, status="optimal", gap=0.0)
        quick = replace(quick, gap=objective_gap(value, bound))  # against the raised floor
    # with the first three objectives reached, no better plan ends after the quick one
    horizon = plan_finish(greedy) + 1 if exact else _horizon(problem, greedy, ok)
    if ok and len(problem.jobs) * horizon > _MODEL_CELLS:  # too big to model
        if exact and value[3] > bound[3]:  # only the finish is left to win
            quick = _sooner(problem, settings, quick, bound, progress)
        return _chains_alone(problem, settings, quick, bound, floors[0], progress)
    solved = _solved(problem, fixed, budget, quick, bound, ok, exact, horizon, progress, show)
    # only the finish open and CP-SAT did not prove it: the plan search for the finish from
    # the better plan, in a quarter of the limit more (unseen 20 servers / 2: CP-SAT kept
    # 132 even in 120 s, the search reaches 125; CP-SAT keeps its whole limit: giving the
    # search 40 % or 25 % of it lost proofs, 12 / 1 and 16 / 1 (hubs-2019), seed 7)
    reserve = settings.solver_time_limit_s * _FINISH_SHARE
    if exact and value[3] > bound[3] and isinstance(solved, Outcome) and \
            solved.status != "optimal" and finish_plans(problem, reserve):
        sooner = _sooner(problem, settings, solved, bound, progress, reserve)
        if show is not None and sooner.placed is not solved.placed:
            show(sooner)
        return sooner
    return solved


def _solved(problem: Problem, fixed: tuple[tuple[date, int], ...] | None, seconds: float,
            quick: Outcome, bound: tuple[int, int, int, int], ok: bool, exact: bool,
            horizon: int, progress: Progress | None, show: Show | None) -> Outcome | str:
    """CP-SAT from the quick plan (valid when ``ok``) within ``seconds``, given the floors
    ``bound`` (the first three reached when ``exact``); the quick plan where the solver
    finds nothing better."""
    greedy, mine = quick.placed, quick.exposure
    value = (*mine.key, plan_finish(greedy))
    sm = build_model(problem, horizon, fixed)
    hint_plan(sm, problem, {i: (p.start, p.end, p.consultant) for i, p in greedy.items()},
              mine.pauses)
    tap = _tap(problem, fixed, bound, value if ok else None, show, sm) if show else None
    sol = solve_lexicographic(sm, seconds, bound, exact, tap,
                              progress.cancel if progress else None)
    if sol.status in ("infeasible", "unknown") or sol.wall_limited:
        # the quick plan is the same every run; without a valid one, say whether the solver
        # proved that no plan exists or only found none in the time
        return quick if ok else ("infeasible" if sol.status == "infeasible" else "unknown")
    named = (assign(problem, sol.starts, sol.ends, sol.consultant, sm.teams) if sm.shared
             else sol.consultant)
    if named is None:  # the team's dates leave some step no member free on all its days
        return quick if ok else "unknown"
    shifted = left_shift(problem, sol.starts, named)
    if violations(problem, shifted):  # never expected; the solver's own dates are valid
        shifted = as_solved(problem, sol.starts, sol.ends, named)
    best = best_pauses(problem, cutovers(problem, shifted), fixed)
    if ok and (*best.key, plan_finish(shifted)) >= value:
        # the solver proved the quick plan optimal (or found nothing better): keep it, its
        # consultants take the earliest free slot rather than an arbitrary optimal one
        return replace(quick, status=sol.status, gap=0.0 if sol.status == "optimal"
                       else quick.gap)
    # the weighted sum's relative gap is no gap of the first objective left open (its
    # pause term dwarfs the finish: 20 servers, one consultant, finish 202 against a bound
    # of 187 read 0.001), so a plan found that way is measured against the bounds
    weighted = bool(sol.stages) and sol.stages[0].name == "weighted"
    ours = objective_gap((*best.key, plan_finish(shifted)), bound)
    # both bounds are proven: the tighter one gives the gap (the solver's own bound on the
    # finish can be weaker than the floors', 0.18 against 0.07 on 20 servers, 1 consultant)
    gap = min(sol.gap, ours) if ok and not weighted else ours
    return Outcome(shifted, best, sol.status, 0.0 if sol.status == "optimal" else gap,
                    floor=bound[:3])


def _sooner(problem: Problem, settings: Settings, quick: Outcome,
            bound: tuple[int, int, int, int], progress: Progress | None,
            seconds: float | None = None) -> Outcome:
    """The quick plan, or one that ends sooner with no cutover later (:mod:`.finish`),
    searched within ``seconds`` (the whole time limit when not given)."""
    limit = settings.solver_time_limit_s if seconds is None else seconds
    better = finish_search(problem, quick.placed, limit, bound[3],
                           progress.cancel if progress else None)
    if better is None:
        return quick
    cuts = cutovers(problem, better)
    exposure = quick.exposure if cuts == cutovers(problem, quick.placed) else \
        best_pauses(problem, cuts, settings.fixed_pauses)
    value = (*exposure.key, plan_finish(better))
    return replace(quick, placed=better, exposure=exposure,
                   status="optimal" if value == bound else "feasible",
                   gap=objective_gap(value, bound))


def _chains_alone(problem: Problem, settings: Settings, quick: Outcome,
                  bound: tuple[int, int, int, int], cuts: dict[str, int],
                  progress: Progress | None) -> Outcome:
    """An estate too big to model: its exit chains alone in CP-SAT (:mod:`.chain_proof`),
    when the quick plan's blocked, throttled and pause days are not proven yet. A proof
    raises the floor of those three; a better plan of the chains is planned around."""
    if quick.exposure.key <= bound[:3]:
        return quick
    fixed = settings.fixed_pauses
    floor, proof = _chain_floor(problem, settings, quick.placed, bound, cuts,
                                settings.solver_time_limit_s, progress)
    if proof is None:
        return quick
    best = quick
    if proof.better is not None:
        placed = around(problem, proof.olds, proof.better)
        exposure = best_pauses(problem, cutovers(problem, placed), fixed)
        before = (*quick.exposure.key, plan_finish(quick.placed))
        if not violations(problem, placed) and (*exposure.key, plan_finish(placed)) < before:
            best = Outcome(placed, exposure, "feasible", 0.0)
    bound = (*floor, bound[3])
    value = (*best.exposure.key, plan_finish(best.placed))
    if value[:3] == floor and value[3] > bound[3]:  # now only the finish is open
        bound = (*floor, _window_floor(problem, bound[3], value[3]))
    status = "optimal" if value == bound else "feasible"
    return replace(best, status=status, gap=objective_gap(value, bound),
                   blocked_proven=value[0] == floor[0], floor=floor)


def _window_floor(problem: Problem, floor: int, finish: int) -> int:
    """The finish floor raised by counting window days (:mod:`.window_count`), never past
    ``finish``, a plan's."""
    return max(floor, min(window_finish(problem, serial_plan(problem, resources=False)), finish))


def _chain_floor(problem: Problem, settings: Settings, placed: dict[int, Placement],
                 bound: tuple[int, int, int, int], cuts: dict[str, int], seconds: float,
                 progress: Progress | None) -> tuple[tuple[int, int, int], ChainProof | None]:
    """The floor of blocked, throttled and pause days raised by the exit chains alone in
    CP-SAT (:mod:`.chain_proof`, from ``placed``), and the proof; ``cuts``: the cutovers no
    plan beats (for the fewest pauses where only the pauses are left open)."""
    fixed = settings.fixed_pauses
    proof = prove_chains(problem, exit_chains(problem), placed, cutovers(problem, placed),
                         _horizon, lambda sub: lower_bound(sub, fixed), _MODEL_CELLS, seconds,
                         fixed, progress.cancel if progress else None)
    if proof is None:
        return bound[:3], None
    found = proof.floor
    if proof.proven == 2 and fixed is None:  # blocked and throttled days proven, pauses not
        # the fewest pauses that keep the floor's cutovers within them: no plan needs fewer
        least = fewest_pauses(problem, cuts, found[:2])
        found = (found[0], found[1], max(found[2], least))
    # lexicographic floors both: the larger is one too
    return max(bound[:3], found), proof


def schedule(
    proposal: Proposal,
    estate: Estate,
    settings: Settings,
    decisions: Decisions,
    knowledge: Knowledge,
    progress: Progress | None = None,
    as_of: date | None = None,
) -> Schedule:
    """Date the proposal's steps so mail keeps flowing with the least use of the pause budget.

    With ``as_of`` before the plan start, the days and pauses count from its first working
    day outside a freeze: a server throttled or blocked then gets its pause at once.
    With ``progress`` the caller sees the quick plan and each better plan as they come and
    may cancel the search (:mod:`.progress`); the plan returned is the same either way
    unless the search was cancelled.
    """
    if not proposal.steps:
        return Schedule(objective=Objective(0, 0, 0, None, "optimal"))
    problem = build_problem(proposal, estate, settings, decisions, knowledge,
                            build_calendar(settings, estate), as_of)
    reason = diagnose(problem, structural_only=True)
    if reason:
        return Schedule(objective=Objective(0, 0, 0, None, "infeasible", 1.0,
                                            explanation=reason))
    show: Show | None = None
    if progress is not None and progress.on_schedule is not None:
        def show(outcome: Outcome) -> None:
            progress.report(replace(assemble(problem, outcome, knowledge),
                                    snapped_pins=_snapped(problem)))
    finish_floor: list[int] = []
    outcome = _optimise(problem, settings, progress, show, finish_floor)
    if isinstance(outcome, str):
        reason = diagnose(problem) or (pin_conflict(problem) if outcome == "infeasible"
                                       else pins_unproven(problem))
        return Schedule(objective=Objective(0, 0, 0, None, "infeasible", 1.0,
                                            explanation=reason or _GENERIC),
                        snapped_pins=_snapped(problem))
    # checks right after their work, and right before the work they guard, where no
    # objective loses by it
    outcome = touched(problem, settings, outcome, checks_just_before(
        problem, prompt_follow_ups(problem, outcome.placed)), finish_floor)
    return replace(assemble(problem, outcome, knowledge), snapped_pins=_snapped(problem))


def _snapped(problem: Problem) -> tuple[SnappedPin, ...]:
    return tuple(SnappedPin(*s) for s in problem.snapped)


_GENERIC = message("schedule.infeasible.generic")
