"""Gotthard Rail (tests/estates/gotthard-rail), a consultant's review on 8 Dec 2026: CH-TI and
AT-7, a 2019 CU14 DAG in Bellinzona upgraded in place, a 2016 DAG in Innsbruck replaced, a
2013 server with the arbitration mailboxes, an Edge 2019 subscribed to Bellinzona. Each
finding as what the plan must now say. One plan for the module."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest

from planner.core.plan import Plan, Step
from planner.core.report.context import build_context
from planner.core.rules.order import step_graph
from planner.core.settings import Decisions
from planner.core.step_source import step_source_text
from planner.pipeline import knowledge_for, load_inputs, make_plan
from tests.e2e.test_mail_flow_properties import (
    moves,
    repointed_twice_or_from_elsewhere,
    repoints_by_device,
)

ESTATE = Path(__file__).resolve().parents[1] / "estates" / "gotthard-rail"
_POOL = re.compile(r"^Load balancer pool / DNS for (.+?): add (.+?)(?:, drain and remove (.+))?$")


@pytest.fixture(scope="module")
def plan() -> Plan:
    inputs = load_inputs([ESTATE / "inventory.xlsx", ESTATE / "Get-OnPremServerReportInfo.txt",
                          ESTATE / "transport-logs"], settings_path=ESTATE / "settings.toml")
    settings = replace(inputs.settings, solver_time_limit_s=3.0)
    return make_plan(inputs.estate, inputs.findings, settings, Decisions(),
                     knowledge_for(settings))


def _steps(plan: Plan) -> dict[str, Step]:
    return {s.id: s for s in plan.proposal.steps}


def test_a_namespace_published_from_a_site_that_is_not_internet_facing_stays_there(
        plan: Plan) -> None:
    """mail.gotthardrail.at is served by Innsbruck's 2016 DAG through Innsbruck's load
    balancer with its own certificate; Innsbruck is not marked Internet-facing. Its pool had
    been handed to Bellinzona's servers, which hold neither the certificate nor the load
    balancer, and their Autodiscover URL had been set to the Austrian name."""
    switches = [s for s in plan.proposal.steps if s.kind == "namespace_switch"]
    pools: dict[str, set[str]] = {}
    for step in switches:
        for text in step.command_in("en").splitlines():
            if m := _POOL.match(text):
                for name in m[1].split(", "):
                    pools.setdefault(name.strip(), set()).update(n.strip() for n in m[2].split(","))
        for lang in ("en", "de"):
            assert "BLZ-EX19" not in step.title(lang)
        for line in step.command_in("en").splitlines():
            if line.startswith("Set-ClientAccessService") and "mail.gotthardrail.at" in line:
                assert "BLZ-" not in line
    assert pools["mail.gotthardrail.at"] == {"IBK-EX16-01-SE", "IBK-EX16-02-SE"}


def test_b_the_edge_is_subscribed_again_only_for_new_servers_of_its_own_site(
        plan: Plan) -> None:
    """BLZ-EDGE01 is subscribed to Bellinzona, whose servers are upgraded in place; the new
    SE servers are in Innsbruck, which EdgeSync never includes: no re-subscription, and the
    Innsbruck servers' removal does not wait for one."""
    steps = _steps(plan)
    assert "edge:resubscribe:BLZ-EDGE01" not in steps
    graph = step_graph(plan.proposal.steps)
    for old in ("IBK-EX16-01", "IBK-EX16-02"):
        assert not any(a.startswith("edge:") for a in nx.ancestors(graph, f"sbs:decom:{old}"))


def test_b_an_edge_whose_site_holds_no_mailbox_server_is_subscribed_again() -> None:
    """The same Edge recorded in its perimeter site ("DMZ") and no EdgeSync connector listed:
    the site says nothing about where it is subscribed, so it is subscribed again for the
    new servers, as before the site was looked at."""
    from planner.core.model import ConnectorType
    from planner.core.rules import propose

    inputs = load_inputs([ESTATE / "inventory.xlsx"], settings_path=ESTATE / "settings.toml")
    estate = inputs.estate
    servers = tuple(replace(s, site="DMZ") if s.is_edge else s for s in estate.servers)
    connectors = tuple(c for c in estate.connectors
                       if c.type is not ConnectorType.EDGE_SUBSCRIPTION)
    estate = replace(estate, servers=servers, connectors=connectors)
    steps = propose(estate, inputs.settings, Decisions(), knowledge_for(inputs.settings)).steps
    assert "edge:resubscribe:BLZ-EDGE01" in {s.id for s in steps}


def test_c_a_window_step_held_by_the_freeze_names_the_freeze_not_the_first_holiday(
        plan: Plan) -> None:
    """IBK-EX16-01's baseline update needs a Saturday window: 8 December (a holiday) could
    not take it, nor could the Christmas freeze to 6 January; it is dated Saturday 9 January.
    Its driver had read "Public holiday: Immaculate Conception (8 Dec 2026)"."""
    dated = next(s for s in plan.schedule.steps if s.step_id == "su-exo:IBK-EX16-01")
    assert dated.start.isoformat() == "2027-01-09"
    assert dated.driver.kind == "freeze"
    # a weekday step held only by the holiday still names it
    licence = next(s for s in plan.schedule.steps if s.step_id == "license:org")
    assert licence.driver.kind == "holiday"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_report_writes_each_source_and_reason_once(plan: Plan, lang: str) -> None:
    """The English report repeated "Rule “Replace Exchange 2016 with new SE servers”; source:
    …" on 30 step cards and the second new server's provisioning reason in full, pages after
    the first. Later cards point back by step number; the workbook keeps every text in full."""
    knowledge = knowledge_for(plan.settings)
    rows = [row for phase in build_context(plan, knowledge, lang).phases
            for row in phase.table.rows]
    sources = [row.source for row in rows if row.source]
    full = {step_source_text(s, knowledge, lang) for s in plan.proposal.steps} - {""}
    assert full <= set(sources)  # each in full once
    assert len([s for s in sources if s in full]) == len(full)
    later = [s for s in sources if s not in full]  # the rule and the step that cites it
    assert later and all(len(s) < 120 for s in later)
    reasons = [row.detail for row in rows if len(row.detail) > 120]
    assert len(reasons) == len(set(reasons))


def test_d_a_device_is_re_pointed_once_per_target_from_where_it_sends_then(plan: Plan) -> None:
    """fahrgastinfo-gw, found on the 2013 server's 'Legacy Relay', is re-pointed to
    smtp.gotthardrail.local on 11 January; the name then moves to the new servers with the
    namespace switch. A second step had pointed it there again in the side-by-side phase,
    "SMTP server IBK-EX16-01 -> smtp.gotthardrail.local", where it no longer sent."""
    devices = repoints_by_device(list(plan.proposal.steps))
    assert [s.id for s in devices["relay:fahrgastinfo-gw"]] == [
        "legacy:relay:IBK-EX13-01:fahrgastinfo-gw"]
    # from where the transport logs saw it send: the 2013 server's address
    assert moves(devices["relay:fahrgastinfo-gw"][0]) == ("10.70.0.13 (IBK-EX13-01)",
                                                          "smtp.gotthardrail.local")
    assert repointed_twice_or_from_elsewhere(list(plan.proposal.steps)) == []
    # the old servers' removal still waits until the name reaches the new servers
    graph = step_graph(plan.proposal.steps)
    assert "sbs:namespace:DAG-IBK" in nx.ancestors(graph, "sbs:decom:IBK-EX16-01")


def test_e_a_relay_range_that_holds_the_exchange_servers_is_narrowed_to_its_clients(
        plan: Plan) -> None:
    """'Legacy Relay' on IBK-EX13-01 admits 10.70.0.0/16, which holds the Exchange servers
    themselves (10.70.0.13, 10.70.0.21): its copies on IBK-EX16-01/02 and on the new servers
    admitted the whole /16 too, though the logs saw one client, 10.70.50.7. Now every copy
    admits 10.70.50.7, with a warning that names the servers' addresses; the ranges that
    hold no Exchange server (the Kyocera printers' /24) are copied as they are."""
    steps = _steps(plan)
    for sid in ("legacy:repoint:IBK-EX13-01", "sbs:receive:DAG-IBK"):
        for lang in ("en", "de"):
            lines = [line for line in steps[sid].command_in(lang).splitlines()
                     if line.startswith("New-ReceiveConnector")]
            legacy = [line for line in lines if "'Legacy Relay'" in line]
            assert len(legacy) == 2 and all("-RemoteIPRanges '10.70.50.7' " in line
                                            for line in legacy), legacy
            assert "10.70.0.0/16" in steps[sid].command_in(lang)  # the comment names it
            assert "'10.70.0.0/16'" not in steps[sid].command_in(lang)
    innsbruck = [line for line in steps["sbs:receive:DAG-IBK"].command_in("en").splitlines()
                 if "'Relay Innsbruck'" in line and line.startswith("New-ReceiveConnector")]
    assert all("-RemoteIPRanges '10.70.30.0/24','10.70.10.20'" in line for line in innsbruck)
    found = [f for f in plan.findings if f.code.startswith("RULES-RELAY-RANGE-EXCHANGE")]
    assert [f.code for f in found] == ["RULES-RELAY-RANGE-EXCHANGE"]
    assert found[0].severity.value == "warning"
    text = found[0].message("en")
    for part in ("10.70.0.0/16", "10.70.0.13 (IBK-EX13-01)", "10.70.0.21 (IBK-EX16-01)",
                 "saw only 10.70.50.7", "admits 10.70.50.7"):
        assert part in text, text
    assert "10.70.0.13 (IBK-EX13-01)" in found[0].message("de")
