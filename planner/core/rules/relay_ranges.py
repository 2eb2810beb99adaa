"""What a receive connector's copy admits when the old one's range holds Exchange's own servers.

Every receive connector whose remote IP ranges go to the new servers passes here: a custom
one recreated there, and a default one ("Default Frontend EX01") whose ranges the customer
changed, re-applied to the new server's own. Exchange takes a session on the receive
connector whose remote IP ranges match the sender most specifically (Set-ReceiveConnector,
RemoteIPRanges). A custom anonymous relay whose range holds the Exchange servers' own
addresses ("10.70.0.0/16" on a server at 10.70.0.13) matches them more closely than the
default connectors' "every address": their own SMTP sessions can land on the relay, and
every host of the subnet may relay. A default connector changed to such a range lets every
host of it in as well. Copied as it is, the new servers inherit that. Where the transport
logs saw the clients of such a connector, the copy admits those addresses (and the clients
the inventory lists inside the range) instead of the range; a default connector also keeps
the Exchange servers' own addresses it held, since Exchange's sessions (an Edge's inbound
mail) belong on it. Where the logs saw no client, the range stays and a warning says so.
The knowledge fact ``transport.relay_ranges_from_logs`` lets a project keep the old range.
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

__all__ = ["Admitted", "admitted_ranges", "exchange_addresses"]


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


def admitted_ranges(ctx: Context, sources: Sequence[Connector], default: str = "") -> Admitted:
    """What the copy of ``sources`` admits (one custom connector, or the changed default
    connectors ``default`` of several servers re-applied as one change); a warning (once)
    where their range holds the Exchange servers' own addresses."""
    key = (tuple(sources), default)
    memo: dict[tuple[tuple[Connector, ...], str], Admitted] = ctx.memo.setdefault(
        "relay_ranges", {})
    if key not in memo:
        memo[key] = _choose(ctx, sources, default)
    return memo[key]


def _choose(ctx: Context, sources: Sequence[Connector], default: str) -> Admitted:
    own = exchange_addresses(ctx)
    entries = tuple(dict.fromkeys(e for c in sources for e in c.remote_ip_ranges))
    holding = [(entry, span) for entry in entries if (span := parse_range(entry)) is not None
               and not span.everything and any(span.covers(a) for a in own)]
    if not holding:
        return Admitted(entries)
    inside = [span for _, span in holding]
    held = sorted((a for a in own if any(s.covers(a) for s in inside)), key=address_order)
    clients = _clients(ctx, sources)
    seen = _seen(clients, inside)
    fields: dict[str, Any] = {
        "connector": default or sources[0].name,
        "servers": list(dict.fromkeys(s for c in sources for s in c.servers)),
        "entries": ", ".join(e for e, _ in holding),
        "exchange": [f"{a} ({own[a]})" if own[a] else a for a in held]}
    text = "findings.RULES-RELAY-RANGE-EXCHANGE{}-DEFAULT" if default else ""
    if not seen or not ctx.facts.relay_ranges_from_logs:
        why = "kept_setting" if seen else "kept_unseen"
        _note(ctx, Finding.about(Severity.WARNING, "RULES-RELAY-RANGE-EXCHANGE-KEPT",
                                 f"connector:{fields['connector']}", text.format("-KEPT"),
                                 **fields, why=message(f"steps.relay_range.{why}")))
        return Admitted(entries)
    listed = _listed(clients, inside, own)
    dropped = {e for e, _ in holding}
    # Exchange's sessions belong on its own connectors: a default one keeps admitting them
    exchange = held if default else []
    added = sorted({a for a in (*seen, *exchange) if not _within(a, listed)}, key=address_order)
    ranges = tuple(dict.fromkeys([*(e for e in entries if e not in dropped), *listed, *added]))
    _note(ctx, Finding.about(Severity.WARNING, "RULES-RELAY-RANGE-EXCHANGE",
                             f"connector:{fields['connector']}", text.format(""), **fields,
                             clients=seen, ranges=", ".join(ranges)))
    return Admitted(ranges, tuple(e for e, _ in holding))


def _clients(ctx: Context, sources: Sequence[Connector]) -> list[RelayClient]:
    """The relay clients of these connectors (by name, on one of its servers)."""
    wanted = {(c.name.casefold(), s.lower()) for c in sources for s in c.servers}
    names = {c.name.casefold() for c in sources}
    return [rc for rc in ctx.estate.relay_clients
            if (rc.connector.casefold(), rc.server.lower()) in wanted
            or (not rc.server and rc.connector.casefold() in names)]

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
