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

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass, replace

from planner.core.model import Connector, Estate, Finding, RelayClient, Server, Severity
from planner.core.rules.base import Context
from planner.core.rules.estate_facts import receive_connectors_of

__all__ = ["Classified", "classify", "distinct", "reapply_command", "recreate_command"]

_ALL_RANGES = {"0.0.0.0-255.255.255.255", "0.0.0.0/0",
               "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::/0"}


@dataclass(frozen=True)
class Classified:
    """One receive connector and what the plan does with it."""

    connector: Connector
    default: str  # the default connector's name ("Default Frontend"), "" for a custom one
    changes_en: tuple[str, ...] = ()  # what the customer changed on a default connector
    changes_de: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()  # the Set-ReceiveConnector parameters that re-apply them

    @property
    def custom(self) -> bool:
        """True for a connector the customer created: it is recreated on the new servers."""
        return not self.default

    @property
    def changed(self) -> bool:
        """True for a default connector whose changes are re-applied."""
        return bool(self.default and self.changes_en)


def _table(ctx: Context, key: str) -> dict[str, str]:
    """A "Name=value" list fact as a dict keyed by the lower-case name."""
    return ctx.facts.name_values(key)


def _servers(estate: Estate, c: Connector) -> set[str]:
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
    servers = _servers(ctx.estate, c) | every
    defaults = sorted(ctx.facts.default_receive_connectors,
                      key=len, reverse=True)
    for d in defaults:
        low = d.lower()
        if name == low or (name.startswith(low + " ") and name[len(low) + 1:] in servers):
            return d
    return ""


def _ports(c: Connector) -> set[str]:
    return {b.rsplit(":", 1)[-1] for b in c.bindings if ":" in b}


def _changes(ctx: Context, c: Connector, default: str) -> list[tuple[str, str, str]]:
    """(en, de, Set-ReceiveConnector parameter) for each change made to a default connector."""
    out: list[tuple[str, str, str]] = []
    if c.tls_certificate:
        out.append((f"TLS certificate {c.tls_certificate}", f"TLS-Zertifikat {c.tls_certificate}",
                    f"-TlsCertificateName <{c.tls_certificate}>"))
    ranges = [r for r in c.remote_ip_ranges if r.replace(" ", "").lower() not in _ALL_RANGES]
    if ranges:
        out.append(("remote IP ranges " + ", ".join(ranges),
                    "Remote-IP-Bereiche " + ", ".join(ranges),
                    "-RemoteIPRanges " + ",".join(c.remote_ip_ranges)))
    port = _table(ctx, "transport.default_receive_ports").get(default.lower())
    if port and c.bindings and _ports(c) != {port}:
        out.append(("bindings " + ", ".join(c.bindings), "Bindungen " + ", ".join(c.bindings),
                    "-Bindings " + ",".join(c.bindings)))
    perms = _table(ctx, "transport.default_receive_permissions").get(default.lower())
    if perms is not None and c.permission_groups and (
            {p.lower() for p in c.permission_groups} != {p.lower() for p in perms.split()}):
        out.append(("permission groups " + ", ".join(c.permission_groups),
                    "Berechtigungsgruppen " + ", ".join(c.permission_groups),
                    "-PermissionGroups " + ",".join(c.permission_groups)))
    return out


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
                              tuple(x[1] for x in changes), tuple(x[2] for x in changes)))
    return out


def distinct(items: Sequence[Classified]) -> list[Classified]:
    """Each custom connector once per name and each change to a default connector once.

    Customers build one relay connector of one name on every member of a DAG; on the new
    servers it is created once each, admitting every address any of the old ones admitted.
    """
    custom: dict[str, Classified] = {}
    changed: dict[tuple[str, tuple[str, ...]], Classified] = {}
    for i in items:
        if i.custom:
            key = i.connector.name.casefold()
            if key in custom:
                first = custom[key].connector
                ranges = tuple(dict.fromkeys(first.remote_ip_ranges + i.connector.remote_ip_ranges))
                i = replace(custom[key], connector=replace(first, remote_ip_ranges=ranges))
            custom[key] = i
        elif i.changed:
            changed.setdefault((i.default, i.parameters), i)
    return [*custom.values(), *changed.values()]


def recreate_command(c: Connector, new: str) -> str:
    """New-ReceiveConnector with everything the inventory knows about the old one."""
    frontend = any(_port == "25" for _port in _ports(c)) or not c.bindings
    parts = [f"New-ReceiveConnector -Server {new} -Name '{c.name}'",
             f"-TransportRole {'FrontendTransport' if frontend else 'HubTransport'}",
             "-Bindings " + (",".join(c.bindings) or "<as on the old server>"),
             "-RemoteIPRanges " + (",".join(c.remote_ip_ranges) or "<as on the old server>")]
    if c.permission_groups:
        parts.append("-PermissionGroups " + ",".join(c.permission_groups))
    if c.auth_mechanism:
        parts.append("-AuthMechanism " + ",".join(c.auth_mechanism))
    line = " ".join(parts)
    if c.tls_certificate:
        line += (f"\nSet-ReceiveConnector '{new}\\{c.name}' "
                 f"-TlsCertificateName <{c.tls_certificate}>")
    if any(p.lower() == "anonymoususers" for p in c.permission_groups):
        line += (f"\nGet-ReceiveConnector '{new}\\{c.name}' | Add-ADPermission -User "
                 "'NT AUTHORITY\\ANONYMOUS LOGON' -ExtendedRights "
                 "'Ms-Exch-SMTP-Accept-Any-Recipient'  # only if the old one relays anonymously")
    return line


def reapply_command(item: Classified, new: str) -> str:
    """Set-ReceiveConnector on the new server's own default connector, changes only."""
    target = f"'{new}\\{item.default} {new}'"
    return (f"Set-ReceiveConnector {target} " + " ".join(item.parameters)
            + f"  # as on '{item.connector.name}'")


_Range = tuple[ipaddress.IPv4Address | ipaddress.IPv6Address,
               ipaddress.IPv4Address | ipaddress.IPv6Address]


def _as_range(text: str) -> _Range | None:
    """An entry of RemoteIPRanges as (first, last) address, None when it is no address."""
    text = text.strip()
    try:
        if "-" in text:
            first, last = text.split("-", 1)
            return ipaddress.ip_address(first.strip()), ipaddress.ip_address(last.strip())
        net = ipaddress.ip_network(text, strict=False)
        return net[0], net[-1]
    except ValueError:
        return None


def _covers(span: _Range, client: RelayClient) -> bool:
    try:
        ip = ipaddress.ip_address(client.host.strip())
    except ValueError:
        return False
    first, last = span
    return ip.version == first.version and first <= ip <= last  # type: ignore[operator]


def _relays(c: Connector) -> bool:
    """True for a connector that relays for devices: anonymous or externally secured.

    A partner connector (permission group Partners, TLS) carries a partner's servers, not
    relay clients; with no permission groups in the inventory it counts as a relay.
    """
    perms = {p.lower() for p in c.permission_groups}
    auth = {a.lower() for a in c.auth_mechanism}
    return not perms or "anonymoususers" in perms or "externalauthoritative" in auth


def unexplained_relay_ips(ctx: Context, servers: Sequence[Server]) -> list[Finding]:
    """Remote IP entries of custom connectors on these servers that no relay client explains.

    Each such address is a device or application that will stop sending when the server
    goes, unless somebody finds and re-points it; the inventory should name it.
    """
    # a connector of one name on several servers (the same relay on every DAG member) and an
    # address it admits make one finding that names all of those servers
    seen: dict[tuple[str, str], tuple[str, str, list[str]]] = {}
    for server in servers:
        customs = [i.connector for i in classify(ctx, receive_connectors_of(ctx.estate, server))
                   if i.custom and _relays(i.connector)]
        for c in customs:
            for entry in c.remote_ip_ranges:
                span = _as_range(entry)
                if span is None or entry.replace(" ", "").lower() in _ALL_RANGES:
                    continue
                if any(_covers(span, rc) for rc in ctx.estate.relay_clients):
                    continue
                names = seen.setdefault((c.name.casefold(), entry), (c.name, entry, []))[2]
                names += [server.name] if server.name not in names else []
    out = []
    for name, entry, names in seen.values():
        out.append(Finding.about(Severity.WARNING, "RULES-RELAY-IP-UNEXPLAINED",
                                 f"connector:{name}", connector=name, servers=names,
                                 entry=entry))
    return out
