"""Build the typed dependency graph of an estate, with findings instead of crashes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from planner.core.errors import PlannerError
from planner.core.explanation import Message
from planner.core.graph.exo import derive_judged
from planner.core.knowledge import Knowledge
from planner.core.model import ConnectorType, Estate, Finding, Severity
from planner.core.outline import target_message

__all__ = ["EstateGraph", "GraphCancelled", "build_graph", "node_id"]

# Edge relations, from the depending node to the node it depends on or belongs to.
IN_SITE = "in_site"  # server -> site
MEMBER_OF = "member_of"  # server -> dag
HOSTS = "hosts"  # server/dag -> database
SENDS_THROUGH = "sends_through"  # send connector -> source server
RECEIVES_ON = "receives_on"  # relay client -> receive connector -> server
SUBSCRIBED_TO = "subscribed_to"  # edge server -> site
SERVES = "serves"  # namespace -> server
HANDS_MAIL_TO_EXO = "hands_mail_to_exo"  # server -> tenant (derived)
CONTAINS = "contains"  # organization -> site
CONNECTS = "connects"  # organization -> tenant (hybrid)


def node_id(kind: str, name: str) -> str:
    """The graph node id of an entity, e.g. ``server:EX01``."""
    return f"{kind}:{name}"


@dataclass(frozen=True)
class EstateGraph:
    """The estate as a graph, the findings met while building it, and who EXO judges."""

    graph: nx.MultiDiGraph
    findings: tuple[Finding, ...] = ()
    judged: frozenset[str] = frozenset()  # server names (as in the inventory)
    judged_reasons: Mapping[str, Message] = field(default_factory=dict)  # name -> why

    def is_judged(self, server: str) -> bool:
        """True when Exchange Online judges this server (name, case-insensitive)."""
        key = server.lower()
        return any(s.lower() == key for s in self.judged)


class _Builder:
    """Collects nodes, edges and findings; resolves names the way the inventory means them."""

    def __init__(self, estate: Estate) -> None:
        self.estate = estate
        self.g: nx.MultiDiGraph = nx.MultiDiGraph()
        self.findings: list[Finding] = []

    def node(self, kind: str, name: str, **attrs: Any) -> str:
        nid = node_id(kind, name)
        self.g.add_node(nid, kind=kind, label=name, **attrs)
        return nid

    def edge(self, src: str, dst: str, relation: str) -> None:
        self.g.add_edge(src, dst, key=relation, relation=relation)

    def server_ref(self, name: str, where: str) -> str | None:
        """The node of a referenced server, or a finding when the inventory has no such server."""
        server = self.estate.server(name) if name.strip() else None
        if server is not None:
            return node_id("server", server.name)
        self.dangling(where, node_id("server", name))
        return None

    def dangling(self, where: str, what: str) -> None:
        """``where`` (``dag:DAG1``) names ``what`` (``server:EX09``), which is not there."""
        self.findings.append(Finding.about(Severity.WARNING, "GRAPH-DANGLING-REF", where,
                                           source=target_message(where),
                                           what=target_message(what)))

    def orphan(self, where: str) -> None:
        """``where`` (``server:EX01``) is linked to nothing it needs (site, server, DAG)."""
        kind, _, name = where.partition(":")
        self.findings.append(Finding.about(Severity.INFO, "GRAPH-ORPHAN", where,
                                           f"findings.graph_orphan.{kind}", name=name))


def _add_servers_and_sites(b: _Builder) -> None:
    est = b.estate
    org = b.node("org", est.organization.customer or "organization",
                 hybrid=est.organization.hybrid, forest=est.organization.forest)
    for site in est.sites:
        b.edge(org, b.node("site", site.name, internet_facing=site.internet_facing,
                           country=site.country), CONTAINS)
    for s in est.servers:
        sid = b.node("server", s.name, fqdn=s.fqdn, build=s.build, roles=",".join(s.roles),
                     os=s.os, dag=s.dag, edge=s.is_edge)
        if s.site:
            found = est.site(s.site)
            if found is None:
                b.dangling(f"server:{s.name}", node_id("site", s.site))
            else:
                b.edge(sid, node_id("site", found.name), IN_SITE)
        elif est.sites:
            b.orphan(f"server:{s.name}")


def _add_dags_and_databases(b: _Builder) -> None:
    est = b.estate
    for dag in est.dags:
        did = b.node("dag", dag.name, witness=dag.witness)
        for member in dag.members:
            sid = b.server_ref(member, f"dag:{dag.name}")
            if sid:
                b.edge(sid, did, MEMBER_OF)
    for s in est.servers:
        # A server may name its DAG without the DAG having its own row.
        if s.dag:
            own = est.dag(s.dag)
            did = node_id("dag", own.name if own else s.dag)
            if own is None and did not in b.g:
                b.node("dag", s.dag, witness="")
            b.edge(node_id("server", s.name), did, MEMBER_OF)
    for db in est.databases:
        dbid = b.node("database", db.name, size_gb=db.size_gb, mailbox_count=db.mailbox_count)
        if db.server:
            sid = b.server_ref(db.server, f"database:{db.name}")
            if sid:
                b.edge(sid, dbid, HOSTS)
        if db.dag:
            home = est.dag(db.dag)
            if home is None and node_id("dag", db.dag) not in b.g:
                b.dangling(f"database:{db.name}", node_id("dag", db.dag))
            else:
                b.edge(node_id("dag", home.name if home else db.dag), dbid, HOSTS)
        if not db.server and not db.dag:
            b.orphan(f"database:{db.name}")


def _add_connectors(b: _Builder) -> None:
    est = b.estate
    subscriptions = {c.name.lower(): c.name for c in est.connectors
                     if c.type is ConnectorType.EDGE_SUBSCRIPTION}
    for c in est.connectors:
        cid = b.node("connector", c.name, type=c.type.value,
                     address_spaces=",".join(c.address_spaces),
                     smart_hosts=",".join(c.smart_hosts))
        for name in c.servers:
            if c.type is ConnectorType.EDGE_SUBSCRIPTION:
                sid = b.server_ref(name, f"connector:{c.name}")
                if sid and c.site:
                    site = est.site(c.site)
                    b.edge(sid, node_id("site", site.name if site else c.site), SUBSCRIBED_TO)
                if sid:
                    b.edge(cid, sid, SENDS_THROUGH)
            elif c.type is ConnectorType.SEND and name.lower() in subscriptions:
                # An Edge subscription as source: mail leaves through the subscribed Edge.
                b.edge(cid, node_id("connector", subscriptions[name.lower()]), SENDS_THROUGH)
            elif c.type in (ConnectorType.SEND, ConnectorType.RECEIVE):
                sid = b.server_ref(name, f"connector:{c.name}")
                if sid:
                    b.edge(cid, sid, SENDS_THROUGH if c.type is ConnectorType.SEND else RECEIVES_ON)
        if not c.servers and c.type in (ConnectorType.SEND, ConnectorType.RECEIVE):
            b.orphan(f"connector:{c.name}")


def _add_relay_clients(b: _Builder) -> None:
    est = b.estate
    receive = {c.name.lower(): c for c in est.connectors if c.type is ConnectorType.RECEIVE}
    for rc in est.relay_clients:
        rid = b.node("relay", rc.name, host=rc.host, owner=rc.owner)
        target: str | None = None
        if rc.connector:
            conn = receive.get(rc.connector.lower())
            if conn is None:
                b.dangling(f"relay:{rc.name}", node_id("connector", rc.connector))
            else:
                target = node_id("connector", conn.name)
        if target is None and rc.server:
            target = b.server_ref(rc.server, f"relay:{rc.name}")
        if target:
            b.edge(rid, target, RECEIVES_ON)
        elif not rc.connector and not rc.server:
            b.orphan(f"relay:{rc.name}")


def _add_namespaces(b: _Builder) -> None:
    for ns in b.estate.namespaces:
        nid = b.node("namespace", ns.name, services=",".join(ns.services),
                     load_balancer=ns.load_balancer)
        for name in ns.servers:
            sid = b.server_ref(name, f"namespace:{ns.name}")
            if sid:
                b.edge(nid, sid, SERVES)


def _check_cycles(b: _Builder) -> None:
    if nx.is_directed_acyclic_graph(b.g):  # linear; find_cycle is slow on big graphs
        return
    try:
        cycle = nx.find_cycle(b.g)
    except nx.NetworkXNoCycle:
        return
    # the entities' own names ("EX01 → DAG1"), never node ids such as server:EX01
    names = " → ".join(str(b.g.nodes[e[0]].get("label", e[0])) for e in cycle)
    b.findings.append(Finding.about(Severity.WARNING, "GRAPH-CYCLE", str(cycle[0][0]),
                                    names=names))


def _check_duplicates(b: _Builder) -> None:
    seen: dict[str, int] = {}
    for s in b.estate.servers:
        seen[s.name.lower()] = seen.get(s.name.lower(), 0) + 1
    for name, count in sorted(seen.items()):
        if count > 1:
            b.findings.append(Finding.about(Severity.WARNING, "GRAPH-DUPLICATE-SERVER",
                                            f"server:{name}", server=name, count=count))


def _dag_key(name: str) -> str:
    """A DAG name as people misspell it: case, umlauts and separators ignored."""
    text = name.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return "".join(ch for ch in text if ch.isalnum())


def _check_lonely_dags(b: _Builder) -> None:
    """A DAG with one member is usually a typo in a server's DAG column (DAG-MUEL for DAG-MÜL)."""
    members: dict[str, set[str]] = {}
    for src, dst, rel in b.g.edges(keys=True):
        if rel == MEMBER_OF:
            members.setdefault(dst, set()).add(src)
    names = [str(b.g.nodes[n]["label"]) for n in b.g if b.g.nodes[n].get("kind") == "dag"]
    # the DAGs by their spelling-blind key, found once (per pair: 8,000 one-member DAGs
    # ran for minutes)
    by_key: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(_dag_key(name), []).append(name)
    for name in names:
        found = members.get(node_id("dag", name), set())
        if len(found) != 1:
            continue
        twin = next((o for o in by_key[_dag_key(name)] if o != name), "")
        server = next(iter(found)).split(":", 1)[1]
        b.findings.append(Finding.about(
            Severity.WARNING if twin else Severity.INFO, "GRAPH-DAG-ONE-MEMBER", f"dag:{name}",
            "findings.graph_dag_twin" if twin else "", dag=name, server=server, twin=twin))


def _judged(b: _Builder, knowledge: Knowledge) -> tuple[frozenset[str], dict[str, Message]]:
    judged, reasons, findings = derive_judged(b.estate, knowledge)
    b.findings.extend(findings)
    if judged:
        tenant = b.node("tenant", b.estate.organization.tenant or "Exchange Online")
        b.edge(node_id("org", b.estate.organization.customer or "organization"), tenant,
               CONNECTS)
        for name in sorted(judged):
            b.edge(node_id("server", name), tenant, HANDS_MAIL_TO_EXO)
            b.g.nodes[node_id("server", name)]["judged_by_exo"] = True
    return judged, reasons


class GraphCancelled(PlannerError):
    """The graph was no longer wanted (a newer estate replaced it); nothing to fix."""


def build_graph(estate: Estate, knowledge: Knowledge,
                cancelled: Callable[[], bool] | None = None) -> EstateGraph:
    """The estate as a typed graph with findings and the servers Exchange Online judges.

    ``cancelled`` is asked between the stages (a large estate takes seconds); when it says
    True the build stops with :class:`GraphCancelled`.
    """
    b = _Builder(estate)
    for step in (_add_servers_and_sites, _add_dags_and_databases, _add_connectors,
                 _add_relay_clients, _add_namespaces, _check_duplicates, _check_lonely_dags):
        if cancelled is not None and cancelled():
            raise GraphCancelled("graph build cancelled")
        step(b)
    judged, reasons = _judged(b, knowledge)
    if cancelled is not None and cancelled():
        raise GraphCancelled("graph build cancelled")
    _check_cycles(b)
    return EstateGraph(b.g, tuple(_unique(b.findings)), judged, reasons)


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    """Findings without repeats (a server named twice by one DAG row is one problem)."""
    return list(dict.fromkeys(findings))
