"""The orderings a consultant relies on, checked on every sample estate."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from planner.core.model import Estate
from planner.core.rules import propose
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs
from tests.core.rules.estates import legacy, mixed, small
from tests.core.rules.proposing import before, ids, plan
from tests.sample_plans import estate_plan

SAMPLES = [small, mixed, legacy]
INSTALL_KINDS = {"cu_update", "inplace_upgrade", "install_se", "edge_new"}


@pytest.mark.parametrize("make", SAMPLES)
def test_ad_prep_comes_before_every_mailbox_install(make: type[Estate]) -> None:
    p = plan(make())
    mailbox_installs = [s for s in p.steps if s.kind in {"cu_update", "inplace_upgrade",
                                                         "install_se"}
                        and "EDGE" not in s.target]
    assert mailbox_installs
    assert all(before(p, "adprep:org", s.id) for s in mailbox_installs)
    assert before(p, "license:org", "adprep:org")


def test_2013_is_gone_before_any_se_or_cu15_install() -> None:
    p = plan(legacy())
    installs = [s.id for s in p.steps if s.kind in INSTALL_KINDS]
    assert installs == ["cu:EX2019", "inplace:EX2019"]
    for sid in installs:
        assert before(p, "legacy:decom:EX2013", sid)
    assert before(p, "legacy:repoint:EX2013", "legacy:decom:EX2013")
    assert before(p, "legacy:moves:EX2013", "legacy:decom:EX2013")


@pytest.mark.parametrize("make", SAMPLES)
def test_no_two_members_of_one_dag_are_down_at_once(make: type[Estate]) -> None:
    estate = make()
    p = plan(estate)
    dag_of = {s.name: s.dag for s in estate.servers if s.dag}
    downtime = [s for s in p.steps if s.needs_window and s.target.startswith("server:")
                and s.target.split(":", 1)[1] in dag_of]
    # Every step that takes a DAG member down holds the DAG, so the scheduler never overlaps
    # two of them (a removal after the DAG's teardown takes down no member of it) ...
    for s in downtime:
        dag = dag_of[s.target.split(":", 1)[1]]
        gone = s.kind == "decommission" and before(p, f"sbs:dagremove:{dag}", s.id)
        assert f"dag:{dag}" in s.resources or gone, s.id
    # ... and the upgrades of a DAG that stays are chained one member after the other.
    upgrades = [s.id for s in downtime if s.kind in {"cu_update", "inplace_upgrade"}]
    for a, b in itertools.combinations(upgrades, 2):
        same_dag = dag_of[a.split(":", 1)[1]] == dag_of[b.split(":", 1)[1]]
        if same_dag:
            assert before(p, a, b) or before(p, b, a), (a, b)


def test_dag_members_are_chained_with_the_judged_member_first() -> None:
    estate = small()
    ex02 = estate.server("EX02")
    assert ex02 is not None
    from dataclasses import replace
    p = plan(estate.with_server(replace(ex02, judged_by_exo=True)))
    assert before(p, "inplace:EX02", "inplace:EX01")
    assert not before(p, "inplace:EX01", "inplace:EX02")


def test_internet_facing_site_goes_first() -> None:
    p = plan(mixed())
    assert before(p, "inplace:EX2019-01", "inplace:EX2019-03")  # Munich before Hamburg


def test_connectors_and_relay_clients_move_before_decommission() -> None:
    p = plan(mixed())
    for old in ("EX2016-01", "EX2016-02"):
        decom = f"sbs:decom:{old}"
        for first in ("sbs:send:DAG2016", "sbs:receive:DAG2016", "sbs:relay:DAG2016:ERP",
                      "sbs:relay:DAG2016:Printer-3rd-floor",
                      "sbs:namespace:DAG2016", "sbs:arbitration:DAG2016",
                      "sbs:publicfolders:DAG2016"):
            assert before(p, first, decom), first
        assert all(before(p, m, decom) for m in ids(p, "sbs:moves:DAG2016"))


def test_moves_wait_for_namespace_switch_and_run_in_batches() -> None:
    p = plan(mixed())
    moves = ids(p, "sbs:moves:")
    assert len(moves) == 2  # 1,350 GB at 150 GB/day = 9 days, at most 5 per batch
    assert before(p, "sbs:namespace:DAG2016", moves[0])
    assert before(p, moves[0], moves[1])
    assert sum(s.duration_days for s in p.steps if s.id in moves) == 9


def test_hcw_runs_after_the_new_servers_carry_mail_flow() -> None:
    p = plan(mixed())
    for first in ("sbs:send:DAG2016", "sbs:namespace:DAG2016", "edge:subscribe:EDGE2016"):
        assert before(p, first, "hybrid:hcw")
    # every server runs the April 2025 hotfix update or later: the app is checked first
    app = next(s for s in p.steps if s.id == "hybrid:app")
    assert not app.predecessors and "checked first" in app.why("en")
    assert before(p, "hybrid:hcw", "sbs:decom:EX2016-01")
    assert before(p, "hybrid:hcw", "edge:remove:EDGE2016")


def test_in_place_only_needs_no_hcw_but_still_the_hybrid_app_check() -> None:
    p = plan(small())
    assert "hybrid:hcw" not in ids(p)  # same names, certificates and connectors
    app = next(s for s in p.steps if s.id == "hybrid:app")
    assert not app.predecessors  # every server can use the app today: first, not last
    assert "need not be re-run" in app.why("en") and "EDGE01" in app.why("en")
    assert "nicht nötig" in app.why("de")


def test_hcw_is_needed_when_a_hybrid_server_is_replaced() -> None:
    hcw = next(s for s in plan(mixed()).steps if s.id == "hybrid:hcw")
    assert "EX2016-01" in hcw.why("en") and "replaced or removed" in hcw.why("en")


def test_edge_subscription_waits_for_new_mailbox_servers() -> None:
    p = plan(mixed())
    assert before(p, "sbs:install:EX2016-01-SE", "edge:subscribe:EDGE2016")
    assert before(p, "edge:subscribe:EDGE2016", "edge:remove:EDGE2016")


def test_not_hybrid_means_no_hcw() -> None:
    assert not ids(plan(legacy()), "hybrid:")


@pytest.mark.parametrize("make", SAMPLES)
def test_waves_cover_every_step_once_in_dependency_order(make: type[Estate]) -> None:
    p = plan(make())
    flat = [sid for wave in p.waves for sid in wave]
    assert sorted(flat) == sorted(s.id for s in p.steps)
    wave_of = {sid: i for i, wave in enumerate(p.waves) for sid in wave}
    for s in p.steps:
        assert all(wave_of[d.step_id] < wave_of[s.id] for d in s.predecessors)
    position = {s.id: i for i, s in enumerate(p.steps)}
    assert all(position[d.step_id] < position[s.id] for s in p.steps for d in s.predecessors)


def test_the_hybrid_app_is_checked_once_every_server_can_use_it() -> None:
    """A review (Alpenglas): the app was checked last, weeks after the HCW, while EWS through
    the shared service principal has been refused since 31 October 2025. A 2019 CU13
    server (no April 2025 hotfix update) holds it back until its CU update, no longer."""
    from dataclasses import replace

    base = small()
    old = replace(base, servers=tuple(
        replace(s, build="15.2.1258.39") if s.name == "EX02" else s for s in base.servers))
    p = plan(old)
    app = next(s for s in p.steps if s.id == "hybrid:app")
    assert [d.step_id for d in app.predecessors] == ["cu:EX02"]
    assert ("as soon as every Exchange 2016 and 2019 server runs the April 2025 hotfix"
            " update") in app.why("en")


def test_the_hybrid_app_waits_for_a_baseline_update_not_a_removal() -> None:
    """Nordwind (a consultant's review): HB-EX16-01 gets Exchange Online's baseline update
    on 12 December; the app check waited for its decommissioning seven weeks later (the
    update's rule came after the hybrid rule, so the app saw only the removal)."""
    folder = Path(__file__).resolve().parents[2] / "estates" / "nordwind-logistik"
    inputs = load_inputs([folder / "inventory.xlsx", folder / "exo-report.csv"])
    p = propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))
    app = next(s for s in p.steps if s.id == "hybrid:app")
    assert {d.step_id for d in app.predecessors} == {"su-exo:HB-EX16-01", "inplace:HH-EX19-05"}


def test_the_two_sources_of_a_send_connector_are_never_down_together() -> None:
    """Nordwind (a consultant's review): the connector to Exchange Online has two sources,
    HB-EX16-01 (baseline update) and HH-EX19-05 (in-place upgrade); both were in the
    Saturday window of 12 December, and mail to cloud mailboxes queued all night."""
    folder = Path(__file__).resolve().parents[2] / "estates" / "nordwind-logistik"
    plan = estate_plan([folder / "inventory.xlsx", folder / "exo-report.csv"])
    dated = {s.step_id: s for s in plan.schedule.steps}
    update, upgrade = dated["su-exo:HB-EX16-01"], dated["inplace:HH-EX19-05"]
    assert update.end < upgrade.start or upgrade.end < update.start
    assert plan.schedule.objective.blocked_days == 0


def test_a_judged_source_beside_passing_servers_is_told_the_faster_way_out() -> None:
    """Nordwind: a blocked 2016 server and a throttled CU14 one send to Exchange Online
    while four 2019 CU15 Oct25SU servers pass its minimum version; making those the
    connector's only sources ends the enforcement the same day (a consultant's review)."""
    folder = Path(__file__).resolve().parents[2] / "estates" / "nordwind-logistik"
    inputs = load_inputs([folder / "inventory.xlsx", folder / "exo-report.csv"])
    p = propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))
    (said,) = [f for f in p.findings if f.code == "RULES-EXO-REPOINT-POSSIBLE"]
    text = said.message("en")
    assert "HB-EX16-01" in text and "HH-EX19-05" in text and "HB-EX19-02" in text
    assert "Set-SendConnector" in text and "Exchange Online judges them" in text
    assert "HB-EX19-02 pass Exchange Online's minimum version" in text  # four: plural
    assert "Abbau" in said.message("de")


def test_servers_below_the_baseline_are_no_way_out_even_if_not_judged() -> None:
    """Alpenglas: the servers Exchange Online does not judge (Graz's CU14 Apr25HU, the CU13
    journaling server) send nothing to it; as sources they would be judged at once. The
    warning had offered them."""
    folder = Path(__file__).resolve().parents[2] / "estates" / "alpenglas"
    inputs = load_inputs([folder / "inventory.xlsx", folder / "exo-report.csv"])
    p = propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))
    assert not [f for f in p.findings if f.code == "RULES-EXO-REPOINT-POSSIBLE"]
