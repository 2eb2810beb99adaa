"""The estate: immutable records of everything imported for one customer.

These dataclasses are the contract between the importers, the graph, the rules, the
scheduler, the exports and the GUI. Values stay as the customer gave them where
interpretation needs knowledge (a server's ``build`` is the raw string; the build module
turns it into product and release).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Any

from planner.core.catalogue import record_text
from planner.core.explanation import Field, Message, message

__all__ = [
    "Connector",
    "ConnectorType",
    "Dag",
    "Database",
    "Estate",
    "ExoReport",
    "Finding",
    "LogPlace",
    "MailFlow",
    "MailFlowKind",
    "Namespace",
    "Organization",
    "RelayClient",
    "Server",
    "Severity",
    "Site",
]


class Severity(StrEnum):
    """How bad a finding is: errors block a trustworthy plan, warnings deserve a look."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class LogPlace:
    """Where in the transport logs a finding was seen: the servers whose logs show it, the
    receive connector and the client's address, each left empty where the finding spans
    more (the logs of every server, every client of a connector)."""

    servers: tuple[str, ...] = ()
    connector: str = ""
    client: str = ""


@dataclass(frozen=True)
class Finding:
    """A problem found in the input or the estate, with where it is; never a crash."""

    severity: Severity
    code: str  # stable, upper-case, e.g. "IMPORT-BUILD-UNPARSEABLE"
    message_en: str = ""  # the text an older project file saved; new findings carry fields
    message_de: str = ""
    file: str = ""
    sheet: str = ""
    row: int | None = None  # 1-based spreadsheet row, as the customer sees it
    column: str = ""
    target: str = ""  # the entity it concerns, e.g. "server:EX01"
    # A finding of the transport logs points at no cell: the logs' server, connector and
    # client are its place in the input (a PMO read empty file/sheet/row cells as lost data).
    log_place: LogPlace | None = None
    # The facts the message names; its text is ``findings.<code>`` in the catalogues
    # (or ``text_key`` where a section keeps its findings' texts with its other texts).
    fields: tuple[Field, ...] = ()
    text_key: str = ""

    @classmethod
    def about(cls, severity: Severity, code: str, target: str = "", text_key: str = "",
              **values: Any) -> Finding:
        """A finding whose text is the catalogue's ``findings.<code>`` (or ``text_key``)
        with ``values``."""
        return cls(severity, code, target=target, fields=message(code, **values).fields,
                   text_key=text_key)

    @property
    def text(self) -> Message | None:
        """The message as data (None for a finding that still carries an en/de pair)."""
        if self.message_en:
            return None
        return Message(self.text_key or f"findings.{self.code}", self.fields)

    def message(self, lang: str = "en") -> str:
        """The message in the requested language."""
        return record_text(lang, self.text, (self.message_en, self.message_de))


class ConnectorType(StrEnum):
    """What a connector is; EXO_* live in Exchange Online, the rest on premises."""

    SEND = "send"
    RECEIVE = "receive"
    EDGE_SUBSCRIPTION = "edge_subscription"
    EXO_INBOUND = "exo_inbound"  # Exchange Online inbound connector of type OnPremises
    EXO_OUTBOUND = "exo_outbound"


@dataclass(frozen=True)
class Organization:
    """The customer's Exchange organization and its Microsoft 365 tenant."""

    customer: str = ""
    hybrid: bool = False
    tenant: str = ""
    forest: str = ""


@dataclass(frozen=True)
class Site:
    """An AD site; holidays come from its country and subdivision."""

    name: str
    internet_facing: bool = False
    country: str = ""  # ISO 3166 alpha-2, e.g. "DE"
    subdivision: str = ""  # e.g. "BY" for Bavaria
    timezone: str = ""


@dataclass(frozen=True)
class Server:
    """One Exchange server as the inventory describes it."""

    name: str
    fqdn: str = ""
    site: str = ""
    roles: tuple[str, ...] = ()  # normalised: "Mailbox", "Edge", "ClientAccess", "HubTransport"
    build: str = ""  # raw, any notation; see planner.core.builds
    os: str = ""
    dag: str = ""
    virtual: bool | None = None
    mailbox_count: int | None = None
    mailbox_data_gb: float | None = None
    # System mailboxes on the server's databases (None = the inventory does not say).
    arbitration_mailboxes: int | None = None
    public_folder_mailboxes: int | None = None
    dotnet: str = ""
    notes: str = ""
    judged_by_exo: bool | None = None  # the inventory says so explicitly; None = derive
    extended_protection: str = ""  # "on" | "off" | "mixed" (HealthChecker), "" = unknown
    # where the build was read (planner.core.builds.BUILD_SOURCES), "" = not said
    build_source: str = ""
    # the addresses its receive connectors answered on in the transport logs
    listens_on: tuple[str, ...] = ()

    @property
    def is_edge(self) -> bool:
        """True for an Edge Transport server."""
        return "Edge" in self.roles


@dataclass(frozen=True)
class Dag:
    """A database availability group."""

    name: str
    members: tuple[str, ...] = ()
    witness: str = ""


@dataclass(frozen=True)
class Database:
    """A mailbox database, hosted by a server or replicated in a DAG."""

    name: str
    server: str = ""
    dag: str = ""
    size_gb: float | None = None
    mailbox_count: int | None = None


@dataclass(frozen=True)
class Connector:
    """A send, receive, Edge subscription or Exchange Online connector."""

    name: str
    type: ConnectorType
    servers: tuple[str, ...] = ()  # source servers (send) or the bound server (receive)
    address_spaces: tuple[str, ...] = ()
    smart_hosts: tuple[str, ...] = ()
    remote_ip_ranges: tuple[str, ...] = ()
    fqdn: str = ""
    cloud_mail_enabled: bool | None = None
    tls_certificate: str = ""
    site: str = ""  # for Edge subscriptions
    bindings: tuple[str, ...] = ()  # receive: "0.0.0.0:25", "[::]:587"
    permission_groups: tuple[str, ...] = ()  # receive: AnonymousUsers, ExchangeUsers...
    auth_mechanism: tuple[str, ...] = ()  # receive: Tls, Integrated, BasicAuth...


@dataclass(frozen=True)
class RelayClient:
    """An application, device or printer that submits mail through a receive connector."""

    name: str
    host: str = ""
    connector: str = ""
    server: str = ""
    owner: str = ""
    # What the SMTP Receive protocol logs showed; None where no logs were read.
    ehlo: str = ""
    first_seen: date | None = None
    last_seen: date | None = None
    sessions: int | None = None
    messages: int | None = None
    messages_per_day: float | None = None
    authenticated: bool | None = None  # False: anonymous relay
    tls: bool | None = None
    discovered: bool = False  # found in the logs, not in the inventory
    # The days it sent mail when they are few (a monthly payroll run): read by what was
    # seen on them, not by a daily average over the weeks of the logs.
    run_days: tuple[date, ...] = ()
    logged_days: int | None = None  # days of logs read of its server; None: no logs
    # A client listed by a range (label printers in 10.20.40.0/24): the addresses the logs
    # saw sending from inside it.
    addresses: tuple[str, ...] = ()
    # The Exchange servers' addresses the logs saw it send to (the sessions' local
    # endpoint): where it sends today as far as the logs tell; () where no log saw it.
    reached: tuple[str, ...] = ()


class MailFlowKind(StrEnum):
    """Where mail crosses the organisation's edge, as the message tracking logs show it."""

    INBOUND_INTERNET = "inbound_internet"  # from the internet via Edge or a gateway
    OUTBOUND_INTERNET = "outbound_internet"
    FROM_EXO = "from_exo"  # from Exchange Online over the hybrid connectors
    TO_EXO = "to_exo"
    RELAY = "relay"  # submitted by applications and devices
    INTERNAL = "internal"  # submitted by the server's own mailboxes


@dataclass(frozen=True)
class MailFlow:
    """Messages of one flow through one server on one day (counts only, never addresses)."""

    server: str
    flow: MailFlowKind
    day: date
    messages: int


@dataclass(frozen=True)
class Namespace:
    """A client namespace (e.g. mail.contoso.com) and the servers behind it."""

    name: str
    services: tuple[str, ...] = ()
    servers: tuple[str, ...] = ()
    load_balancer: str = ""
    certificate: str = ""


@dataclass(frozen=True)
class ExoReport:
    """One row of Exchange Online's ``Get-OnPremServerReportInfo``."""

    server_fqdn: str
    build: str = ""
    first_detected: date | None = None
    throttle_date: date | None = None
    block_date: date | None = None
    exchange_server: str = ""  # the product as Exchange Online names it
    recommended_builds: tuple[str, ...] = ()  # RecommendedBuildVersions
    next_throttle_rate: str = ""  # NextStageThrottleRate, as reported
    next_block_rate: str = ""  # NextStageBlockRate, as reported
    next_stage_date: date | None = None  # NextStageStartDate


@dataclass(frozen=True)
class Estate:
    """Everything imported for one customer."""

    organization: Organization = field(default_factory=Organization)
    sites: tuple[Site, ...] = ()
    servers: tuple[Server, ...] = ()
    dags: tuple[Dag, ...] = ()
    databases: tuple[Database, ...] = ()
    connectors: tuple[Connector, ...] = ()
    relay_clients: tuple[RelayClient, ...] = ()
    namespaces: tuple[Namespace, ...] = ()
    exo_reports: tuple[ExoReport, ...] = ()
    mail_flows: tuple[MailFlow, ...] = ()

    @cached_property
    def _index(self) -> _EstateIndex:
        """Look-ups by name, built once per estate (the estate is immutable)."""
        return _EstateIndex.build(self)

    @cached_property
    def _references(self) -> _References:
        """Who names which server, resolved once (connectors, databases, relay clients)."""
        return _References.build(self)

    def connectors_naming(self, server: str) -> tuple[Connector, ...]:
        """Connectors whose server list names this server (inventory name), in estate order."""
        return self._references.connectors.get(server, ())

    def databases_on(self, server: str) -> tuple[Database, ...]:
        """Databases whose server field names this server (inventory name), in estate order."""
        return self._references.databases.get(server, ())

    def relay_clients_on(self, server: str) -> tuple[RelayClient, ...]:
        """Relay clients whose server field names this server (inventory name)."""
        return self._references.relay_clients.get(server, ())

    def server(self, name: str) -> Server | None:
        """The server with this short name or FQDN, case-insensitively."""
        key = name.strip().lower()
        index = self._index
        return index.exact.get(key) or index.short.get(key.split(".", 1)[0])

    def dag(self, name: str) -> Dag | None:
        """The DAG with this name, case-insensitively."""
        return self._index.dags.get(name.strip().lower())

    def site(self, name: str) -> Site | None:
        """The site with this name, case-insensitively."""
        return self._index.sites.get(name.strip().lower())

    def with_server(self, server: Server) -> Estate:
        """A copy with this server replaced (matched by name) or added."""
        key = server.name.lower()
        if any(s.name.lower() == key for s in self.servers):
            return replace(self, servers=tuple(
                server if s.name.lower() == key else s for s in self.servers))
        return replace(self, servers=(*self.servers, server))


@dataclass(frozen=True)
class _EstateIndex:
    """Servers, DAGs and sites by lower-case name; the first in inventory order wins."""

    exact: dict[str, Server]  # name or FQDN
    short: dict[str, Server]  # name only, for an FQDN whose host part is the name
    dags: dict[str, Dag]
    sites: dict[str, Site]

    @classmethod
    def build(cls, estate: Estate) -> _EstateIndex:
        exact: dict[str, Server] = {}
        short: dict[str, Server] = {}
        for s in estate.servers:
            exact.setdefault(s.name.lower(), s)
            if s.fqdn:
                exact.setdefault(s.fqdn.lower(), s)
            short.setdefault(s.name.lower(), s)
        dags: dict[str, Dag] = {}
        for d in estate.dags:
            dags.setdefault(d.name.lower(), d)
        sites: dict[str, Site] = {}
        for site in estate.sites:
            sites.setdefault(site.name.lower(), site)
        return cls(exact, short, dags, sites)



@dataclass(frozen=True)
class _References:
    """Per server inventory name: the records that name it (references resolved as
    :meth:`Estate.server` resolves them; an unknown reference names no server)."""

    connectors: dict[str, tuple[Connector, ...]]
    databases: dict[str, tuple[Database, ...]]
    relay_clients: dict[str, tuple[RelayClient, ...]]

    @classmethod
    def build(cls, estate: Estate) -> _References:
        connectors: dict[str, list[Connector]] = {}
        for c in estate.connectors:
            names = {s.name for ref in c.servers if (s := estate.server(ref)) is not None}
            for name in names:
                connectors.setdefault(name, []).append(c)
        databases: dict[str, list[Database]] = {}
        for db in estate.databases:
            if db.server and (s := estate.server(db.server)) is not None:
                databases.setdefault(s.name, []).append(db)
        relays: dict[str, list[RelayClient]] = {}
        for rc in estate.relay_clients:
            if rc.server and (s := estate.server(rc.server)) is not None:
                relays.setdefault(s.name, []).append(rc)
        return cls({k: tuple(v) for k, v in connectors.items()},
                   {k: tuple(v) for k, v in databases.items()},
                   {k: tuple(v) for k, v in relays.items()})
