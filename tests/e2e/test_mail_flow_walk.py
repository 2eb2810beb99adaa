"""Walk each plan's predecessor graph and check that mail keeps flowing at every cutover.

Unlike ``test_mail_flow_properties`` (which reads the steps' own words), this walk starts from
the inventory: for every server the plan removes, each thing that carries mail through it
(its custom receive connectors, the relay clients that use it, the send connectors it is a
source of, the namespaces whose pool holds it, the internet mail it receives) has a step
that moves it, and that step comes before the removal. The namespaces' load balancer pools
are replayed switch by switch in the graph's order: never empty, never a server of a site
that is not Internet-facing, never a server removed before. Estate folders may hold transport
logs in a sub-folder; they are read with the inventory.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

from planner.core.model import ConnectorType, Estate
from planner.core.plan import Proposal, Step
from planner.core.rules import propose
from planner.core.rules.namespace_pool import smtp_only
from planner.core.rules.order import step_graph
from planner.core.settings import Decisions
from planner.pipeline import knowledge_for, load_inputs
from tests.paths import SAMPLES

ESTATES = Path(__file__).resolve().parents[1] / "estates"
_DEFAULTS = ("Default Frontend", "Client Frontend", "Outbound Proxy Frontend", "Client Proxy",
             "Default", "Default internal receive connector")


def _default(name: str, server: str) -> bool:
    """Exchange's own connector of ``server`` (setup names it '<kind> <server>')."""
    return any(name.casefold() == f"{d} {server}".casefold() for d in _DEFAULTS)
_REMOVALS = ("sbs:decom:", "legacy:decom:", "edge:remove:")
_POOL = re.compile(r"^Load balancer pool(?: / DNS)? for (?P<spaces>[^:]+): (?P<change>.*)$")


def _folders() -> list[Path]:
    return sorted([p for p in ESTATES.iterdir() if p.is_dir()]
                  + [p for p in Path(SAMPLES).iterdir() if p.is_dir()])


@cache
def _planned(folder: str) -> tuple[Estate, Proposal, nx.DiGraph]:
    here = Path(folder)
    files = sorted(str(f) for f in here.iterdir() if f.suffix.lower() in (".xlsx", ".csv"))
    files += sorted(str(f) for f in here.iterdir() if f.is_dir())  # transport logs
    inputs = load_inputs(files)
    p = propose(inputs.estate, inputs.settings, Decisions(), knowledge_for(inputs.settings))
    return inputs.estate, p, step_graph(p.steps)


CASES = [pytest.param(str(f), id=f.name) for f in _folders()]


def _removals(p: Proposal) -> dict[str, Step]:
    """Removal step of each inventoried server the plan removes, by server name."""
    return {s.id.split(":", 2)[2]: s for s in p.steps if s.id.startswith(_REMOVALS)}


def _lines(s: Step) -> list[str]:
    return s.command_in("en").splitlines()


def _before(g: nx.DiGraph, first: Step, then: Step) -> bool:
    return first.id in nx.ancestors(g, then.id)


@pytest.mark.parametrize("folder", CASES)
def test_what_carries_mail_through_a_server_moves_before_it_is_removed(folder: str) -> None:
    estate, p, g = _planned(folder)
    for name, removal in _removals(p).items():
        server = estate.server(name)
        assert server is not None
        for c in estate.connectors:
            bound = {(estate.server(r) or server).name for r in c.servers
                     if estate.server(r) is not None}
            if name not in bound:
                continue
            if c.type is ConnectorType.RECEIVE and not _default(c.name, name):
                movers = [s for s in p.steps if any(
                    ln.startswith("New-ReceiveConnector") and f"-Name '{c.name}'" in ln
                    for ln in _lines(s))]
                assert any(_before(g, m, removal) for m in movers), (name, c.name)
            if c.type is ConnectorType.SEND and not c.name.startswith("EdgeSync"):
                movers = [s for s in p.steps
                          if any(f"Set-SendConnector '{c.name}'" in ln for ln in _lines(s))
                          # the HCW re-run makes the new servers the hybrid one's sources
                          or (c.cloud_mail_enabled and s.id == "hybrid:hcw")]
                # a connector whose every source leaves moves; one that keeps a source that
                # stays may simply lose this one
                if bound <= set(_removals(p)):
                    assert any(_before(g, m, removal) for m in movers), (name, c.name)
        for rc in estate.relay_clients:
            if (estate.server(rc.server) or server).name != name or not rc.server:
                continue
            movers = [s for s in p.steps if s.kind == "relay_repoint"
                      and (rc.name in s.title("en") or rc.host in s.title("en"))]
            assert movers, (name, rc.name)
            assert any(_before(g, m, removal) for m in movers), (name, rc.name)


@pytest.mark.parametrize("folder", CASES)
def test_internet_mail_reaches_the_successor_with_its_connectors_before_removal(
        folder: str) -> None:
    _, p, g = _planned(folder)
    ids = {s.id: s for s in p.steps}
    for s in p.steps:
        if s.id.startswith("edge:inbound:"):
            name = s.id.split(":", 2)[2]
            assert _before(g, s, ids[f"edge:remove:{name}"]), s.id
            if f"edge:receive:{name}" in ids:  # the certificate and relays are there first
                assert _before(g, ids[f"edge:receive:{name}"], s), s.id
        elif s.id.startswith("inbound:"):
            key = s.id.split(":", 1)[1]
            if f"sbs:receive:{key}" in ids:
                assert _before(g, ids[f"sbs:receive:{key}"], s), s.id
            for r in _removals(p).values():
                if r.id.startswith("sbs:decom:") and r.id.split(":")[2] in s.title("en"):
                    assert _before(g, s, r), (s.id, r.id)


def _pool_changes(s: Step) -> list[tuple[list[str], list[str], list[str]]]:
    """(namespaces, added, removed) of each load balancer line of a switch step."""
    out = []
    for ln in _lines(s):
        m = _POOL.match(ln)
        if not m:
            continue
        spaces = [x.strip() for x in m["spaces"].split(",")]
        change = m["change"].split(";")[0]
        add = re.search(r"add ([^;]*?)(?:, drain|$)", change)
        out_ = re.search(r"drain and remove (.*)$", change)
        out.append((spaces, [x.strip() for x in add[1].split(",")] if add else [],
                    [x.strip() for x in out_[1].split(",")] if out_ else []))
    return out


_EDGE_NAT = re.compile(r": point TCP 25 from (?P<old>.+?) to (?P<new>.+)$")


def _edge_changes(s: Step, pools: dict[str, set[str]],
                  ) -> list[tuple[list[str], list[str], list[str]]]:
    """An Edge's inbound switch moves the names that point at it (the MX) to its successor."""
    if s.kind != "edge_inbound_switch":
        return []
    out = []
    for ln in _lines(s):
        m = _EDGE_NAT.search(ln)
        if m:
            old, new = m["old"].strip(), [x.strip() for x in m["new"].split(",")]
            out.append(([n for n, pool in pools.items() if old in pool], new, [old]))
    return out


@pytest.mark.parametrize("folder", CASES)
def test_namespace_pools_replayed_are_never_empty_nor_point_at_the_wrong_servers(
        folder: str) -> None:
    estate, p, g = _planned(folder)
    facing = {s.name.lower() for s in estate.sites if s.internet_facing}
    removals = _removals(p)
    pools = {n.name: {(estate.server(r) or estate.servers[0]).name if estate.server(r) else r
                      for r in n.servers} for n in estate.namespaces}
    # a name only mail goes to keeps each site's relay servers (namespace_pool.smtp_only)
    smtp = {n.name for n in estate.namespaces if smtp_only(n)}
    switches = [s for s in (p.steps[i] for i in range(len(p.steps)))
                if s.kind in ("namespace_switch", "edge_inbound_switch")]
    order = {sid: i for i, sid in enumerate(nx.topological_sort(g))}
    for s in sorted(switches, key=lambda s: order[s.id]):
        for spaces, add, leave in _pool_changes(s) + _edge_changes(s, pools):
            for space in (x for x in spaces if x in pools):  # not a placeholder
                pool = pools[space] = (pools[space] | set(add)) - set(leave)
                assert pool, (s.id, space)
                for member in pool:
                    gone = removals.get(member)
                    assert gone is None or not _before(g, gone, s), (s.id, space, member)
                for member in add:
                    srv = estate.server(member)
                    if srv is not None and facing and srv.site and space not in smtp:
                        assert srv.site.lower() in facing, (s.id, space, member)
    for name, removal in removals.items():  # nobody is removed while a pool holds it
        for space, pool in pools.items():
            assert name not in pool, (space, name)
        for s in switches:
            if any(name in leave for _, _, leave in _pool_changes(s)):
                assert _before(g, s, removal), (s.id, removal.id)


@pytest.mark.parametrize("folder", CASES)
def test_arbitration_then_users_then_public_folders_and_no_health_mailbox(folder: str) -> None:
    _, p, g = _planned(folder)
    ids = {s.id: s for s in p.steps}
    for s in p.steps:
        parts = s.id.split(":")
        if len(parts) >= 3 and parts[1] == "arbitration":
            users = [u for u in p.steps if u.id.startswith(f"{parts[0]}:moves:{parts[2]}")]
            assert all(_before(g, s, u) for u in users), s.id
            pf = ids.get(f"{parts[0]}:publicfolders:{parts[2]}")
            if pf is not None:
                assert _before(g, s, pf) and all(_before(g, u, pf) for u in users), pf.id
        for ln in _lines(s):
            code = ln.split("#", 1)[0]
            assert "-Monitoring" not in code, (s.id, ln)
            if code.startswith("New-ReceiveConnector"):
                name = re.search(r"-Name '([^']*)'", code)
                on = re.search(r"-Server (\S+)", code) or re.search(r"# on (\S+)", ln)  # Edge
                assert name and on and not _default(name[1], on[1]), (s.id, ln)


def test_werratal_the_cutovers_a_consultant_would_check() -> None:
    """Two Internet-facing sites with a DAG each, 2013 holding Autodiscover in Kassel, an
    Edge in Fulda, a scanner relay with a /24 and a client only the logs know."""
    _, p, g = _planned(str(ESTATES / "mailflow-werratal"))
    ids = {s.id: s for s in p.steps}
    # Kassel's mailboxes receive internet mail; the new servers get the customer's
    # certificate on Default Frontend before the MX/NAT points at them
    assert _before(g, ids["sbs:receive:KS-DAG"], ids["inbound:KS-DAG"])
    assert "-TlsCertificateName" in ids["sbs:receive:KS-DAG"].command_in("en")
    assert _before(g, ids["edge:inbound:FD-EDGE"], ids["edge:remove:FD-EDGE"])
    # the client the logs found in the scanner /24 and the 2013 relay's application
    relay = {s.id for s in p.steps if s.kind == "relay_repoint"}
    assert "sbs:relay:KS-DAG:label-printer-07.werratal.local" in relay
    assert "legacy:relay:KS-EX13:lohn01.werratal.local" in relay
    first = {"legacy:relay:KS-EX13": "legacy:decom:KS-EX13",
             "sbs:relay:KS-DAG": "sbs:decom:KS-EX16-01", "sbs:relay:FD-DAG": "sbs:decom:FD-EX16-01"}
    for sid in relay:
        assert _before(g, ids[sid], ids[first[sid.rsplit(":", 1)[0]]]), sid
    # 2013 leaves Autodiscover to the Kassel 2016 DAG, never to the Eschwege server
    assert "ES-EX16" not in ids["legacy:namespace:KS-EX13"].command_in("en")
    assert _before(g, ids["legacy:namespace:KS-EX13"], ids["sbs:namespace:KS-DAG"])
    # new servers named by the project's pattern
    assert "sbs:install:Kassel-EXSE01" in ids and "sbs:install:Fulda-EXSE02" in ids


def test_elbtal_the_edge_with_a_certificate_and_a_gateway_site() -> None:
    """The Edge's default connector carries the customer's certificate: the new Edge gets it
    before inbound mail goes there; the Dresden DAG's gateway switch waits for its
    connectors; the scanner range and the two unlisted scanners are steps and findings."""
    _, p, g = _planned(str(ESTATES / "mailflow-elbtal"))
    ids = {s.id: s for s in p.steps}
    assert _before(g, ids["edge:receive:LE-EDGE"], ids["edge:inbound:LE-EDGE"])
    assert _before(g, ids["sbs:receive:DD-DAG"], ids["inbound:DD-DAG"])
    assert {"sbs:relay:DD-DAG:unknown-10.60.3.12", "sbs:relay:DD-DAG:unknown-10.60.4.0-24",
            "sbs:relay:DD-DAG:Drucker-Versand"} <= set(ids)
    assert sum(f.code == "RULES-RELAY-IP-UNEXPLAINED" for f in p.findings) == 3
    assert _before(g, ids["legacy:namespace:LE-EX13"], ids["legacy:moves:LE-EX13"])
    assert _before(g, ids["cu:LE-EX19"], ids["sbs:install:Dresden-EXSE01"])


def test_a_narrower_relay_range_keeps_the_listed_clients_the_logs_did_not_see() -> None:
    """werratal: the logs of KS-EX16-01 saw two clients on 'Relay Scanner'; the inventory
    lists Scanner Werk 2 (10.40.1.21) on the same connector of KS-EX16-02, whose logs were
    not read. The new connector serves both members: narrowing it to what one member's logs
    saw would cut the listed scanner off."""
    here = ESTATES / "mailflow-werratal"
    inputs = load_inputs([here / "inventory.xlsx", here / "transport-logs"])
    [wide] = [f for f in inputs.findings if f.code == "LOGS-RANGE-WIDE"]
    for lang in ("en", "de"):
        assert "10.40.1.20, 10.40.1.21, 10.40.2.55" in wide.message(lang), wide.message(lang)


def test_a_partner_connectors_sender_is_switched_before_its_servers_go() -> None:
    """werratal: 'Partner Spedition' on both Fulda members admits the carrier's server
    198.51.100.24 over TLS. Recreating the connector on the new servers is not enough: the
    firewall NAT (or the partner's smart host) must point at them, or the carrier's mail
    stops the day FD-EX16-01 goes. It is a partner, not an unknown relay device: no
    'unexplained relay' finding."""
    _, p, g = _planned(str(ESTATES / "mailflow-werratal"))
    ids = {s.id: s for s in p.steps}
    [step] = [s for s in p.steps if s.kind == "relay_repoint" and "198.51.100.24" in s.id]
    assert not step.needs_consultant
    assert _before(g, ids["sbs:receive:FD-DAG"], step)
    for server in ("FD-EX16-01", "FD-EX16-02"):
        assert _before(g, step, ids[f"sbs:decom:{server}"])
    en, de = step.title("en"), step.title("de")
    assert "partner" in en.lower() and "Partner Spedition" in en and "Fulda-EXSE01" in en
    assert "Partner" in de and "Partner Spedition" in de and "unbekannt" not in de.lower()
    assert "NAT" in step.command_in("en") and "NAT" in step.command_in("de")
    assert not any(f.code == "RULES-RELAY-IP-UNEXPLAINED" and "198.51.100.24" in
                   f.message("en") for f in p.findings)


@pytest.mark.parametrize("folder", CASES)
def test_a_new_servers_autodiscover_scp_is_set_the_day_setup_runs(folder: str) -> None:
    """Setup registers the new server's Autodiscover SCP under its own name with a
    self-signed certificate; domain-joined Outlook finds it at once and shows certificate
    warnings until the SCP points at the Autodiscover namespace. The certificate and URL
    step can be days later (werratal: installed 27 Jan, configured 8 Feb), so the SCP is
    set in the install step itself, right after setup."""
    _, p, _ = _planned(folder)
    for s in p.steps:
        if s.id.startswith("sbs:install:"):
            new = s.id.split(":", 2)[2]
            lines = _lines(s)
            assert any(ln.startswith(f"Set-ClientAccessService {new} "
                                     "-AutoDiscoverServiceInternalUri") for ln in lines), s.id
