"""What Exchange cmdlet exports imply beyond their column names.

Export-Csv output of ``Get-SendConnector``, ``Get-ReceiveConnector``, ``Get-EdgeSubscription``,
``Get-InboundConnector`` and ``Get-OutboundConnector`` has no connector type column: the type
comes from the ``#TYPE`` line, the file name or the columns. Receive connectors are named
``SERVER\\Name``. Exchange Online connectors of type Partner do not concern on-premises servers.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.core.importing.headers import normalise_header

__all__ = ["ConnectorContext", "connector_context", "split_identity"]

# (marker in type name / file name, marker columns, connector type); first match wins
_BY_NAME: tuple[tuple[str, str], ...] = (
    ("receiveconnector", "receive"),
    ("sendconnector", "send"),
    ("edgesubscription", "edge_subscription"),
    ("inboundconnector", "exo_inbound"),
    ("outboundconnector", "exo_outbound"),
)
_BY_COLUMN: tuple[tuple[str, str], ...] = (
    ("senderipaddresses", "exo_inbound"),
    ("tlssendercertificatename", "exo_inbound"),
    ("recipientdomains", "exo_outbound"),
    ("bindings", "receive"),
    ("permissiongroups", "receive"),
    ("remoteipranges", "receive"),
    ("sourcetransportservers", "send"),
    ("addressspaces", "send"),
)


class ConnectorContext:
    """The connector type a table implies, and whether its rows are EXO connectors."""

    def __init__(self, default_type: str) -> None:
        self.default_type = default_type

    @property
    def exchange_online(self) -> bool:
        """True for Get-InboundConnector / Get-OutboundConnector exports."""
        return self.default_type in ("exo_inbound", "exo_outbound")

    def type_for(self, raw_type: str) -> tuple[str, bool]:
        """(connector type or "" to parse ``raw_type``, skip row?) for one row."""
        key = normalise_header(raw_type)
        if self.exchange_online and key:
            # EXO's ConnectorType column: OnPremises is ours, Partner is someone else's
            return (self.default_type, False) if key == "onpremises" else ("", True)
        return ("" if key else self.default_type), False


def connector_context(names: Sequence[str], headers: Sequence[str]) -> ConnectorContext:
    """The implied type from the ``#TYPE`` line or file/sheet name, else from the columns."""
    for name in names:
        key = normalise_header(name)
        for marker, kind in _BY_NAME:
            if marker in key:
                return ConnectorContext(kind)
    keys = {normalise_header(h) for h in headers}
    for marker, kind in _BY_COLUMN:
        if marker in keys:
            return ConnectorContext(kind)
    return ConnectorContext("")


def split_identity(name: str) -> tuple[str, str]:
    """``EX01\\Relay`` -> ("EX01", "Relay"); a plain name -> ("", name)."""
    if "\\" in name:
        server, _, rest = name.partition("\\")
        return server.strip(), rest.strip()
    return "", name
