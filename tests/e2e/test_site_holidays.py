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


def test_a_new_server_in_another_country_keeps_its_own_holidays() -> None:
    """DAG-LEJVIE spans Leipzig and Vienna: the Vienna server's successor keeps Vienna's
    holidays (it took the Leipzig site of the DAG's first member): a pin on Corpus Christi,
    a public holiday in Vienna but not in Saxony, moves to the next working day."""
    from datetime import date

    from planner.core.settings import Decisions
    from planner.pipeline import knowledge_for, load_inputs, make_plan

    inputs = load_inputs([ESTATES / "ex2016-three-sites" / "inventory.xlsx"])
    steps = {s.id: s for s in estate_plan(CASES["estate:ex2016-three-sites"]).proposal.steps}
    assert steps["baseline:VIE-EX01-SE"].site == "VIE" == steps["sbs:decom:VIE-EX01"].site
    assert steps["sbs:dag:DAG-LEJVIE"].site == "LEJ"  # the group's own steps: its first site
    corpus_christi = date(2027, 5, 27)
    cal = build_calendar(inputs.settings, inputs.estate)
    assert cal.holiday_name(corpus_christi, "VIE") and not cal.holiday_name(corpus_christi, "LEJ")
    plan = make_plan(inputs.estate, inputs.findings, inputs.settings,
                     Decisions(pins={"baseline:VIE-EX01-SE": corpus_christi}),
                     knowledge_for(inputs.settings))
    dated = plan.schedule.for_step("baseline:VIE-EX01-SE")
    assert dated is not None and dated.start > corpus_christi
    assert [m.step_id for m in plan.schedule.snapped_pins] == ["baseline:VIE-EX01-SE"]
