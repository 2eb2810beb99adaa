"""The estate graph: typed nodes and edges, findings instead of crashes, who EXO judges."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import networkx as nx

from planner.core.graph import build_graph, write_graphml
from planner.core.knowledge import load_knowledge
from planner.core.model import (
    Connector,
    ConnectorType,
    Estate,
    ExoReport,
    Organization,
    RelayClient,
    Server,
)
from tests.core.rules.estates import CU15, legacy, mixed, small


def _relations(estate: Estate) -> set[tuple[str, str, str]]:
    g = build_graph(estate, load_knowledge()).graph
    return {(u, v, k) for u, v, k in g.edges(keys=True)}


def test_the_mixed_estate_has_typed_nodes_and_edges() -> None:
    eg = build_graph(mixed(), load_knowledge())
    kinds = {d["kind"] for _, d in eg.graph.nodes(data=True)}
    assert kinds >= {"org", "site", "server", "dag", "database", "connector", "relay",
                     "namespace", "tenant"}
    rel = _relations(mixed())
    assert ("server:EX2016-01", "dag:DAG2016", "member_of") in rel
    assert ("server:EX2016-01", "database:DB16-1", "hosts") in rel
    assert ("connector:Outbound to Office 365", "server:EX2016-02", "sends_through") in rel
    assert ("relay:ERP", "connector:Relay Munich", "receives_on") in rel
    assert ("connector:Relay Munich", "server:EX2016-01", "receives_on") in rel
    assert ("server:EDGE2016", "site:Munich", "subscribed_to") in rel
    assert ("namespace:mail.mixed.de", "server:EX2016-01", "serves") in rel
    assert ("server:EX2016-01", "tenant:mixed", "hands_mail_to_exo") in rel
    assert eg.findings == ()


def test_dangling_references_and_orphans_are_findings() -> None:
    estate = replace(legacy(), relay_clients=(
        RelayClient("Scanner", connector="No such connector"), RelayClient("Lost")))
    estate = estate.with_server(Server("EX9", site="Nowhere", build=CU15, dag="DAGX"))
    findings = build_graph(estate, load_knowledge()).findings
    codes = [f.code for f in findings]
    assert codes.count("GRAPH-DANGLING-REF") == 2  # connector and site
    assert "GRAPH-ORPHAN" in codes
    # worded per language from the entities' own names, never "server:EX9" or "relay:Lost"
    words = {lang: [f.message(lang) for f in findings] for lang in ("en", "de")}
    assert "Server EX9 refers to Site Nowhere, which is not in the inventory; the link is " \
           "ignored." in words["en"]
    assert "Server EX9 verweist auf Standort Nowhere, aber dieser Eintrag fehlt im Bestand; " \
           "die Verknüpfung wird ignoriert." in words["de"]
    assert "Relay-Client Lost nennt weder Empfangsconnector noch Server." in words["de"]
    assert not any(":" in text.split(" ")[0] for texts in words.values() for text in texts)


def test_judged_servers_follow_the_onpremises_path() -> None:
    k = load_knowledge()
    assert build_graph(small(), k).judged == frozenset({"EDGE01"})
    # Without hybrid or an OnPremises inbound connector, a connector to EXO is not judged.
    plain = replace(mixed(), organization=Organization(customer="x"),
                    connectors=tuple(c for c in mixed().connectors
                                     if c.type is not ConnectorType.EXO_INBOUND))
    assert build_graph(plain, k).judged == frozenset()
    # Exchange Online's report is evidence on its own; an explicit "no" wins.
    report = ExoReport("ex2019-03", first_detected=date(2026, 9, 1))
    reported = replace(plain, exo_reports=(report,))
    assert build_graph(reported, k).judged == frozenset({"EX2019-03"})
    ex = mixed().server("EX2016-02")
    assert ex is not None
    vetoed = mixed().with_server(replace(ex, judged_by_exo=False))
    assert build_graph(vetoed, k).judged == frozenset({"EX2016-01"})


def test_hybrid_without_any_sender_is_a_warning() -> None:
    estate = replace(small(), connectors=(Connector("Inbound", ConnectorType.EXO_INBOUND),))
    eg = build_graph(estate, load_knowledge())
    assert not eg.judged
    assert any(f.code == "GRAPH-EXO-SENDERS-UNKNOWN" for f in eg.findings)


def test_graphml_export_can_be_read_back(tmp_path: Path) -> None:
    out = tmp_path / "mixed.graphml"
    write_graphml(mixed(), load_knowledge(), out)
    g = nx.read_graphml(out)
    assert g.nodes["server:EX2016-01"]["judged_by_exo"] is True
    assert g.nodes["server:EX2019-03"]["kind"] == "server"
    assert g.number_of_nodes() == build_graph(mixed(), load_knowledge()).graph.number_of_nodes()


def test_a_dag_with_one_member_that_looks_like_another_is_a_typo_warning() -> None:
    from planner.core.model import Dag, Estate, Organization, Server

    est = Estate(organization=Organization(customer="C"), servers=(
        Server("M1", build="15.2.1544.36", dag="DAG-MÜL"),
        Server("M2", build="15.2.1544.36", dag="DAG-MÜL"),
        Server("M3", build="15.2.1544.36", dag="DAG-MUEL")),
        dags=(Dag("DAG-MÜL", ("M1", "M2")),))
    found = [f for f in build_graph(est, load_knowledge()).findings
             if f.code == "GRAPH-DAG-ONE-MEMBER"]
    assert len(found) == 1 and found[0].severity.value == "warning"
    assert "DAG-MUEL" in found[0].message("en") and "DAG-MÜL" in found[0].message("en")


def test_an_unknown_server_in_the_exo_report_is_reported_once() -> None:
    from planner.core.graph import without_repeats
    from planner.core.model import Finding, Severity

    estate = replace(small(), exo_reports=(ExoReport("ghost.contoso.local", "15.2.1748.39"),))
    graph_findings = build_graph(estate, load_knowledge()).findings
    assert "GRAPH-EXO-REPORT-UNKNOWN-SERVER" in {f.code for f in graph_findings}
    assert without_repeats(graph_findings, ()) == tuple(graph_findings)  # alone, it stays
    imported = Finding(Severity.WARNING, "IMPORT-EXO-UNKNOWN-SERVER", "en", "de",
                       "report.txt", row=3, target="server:ghost.contoso.local")
    kept = without_repeats(graph_findings, (imported,))
    assert "GRAPH-EXO-REPORT-UNKNOWN-SERVER" not in {f.code for f in kept}
    assert len(kept) == len(graph_findings) - 1


def test_a_server_listed_twice_is_a_finding_worded_per_language() -> None:
    estate = small()
    twice = replace(estate, servers=(*estate.servers, estate.servers[0]))
    found = [f for f in build_graph(twice, load_knowledge()).findings
             if f.code == "GRAPH-DUPLICATE-SERVER"]
    name = estate.servers[0].name.lower()
    assert [f.message("en") for f in found] == [
        f"Server {name} appears 2 times; the planner uses the last row."]
    assert found[0].message("de") == (f"Server {name} steht 2-mal im Bestand; der Planer "
                                      "nimmt die letzte Zeile.")
