"""Which servers Exchange Online judges: those that hand it mail over the OnPremises path.

Exchange Online only evaluates mail that arrives through an inbound connector of type
OnPremises, and reads the build of the server that delivered it. So a server is judged when
it is a source server of the send connector to Exchange Online (or the Edge server that
carries that connector), when the inventory flags it, or when Exchange Online's own report
names it. Connector-derived judgement only applies when the organization is hybrid or an
OnPremises inbound connector exists; without that path, mail to the tenant arrives as
ordinary internet mail and is not judged.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.core.explanation import Message, message
from planner.core.knowledge import Knowledge
from planner.core.model import Connector, ConnectorType, Estate, Finding, Severity

__all__ = ["REPEATS_IMPORT", "derive_judged", "is_exo_send_connector", "without_repeats"]

# Graph findings that say again what the import already said about the same target; the
# import's finding is the one to keep, because it names the file and row.
REPEATS_IMPORT = {"GRAPH-EXO-REPORT-UNKNOWN-SERVER": "IMPORT-EXO-UNKNOWN-SERVER"}

_EXO_ADDRESS_MARKERS = ("mail.onmicrosoft.com",)
_EXO_SMART_HOST_MARKERS = ("mail.protection.outlook.com", "mail.protection.partner.outlook.cn")
_HCW_CONNECTOR_PREFIX = "outbound to office 365"


def is_exo_send_connector(connector: Connector) -> bool:
    """True for an on-premises send connector that delivers to Exchange Online."""
    if connector.type is not ConnectorType.SEND:
        return False
    if connector.cloud_mail_enabled:
        return True
    if connector.name.lower().startswith(_HCW_CONNECTOR_PREFIX):
        return True
    spaces = " ".join(connector.address_spaces).lower()
    hosts = " ".join(connector.smart_hosts).lower()
    return (any(m in spaces for m in _EXO_ADDRESS_MARKERS)
            or any(m in hosts for m in _EXO_SMART_HOST_MARKERS))


def _has_onpremises_path(estate: Estate) -> bool:
    return estate.organization.hybrid or any(
        c.type is ConnectorType.EXO_INBOUND for c in estate.connectors)


def _connector_sources(
    estate: Estate, connector: Connector, findings: list[Finding]
) -> list[tuple[str, Message]]:
    """(server, reason en, reason de) for each server that carries this EXO send connector."""
    subs = {c.name.lower(): c for c in estate.connectors
            if c.type is ConnectorType.EDGE_SUBSCRIPTION}
    out: list[tuple[str, Message]] = []
    for name in connector.servers:
        server = estate.server(name)
        if server is not None:
            out.append((server.name, message("findings.graph_judged.source",
                                             connector=connector.name)))
            continue
        sub = subs.get(name.lower())
        edges = [estate.server(e) for e in sub.servers] if sub else []
        for edge in (e for e in edges if e is not None):
            out.append((edge.name, message("findings.graph_judged.edge",
                                           connector=connector.name, subscription=name)))
        if not edges:
            findings.append(Finding.about(
                Severity.WARNING, "GRAPH-DANGLING-REF", f"connector:{connector.name}",
                "findings.graph_exo_source", connector=connector.name, source=name))
    return out


def _report_rows(estate: Estate, findings: list[Finding]) -> list[tuple[str, Message]]:
    out: list[tuple[str, Message]] = []
    for row in estate.exo_reports:
        server = estate.server(row.server_fqdn)
        if server is None:
            findings.append(Finding.about(
                Severity.WARNING, "GRAPH-EXO-REPORT-UNKNOWN-SERVER", f"server:{row.server_fqdn}",
                server=row.server_fqdn))
            continue
        out.append((server.name, message("findings.graph_judged.report")))
    return out


def without_repeats(findings: Iterable[Finding],
                    reported: Iterable[Finding]) -> tuple[Finding, ...]:
    """``findings`` without those that repeat a finding in ``reported`` on the same target."""
    said = {(f.code, f.target.lower()) for f in reported}
    return tuple(f for f in findings
                 if f.code not in REPEATS_IMPORT
                 or (REPEATS_IMPORT[f.code], f.target.lower()) not in said)


def derive_judged(
    estate: Estate, knowledge: Knowledge
) -> tuple[frozenset[str], dict[str, Message], list[Finding]]:
    """Judged server names, why each one is judged, and findings met on the way."""
    del knowledge  # the detection rule is structural today; kept for overridable facts
    findings: list[Finding] = []
    hits: list[tuple[str, Message]] = []
    if _has_onpremises_path(estate):
        for connector in estate.connectors:
            if is_exo_send_connector(connector):
                hits.extend(_connector_sources(estate, connector, findings))
    # Exchange Online's report and an explicit inventory flag are evidence on their own.
    hits.extend(_report_rows(estate, findings))
    for s in estate.servers:
        if s.judged_by_exo:
            hits.append((s.name, message("findings.graph_judged.marked")))
    reasons: dict[str, Message] = {}
    for name, why in hits:
        reasons.setdefault(name, why)
    explicit_no = {s.name for s in estate.servers if s.judged_by_exo is False}
    judged = frozenset(n for n in reasons if n not in explicit_no)
    if _has_onpremises_path(estate) and not judged:
        findings.append(Finding.about(Severity.WARNING, "GRAPH-EXO-SENDERS-UNKNOWN", "org"))
    return judged, {n: r for n, r in reasons.items() if n in judged}, findings
