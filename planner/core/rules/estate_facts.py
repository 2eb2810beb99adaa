"""Questions the rules ask about the estate: a server's connectors, relay clients, data volume."""

from __future__ import annotations

from planner.core.model import Connector, ConnectorType, Estate, Namespace, RelayClient, Server

__all__ = [
    "data_volume_gb",
    "namespaces_of",
    "receive_connectors_of",
    "relay_clients_of",
    "send_connectors_of",
    "site_key",
]


def _names(estate: Estate, refs: tuple[str, ...]) -> set[str]:
    """Inventory names of referenced servers (references may be FQDNs or any case)."""
    out = set()
    for ref in refs:
        server = estate.server(ref)
        out.add(server.name if server else ref)
    return out


def send_connectors_of(estate: Estate, server: Server) -> list[Connector]:
    """Send connectors that list this server as a source server."""
    return [c for c in estate.connectors_naming(server.name) if c.type is ConnectorType.SEND]


def receive_connectors_of(estate: Estate, server: Server) -> list[Connector]:
    """Receive connectors bound to this server."""
    return [c for c in estate.connectors_naming(server.name)
            if c.type is ConnectorType.RECEIVE]


def relay_clients_of(estate: Estate, server: Server) -> list[RelayClient]:
    """Relay clients that submit through this server or one of its receive connectors."""
    receive = {c.name.lower() for c in receive_connectors_of(estate, server)}
    # Connector names repeat across servers ("Relay Anonymous"): the server decides.
    mine = {id(rc) for rc in estate.relay_clients_on(server.name)
            if estate.server(rc.server) is server}
    if not receive:
        return [rc for rc in estate.relay_clients if id(rc) in mine]
    return [rc for rc in estate.relay_clients if id(rc) in mine or (
        not rc.server and rc.connector and rc.connector.lower() in receive)]


def namespaces_of(estate: Estate, servers: list[Server]) -> list[Namespace]:
    """Namespaces that any of these servers serve."""
    names = {s.name for s in servers}
    return [ns for ns in estate.namespaces if names & _names(estate, ns.servers)]


def data_volume_gb(estate: Estate, server: Server) -> float | None:
    """Mailbox data on a server: its own figure, else the sum of its databases' sizes."""
    if server.mailbox_data_gb is not None:
        return server.mailbox_data_gb
    sizes = [db.size_gb for db in estate.databases_on(server.name)
             if estate.server(db.server) is server and db.size_gb is not None]
    return sum(sizes) if sizes else None


def site_key(server: Server) -> str:
    """The site a server belongs to, or "" when unknown (for grouping)."""
    return server.site.strip().lower()
