"""The "mail keeps flowing" properties on every estate the project has, seen or unseen.

Each estate in ``tests/estates`` and ``resources/samples`` is imported and proposed; on each:
every group follows the one namespace rule, no default receive connector is recreated, every
custom receive connector and relay client moves before the server it uses is removed, an
Edge's removal waits for the inbound mail switch, arbitration mailboxes move before users,
and health mailboxes never move.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest

from planner.core.knowledge import load_knowledge
from planner.core.model import Estate
from planner.core.plan import Proposal, Step
from planner.core.rules import propose
from planner.core.rules.namespace import MOVE_KINDS
from planner.core.rules.order import step_graph
from planner.core.settings import Decisions
from planner.pipeline import load_inputs
from tests.paths import SAMPLES

ESTATES = Path(__file__).resolve().parents[1] / "estates"
_DEFAULTS = ("Default Frontend", "Client Frontend", "Outbound Proxy Frontend", "Client Proxy",
             "Default internal receive connector")


def _folders() -> list[Path]:
    return sorted([p for p in ESTATES.iterdir() if p.is_dir()]
                  + [p for p in Path(SAMPLES).iterdir() if p.is_dir()])


@cache
def _files(folder: str) -> list[str]:
    return sorted(str(f) for f in Path(folder).iterdir() if f.suffix.lower() in (".xlsx", ".csv"))


def _estate(folder: str) -> Estate:
    return load_inputs(_files(folder)).estate


def _proposal(folder: str) -> tuple[Proposal, nx.DiGraph]:
    inputs = load_inputs(_files(folder))
    p = propose(inputs.estate, inputs.settings, Decisions(), load_knowledge(
        inputs.settings.policy_overrides))
    return p, step_graph(p.steps)


def _before(g: nx.DiGraph, first: str, then: str) -> bool:
    return first in nx.ancestors(g, then)


CASES = [pytest.param(str(f), id=f.name) for f in _folders()]
# "SMTP server A -> B;" (where an earlier step left it), "SMTP server -> B (today the
# transport logs saw it reach A; …" or "(today's setting not known …", "from A to B;" and
# "… to B (today it reaches … the plan does not know)"
_REPOINT = re.compile(r"SMTP server (?:(?P<old>[^(]+?) )?-> (?P<new>[^\s;]+)"
                      r"(?: \(today the transport logs saw it reach (?P<seen>.+?);)?"
                      r"|(?:from (?P<from>.+?) )?\bto (?P<to>[^\s;,]+)[;,\s]")


def repoints_by_device(steps: list[Step]) -> dict[str, list[Step]]:
    """Each device's re-point steps, in the plan's order (a step before the ones after it)."""
    order = {sid: n for n, sid in enumerate(nx.topological_sort(step_graph(steps)))}
    out: dict[str, list[Step]] = {}
    for step in sorted((s for s in steps if s.kind == "relay_repoint"), key=lambda s: order[s.id]):
        out.setdefault(step.target, []).append(step)
    return out


def moves(step: Step) -> tuple[str, str]:
    """(where the device sends before the step, "" where that is not known, where after)
    as the step's command says."""
    m = _REPOINT.search(step.command_in("en"))
    assert m, step.command_in("en")
    if m["new"]:
        return m["old"] or m["seen"] or "", m["new"]
    return m["from"] or "", m["to"]


@pytest.mark.parametrize("folder", CASES)
def test_namespaces_point_at_the_servers_that_stay_before_mailboxes_move(folder: str) -> None:
    p, g = _proposal(folder)
    for m in (s for s in p.steps if s.kind in MOVE_KINDS):
        for n in (s for s in p.steps if s.kind == "namespace_switch" and s.phase is m.phase):
            assert _before(g, n.id, m.id), (n.id, m.id)


@pytest.mark.parametrize("folder", CASES)
def test_no_default_receive_connector_is_recreated(folder: str) -> None:
    p, _ = _proposal(folder)
    for s in p.steps:
        for line in s.command.splitlines():
            if line.startswith("New-ReceiveConnector"):
                assert not any(f"-Name '{d}" in line for d in _DEFAULTS), (s.id, line)


@pytest.mark.parametrize("folder", CASES)
def test_connectors_and_relay_clients_move_before_their_server_goes(folder: str) -> None:
    p, g = _proposal(folder)
    removals = [s for s in p.steps if s.kind in ("decommission", "ex2013_decommission")]
    for r in removals:
        server = r.target.partition(":")[2]
        # a second hop (a 2013 server's relay client moving on from the server that took
        # it over) names the 2013 server but follows its re-point, not its removal
        movers = [s for s in p.steps if s.kind in ("receive_connectors", "relay_repoint",
                                                    "ex2013_repoint", "send_connectors")
                  and (server in s.why("en") or s.target == r.target)
                  and not (s.phase is not r.phase
                           and f"legacy:repoint:{server}" in {d.step_id for d in s.predecessors})]
        for s in movers:
            assert _before(g, s.id, r.id), (s.id, r.id)


@pytest.mark.parametrize("folder", CASES)
def test_an_edge_goes_only_after_inbound_mail_reached_its_successor(folder: str) -> None:
    p, g = _proposal(folder)
    for r in (s for s in p.steps if s.id.startswith("edge:remove:")):
        name = r.id.split(":", 2)[2]
        assert _before(g, f"edge:inbound:{name}", r.id), r.id


@pytest.mark.parametrize("folder", CASES)
def test_arbitration_first_and_health_mailboxes_never(folder: str) -> None:
    p, g = _proposal(folder)
    for arb in (s for s in p.steps if s.kind == "arbitration_moves"):
        users = [s for s in p.steps if s.kind in ("mailbox_moves", "ex2013_moves")
                 and s.target == arb.target]
        # no user batch only for a server the inventory says holds no mailbox (public
        # folders and a relay only, as Tauernstahl's and Alpenglas's 2013 servers)
        if not users:
            server = _estate(folder).server(arb.target.partition(":")[2])
            assert server is not None and server.mailbox_count == 0, arb.id
        assert all(_before(g, arb.id, u.id) for u in users), arb.id
    for s in p.steps:
        assert not any(line.startswith("Get-Mailbox") and "-Monitoring" in line
                       for line in s.command.splitlines()), s.id


def test_two_edges_a_2013_namespace_holder_and_a_scanner_range() -> None:
    """mailflow-two-edges: the replaced 2016 Edge waits for inbound mail, the 2019 Edge is
    upgraded in place (nothing to switch); the 2013 server's namespaces move before its
    mailboxes; a scanner range no relay client explains is a finding, not a silent gap."""
    p, g = _proposal(str(ESTATES / "mailflow-two-edges"))
    ids = {s.id for s in p.steps}
    assert _before(g, "edge:inbound:NL-EDGE16", "edge:remove:NL-EDGE16")
    assert "inplace:NL-EDGE19" in ids and not any("NL-EDGE19" in i and "remove" in i
                                                  for i in ids)
    assert _before(g, "legacy:namespace:NL-EX13", "legacy:moves:NL-EX13")
    assert _before(g, "legacy:relay:NL-EX13:Zollsystem", "legacy:decom:NL-EX13")
    assert _before(g, "sbs:arbitration:NL-EX16", "sbs:moves:NL-EX16:1")
    assert _before(g, "sbs:moves:NL-EX16:1", "sbs:publicfolders:NL-EX16")
    unexplained = [f for f in p.findings if f.code == "RULES-RELAY-IP-UNEXPLAINED"]
    assert len(unexplained) == 1 and "10.8.2.0/28" in unexplained[0].message("en")


@pytest.mark.parametrize("folder", CASES)
def test_a_device_is_re_pointed_once_per_target_from_where_it_sends_then(folder: str) -> None:
    """A 2013 server's relay client pointed at an SMTP name moves with the name; a second
    step only where its target changes, from where the first one left it."""
    p, _ = _proposal(folder)
    assert repointed_twice_or_from_elsewhere(list(p.steps)) == []


def repointed_twice_or_from_elsewhere(steps: list[Step]) -> list[str]:
    """The re-point steps that send a device where it sends already, or start elsewhere than
    where the device's step before left it."""
    return [then.id for chain in repoints_by_device(steps).values()
            for first, then in pairwise(chain)
            if not moves(then)[0] == moves(first)[1] != moves(then)[1]]
