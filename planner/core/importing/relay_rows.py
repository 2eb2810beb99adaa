"""Relay clients as the RelayClients sheet lists them, one client per address.

A customer's sheet lists a device with two addresses in one Host cell ("10.10.3.60,
10.10.3.61") or the same name twice (two scanners both called "Scanner 3. OG"). Each address
is a device that sends: it is matched with the transport logs by its address and admitted
on the new receive connector. So a cell of several addresses becomes one client per
address, and clients of one name are told apart by their address; both are said. A range
("10.20.30.10 - 10.20.30.20", "10.20.30.10-20", "10.20.30.0/24") is one client, the devices
in it, written as Exchange writes it so the logs' addresses are matched to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner.core.importing.computer_names import Located
from planner.core.importing.findings import finding
from planner.core.ip_ranges import split_ranges
from planner.core.model import Finding, RelayClient

__all__ = ["one_client_per_address"]


def one_client_per_address(clients: Sequence[RelayClient], records: Sequence[Located],
                           findings: list[Finding]) -> list[RelayClient]:
    """``clients`` with a Host cell of several addresses split, one client per address
    (named "name (address)"), and clients that share a name named by their address."""
    out: list[tuple[RelayClient, Located]] = []
    for client, record in zip(clients, records, strict=True):
        hosts = list(split_ranges(client.host))
        if len(hosts) < 2:  # one address, name or range, as Exchange writes a range
            out.append((replace(client, host=hosts[0] if hosts else ""), record))
            continue
        findings.append(finding("IMPORT-RELAY-HOSTS-SPLIT", record.where,
                                column=record.columns.get("host", ""), name=client.name,
                                hosts=hosts, count=len(hosts)))
        out += [(replace(client, name=f"{client.name} ({h})", host=h), record) for h in hosts]
    by_name: dict[str, list[int]] = {}
    for n, (client, _) in enumerate(out):
        by_name.setdefault(client.name.casefold(), []).append(n)
    named = [client for client, _ in out]
    for places in by_name.values():
        hosts = [out[n][0].host for n in places]
        if len(places) < 2 or len(set(hosts)) < len(hosts) or not all(hosts):
            continue  # one name, or no address to tell them apart (a repeated row)
        first = out[places[0]]
        findings.append(finding("IMPORT-RELAY-NAME-TWICE", first[1].where,
                                column=first[1].columns.get("name", ""), name=first[0].name,
                                hosts=hosts, count=len(hosts)))
        for n in places:
            named[n] = replace(out[n][0], name=f"{out[n][0].name} ({out[n][0].host})")
    return named
