"""Receive connectors understood: Exchange's own, changed by the customer, or custom.

Setup creates the same receive connectors on every server (Default Frontend, Client Frontend,
Outbound Proxy Frontend, Default and Client Proxy ``<server>``; on an Edge "Default internal
receive connector ``<server>``"). The new servers get their own, so these are never copied;
only what the customer or the Hybrid Configuration Wizard changed on them (the TLS
certificate, remote IP ranges, permission groups, another port) is re-applied to the new
servers' connectors. Every other receive connector (relay, partner, application) is custom
and is recreated with its bindings, remote IP ranges, permission groups, authentication and
certificate. Names, ports and permission groups of the defaults are knowledge data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from planner.core.catalogue import catalogue
from planner.core.explanation import Message, message
from planner.core.ip_ranges import IpRange, binding_port, parse_binding, parse_range
from planner.core.model import Connector, Estate, Finding, Server, Severity
from planner.core.rules.base import Context
from planner.core.rules.commands import placeholder, quoted, remark
from planner.core.rules.estate_facts import receive_connectors_of
from planner.core.rules.relay_ranges import Admitted, admitted_ranges

__all__ = [
    "Classified",
    "UnknownRelay",
    "change_detail",
    "classify",
    "connector_servers",
    "copy_command",
    "distinct",
    "reapply_command",
    "recreate_command",
    "unexplained_relay_ips",
    "unknown_relays",
]


def _everything(entry: str) -> bool:
    """True for an entry that admits every IPv4 or every IPv6 address (setup's default)."""
    span = parse_range(entry)
    return span is not None and span.everything


@dataclass(frozen=True)
class Classified:
    """One receive connector and what the plan does with it."""

    connector: Connector
    default: str  # the default connector's name ("Default Frontend"), "" for a custom one
    changes: tuple[Message, ...] = ()  # what the customer changed on a default connector
    parameters: tuple[str, ...] = ()  # the Set-ReceiveConnector parameters that re-apply them
    # a default connector's changed remote IP ranges: re-applied through admitted_ranges,
    # as a custom connector's are, so not among the parameters
    ranges: tuple[str, ...] = ()
    # the old connectors this one stands for (the same change on each server's default)
    sources: tuple[Connector, ...] = ()

    @property
    def custom(self) -> bool:
        """True for a connector the customer created: it is recreated on the new servers."""
        return not self.default

    @property
    def changed(self) -> bool:
        """True for a default connector whose changes are re-applied."""
        return bool(self.default and self.changes)

    @property
    def copied_from(self) -> tuple[Connector, ...]:
        """The old connectors whose remote IP ranges the copy carries."""
        return self.sources or (self.connector,)

    @property
    def changes_en(self) -> tuple[str, ...]:
        """The changes in English (for details still worded as pairs)."""
        return tuple(catalogue("en").render(m) for m in self.changes)

    @property
    def changes_de(self) -> tuple[str, ...]:
        """The changes in German (for details still worded as pairs)."""
        return tuple(catalogue("de").render(m) for m in self.changes)


def change_detail(item: Classified, to: Sequence[str]) -> Message:
    """"changed on X, re-applied to 'Default Frontend' on the new servers: ..." as a message."""
    return message("steps.receive_change.reapplied", connector=item.connector.name,
                   default=item.default, to=list(to), changes=list(item.changes))


def _table(ctx: Context, key: str) -> dict[str, str]:
    """A "Name=value" list fact as a dict keyed by the lower-case name."""
    return ctx.facts.name_values(key)


def connector_servers(estate: Estate, c: Connector) -> set[str]:
    """The servers a connector is on or sends from, by name in lower case (and FQDN label)."""
    names = {ref.split(".", 1)[0].lower() for ref in c.servers}
    names |= {s.name.lower() for ref in c.servers if (s := estate.server(ref)) is not None}
    return names


def default_of(ctx: Context, c: Connector) -> str:
    """The default connector this one is ("Default Frontend"), or "" for a custom one.

    A default connector is named "<default name> <server>" after a server it is bound to (or
    the bare default name); "Default Relay" is a custom connector, not "Default".
    """
    name = c.name.strip().lower()
    every = ctx.memo.get("server_names")  # the same for every connector: found once
    if every is None:
        every = ctx.memo["server_names"] = frozenset(s.name.lower() for s in ctx.estate.servers)
    servers = connector_servers(ctx.estate, c) | every
    defaults = sorted(ctx.facts.default_receive_connectors,
                      key=len, reverse=True)
    for d in defaults:
        low = d.lower()
        if name == low or (name.startswith(low + " ") and name[len(low) + 1:] in servers):
            return d
    return ""


def _ports(c: Connector) -> set[str]:
    return {port for b in c.bindings if (port := binding_port(b))}


def _default_bindings(c: Connector, port: str) -> bool:
    """True when the connector listens where setup put it: every local address, its port."""
    parsed = [parse_binding(b) for b in c.bindings]
    return all(p is not None and p[0].is_unspecified and str(p[1]) == port for p in parsed)


def _changes(ctx: Context, c: Connector, default: str) -> list[tuple[Message, str]]:
    """(what changed, the Set-ReceiveConnector parameter) for each change to a default one;
    changed remote IP ranges have no parameter here (reapply_command writes them)."""
    out: list[tuple[Message, str]] = []
    change = "steps.receive_change."
    if c.tls_certificate:
        out.append((message(change + "certificate", certificate=c.tls_certificate),
                    f"-TlsCertificateName <{c.tls_certificate}>"))
    if _changed_ranges(c):
        out.append((message(change + "ranges", ranges=", ".join(_changed_ranges(c))), ""))
    port = _table(ctx, "transport.default_receive_ports").get(default.lower())
    if port and c.bindings and not _default_bindings(c, port):
        out.append((message(change + "bindings", bindings=", ".join(c.bindings)),
                    "-Bindings " + _quoted(_new_bindings(c, "")[0])))
    perms = _table(ctx, "transport.default_receive_permissions").get(default.lower())
    if perms is not None and c.permission_groups and (
            {p.lower() for p in c.permission_groups} != {p.lower() for p in perms.split()}):
        out.append((message(change + "permissions", groups=", ".join(c.permission_groups)),
                    "-PermissionGroups " + ",".join(c.permission_groups)))
    return out


def _changed_ranges(c: Connector) -> list[str]:
    """A default connector's remote IP ranges when the customer changed them, else []."""
    return list(c.remote_ip_ranges) if any(not _everything(r) for r in c.remote_ip_ranges) \
        else []


def classify(ctx: Context, connectors: Sequence[Connector]) -> list[Classified]:
    """Each receive connector: default (with the changes made to it) or custom."""
    out = []
    for c in dict.fromkeys(connectors):
        default = default_of(ctx, c)
        if not default:
            out.append(Classified(c, ""))
            continue
        changes = _changes(ctx, c, default)
        out.append(Classified(c, default, tuple(x[0] for x in changes),
                              tuple(x[1] for x in changes if x[1]),
                              tuple(_changed_ranges(c))))
    return out


def distinct(items: Sequence[Classified]) -> list[Classified]:
    """Each custom connector once per name and each change to a default connector once.

    Customers build one relay connector of one name on every member of a DAG; on the new
    servers it is created once each, admitting every address any of the old ones admitted.
    """
    custom: dict[str, Classified] = {}
    changed: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Classified] = {}
    for i in items:
        if i.custom:
            key = i.connector.name.casefold()
            if key in custom:
                first = custom[key].connector
                ranges = tuple(dict.fromkeys(first.remote_ip_ranges + i.connector.remote_ip_ranges))
                servers = tuple(dict.fromkeys(first.servers + i.connector.servers))
                i = replace(custom[key], connector=replace(first, remote_ip_ranges=ranges,
                                                           servers=servers))
            custom[key] = i
        elif i.changed:
            # the clients of each server's default connector count for the ranges' copy
            same = (i.default, i.parameters, i.ranges)
            known = changed.get(same)
            changed[same] = i if known is None else replace(
                known, sources=(*known.copied_from, i.connector))
    return [*custom.values(), *changed.values()]


def _quoted(entries: Sequence[str]) -> str:
    """A PowerShell array of strings: "[::]:25" quoted is never read as a type name."""
    return ",".join(f"'{e}'" for e in entries)


def _new_bindings(c: Connector, new: str) -> tuple[list[str], list[str]]:
    """The bindings for the new server, and the old server's own addresses among them.

    "0.0.0.0:25" and "[::]:25" (every local address) carry over; a binding to one of the old
    server's addresses would stop the new server's transport service from starting, so it
    becomes the new server's address of the same family, for the consultant to fill in.
    """
    out, own = [], []
    for b in c.bindings:
        parsed = parse_binding(b)
        if parsed is None or parsed[0].is_unspecified:
            out.append(b)
            continue
        own.append(b)
        key = ("ipv4_of" if parsed[0].version == 4 else "ipv6_of") + ("" if new else "_new")
        host = placeholder(key, server=new) if new else placeholder(key)
        out.append(f"{host}:{parsed[1]}" if parsed[0].version == 4 else f"[{host}]:{parsed[1]}")
    return out, own


def copy_command(ctx: Context, item: Classified, new: str, edge: bool = False) -> str:
    """The command that carries ``item`` to the new server ``new``: a custom connector
    recreated (``edge``: in an Edge's own shell), a default one's changes re-applied. The
    remote IP ranges of either pass through admitted_ranges, the one place that narrows a
    range holding the Exchange servers' own addresses."""
    if item.custom:
        return recreate_command(item.connector, new, edge,
                                admitted_ranges(ctx, item.copied_from))
    admitted = admitted_ranges(ctx, item.copied_from, item.default) if item.ranges else None
    return reapply_command(item, new, admitted)


def _ranges_note(admitted: Admitted | None, key: str) -> str:
    """The remark under a command whose copy admits less than the old connector did."""
    if admitted is None or not admitted.dropped:
        return ""
    return "\n" + remark(key, old=", ".join(admitted.dropped)).lstrip()


def recreate_command(c: Connector, new: str, edge: bool = False,
                     admitted: Admitted | None = None) -> str:
    """New-ReceiveConnector with everything the inventory knows about the old one.

    On an Edge it runs in the Edge's own shell, where a connector has no transport role.
    ``admitted``: the remote IP ranges of the copy, where they differ (relay_ranges).
    """
    frontend = any(_port == "25" for _port in _ports(c)) or not c.bindings
    bindings, own = _new_bindings(c, new)
    head = (f"New-ReceiveConnector -Name {quoted(c.name)}" if edge else
            f"New-ReceiveConnector -Server {new} -Name {quoted(c.name)} "
            f"-TransportRole {'FrontendTransport' if frontend else 'HubTransport'}")
    parts = [head, "-Bindings " + (_quoted(bindings) or placeholder("as_on_old_server")),
             "-RemoteIPRanges " + (_quoted(admitted.ranges if admitted else c.remote_ip_ranges)
                                   or placeholder("as_on_old_server"))]
    if c.permission_groups:
        parts.append("-PermissionGroups " + ",".join(c.permission_groups))
    if c.auth_mechanism:
        parts.append("-AuthMechanism " + ",".join(c.auth_mechanism))
    line = " ".join(parts)
    if own:
        line += (remark("receive.edge_listens", server=new, bindings=", ".join(own)) if edge
                 else remark("receive.listens", bindings=", ".join(own)))
    elif edge:
        line += remark("on_server", server=new)
    line += _ranges_note(admitted, "receive.ranges_from_logs")
    identity = quoted(f"{new}\\{c.name}")  # the connector on the new server
    if c.tls_certificate:
        line += (f"\nSet-ReceiveConnector {identity} "
                 f"-TlsCertificateName <{c.tls_certificate}>")
    if any(p.lower() == "anonymoususers" for p in c.permission_groups):
        line += (f"\nGet-ReceiveConnector {identity} | Add-ADPermission -User "
                 "'NT AUTHORITY\\ANONYMOUS LOGON' -ExtendedRights "
                 "'Ms-Exch-SMTP-Accept-Any-Recipient'" + remark("receive.anonymous_relay"))
    return line


def reapply_command(item: Classified, new: str, admitted: Admitted | None = None) -> str:
    """Set-ReceiveConnector on the new server's own default connector, changes only.

    ``admitted``: the remote IP ranges the copy admits (relay_ranges); where they were
    narrowed, the new server's own address joins them, as the old one's was in its range.
    """
    target = f"'{new}\\{item.default} {new}'"
    parameters = list(item.parameters)
    if item.ranges:
        ranges = list(admitted.ranges if admitted is not None else item.ranges)
        if admitted is not None and admitted.dropped:
            ranges += [placeholder(f"ipv{v}_of", server=new) for v in (4, 6)
                       if any(span is not None and span.first.version == v
                              for span in map(parse_range, admitted.dropped))]
        parameters.append("-RemoteIPRanges " + _quoted(ranges))
    return (f"Set-ReceiveConnector {target} " + " ".join(parameters)
            + remark("receive.as_on", connector=item.connector.name)
            + _ranges_note(admitted, "receive.default_ranges_from_logs"))


def _relays(c: Connector) -> bool:
    """True for a connector that relays for devices: anonymous or externally secured.

    A partner connector (permission group Partners, TLS) carries a partner's servers, not
    relay clients; with no permission groups in the inventory it counts as a relay.
    """
    perms = {p.lower() for p in c.permission_groups}
    auth = {a.lower() for a in c.auth_mechanism}
    return not perms or "anonymoususers" in perms or "externalauthoritative" in auth


@dataclass(frozen=True)
class UnknownRelay:
    """An entry of a custom relay connector's remote IP ranges that no relay client explains.

    Behind it is a device or application (one address) or a subnet of them (a range) that
    stops sending when the server goes unless its owner re-points it.
    """

    connector: str
    span: IpRange
    servers: tuple[str, ...]
    # listed clients of this connector known by name only: one of them may be behind it
    named: tuple[str, ...] = ()
    # a partner connector's sender (a partner's mail server, over TLS): its mail arrives
    # through the firewall NAT or the partner's smart host, which move to the new servers
    partner: bool = False


def _named_only(ctx: Context, connector: str) -> tuple[str, ...]:
    """Listed clients of a connector whose host is a name, not an address."""
    return tuple(rc.name for rc in ctx.estate.relay_clients
                 if rc.connector.casefold() == connector.casefold()
                 and parse_range(rc.host) is None)


def unknown_relays(ctx: Context, servers: Sequence[Server]) -> list[UnknownRelay]:
    """Remote IP entries of custom relay connectors on these servers that no client explains.

    A connector of one name on several servers (the same relay on every DAG member) and an
    entry it admits are one unknown relay that names all of those servers.
    """
    seen: dict[tuple[str, str], tuple[str, IpRange, list[str]]] = {}
    for server in servers:
        customs = [i.connector for i in classify(ctx, receive_connectors_of(ctx.estate, server))
                   if i.custom]
        for c in customs:
            for entry in c.remote_ip_ranges:
                span = parse_range(entry)
                if span is None or span.everything:
                    continue
                if any(span.explained_by(rc.host) for rc in ctx.estate.relay_clients):
                    continue
                names = seen.setdefault((c.name.casefold(), span.text), (c.name, span, []))[2]
                names += [server.name] if server.name not in names else []
    if "relay_kinds" not in ctx.memo:  # asked per group of servers: found once
        ctx.memo["relay_kinds"] = {c.name.casefold(): _relays(c) for c in ctx.estate.connectors}
    relays: dict[str, bool] = ctx.memo["relay_kinds"]
    return [UnknownRelay(name, span, tuple(names), _named_only(ctx, name),
                         partner=not relays.get(name.casefold(), True))
            for name, span, names in seen.values()]


def unexplained_relay_ips(ctx: Context, servers: Sequence[Server]) -> list[Finding]:
    """A finding for each unknown relay: the inventory should name the device behind it."""
    return [Finding.about(Severity.WARNING, "RULES-RELAY-IP-UNEXPLAINED",
                          f"connector:{u.connector}",
                          "" if u.span.single else "findings.RULES-RELAY-RANGE-UNEXPLAINED",
                          connector=u.connector, servers=list(u.servers), entry=u.span.text,
                          count=u.span.size)
            for u in unknown_relays(ctx, servers) if not u.partner]  # a partner is known
