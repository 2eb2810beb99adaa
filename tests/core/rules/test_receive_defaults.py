"""Exchange's own receive connectors as Microsoft's table describes them are left alone; only
what the customer or the HCW changed on them is re-applied to the new server's own connector.

Defaults per connector (receive-connectors.md, "Default Receive connectors created during
setup"): Client Frontend 587 ExchangeUsers; Default Frontend 25 AnonymousUsers,
ExchangeLegacyServers, ExchangeServers; Outbound Proxy Frontend 717 ExchangeServers; Client
Proxy 465 ExchangeServers, ExchangeUsers; Default 2525 ExchangeLegacyServers,
ExchangeServers, ExchangeUsers; all bound to 0.0.0.0 and [::], open to every address.
"""

from __future__ import annotations

from typing import Any

import pytest

from planner.core.model import (
    Connector,
    ConnectorType,
    Estate,
    Organization,
    RelayClient,
    Server,
    Site,
)
from tests.core.rules.estates import E2016
from tests.core.rules.proposing import plan

_ALL = ("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255")
DEFAULTS = {
    "Client Frontend": ("587", ("ExchangeUsers",)),
    "Default Frontend": ("25", ("AnonymousUsers", "ExchangeServers", "ExchangeLegacyServers")),
    "Outbound Proxy Frontend": ("717", ("ExchangeServers",)),
    "Client Proxy": ("465", ("ExchangeServers", "ExchangeUsers")),
    "Default": ("2525", ("ExchangeLegacyServers", "ExchangeServers", "ExchangeUsers")),
}


def _estate(*connectors: Connector, clients: tuple[RelayClient, ...] = ()) -> Estate:
    return Estate(relay_clients=clients,
        organization=Organization(customer="Test", hybrid=False, forest="t.local"),
        sites=(Site("HQ", country="DE", subdivision="BY"),),
        servers=(Server("EX16", fqdn="ex16.t.local", site="HQ", roles=("Mailbox",),
                        build=E2016, os="Windows Server 2016", mailbox_data_gb=100),),
        connectors=connectors)


def _default(name: str, **changes: Any) -> Connector:
    port, groups = DEFAULTS[name]
    values: dict[str, Any] = {"bindings": (f"[::]:{port}", f"0.0.0.0:{port}"),
                              "remote_ip_ranges": _ALL, "permission_groups": groups}
    return Connector(f"{name} EX16", ConnectorType.RECEIVE, ("EX16",), **(values | changes))


def _receive_command(*connectors: Connector) -> str | None:
    step = next((s for s in plan(_estate(*connectors)).steps
                 if s.id == "sbs:receive:EX16"), None)
    return step.command_in("en") if step is not None else None


def test_every_default_connector_as_setup_made_it_is_left_alone() -> None:
    assert _receive_command(*(_default(n) for n in DEFAULTS)) is None
    # the order PowerShell happens to list the groups in does not matter
    assert _receive_command(_default("Client Proxy", permission_groups=(
        "exchangeusers", "ExchangeServers"))) is None


@pytest.mark.parametrize(("name", "changes", "parameter"), [
    ("Default Frontend", {"tls_certificate": "mail.contoso.de"},
     "-TlsCertificateName <mail.contoso.de>"),
    ("Default Frontend", {"remote_ip_ranges": ("10.1.0.0/16",)}, "-RemoteIPRanges '10.1.0.0/16'"),
    ("Client Frontend", {"permission_groups": ("AnonymousUsers", "ExchangeUsers")},
     "-PermissionGroups AnonymousUsers,ExchangeUsers"),
    ("Default", {"bindings": ("0.0.0.0:25",)}, "-Bindings '0.0.0.0:25'"),
    # bound to one of the old server's addresses: the new server's own address instead
    ("Default Frontend", {"bindings": ("10.1.1.5:25",)},
     "-Bindings '<IPv4 address of the new server>:25'"),
])
def test_a_real_change_is_reapplied_to_the_new_servers_own_connector(
        name: str, changes: dict[str, Any], parameter: str) -> None:
    command = _receive_command(_default(name, **changes))
    assert command is not None
    assert f"Set-ReceiveConnector 'EX16-SE\\{name} EX16-SE' {parameter}" in command
    assert "New-ReceiveConnector" not in command


def test_an_unknown_relay_address_names_the_clients_listed_by_name_only() -> None:
    relay = Connector("Relay Apps", ConnectorType.RECEIVE, ("EX16",), bindings=("0.0.0.0:25",),
                      remote_ip_ranges=("10.9.0.5", "10.9.0.6"),
                      permission_groups=("AnonymousUsers",))
    clients = (RelayClient("Zeiterfassung", host="zeit01.t.local", connector="Relay Apps",
                           owner="Personal"),
               RelayClient("Drucker", host="10.9.0.6", connector="Relay Apps"))
    steps = {s.id: s for s in plan(_estate(relay, clients=clients)).steps}
    unknown = steps["sbs:relay:EX16:unknown-10.9.0.5"]
    assert "the inventory lists Zeiterfassung on this connector by name only" in unknown.why(
        "en")
    assert "nennt Zeiterfassung an diesem Connector nur mit Namen" in unknown.why("de")
    assert "sbs:relay:EX16:unknown-10.9.0.6" not in steps  # Drucker explains it
    assert steps["sbs:relay:EX16:Zeiterfassung"].owner == "Personal"
