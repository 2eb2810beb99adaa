"""Who a remote host in a transport log is: Exchange, Exchange Online, load balancer, client.

Exchange's own servers are known by name from the inventory, by the addresses the logs show
them listening on, and by the verbs only Exchange speaks (X-EXPS, X-ANONYMOUSTLS). Exchange
Online is known by its host names and address ranges (resources/importing/transport_logs.toml,
with source and date). A load balancer with source NAT is one address announcing several
EHLO names. Everything else that sends mail is a relay client.
"""

from __future__ import annotations

import ipaddress
import tomllib
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any

from planner.core.importing.receive_sessions import ReceiveLog, RemoteHost
from planner.core.model import Estate
from planner.core.resources import resource_path

__all__ = ["Sender", "SenderRules", "load_sender_rules"]

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class Sender(StrEnum):
    """Who a remote host is."""

    EXCHANGE = "exchange"
    EXO = "exo"
    LOAD_BALANCER = "load_balancer"
    CLIENT = "client"


@dataclass(frozen=True)
class SenderRules:
    """What the classification needs: the facts from the data file plus the estate's names."""

    exo_suffixes: tuple[str, ...]
    exo_ranges: tuple[Network, ...]
    lb_min_names: int
    addresses_per_client: int
    occasional_days: int = 3  # at most this many days with mail: an occasional job,
    occasional_share: float = 0.25  # or on at most this share of the logged days
    exchange_names: frozenset[str] = frozenset()  # lower-case short names and FQDNs
    exchange_ips: frozenset[str] = frozenset()
    balancers: frozenset[str] = frozenset()  # namespaces' load balancer names/addresses

    def for_estate(self, estate: Estate, receive: ReceiveLog | None = None) -> SenderRules:
        """These rules knowing the estate's servers and what the protocol logs showed.

        The servers' own listening addresses, and the addresses and names of hosts that
        spoke Exchange's own verbs, count as Exchange (an Edge server absent from the
        inventory is still Exchange).
        """
        local = receive.local_ips if receive else {}
        names = {s.name.lower() for s in estate.servers}
        names |= {s.fqdn.lower() for s in estate.servers if s.fqdn}
        names |= {n.lower() for n in local}
        ips = {ip for found in local.values() for ip in found}
        lbs = {n.load_balancer.lower() for n in estate.namespaces if n.load_balancer}
        base = SenderRules(self.exo_suffixes, self.exo_ranges, self.lb_min_names,
                           self.addresses_per_client, self.occasional_days,
                           self.occasional_share, frozenset(names), frozenset(ips), frozenset(lbs))
        hosts = receive.hosts.values() if receive else ()
        talking = [h for h in hosts if base.classify(h) is Sender.EXCHANGE]
        return replace(base, exchange_ips=base.exchange_ips | {h.ip for h in talking},
                       exchange_names=base.exchange_names | {
                           n.lower() for h in talking for n in h.ehlo_names})

    def is_exchange_host(self, host: str) -> bool:
        """True for a name or address of one of the organisation's Exchange servers."""
        host = host.lower()
        return (host in self.exchange_names or host.split(".", 1)[0] in self.exchange_names
                or host in self.exchange_ips)

    def is_exo_host(self, host: str, ip: str = "") -> bool:
        """True for Exchange Online's host names or addresses."""
        host = host.lower()
        return any(host.endswith(s) for s in self.exo_suffixes) or (
            bool(ip) and _in_ranges(ip, self.exo_ranges))

    def classify(self, host: RemoteHost) -> Sender:
        """Who sent these sessions."""
        names = [n.lower() for n in host.ehlo_names]
        if (host.exchange_verbs or host.ip in self.exchange_ips
                or any(self.is_exchange_host(n) for n in names)):
            return Sender.EXCHANGE
        if self.is_exo_host(names[0] if names else "", host.ip):
            return Sender.EXO
        if (len(names) >= self.lb_min_names or host.ip in self.balancers
                or any(n in self.balancers for n in names)):
            return Sender.LOAD_BALANCER
        return Sender.CLIENT


@lru_cache(maxsize=4096)
def _parse_ip(ip: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(ip)
    except ValueError:
        return None


def _in_ranges(ip: str, ranges: tuple[Network, ...]) -> bool:
    addr = _parse_ip(ip)
    return addr is not None and any(addr.version == r.version and addr in r for r in ranges)


@lru_cache(maxsize=1)
def load_sender_rules() -> SenderRules:
    """The bundled facts about Exchange Online and load balancers."""
    with resource_path("importing", "transport_logs.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    exo = data["exchange_online"]
    return SenderRules(
        exo_suffixes=tuple(s.lower() for s in exo["host_suffixes"]),
        exo_ranges=tuple(ipaddress.ip_network(r) for r in exo["ip_ranges"]),
        lb_min_names=int(data["load_balancer"]["min_ehlo_names"]),
        addresses_per_client=int(data["wide_ranges"]["addresses_per_client"]),
        occasional_days=int(data["occasional"]["max_days"]),
        occasional_share=float(data["occasional"]["max_share"]))
