"""Merge what the transport logs showed into the estate: relay clients, connectors, mail flows.

A host that sent mail through a receive connector and is neither Exchange, Exchange Online
nor a load balancer is a relay client. It is matched to a listed client by address or name
(the listed record keeps its name and owner and gains what the logs saw); an unmatched one
is added and reported. A listed client the logs never saw is reported too, as is a load
balancer that hides its clients and a relay connector whose ranges admit far more
addresses than ever used it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from planner.core.explanation import period
from planner.core.importing.findings import Counted, Where, finding
from planner.core.importing.log_files import LogKind
from planner.core.importing.log_senders import Sender, SenderRules
from planner.core.importing.receive_sessions import RemoteHost
from planner.core.importing.transport_logs import TransportLogs
from planner.core.ip_ranges import address_order, parse_range
from planner.core.model import (
    Connector,
    ConnectorType,
    Estate,
    Finding,
    LogPlace,
    MailFlow,
    MailFlowKind,
    RelayClient,
    Server,
)

__all__ = ["merge_transport_logs"]


def merge_transport_logs(estate: Estate, logs: TransportLogs) -> tuple[Estate, list[Finding]]:
    """The estate with the logs' relay clients, their connectors and the mail flows."""
    rules = logs.rules
    assert rules is not None, "read_transport_logs sets the rules"
    hosts = list(logs.receive.hosts.values())
    kinds = {id(h): rules.classify(h) for h in hosts}
    senders = [h for h in hosts if kinds[id(h)] is Sender.CLIENT and h.mail_sessions]
    senders.sort(key=lambda h: (-h.messages, h.server, h.connector, h.ip))
    clients, findings = _merge_clients(estate, senders, logs)
    estate = replace(estate, relay_clients=clients, servers=_listening(estate, logs),
                     connectors=estate.connectors + _new_connectors(estate, senders),
                     mail_flows=_flows(estate, logs))
    findings += _balancer_findings(hosts, kinds)
    findings += _range_findings(estate, senders, rules)
    findings += _read_findings(estate, logs, clients)
    return estate, findings


def _listening(estate: Estate, logs: TransportLogs) -> tuple[Server, ...]:
    """The servers with the addresses their receive connectors answered on in the logs (a
    relay range that holds them is the rules' concern: relay_ranges)."""
    found: dict[str, set[str]] = {}
    for name, ips in logs.receive.local_ips.items():
        server = estate.server(name)
        if server is not None:
            found.setdefault(server.name, set()).update(ip for ip in ips if _reachable(ip))
    return tuple(replace(s, listens_on=tuple(sorted(found[s.name] | set(s.listens_on),
                                                    key=address_order)))
                 if found.get(s.name) else s for s in estate.servers)


def _reachable(ip: str) -> bool:
    """An address other hosts reach the server at (not loopback, not "every address")."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return not (address.is_loopback or address.is_unspecified)


def _name_of(host: RemoteHost) -> str:
    ehlo = host.ehlo
    return ehlo if ehlo and not ehlo.startswith("[") else host.ip


def _server_name(estate: Estate, name: str) -> str:
    server = estate.server(name)
    return server.name if server else name


def _observed(hosts: Sequence[RemoteHost], covered: int, rules: SenderRules,
              ranged: bool = False) -> dict[str, Any]:
    """What the logs saw of one client (one address, or the addresses of a listed range).

    A client that sent on a few of the days the logs cover (a monthly payroll run) keeps
    those days: an average over weeks would call one run of 2,640 messages "about 139 a
    day" (planner.core.send_rhythm tells its runs)."""
    messages = sum(h.messages for h in hosts)
    days = sorted({d for h in hosts for d in h.days})
    most = max(rules.occasional_days, int(covered * rules.occasional_share))
    occasional = 0 < len(days) <= most and rules.occasional_days < covered
    return {"ehlo": hosts[0].ehlo if len(hosts) == 1 else "",
            "first_seen": date.fromisoformat(min(h.first for h in hosts)[:10]),
            "last_seen": date.fromisoformat(max(h.last for h in hosts)[:10]),
            "sessions": sum(h.mail_sessions for h in hosts), "messages": messages,
            "messages_per_day": round(messages / covered, 1) if covered else None,
            "authenticated": any(h.authenticated for h in hosts),
            "tls": any(h.tls for h in hosts),
            "run_days": tuple(date.fromisoformat(d) for d in days) if occasional else (),
            "logged_days": covered,
            "addresses": tuple(sorted({h.ip for h in hosts}, key=address_order)) if ranged else (),
            "reached": tuple(sorted({a for h in hosts for a in h.reached}, key=address_order))}


def _matches(rc: RelayClient, host: RemoteHost) -> bool:
    keys = {k.lower() for k in (rc.host, rc.name) if k}
    names = {n.lower() for n in host.ehlo_names} | {host.ip}
    names |= {n.split(".", 1)[0] for n in names}
    return bool(keys & names)


def _in_listed_range(rc: RelayClient, host: RemoteHost, server: str) -> bool:
    """Whether ``host`` sends from inside the range a listed client names (its printers),
    through that client's connector on its server where the inventory says which."""
    span = parse_range(rc.host) if rc.host else None
    if span is None or span.single or span.everything or not span.covers(host.ip):
        return False
    return ((not rc.connector or rc.connector.lower() == host.connector.lower())
            and (not rc.server or rc.server.lower() == server.lower()))


def _merge_clients(estate: Estate, senders: list[RemoteHost],
                   logs: TransportLogs) -> tuple[tuple[RelayClient, ...], list[Finding]]:
    """Each sender matched to the listed client it is (by address or name, else by the
    listed range it sends from: the printers of "Zebra label printers, 10.20.40.0/24" are
    that client, with its owner), the rest added as clients found in the logs."""
    rules = logs.rules
    assert rules is not None, "read_transport_logs sets the rules"
    listed = list(estate.relay_clients)
    taken: set[int] = set()
    in_range: dict[int, list[RemoteHost]] = {}
    added: list[RelayClient] = []
    findings: list[Finding] = []

    def covered(h: RemoteHost) -> int:
        return len(logs.receive.days.get(h.server, ()))

    for host in senders:
        server = _server_name(estate, host.server)
        index = next((i for i, rc in enumerate(listed) if i not in taken and _matches(rc, host)),
                     None)
        if index is not None:
            taken.add(index)
            rc = listed[index]
            listed[index] = replace(rc, server=rc.server or server,
                                    connector=rc.connector or host.connector,
                                    host=rc.host or host.ip,
                                    **_observed([host], covered(host), rules))
            continue
        ranged = next((i for i, rc in enumerate(listed)
                       if i not in taken and _in_listed_range(rc, host, server)), None)
        if ranged is not None:
            in_range.setdefault(ranged, []).append(host)
            continue
        name = _unique(_name_of(host), server, [*listed, *added])
        added.append(RelayClient(name=name, host=host.ip, connector=host.connector,
                                 server=server, discovered=True,
                                 **_observed([host], covered(host), rules)))
        findings.append(finding(
            "LOGS-RELAY-DISCOVERED", Where(), target=f"relay:{name}",
            log_place=LogPlace((server,), host.connector, host.ip), name=name, ip=host.ip,
            connector=host.connector, server=server,
            messages=Counted("transport.count.message", host.messages),
            **_period(date.fromisoformat(host.first[:10]), date.fromisoformat(host.last[:10]))))
    for i, hosts in in_range.items():
        rc = listed[i]
        listed[i] = replace(rc, server=rc.server or _server_name(estate, hosts[0].server),
                            connector=rc.connector or hosts[0].connector,
                            **_observed(hosts, max(map(covered, hosts)), rules, ranged=True))
    for i, rc in enumerate(listed):
        if i not in taken and i not in in_range:
            findings += _unseen(estate, rc, logs)
    return tuple(listed + added), findings


def _period(first: date, last: date) -> dict[str, Any]:
    """A finding's period: one day or a span, worded in each reader's date format."""
    return {"period": period(first, last)}


def _unique(name: str, server: str, existing: list[RelayClient]) -> str:
    names = {rc.name.lower() for rc in existing}
    return name if name.lower() not in names else f"{name} ({server})"


def _unseen(estate: Estate, rc: RelayClient, logs: TransportLogs) -> list[Finding]:
    """A listed client the logs never saw, if the logs cover its server (or any server)."""
    days = logs.receive.days
    server = estate.server(rc.server) if rc.server else None
    covered = days.get(server.name.upper(), set()) if server else set().union(*days.values())
    if not covered:
        return []
    path = f"{rc.connector or '?'} ({server.name})" if server else (rc.connector or "?")
    # where it was looked for: its server's logs (or every server's), its connector, its host
    looked = LogPlace((server.name,) if server else (), rc.connector, rc.host)
    return [finding("LOGS-RELAY-UNSEEN", Where(), target=f"relay:{rc.name}",
                    log_place=looked, name=rc.name,
                    path=path, **_period(date.fromisoformat(min(covered)),
                                         date.fromisoformat(max(covered))))]


def _new_connectors(estate: Estate, senders: list[RemoteHost]) -> tuple[Connector, ...]:
    """Receive connectors the logs prove exist but the inventory does not list."""
    known = {(c.name.lower(), s.lower()) for c in estate.connectors for s in c.servers}
    out: dict[tuple[str, str], Connector] = {}
    for h in senders:
        server = _server_name(estate, h.server)
        key = (h.connector.lower(), server.lower())
        if key not in known and key not in out:
            out[key] = Connector(h.connector, ConnectorType.RECEIVE, servers=(server,))
    return tuple(out.values())


def _flows(estate: Estate, logs: TransportLogs) -> tuple[MailFlow, ...]:
    flows = [MailFlow(_server_name(estate, server), MailFlowKind(flow), date.fromisoformat(day),
                      n) for (server, flow, day), n in logs.flows.counts.items()]
    return estate.mail_flows + tuple(sorted(flows, key=lambda f: (f.server, f.flow, f.day)))


def _balancer_findings(hosts: list[RemoteHost], kinds: dict[int, Sender]) -> list[Finding]:
    by_connector: dict[tuple[str, str], list[RemoteHost]] = {}
    for h in hosts:
        by_connector.setdefault((h.server, h.connector), []).append(h)
    out = []
    for (server, connector), group in sorted(by_connector.items()):
        if len(group) == 1 and kinds[id(group[0])] is Sender.LOAD_BALANCER:
            h = group[0]
            out.append(finding("LOGS-LOAD-BALANCER", Where(), target=f"connector:{connector}",
                               log_place=LogPlace((server,), connector, h.ip),
                               connector=connector, server=server, ip=h.ip,
                               names=len(h.ehlo_names)))
    return out


def _addresses(ranges: tuple[str, ...]) -> int | None:
    """How many addresses the ranges admit; None if one cannot be read."""
    spans = [parse_range(r) for r in ranges]
    return None if None in spans else sum(s.size for s in spans if s is not None)


def _range_findings(estate: Estate, senders: list[RemoteHost],
                    rules: SenderRules) -> list[Finding]:
    out = []
    for c in estate.connectors:
        if c.type is not ConnectorType.RECEIVE or not c.remote_ip_ranges or not c.servers:
            continue
        servers = {s.upper() for s in c.servers}
        ips = sorted({h.ip for h in senders if h.connector.lower() == c.name.lower()
                      and _server_name(estate, h.server).upper() in servers},
                     key=address_order)
        allowed = _addresses(c.remote_ip_ranges)
        # A connector open to every address (a default one) is not a relay allow-list.
        if not ips or allowed is None or allowed >= 2**32 - 1:
            continue
        if allowed > rules.addresses_per_client * len(ips):
            # the new connector serves every server this one stands on: clients the
            # inventory lists on it (on a server whose logs were not read) keep their place
            listed = {rc.host.strip() for rc in estate.relay_clients
                      if rc.connector.lower() == c.name.lower()
                      and any(span is not None and span.covers(rc.host)
                              for span in map(parse_range, c.remote_ip_ranges))}
            keep = sorted(set(ips) | listed, key=address_order)
            logged = sorted({_server_name(estate, h.server) for h in senders
                             if h.connector.lower() == c.name.lower()
                             and _server_name(estate, h.server).upper() in servers})
            out.append(finding(
                "LOGS-RANGE-WIDE", Where(), target=f"connector:{c.name}",
                log_place=LogPlace(tuple(logged), c.name), connector=c.name,
                server=tuple(c.servers), allowed=Counted("transport.count.address", allowed),
                ranges=", ".join(c.remote_ip_ranges),
                seen=Counted("transport.count.client_used", len(ips)), tighter=", ".join(keep),
                count=_days_seen([h for h in senders if h.connector.lower() == c.name.lower()])))
    return out


def _days_seen(hosts: list[RemoteHost]) -> int:
    """The calendar days the logs cover for these hosts, first session to last (a week of
    logs misses a monthly job: the advice says how long it looked)."""
    days = sorted(d for h in hosts for d in (h.first[:10], h.last[:10]) if d)
    try:
        return (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days + 1
    except (IndexError, ValueError):
        return 0


def _read_findings(estate: Estate, logs: TransportLogs,
                   clients: tuple[RelayClient, ...]) -> list[Finding]:
    # the servers whose logs were read: a reader checks none is missing
    logged = {*logs.receive.days, *(server for server, _, _ in logs.flows.counts)}
    servers_read = LogPlace(tuple(sorted({_server_name(estate, s) for s in logged})))
    out = [finding(
        "LOGS-READ", Where(), log_place=servers_read,
        receive=Counted("transport.count.receive_log", logs.files.get(LogKind.RECEIVE, 0)),
        tracking=Counted("transport.count.tracking_log", logs.files.get(LogKind.TRACKING, 0)),
        lines=Counted("transport.count.line", logs.receive.count.lines + logs.flows.count.lines),
        clients=Counted("transport.count.relay_client",
                        sum(rc.messages is not None for rc in clients)),
        new=sum(rc.discovered for rc in clients))]
    if not logs.files.get(LogKind.RECEIVE):
        out.append(finding("LOGS-NO-RECEIVE", log_place=LogPlace()))
    if logs.malformed:
        first = next(iter(logs.malformed_in))
        out.append(finding("LOGS-MALFORMED", Where(first),
                           count=Counted("transport.count.malformed_line", logs.malformed),
                           files=Counted("transport.count.log_file", len(logs.malformed_in)),
                           first=first))
    nameless = sorted({rc.host for rc in clients if rc.discovered
                       and rc.host in logs.receive.no_name}, key=address_order)
    if nameless:
        out.append(finding("LOGS-EHLO-NO-NAME", Where(), log_place=LogPlace(),
                           count=Counted("transport.count.ehlo_no_name", len(nameless)),
                           first=nameless[0]))
    out += [finding("LOGS-UNREADABLE", Where(), log_place=LogPlace(), detail=u)
            for u in logs.unreadable]
    out += [finding("LOGS-ZIP-REFUSED", Where(name), file=name, ratio=ratio)
            for name, ratio in logs.refused.items()]
    if logs.twice:
        name, read = next(iter(logs.twice.items()))
        out.append(finding("LOGS-GIVEN-TWICE", Where(name),
                           count=Counted("transport.count.log_file", len(logs.twice)),
                           file=name, read=read))
    out += [finding("LOGS-NO-FIELDS", Where(name), file=name, columns=", ".join(lacking))
            for name, lacking in logs.no_fields.items()]
    return out
