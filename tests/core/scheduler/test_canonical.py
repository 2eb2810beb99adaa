"""The same input gives the same plan in any process, and every date's driver is true."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta

from planner.core.catalogue import catalogue
from planner.core.explanation import DRIVER_KINDS
from planner.core.knowledge import Knowledge
from planner.core.model import Estate, Server
from planner.core.plan import Dependency, Schedule
from planner.core.scheduler import schedule
from planner.core.settings import Consultant, Decisions
from tests.core.scheduler.builders import make_step, one_server, proposal, settings
from tests.paths import MIXED, ROOT

START = date(2026, 12, 1)  # a Tuesday

_SCRIPT = """
import hashlib, sys
from dataclasses import replace
from planner.core.knowledge import load_knowledge
from planner.core.scheduler import schedule
from planner.core.settings import Decisions
from planner.pipeline import load_inputs
from planner.core.rules import propose
from tests.synthetic import synthetic_case
knowledge = load_knowledge()
inputs = load_inputs([sys.argv[1]])
cases = [(propose(inputs.estate, inputs.settings, Decisions(), knowledge), inputs.estate,
          inputs.settings)]
case = synthetic_case(20)
cases.append((case.proposal, case.estate, replace(case.settings, solver_time_limit_s=3.0)))
for prop, estate, s in cases:
    plan = schedule(prop, estate, s, Decisions(), knowledge)
    print(plan.objective.status, hashlib.sha256(repr(plan).encode()).hexdigest())
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(MIXED)], cwd=ROOT, env=env,
                          check=True, capture_output=True, text=True, timeout=300)
    return done.stdout


def test_two_processes_with_different_hash_seeds_give_identical_plans() -> None:
    first, second = _run("1"), _run("4242")
    assert first == second
    assert first.splitlines()[0].startswith("optimal ")


def _check_drivers(plan: Schedule) -> None:
    for dated in plan.steps:
        assert dated.driver.kind in DRIVER_KINDS, dated.step_id
        assert catalogue("de").has(f"plan.driver.{dated.driver.key}"), dated.step_id


def test_a_step_waiting_for_its_consultant_names_what_keeps_them_busy(
        knowledge: Knowledge) -> None:
    s = settings(consultants=(Consultant("Anna"),))
    plan = schedule(proposal(make_step("a", 3), make_step("b", 1)), one_server(), s,
                    Decisions(), knowledge)
    a, b = plan.for_step("a"), plan.for_step("b")
    assert a and b and b.start > a.end
    assert b.driver_kind == "resource" and b.driver.name == "Anna" and b.driver.step == "a"
    _check_drivers(plan)


def test_a_window_step_kept_from_a_window_by_its_consultant_says_so(
        knowledge: Knowledge) -> None:
    # Anna works a window step pinned to the first Saturday: the other window step waits
    # for the next one because of her, not because of the calendar
    s = settings(consultants=(Consultant("Anna"),), maintenance_days=("Sat",))
    steps = (make_step("first", 1, window=True), make_step("w", 1, window=True))
    plan = schedule(proposal(*steps), one_server(), s,
                    Decisions(pins={"first": date(2026, 12, 5)}), knowledge)
    w = plan.for_step("w")
    assert w and w.start == date(2026, 12, 12)
    assert w.driver_kind == "resource" and w.driver.name == "Anna"


def test_a_weekday_step_over_a_weekend_leaves_its_saturday_to_a_window_step(
        knowledge: Knowledge) -> None:
    # Anna works a 5-day step from Tuesday to Monday; she does not work it on Saturday, so
    # the window step takes that Saturday (held, it waited a week: one consultant's
    # cutovers slipped by whole weeks)
    s = settings(consultants=(Consultant("Anna"),), maintenance_days=("Sat",))
    steps = (make_step("long", 5), make_step("w", 1, window=True))
    plan = schedule(proposal(*steps), one_server(), s, Decisions(pins={"long": START}),
                    knowledge)
    long, w = plan.for_step("long"), plan.for_step("w")
    assert long and long.end == date(2026, 12, 7)
    assert w and w.start == date(2026, 12, 5) and w.consultant == "Anna"
    assert plan.objective.status == "optimal"


def test_lags_count_working_days(knowledge: Knowledge) -> None:
    b = replace(make_step("b", 1), predecessors=(Dependency("a", "FS", 2),))
    plan = schedule(proposal(make_step("a", 4), b), one_server(), settings(), Decisions(),
                    knowledge)
    a_dated, b_dated = plan.for_step("a"), plan.for_step("b")
    assert a_dated and b_dated
    assert a_dated.end == date(2026, 12, 4)  # Tuesday to Friday
    # Monday and Tuesday are the two lag days, the weekend does not count
    assert b_dated.start == date(2026, 12, 9)


def test_an_estate_too_big_to_prove_gets_the_quick_plan_with_its_gap(
        knowledge: Knowledge) -> None:
    from tests.synthetic import synthetic_case

    case = synthetic_case(200)
    plan = schedule(case.proposal, case.estate, replace(case.settings, solver_time_limit_s=2.0),
                    Decisions(), knowledge)
    assert plan.objective.status == "feasible"
    assert 0 < plan.objective.gap < 1
    assert len(plan.steps) == len(case.proposal.steps)
    by_dag: dict[str, list[tuple[date, date]]] = {}
    for dated in plan.steps:
        step = next(s for s in case.proposal.steps if s.id == dated.step_id)
        for r in step.resources:
            if r.startswith("dag:"):
                by_dag.setdefault(r, []).append((dated.start, dated.end))
    for spans in by_dag.values():  # still one DAG member at a time
        spans.sort()
        assert all(nxt[0] > prev[1] for prev, nxt in itertools.pairwise(spans))


def test_consultant_bound_plans_are_proven_by_their_workload(knowledge: Knowledge) -> None:
    from tests.synthetic import synthetic_case

    case = synthetic_case(20)  # one consultant: every server already counting
    plan = schedule(case.proposal, case.estate, case.settings, Decisions(), knowledge)
    assert plan.objective.status == "optimal"
    assert plan.objective.throttled_days == 0 and plan.objective.blocked_days == 0
    assert plan.pauses and plan.pauses[0].start == START


def test_a_pause_is_just_long_enough_and_starts_as_early_as_it_can(
        knowledge: Knowledge) -> None:
    s = settings(first_detected={"EX01": START - timedelta(days=29)})
    plan = schedule(proposal(make_step("inplace:EX01", 3, exits=("EX01",))), one_server(), s,
                    Decisions(), knowledge)
    # three counted days would reach day 31 after detection: two must be paused; of the
    # equally good pauses the earliest is the one a consultant can still set up today
    assert [(p.start, p.days) for p in plan.pauses] == [(START, 2)]
    assert plan.objective.throttled_days == 0 and plan.objective.status == "optimal"


def test_one_consultant_for_three_overdue_servers_proves_the_blocked_days(
        knowledge: Knowledge) -> None:
    servers = ("EX01", "EX02", "EX03")
    s = settings(consultants=(Consultant("Anna"),), pause_days_used={2026: 90},
                 first_detected={n: START - timedelta(days=70) for n in servers})
    steps = tuple(make_step(f"inplace:{n}", 2, exits=(n,)) for n in servers)
    plan = schedule(proposal(*steps), Estate(servers=tuple(Server(n) for n in servers)), s,
                    Decisions(), knowledge)
    # Tue-Wed, Thu-Fri, Mon-Tue: 2 + 4 + 8 days in a blocking stage, no pause left this year
    assert plan.objective.status == "optimal"
    assert plan.objective.blocked_days == 14 and plan.pauses == ()
    assert "unavoidable" in plan.objective.reason("en")
