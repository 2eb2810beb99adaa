"""Look-ups by name answer as the inventory means them, from indexes built once."""

from __future__ import annotations

from planner.core.model import (
    Connector,
    ConnectorType,
    Dag,
    Database,
    Estate,
    RelayClient,
    Server,
    Site,
)
from planner.core.rules.estate_facts import (
    data_volume_gb,
    receive_connectors_of,
    relay_clients_of,
    send_connectors_of,
)

EX01 = Server("EX01", fqdn="ex01.contoso.com", site="Berlin")
EX02 = Server("EX02", fqdn="mail.contoso.com", site="Munich")
TWIN = Server("ex01", fqdn="other.contoso.com")  # a duplicate name: the first one wins
ESTATE = Estate(
    sites=(Site("Berlin"), Site("Munich")),
    servers=(EX01, EX02, TWIN),
    dags=(Dag("DAG1", ("EX01", "EX02")),),
    databases=(Database("DB1", server="ex01.CONTOSO.com", size_gb=10.0),
               Database("DB2", server="EX01", size_gb=5.0),
               Database("DB3", server="EX02", size_gb=7.0),
               Database("DB4", server="nowhere", size_gb=99.0)),
    connectors=(Connector("Out", ConnectorType.SEND, servers=("EX01.contoso.com", "EX02")),
                Connector("Relay", ConnectorType.RECEIVE, servers=("mail.contoso.com",)),
                Connector("Ghost", ConnectorType.SEND, servers=("EX99",))),
    relay_clients=(RelayClient("Printer", server="ex02"),
                   RelayClient("Scanner", connector="relay")),
)


def test_servers_are_found_by_name_fqdn_or_host_part_in_any_case() -> None:
    assert ESTATE.server(" ex01 ") is EX01
    assert ESTATE.server("MAIL.contoso.com") is EX02
    assert ESTATE.server("ex02.contoso.com") is EX02  # host part of an FQDN
    assert ESTATE.server("other.contoso.com") is TWIN
    assert ESTATE.server("EX99") is None
    assert ESTATE.dag("dag1") is ESTATE.dags[0]
    assert ESTATE.site("MUNICH") is ESTATE.sites[1]


def test_what_names_a_server_is_resolved_through_the_same_look_up() -> None:
    assert [c.name for c in send_connectors_of(ESTATE, EX01)] == ["Out"]
    assert [c.name for c in send_connectors_of(ESTATE, EX02)] == ["Out"]
    assert [c.name for c in receive_connectors_of(ESTATE, EX02)] == ["Relay"]
    assert [r.name for r in relay_clients_of(ESTATE, EX02)] == ["Printer", "Scanner"]
    assert relay_clients_of(ESTATE, EX01) == []
    assert data_volume_gb(ESTATE, EX01) == 15.0
    assert data_volume_gb(ESTATE, TWIN) is None  # its name resolves to EX01
