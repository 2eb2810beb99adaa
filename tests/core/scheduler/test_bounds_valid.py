"""The lower bounds a plan's gap is measured against never exceed what a valid plan reaches.

A bound above some valid plan would make the scheduler call blocked days "unavoidable" or a
plan "optimal" when it is not. The exit-chain floors (bounds.exit_floors), their tails
solved exactly (tails.tail_floors) and the finish floor of the same reasoning over the
whole estate (bounds.energetic_finish) are checked against the cutovers of many valid
plans: the quick plan's two priority rules and random priority orders, each left-shifted,
on synthetic estates with one and several consultants; and on small estates against the
exact earliest exit that CP-SAT proves.
"""

from __future__ import annotations

import random

import pytest
from ortools.sat.python import cp_model

from planner.core.scheduler.energetic import energetic_finish, exit_floors
from planner.core.scheduler.greedy import Placement, serial_plan
from planner.core.scheduler.job_graph import ancestors, easiest_exit, sub_problem
from planner.core.scheduler.model import build_model
from planner.core.scheduler.priority import chains_first, order_by
from planner.core.scheduler.problem import Problem
from planner.core.scheduler.tails import tail_floors
from planner.core.scheduler.validate import violations
from planner.core.settings import Decisions
from tests.core.scheduler.builders import synthetic_problem


def _problem(size: int, staff: int, variant: str,
             decisions: Decisions | None = None) -> Problem:
    return synthetic_problem(size, staff, variant, decisions=decisions)


def _cutovers(problem: Problem, placed: dict[int, Placement]) -> dict[str, int]:
    return {j.name: min(placed[i].start + 1 if problem.jobs[i].is_milestone
                        else placed[i].end for i in j.exit_jobs)
            for j in problem.judged if j.exit_jobs}


@pytest.mark.parametrize(("size", "staff", "variant"), [
    (8, 1, "hubs-2016"), (20, 1, "hubs-2016"), (20, 5, "hubs-2019"), (60, 1, "hubs-2016"),
    (60, 5, "hubs-2016-late"), (30, 1, "hubs-2019"), (12, 5, "hubs-2016"), (16, 2, "hubs-2016"),
])
def test_exit_floors_never_exceed_a_valid_plans_cutovers(size: int, staff: int,
                                                         variant: str) -> None:
    problem = _problem(size, staff, variant)
    relaxed = serial_plan(problem, resources=False)
    spans = {i: (p.start, p.end) for i, p in relaxed.items()}
    release: dict[int, int] = {}
    floors = exit_floors(problem, spans, release)
    tails = tail_floors(problem, release)
    finish = energetic_finish(problem, spans)
    assert floors, "the synthetic estates have judged servers with exit steps"
    rng = random.Random(size * 31 + staff)
    orders: list[list[int] | None] = [None, chains_first(problem)]
    orders += [order_by(problem, [rng.randrange(1000) for _ in problem.jobs]) for _ in range(6)]
    for order in orders:
        plan = serial_plan(problem, order=order)
        assert not violations(problem, plan)
        for name, cut in _cutovers(problem, plan).items():
            assert floors[name] <= cut, (name, floors[name], cut)
            assert tails.get(name, 0) <= cut, (name, tails[name], cut)
        assert finish <= max(p.end for p in plan.values())


def test_exit_floors_see_the_order_of_a_chains_window_days() -> None:
    """One consultant, 60 servers: the chain's whole work alone allows a cutover on day 229;
    its later window days cannot come before its earlier part, which the floor counts."""
    problem = _problem(60, 1, "hubs-2016")
    relaxed = serial_plan(problem, resources=False)
    floors = exit_floors(problem, {i: (p.start, p.end) for i, p in relaxed.items()})
    assert min(floors.values()) > 229


def test_a_pause_optimum_not_proven_gives_only_its_proven_floor(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound on blocked days takes the pause optimiser's values only when proven: cut
    short, its plan is no floor, and only the solver's bound and the budgets' arithmetic
    are (else a gap or an "optimal" could be claimed against a value a plan beats)."""
    from planner.core.scheduler import pauses

    problem = _problem(20, 1, "hubs-2016")
    cuts = {j.name: 250 + 7 * n for n, j in enumerate(problem.judged)}
    best = pauses.best_pauses(problem, cuts)
    assert best.proven and best.floor == best.key
    monkeypatch.setattr(pauses, "PAUSE_DET", 0.0001)
    short = pauses.best_pauses(problem, cuts)
    # cut short, the heuristic pauses the solver started from are kept (here as good as
    # the optimum), but nothing is claimed about them
    assert short.key >= best.key and short.pause_days > 0 and not short.proven
    assert short.floor <= best.key
    assert short.floor[0] > 0  # the budgets' arithmetic still proves blocked days


def _exact_exit(problem: Problem, exit_job: int, horizon: int) -> int:
    """The earliest exclusive end of one exit step any plan reaches, proven by CP-SAT on
    the exit's chain alone (everything else left out, which can only make it earlier)."""
    sub, olds = sub_problem(problem, ancestors(problem, exit_job))
    sm = build_model(sub, horizon, ())
    sm.model.minimize(sm.ends[olds.index(exit_job)])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 120
    assert solver.solve(sm.model) == cp_model.OPTIMAL
    return round(solver.objective_value)


@pytest.mark.parametrize(("size", "staff"), [(8, 1), (4, 5)])
def test_exit_floors_against_the_exact_earliest_exit(size: int, staff: int) -> None:
    """Where chains join, all their work ends before the job after the join starts. 8
    servers, one consultant: the two legacy servers' removals need two window Saturdays
    (one a holiday) before AD can be prepared; the floor now sees it and equals the exact
    optimum of the cheapest exit (89, proven by CP-SAT on its chain; it was 82), so the
    plan's 89 pause days are proven."""
    problem = _problem(size, staff, "hubs-2016")
    relaxed = serial_plan(problem, resources=False)
    floors = exit_floors(problem, {i: (p.start, p.end) for i, p in relaxed.items()})
    quick = serial_plan(problem)
    judged = problem.judged[0]
    cheapest = easiest_exit(problem, judged)
    exact = _exact_exit(problem, cheapest, quick[cheapest].end + 1)
    assert floors[judged.name] == exact


def test_the_tail_of_an_exit_chain_counts_who_can_do_its_parallel_steps() -> None:
    """60 servers, 5 consultants (two on four days a week): the four new hub servers are
    installed in parallel at the end of the chain, and splitting their work among the pool
    said day 68; solved exactly, the tail cannot end before day 75, which the plan reaches
    (so its 75 pause days are proven), and every valid plan's cutover is at least that."""
    problem = _problem(60, 5, "hubs-2016")
    relaxed = serial_plan(problem, resources=False)
    release: dict[int, int] = {}
    floors = exit_floors(problem, {i: (p.start, p.end) for i, p in relaxed.items()}, release)
    tails = tail_floors(problem, release)
    assert max(floors.values()) == 68
    assert min(tails.values()) == 75
    quick = serial_plan(problem, order=chains_first(problem))
    assert min(_cutovers(problem, quick).values()) >= 75


def test_a_pause_search_without_an_answer_claims_only_the_budgets_floor(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """When the pause model returns nothing in its time, the heuristic pauses it started
    from are kept where they keep the rules (before, no pauses: 20 throttled days a pause
    spares); nothing is claimed about them, only the blocked days the budgets' arithmetic
    proves. Servers seen 40 days before the start, cut over on day 10: no pauses leave 0
    blocked and 10 throttled days each, a pause 0 and 0."""
    from dataclasses import replace

    from planner.core.scheduler import pauses

    problem = _problem(8, 1, "hubs-2016")
    problem.judged = [replace(j, detected=-40) for j in problem.judged]
    cuts = {j.name: 10 for j in problem.judged}
    best = pauses.best_pauses(problem, cuts)
    assert best.key[:2] == (0, 0)
    assert pauses.best_pauses(problem, cuts, fixed=()).key[:2] == (0, 20)  # two servers
    monkeypatch.setattr(pauses, "_lexicographic", lambda *args: None)
    kept = pauses.best_pauses(problem, cuts)
    assert kept.key[:2] == (0, 0) and kept.pause_days >= best.pause_days
    assert not kept.proven and kept.floor == (0, 0, 0)


def test_an_exit_with_a_long_chain_keeps_the_reasoning_of_the_short_ones(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An exit chain too long to reason along (the hybrid wizard's, after every server) gets
    its whole work only, and the short ones keep their reasoning. On 2,000 servers the send
    connector's chain (1,590 jobs) fitted, the wizard's (4,558) did not, and the reasoning
    was dropped for all: 2 blocked days "unavoidable" where 20 are. Here the same with a
    limit between the chains of 60 servers: the floors lie between none and all reasoned."""
    problem = _problem(60, 1, "hubs-2016")
    relaxed = {i: (p.start, p.end) for i, p in serial_plan(problem, resources=False).items()}
    full = exit_floors(problem, relaxed)
    sizes = sorted(len(ancestors(problem, e)) for j in problem.judged for e in j.exit_jobs)
    monkeypatch.setattr("planner.core.scheduler.energetic._PHASED", 0)
    none = exit_floors(problem, relaxed)
    monkeypatch.setattr("planner.core.scheduler.energetic._PHASED", sizes[0])
    assert sizes[-1] > sizes[0]
    some = exit_floors(problem, relaxed)
    for name, floor in some.items():
        assert none[name] < floor <= full[name]


def test_what_follows_the_last_of_the_work_proves_thirty_servers_cutover() -> None:
    """30 servers (Exchange Online judging 2019 hubs), one consultant: each Exchange 2013
    removal is six weekdays of work and then its window Saturday. The consultant's work
    alone lets the legacy servers be gone a week sooner than any plan can: the last
    server's weekday work ends on a Thursday at the soonest and its removal takes the
    Saturday after. Counting that tail, the floor is the quick plan's day 180 (it was 173),
    so the plan's 111 blocked days are proven unavoidable."""
    from planner.core.scheduler.floors import cutovers, lower_bound
    from planner.core.scheduler.quick import quick_plan

    problem = _problem(30, 1, "hubs-2019")
    bound = lower_bound(problem, None)
    placed, exposure, ok = quick_plan(problem, None, 10.0, bound)
    assert ok and max(cutovers(problem, placed).values()) == 180
    assert exposure.key == bound[:3] == (111, 0, 121)


def test_a_dags_one_at_a_time_rule_bounds_the_finish() -> None:
    """12 servers, five consultants, no DAG teardown step: each decommission takes its
    member out of the DAG itself, so the last DAG's four decommissions take a Saturday each,
    one after the other, whoever works on them; the consultants' work alone said the plan
    could end on day 48, every plan ends on day 62 at the soonest (and random plans later).
    (With the teardown, the default since 2026-12-07, the members' removals may share a
    Saturday and day 48 is the bound.)"""
    problem = _problem(12, 5, "hubs-2016",
                       Decisions(disabled_rules=frozenset({"dag_teardown"})))
    relaxed = serial_plan(problem, resources=False)
    spans = {i: (p.start, p.end) for i, p in relaxed.items()}
    assert energetic_finish(problem, spans) == 62
    rng = random.Random(12)
    for _ in range(8):
        plan = serial_plan(problem, order=order_by(problem, [rng.randrange(1000)
                                                             for _ in problem.jobs]))
        assert max(p.end for p in plan.values()) >= 62


def test_an_unattended_batchs_half_days_are_no_free_day(monkeypatch: pytest.MonkeyPatch,
                                                        ) -> None:
    """36 servers, one consultant: one of six legacy servers' mailboxes move unattended,
    holding the consultant half of its first and half of its last day. Counted as one day
    of work, the weekday work ended a day sooner, on the Friday before a removal Saturday,
    and the floor said 132 blocked days; a half day takes nothing but another step's half
    day, so the two are two days, the removal a week later, and the plan's 146 is proven."""
    from planner.core.scheduler import capacity
    from planner.core.scheduler.floors import lower_bound

    problem = _problem(36, 1, "hubs-2016")
    assert lower_bound(problem, None)[0] == 146
    monkeypatch.setattr(capacity.Work, "_wasted", lambda self, calendars: 0)
    assert lower_bound(problem, None)[0] < 146


def test_a_few_window_steps_at_a_join_are_weeks(monkeypatch: pytest.MonkeyPatch) -> None:
    """150 servers, one consultant: after 29 legacy removals (150 steps) eight cumulative
    updates, one per Saturday, before the security update can be done. At that join the
    updates are a few steps beside 150, and the floor counted them as one day: the security
    update no sooner than day 474. Counted as eight window days: day 502 (the plan's is
    510), and still no valid plan cuts over below the floors."""
    from planner.core.scheduler import energetic as module
    from planner.core.scheduler.floors import cutovers, floor_cuts

    problem = _problem(150, 1, "hubs-2016")
    security = problem.by_id["security:cu15"]
    relaxed = {i: (p.start, p.end) for i, p in serial_plan(problem, resources=False).items()}

    def released() -> int:
        release: dict[int, int] = {}
        exit_floors(problem, relaxed, release)
        return release[security]

    assert released() == 502
    cuts, _ = floor_cuts(problem)
    rng = random.Random(150)
    for order in [chains_first(problem), *(order_by(problem, [rng.randrange(1000)
                                                               for _ in problem.jobs])
                                           for _ in range(3))]:
        plan = serial_plan(problem, order=order)
        assert plan[security].start >= 502
        assert all(cuts[n] <= c for n, c in cutovers(problem, plan).items())
    monkeypatch.setattr(module, "_WINDOWS_JOINED", 0)
    assert released() == 474
