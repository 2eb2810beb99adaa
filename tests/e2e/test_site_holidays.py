"""No step of any sample or test estate starts or ends on a public holiday of its site.

A step's site is its server's (or its DAG's); new SE servers, their DAG and the group's
switch and move steps take the site of the servers they replace, so a Berlin group keeps
Berlin's holidays (8 March) and a Munich group Bavaria's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.calendar import build_calendar
from planner.core.model import Estate
from planner.core.plan import Plan, Step
from tests.paths import SAMPLES
from tests.sample_plans import estate_plan, sample_files

ESTATES = Path(__file__).resolve().parents[1] / "estates"
CASES = {
    **{f"sample:{p.name}": sample_files(p.name) for p in sorted(SAMPLES.iterdir())
       if p.is_dir() and any(p.iterdir())},
    **{f"estate:{p.name}": tuple(sorted(f for f in p.iterdir() if f.suffix in
                                        (".xlsx", ".csv")))
       for p in sorted(ESTATES.iterdir()) if p.is_dir()},
}


def _replaced_site(estate: Estate, step: Step) -> str | None:
    """The site of an existing server the step's target names (new names contain the old)."""
    _, _, name = step.target.partition(":")
    server = estate.server(name)
    if server is not None:
        return server.site
    dag = estate.dag(name)
    if dag is not None and dag.members:
        member = estate.server(dag.members[0])
        return member.site if member else None
    old = [s for s in estate.servers if s.name and s.name.lower() in name.lower()]
    old += [s for d in estate.dags if d.name and d.name.lower() in name.lower()
            for m in d.members if (s := estate.server(m)) is not None]
    return old[0].site if old else None


def _plan(case: str) -> Plan:
    return estate_plan(CASES[case])


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_step_starts_or_ends_on_a_holiday_of_its_site(case: str) -> None:
    plan = _plan(case)
    cal = build_calendar(plan.settings, plan.estate)
    checked = 0
    for step in plan.proposal.steps:
        dated = plan.schedule.for_step(step.id)
        site = _replaced_site(plan.estate, step)
        if dated is None or step.milestone or not site:
            continue
        for day in (dated.start, dated.end):
            assert cal.holiday_name(day, site) is None, (case, step.id, site, day)
        checked += 1
    assert checked or not plan.estate.sites


def test_new_servers_keep_the_holidays_of_the_site_they_replace() -> None:
    plan = _plan("sample:mixed")
    new = [s for s in plan.proposal.steps if s.id.startswith("sbs:")]
    # a step on an existing server or DAG keeps that target's site; every other one names its own
    assert new and all(s.site or plan.estate.server(s.target.partition(":")[2])
                       or plan.estate.dag(s.target.partition(":")[2]) for s in new)
    berlin = [s for s in new if "BER" in s.id]
    assert berlin and all(s.site in ("", "Berlin") for s in berlin)
