"""The one namespace rule, walked through the plan as a consultant checks it: the load balancer
pool of every client namespace, switch by switch in the order the prerequisites allow, never
loses a server before it has left the pool, points at servers that stay while Exchange 2013
goes, and ends on the SE servers of the Internet-facing sites.

The pools are read from the switch steps' commands, the lines the customer's administrator
carries out (``Load balancer pool / DNS for <names>: add <servers>, drain and remove <servers>``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

from planner.core.plan import Proposal, Step
from planner.core.rules import propose
from planner.core.rules.order import step_graph
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs

ESTATES = Path(__file__).resolve().parents[2] / "estates"
_SWITCH = re.compile(r"^Load balancer pool / DNS for (.+?): add (.+?)(?:, drain and remove (.+))?$")
_DRAIN = re.compile(r"^Load balancer pool for (.+?): drain and remove (.+?); .+ stay$")
_REMOVALS = ("decommission", "ex2013_decommission")


@cache
def _proposal(estate: str) -> Proposal:
    inputs = load_inputs([ESTATES / estate / "inventory.xlsx"])
    return propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))


def _names(text: str | None) -> set[str]:
    return {n.strip() for n in (text or "").split(",") if n.strip()}


def _changes(step: Step) -> list[tuple[set[str], set[str], set[str]]]:
    """(namespaces, servers that join, servers that leave) per pool line of a switch."""
    out = []
    for text in step.command_in("en").splitlines():
        if m := _SWITCH.match(text):
            out.append((_names(m[1]), _names(m[2]), _names(m[3])))
        elif m := _DRAIN.match(text):
            out.append((_names(m[1]), set(), _names(m[2])))
    return out


def _before(proposal: Proposal, step_id: str) -> set[str]:
    """Every step that must finish before ``step_id`` (the predecessor graph walked)."""
    return set(nx.ancestors(_graph(proposal), step_id))


@cache
def _graph(proposal: Proposal) -> nx.DiGraph:
    return step_graph(proposal.steps)


def _walk(estate: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The pools at the end, and per server every namespace it was ever in."""
    proposal = _proposal(estate)
    inputs = load_inputs([ESTATES / estate / "inventory.xlsx"])
    pools = {ns.name: {inputs.estate.server(r).name for r in ns.servers}  # type: ignore[union-attr]
             for ns in inputs.estate.namespaces}
    ever: dict[str, set[str]] = {}
    for ns, servers in pools.items():
        for s in servers:
            ever.setdefault(s, set()).add(ns)
    steps = {s.id: s for s in proposal.steps}
    for sid in nx.topological_sort(_graph(proposal)):
        for spaces, add, leave in _changes(steps[sid]) if steps[sid].kind == "namespace_switch" \
                else []:
            for ns in spaces:
                pools[ns] = (pools[ns] - leave) | add
                for s in add:
                    ever.setdefault(s, set()).add(ns)
    return pools, ever


@pytest.mark.parametrize("estate", ["mailflow-fichtelwerk", "mailflow-saaletal"])
def test_no_server_is_removed_while_a_namespace_pool_still_holds_it(estate: str) -> None:
    proposal = _proposal(estate)
    _, ever = _walk(estate)
    switches = [s for s in proposal.steps if s.kind == "namespace_switch"]
    removals = [s for s in proposal.steps if s.kind in _REMOVALS and s.server() in ever]
    assert removals
    for removal in removals:
        before, server = _before(proposal, removal.id), removal.server()
        for ns in ever[server]:
            out = [s.id for s in switches
                   if any(ns in spaces and server in leave for spaces, _, leave in _changes(s))]
            assert out and set(out) <= before, f"{server} leaves {ns} after {removal.id}: {out}"
        joins = [s.id for s in switches if any(server in add for _, add, _ in _changes(s))]
        assert set(joins) <= before, (removal.id, joins)


@pytest.mark.parametrize(("estate", "final"), [
    ("mailflow-fichtelwerk", {"mail.fichtelwerk.de": {"FW-SE01", "FW-SE02"},
                              "autodiscover.fichtelwerk.de": {"FW-SE01", "FW-SE02"}}),
    # two Internet-facing sites: the new servers of Jena and Gera and the 2019 server of Gera,
    # upgraded in place; nothing of Zeitz, which is not Internet-facing
    ("mailflow-saaletal", {"mail.saaletal.de": {"Jena-SE01", "Gera-SE01", "SA-EX19-G"},
                           "autodiscover.saaletal.de": {"Jena-SE01"}}),
])
def test_the_namespaces_end_on_the_se_servers_of_the_internet_facing_sites(
        estate: str, final: dict[str, set[str]]) -> None:
    pools, _ = _walk(estate)
    assert pools == final


def test_while_2013_goes_the_namespace_points_at_servers_of_the_internet_facing_site() -> None:
    """Fichtelwerk: the 2013 server in Hof hands the namespace to the 2016 DAG in Hof, not to
    the 2019 server in Selb, which is not Internet-facing; the new SE servers in Hof take it
    over from the DAG before any mailbox moves to them."""
    proposal = _proposal("mailflow-fichtelwerk")
    steps = {s.id: s for s in proposal.steps}
    legacy = _changes(steps["legacy:namespace:FW-EX13"])
    assert {frozenset(a) for _, a, _ in legacy} == {frozenset({"FW-EX16A", "FW-EX16B"})}
    assert "FW-EX19" not in steps["legacy:namespace:FW-EX13"].command_in("en")
    first_move = "sbs:moves:FW-DAG:1"
    assert "sbs:namespace:FW-DAG" in _before(proposal, first_move)
    for lang in ("en", "de"):
        assert "FW-SE01" in steps["sbs:namespace:FW-DAG"].title(lang)


def test_a_group_outside_the_internet_facing_sites_hands_its_pool_to_their_se_servers() -> None:
    """Saaletal: the 2016 server in Zeitz leaves the pool to the new SE servers of Jena and
    Gera, once they are set up; its own successor in Zeitz never joins."""
    proposal = _proposal("mailflow-saaletal")
    steps = {s.id: s for s in proposal.steps}
    zeitz = steps["sbs:namespace:SA-EX16-Z"]
    assert [(a, leave) for _, a, leave in _changes(zeitz)] == [
        ({"Jena-SE01", "Gera-SE01"}, {"SA-EX16-Z"})]
    assert {"sbs:config:Jena-SE01", "sbs:config:Gera-SE01"} <= _before(proposal, zeitz.id)
    assert all("Zeitz-SE01" not in s.command_in("en") for s in proposal.steps
               if s.kind == "namespace_switch")
    assert "autodiscover.saaletal.de/Autodiscover" in zeitz.command_in("en")


def test_a_retired_edge_hands_its_mail_to_the_se_servers_of_its_site_only() -> None:
    """Saaletal's Edge serves Gera: retired without a successor, its relay connector, relay
    clients and internet mail go to the SE servers of Gera (the new one, once set up, and the
    2019 server upgraded in place), not to every Mailbox server of the organization."""
    inputs = load_inputs([ESTATES / "mailflow-saaletal" / "inventory.xlsx"])
    proposal = propose(inputs.estate, inputs.settings, Decisions(paths={"SA-EDGE": "decommission"}),
                       knowledge_for(inputs.settings))
    steps = {s.id: s for s in proposal.steps}
    created = re.findall(r"New-ReceiveConnector -Server (\S+) -Name 'Relay DMZ'",
                         steps["edge:receive:SA-EDGE"].command_in("en"))
    assert sorted(created) == ["Gera-SE01", "SA-EX19-G"]
    inbound = steps["edge:inbound:SA-EDGE"]
    for elsewhere in ("Jena-SE01", "Zeitz-SE01", "SA-EX19-Z"):
        assert elsewhere not in inbound.title("en") + inbound.command_in("en")
        assert all(elsewhere not in s.title("en") for s in proposal.steps
                   if s.id.startswith("edge:relay:SA-EDGE"))
    graph = step_graph(proposal.steps)
    assert "sbs:config:Gera-SE01" in nx.ancestors(graph, inbound.id)
    assert "sbs:config:Gera-SE01" in nx.ancestors(graph, "edge:receive:SA-EDGE")


def test_an_smtp_name_keeps_each_site_on_its_own_relay_servers() -> None:
    """Van Dijk (a consultant's review): ``smtp.vdl.local`` serves Antwerp's relay server and
    Venlo's; Antwerp's printers and WMS went to Venlo's servers, which have no relay
    connector for them, and the step carried OWA and Autodiscover commands for a name only
    mail goes to. The relay server's successor at its own site takes its place."""
    pools, _ = _walk("vandijk-logistiek")
    assert pools["smtp.vdl.local"] == {"VNL-EX19-01", "ANR-EX16-01-SE"}
    steps = {s.id: s for s in _proposal("vandijk-logistiek").steps}
    switch = steps["sbs:namespace:ANR-EX16-01"]
    for lang in ("en", "de"):
        text = switch.command_in(lang)
        assert "Autodiscover" not in text and "OWA" not in text
        assert "smtp.vdl.local" in text and "ANR-EX16-01-SE" in switch.title(lang)
    assert "sbs:config:ANR-EX16-01-SE" in _before(_proposal("vandijk-logistiek"), switch.id)


def test_a_site_the_customer_serves_clients_from_keeps_its_successor_in_the_pool() -> None:
    """Nordwind (a review): the load balancer of Hamburg (Internet-facing) also holds the 2019
    DAG members of Bremen, which stay (upgraded in place), so Bremen serves clients on
    purpose. The Bremen 2016 server's successor takes its place in both pools; the 2019 CU14
    server of Hamburg, which no pool held, is not added (it had been, before its upgrade)."""
    proposal = _proposal("nordwind-logistik")
    steps = {s.id: s for s in proposal.steps}
    switch = steps["sbs:namespace:HB-EX16-01"]
    assert [(spaces, add, leave) for spaces, add, leave in _changes(switch)] == [
        ({"mail.nordwind-logistik.de"}, {"HB-EX16-01-SE"}, {"HB-EX16-01"}),
        ({"autodiscover.nordwind-logistik.de"}, {"HB-EX16-01-SE"}, {"HB-EX16-01"})]
    assert "HH-EX19-05" not in switch.command_in("en")
    assert "sbs:config:HB-EX16-01-SE" in _before(proposal, switch.id)
