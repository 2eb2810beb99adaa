"""A relay connector whose remote IP range holds the Exchange servers' own addresses:
narrowed to the clients the transport logs saw, kept (with a warning) where they saw none
or where the project keeps the old ranges (rules.relay_ranges)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from planner.core.model import Connector, ConnectorType, Estate, RelayClient, Server
from planner.core.plan import Proposal
from planner.core.rules import propose
from planner.core.settings import Decisions, Settings
from planner.pipeline import knowledge_for, load_inputs

GOTTHARD = Path(__file__).resolve().parents[2] / "estates" / "gotthard-rail"


def _proposal(estate: Estate, **overrides: object) -> Proposal:
    settings = replace(Settings(), policy_overrides=dict(overrides))
    return propose(estate, settings, Decisions(), knowledge_for(settings))


def _legacy_relay_lines(p: Proposal) -> list[str]:
    return [line for s in p.steps for line in s.command_in("en").splitlines()
            if line.startswith("New-ReceiveConnector") and "'Legacy Relay'" in line]


def _inventory_only() -> Estate:
    return load_inputs([GOTTHARD / "inventory.xlsx"]).estate


def test_without_logs_the_range_is_kept_with_a_warning() -> None:
    """Only the inventory: 'Legacy Relay' listens on 10.70.0.13, inside its own 10.70.0.0/16,
    and no log shows its clients: the range is copied, and a warning says why."""
    p = _proposal(_inventory_only())
    assert _legacy_relay_lines(p) and all("-RemoteIPRanges '10.70.0.0/16' " in line
                                          for line in _legacy_relay_lines(p))
    kept = [f for f in p.findings if f.code == "RULES-RELAY-RANGE-EXCHANGE-KEPT"]
    assert len(kept) == 1
    for lang, part in (("en", "No transport log shows a client"),
                       ("de", "Kein Transportprotokoll zeigt")):
        assert part in kept[0].message(lang) and "10.70.0.13" in kept[0].message(lang)


def _seen_client(estate: Estate, **extra: object) -> Estate:
    """The gateway the logs saw, and the 2013 server's address from the logs."""
    gateway = RelayClient("fahrgastinfo-gw", host="10.70.50.7", connector="Legacy Relay",
                          server="IBK-EX13-01", last_seen=date(2026, 12, 4), messages=288,
                          discovered=True)
    servers = tuple(replace(s, listens_on=("10.70.0.13",)) if s.name == "IBK-EX13-01" else s
                    for s in estate.servers)
    return replace(estate, servers=servers, relay_clients=(*estate.relay_clients, gateway),
                   **extra)


def test_the_clients_the_logs_saw_and_those_listed_inside_are_admitted() -> None:
    """The logs saw 10.70.50.7; the inventory lists a sorter at 10.70.60.0/28 on the same
    connector: the copies admit both, nothing else of the /16."""
    estate = _seen_client(_inventory_only())
    sorter = RelayClient("Sorter", host="10.70.60.0/28", connector="Legacy Relay",
                         server="IBK-EX13-01", owner="Logistics")
    p = _proposal(replace(estate, relay_clients=(*estate.relay_clients, sorter)))
    lines = _legacy_relay_lines(p)
    assert lines and all("-RemoteIPRanges '10.70.60.0/28','10.70.50.7' " in line
                         for line in lines), lines
    assert [f.code for f in p.findings if f.code.startswith("RULES-RELAY-RANGE-EXCHANGE")] == [
        "RULES-RELAY-RANGE-EXCHANGE"]


def test_the_project_can_keep_the_old_range() -> None:
    """The customer's decision: transport.relay_ranges_from_logs = false keeps the /16 and
    says the project keeps it."""
    p = _proposal(_seen_client(_inventory_only()), **{"transport.relay_ranges_from_logs": False})
    assert all("-RemoteIPRanges '10.70.0.0/16' " in line for line in _legacy_relay_lines(p))
    kept = [f for f in p.findings if f.code == "RULES-RELAY-RANGE-EXCHANGE-KEPT"]
    assert len(kept) == 1 and "The project keeps" in kept[0].message("en")


def test_a_range_beside_the_servers_is_copied_as_it_is() -> None:
    """A relay for 10.80.5.0/24 while the servers answer on 10.70.0.x: nothing to narrow."""
    estate = Estate(
        servers=(Server("EX16", site="S", roles=("Mailbox",), build="15.1.2507.44",
                        listens_on=("10.70.0.21",)),),
        connectors=(Connector("Relay", ConnectorType.RECEIVE, servers=("EX16",),
                              remote_ip_ranges=("10.80.5.0/24",), bindings=("0.0.0.0:25",),
                              permission_groups=("AnonymousUsers",)),),
        relay_clients=(RelayClient("scanner", host="10.80.5.9", connector="Relay",
                                   server="EX16", last_seen=date(2026, 12, 4)),))
    p = _proposal(estate)
    lines = [line for s in p.steps for line in s.command_in("en").splitlines()
             if line.startswith("New-ReceiveConnector")]
    assert lines and all("-RemoteIPRanges '10.80.5.0/24' " in line for line in lines), lines
    assert not [f for f in p.findings if f.code.startswith("RULES-RELAY-RANGE-EXCHANGE")]


def test_a_changed_default_connector_of_the_2013_server_takes_the_same_path() -> None:
    """The 2013 server's 'Default Frontend IBK-EX13-01', changed to 10.70.0.0/16, with the
    gateway the logs saw on it: the re-point checklist re-applies it to the servers that take
    over with the gateway, the Exchange servers and each server's own address, not the /16
    (the same check as 'Legacy Relay', worded for Exchange's own connector)."""
    estate = _seen_client(_inventory_only())
    frontend = Connector("Default Frontend IBK-EX13-01", ConnectorType.RECEIVE,
                         servers=("IBK-EX13-01",), remote_ip_ranges=("10.70.0.0/16",),
                         bindings=("0.0.0.0:25",))
    clients = tuple(replace(rc, connector=frontend.name) if rc.name == "fahrgastinfo-gw" else rc
                    for rc in estate.relay_clients)
    p = _proposal(replace(estate, connectors=(*estate.connectors, frontend),
                          relay_clients=clients))
    step = next(s for s in p.steps if s.id == "legacy:repoint:IBK-EX13-01")
    lines = [line for line in step.command_in("en").splitlines()
             if line.startswith("Set-ReceiveConnector") and "Default Frontend" in line]
    assert len(lines) == 2, step.command_in("en")
    for line in lines:
        server = line.split("'")[1].split("\\")[0]
        assert (f"-RemoteIPRanges '10.70.0.13','10.70.50.7','<IPv4 address of {server}>'"
                in line), line
    codes = {f.code: f for f in p.findings if f.code.startswith("RULES-RELAY-RANGE-EXCHANGE")}
    assert "Exchange's own receive connector 'Default Frontend'" in (
        codes["RULES-RELAY-RANGE-EXCHANGE"].message("en"))
