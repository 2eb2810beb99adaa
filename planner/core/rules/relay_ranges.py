"""What a recreated relay connector admits when the old one's range holds Exchange's own servers.

Exchange takes a session on the receive connector whose remote IP ranges match the sender
most specifically (Set-ReceiveConnector, RemoteIPRanges). A custom anonymous relay whose
range holds the Exchange servers' own addresses ("10.70.0.0/16" on a server at 10.70.0.13)
matches them more closely than the default connectors' "every address": their own SMTP
sessions can land on the relay, and every host of the subnet may relay. Copied as it is,
the new servers inherit that. Where the transport logs saw the clients of such a connector,
the new one admits those addresses (and the clients the inventory lists inside the range)
instead of the range; where they saw none, the range stays and a warning says so. The
knowledge fact ``transport.relay_ranges_from_logs`` lets a project keep the old range.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.core.explanation import message
from planner.core.ip_ranges import IpRange, address_order, parse_binding, parse_range
from planner.core.model import Connector, Finding, RelayClient, Severity
from planner.core.rules.base import Context

__all__ = ["Admitted", "exchange_addresses", "relay_ranges"]


@dataclass(frozen=True)
class Admitted:
    """The remote IP ranges a connector's copy admits, and the old entries it no longer has."""

    ranges: tuple[str, ...]
    dropped: tuple[str, ...] = ()  # entries that held Exchange's own servers, narrowed


def exchange_addresses(ctx: Context) -> dict[str, str]:
    """The Exchange servers' own addresses and whose they are: those the transport logs
    showed them answering on, and those a receive connector is bound to."""
    found: dict[str, str] | None = ctx.memo.get("exchange_addresses")
    if found is None:
        found = {}
        for server in ctx.estate.servers:
            found.update({a: server.name for a in server.listens_on})
        for c in ctx.estate.connectors:
            owner = ctx.estate.server(c.servers[0]) if c.servers else None
            for b in c.bindings:
                parsed = parse_binding(b)
                if parsed is not None and _own(parsed[0]):
                    found.setdefault(str(parsed[0]), owner.name if owner else "")
        ctx.memo["exchange_addresses"] = found
    return found


def _own(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address a server is reached at by others (not "every address", not loopback)."""
    return not (address.is_unspecified or address.is_loopback)


def relay_ranges(ctx: Context, c: Connector) -> Admitted:
    """What the copy of custom connector ``c`` admits; a warning (once) where the old range
    holds the Exchange servers' own addresses."""
    memo: dict[Connector, Admitted] = ctx.memo.setdefault("relay_ranges", {})
    if c not in memo:
        memo[c] = _choose(ctx, c)
    return memo[c]


def _choose(ctx: Context, c: Connector) -> Admitted:
    own = exchange_addresses(ctx)
    spans = [(entry, parse_range(entry)) for entry in c.remote_ip_ranges]
    holding = [(entry, span) for entry, span in spans if span is not None
               and not span.everything and any(span.covers(a) for a in own)]
    if not holding:
        return Admitted(c.remote_ip_ranges)
    inside = [span for _, span in holding]
    exchange = sorted({f"{a} ({own[a]})" if own[a] else a
                       for a in own if any(s.covers(a) for s in inside)})
    clients = _clients(ctx, c)
    seen = _seen(clients, inside)
    fields: dict[str, Any] = {"connector": c.name, "servers": list(c.servers),
              "entries": ", ".join(e for e, _ in holding), "exchange": exchange}
    if not seen or not ctx.facts.relay_ranges_from_logs:
        why = "kept_setting" if seen else "kept_unseen"
        _note(ctx, Finding.about(Severity.WARNING, "RULES-RELAY-RANGE-EXCHANGE-KEPT",
                                 f"connector:{c.name}", **fields,
                                 why=message(f"steps.relay_range.{why}")))
        return Admitted(c.remote_ip_ranges)
    listed = _listed(clients, inside, own)
    dropped = {e for e, _ in holding}
    ranges = tuple(dict.fromkeys([*(e for e in c.remote_ip_ranges if e not in dropped),
                                  *listed, *(a for a in seen if not _within(a, listed))]))
    _note(ctx, Finding.about(Severity.WARNING, "RULES-RELAY-RANGE-EXCHANGE", f"connector:{c.name}",
                             **fields, clients=seen, ranges=", ".join(ranges)))
    return Admitted(ranges, tuple(e for e, _ in holding))


def _clients(ctx: Context, c: Connector) -> list[RelayClient]:
    """The relay clients of this connector (by name, on one of its servers)."""
    servers = {s.lower() for s in c.servers}
    return [rc for rc in ctx.estate.relay_clients
            if rc.connector.casefold() == c.name.casefold()
            and (not rc.server or rc.server.lower() in servers)]


def _seen(clients: Sequence[RelayClient], inside: Sequence[IpRange]) -> list[str]:
    """The addresses the transport logs saw send through the connector from inside these
    entries, in address order."""
    out = {a for rc in clients if rc.last_seen is not None
           for a in (rc.addresses or (rc.host,)) if any(s.covers(a) for s in inside)}
    return sorted(out, key=address_order)


def _listed(clients: Sequence[RelayClient], inside: Sequence[IpRange],
            own: dict[str, str]) -> list[str]:
    """The hosts the inventory lists on the connector inside these entries (a printer
    fleet's range too), unless one holds an Exchange server itself."""
    out = []
    for rc in clients:
        span = parse_range(rc.host) if rc.host and not rc.discovered else None
        if span is None or any(span.covers(a) for a in own):
            continue
        if any(s.explained_by(rc.host) and s.size > span.size for s in inside):
            out.append(span.text)
    return list(dict.fromkeys(out))


def _within(address: str, entries: Sequence[str]) -> bool:
    return any(span is not None and span.covers(address) for span in map(parse_range, entries))


def _note(ctx: Context, finding: Finding) -> None:
    """The warning once, however many steps recreate the connector."""
    if finding not in ctx.notes:
        ctx.notes.append(finding)
