"""What the inventory can contain: entities, their fields, value kinds and descriptions.

One table drives the template writer (sheet and column order, header comments, data
validation), header recognition (which fields an entity has) and value parsing (each
field's kind). Synonyms for header texts live as data in ``resources/importing/``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ENTITIES", "EXAMPLE_MARKER", "Entity", "FieldSpec", "entity"]

# The template's example rows carry this note; the importer skips such rows with a finding.
EXAMPLE_MARKER = "EXAMPLE - delete this row / BEISPIEL - Zeile löschen"


@dataclass(frozen=True)
class FieldSpec:
    """One column of an entity: its record field, value kind and explanation."""

    name: str
    kind: str  # text|int|size_gb|bool|date|list|roles|connector_type|site|address_list|
    # bindings|ip_ranges|rate (minutes of the hour or per cent, kept as text)
    title: str  # the template's header text
    help_en: str
    help_de: str
    required: bool = False
    choices: tuple[str, ...] = ()  # template data validation


@dataclass(frozen=True)
class Entity:
    """One kind of inventory record (a template sheet)."""

    key: str  # "server", "dag", ...
    sheet: str  # the template's sheet name
    title_en: str
    title_de: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec | None:
        """The field with this name, if the entity has it."""
        return _FIELDS[self.key].get(name)


_YES_NO = ("yes", "no")
_CONNECTOR_TYPES = ("send", "receive", "edge_subscription", "exo_inbound", "exo_outbound")
_ROLES = ("Mailbox", "Edge", "Mailbox, ClientAccess", "ClientAccess", "HubTransport")

F = FieldSpec

ENTITIES: tuple[Entity, ...] = (
    Entity("organization", "Organization", "Organization", "Organisation", (
        F("customer", "text", "Customer", "Customer name as it appears on the report.",
          "Kundenname, wie er im Bericht erscheinen soll.", required=True),
        F("hybrid", "bool", "Hybrid", "yes when the organization is hybrid with Exchange Online.",
          "yes, wenn die Organisation hybrid mit Exchange Online ist.", choices=_YES_NO),
        F("tenant", "text", "Tenant", "Microsoft 365 tenant, e.g. contoso.onmicrosoft.com.",
          "Microsoft-365-Tenant, z. B. contoso.onmicrosoft.com."),
        F("forest", "text", "Forest", "Active Directory forest.",
          "Active-Directory-Gesamtstruktur."),
    )),
    Entity("site", "Sites", "Sites", "Standorte", (
        F("name", "text", "Site", "AD site name.", "Name des AD-Standorts.", required=True),
        F("internet_facing", "bool", "InternetFacing", "yes when mail enters/leaves here.",
          "yes, wenn hier Mail ein- oder ausgeht.", choices=_YES_NO),
        F("country", "text", "Country", "ISO country code for holidays, e.g. DE.",
          "ISO-Ländercode für Feiertage, z. B. DE."),
        F("subdivision", "text", "State", "State/region code for holidays, e.g. BY.",
          "Bundesland/Region für Feiertage, z. B. BY."),
        F("timezone", "text", "TimeZone", "IANA time zone, e.g. Europe/Berlin.",
          "IANA-Zeitzone, z. B. Europe/Berlin."),
    )),
    Entity("server", "Servers", "Servers", "Server", (
        F("name", "text", "Name", "Server short name (NetBIOS).", "Kurzname des Servers.",
          required=True),
        F("fqdn", "text", "FQDN", "Fully qualified domain name.", "Vollständiger DNS-Name."),
        F("site", "site", "Site", "AD site (name as on the Sites sheet).",
          "AD-Standort (Name wie im Blatt Sites)."),
        F("roles", "roles", "Roles", "Mailbox, Edge (2013: Mailbox, ClientAccess).",
          "Mailbox, Edge (2013: Mailbox, ClientAccess).", choices=_ROLES),
        F("build", "text", "Build", "Build number, e.g. 15.2.1748.39 (AdminDisplayVersion works).",
          "Buildnummer, z. B. 15.2.1748.39 (AdminDisplayVersion geht auch).", required=True),
        F("os", "text", "OS", "Operating system, e.g. Windows Server 2019.",
          "Betriebssystem, z. B. Windows Server 2019."),
        F("dag", "text", "DAG", "DAG the server belongs to, empty if none.",
          "DAG, zu der der Server gehört; leer, wenn keine."),
        F("virtual", "bool", "Virtual", "yes for a virtual machine.", "yes für eine VM.",
          choices=_YES_NO),
        F("mailbox_count", "int", "Mailboxes", "Number of mailboxes hosted.",
          "Anzahl der Postfächer auf dem Server."),
        F("mailbox_data_gb", "size_gb", "MailboxDataGB", "Mailbox data in GB.",
          "Postfachdaten in GB."),
        F("arbitration_mailboxes", "int", "ArbitrationMailboxes",
          "Arbitration mailboxes on its databases (Get-Mailbox -Arbitration).",
          "Schiedspostfächer auf seinen Datenbanken (Get-Mailbox -Arbitration)."),
        F("public_folder_mailboxes", "int", "PublicFolderMailboxes",
          "Public folder mailboxes on its databases (Get-Mailbox -PublicFolder).",
          "Postfächer für Öffentliche Ordner auf seinen Datenbanken (Get-Mailbox -PublicFolder)."),
        F("dotnet", "text", "DotNet", ".NET Framework version, e.g. 4.8.1.",
          ".NET-Framework-Version, z. B. 4.8.1."),
        F("judged_by_exo", "bool", "SendsToEXO",
          "yes when this server hands mail to Exchange Online (leave empty to derive).",
          "yes, wenn dieser Server Mail an Exchange Online übergibt (leer = ableiten).",
          choices=_YES_NO),
        F("extended_protection", "text", "ExtendedProtection",
          "Extended Protection: on, off or mixed (HealthChecker).",
          "Extended Protection: on, off oder mixed (HealthChecker)."),
        F("notes", "text", "Notes", "Anything else.", "Sonstiges."),
    )),
    Entity("dag", "DAGs", "DAGs", "DAGs", (
        F("name", "text", "Name", "DAG name.", "Name der DAG.", required=True),
        F("members", "list", "Members", "Member servers, separated by ; or ,.",
          "Mitgliedsserver, getrennt durch ; oder ,."),
        F("witness", "text", "Witness", "File share witness server.", "Zeugenserver."),
    )),
    Entity("database", "Databases", "Databases", "Datenbanken", (
        F("name", "text", "Name", "Mailbox database name.", "Name der Postfachdatenbank.",
          required=True),
        F("server", "text", "Server", "Hosting server (no DAG).", "Server (ohne DAG)."),
        F("dag", "text", "DAG", "DAG the database is replicated in.",
          "DAG, in der die Datenbank repliziert wird."),
        F("host", "text", "ServerOrDAG", "Server or DAG (MasterServerOrAvailabilityGroup).",
          "Server oder DAG (MasterServerOrAvailabilityGroup)."),
        F("size_gb", "size_gb", "SizeGB", "Database size in GB (DatabaseSize works).",
          "Datenbankgröße in GB (DatabaseSize geht auch)."),
        F("mailbox_count", "int", "Mailboxes", "Number of mailboxes.", "Anzahl Postfächer."),
    )),
    Entity("connector", "Connectors", "Connectors", "Connectoren", (
        F("name", "text", "Name", "Connector name.", "Name des Connectors.", required=True),
        F("type", "connector_type", "Type",
          "send, receive, edge_subscription, exo_inbound (EXO OnPremises), exo_outbound.",
          "send, receive, edge_subscription, exo_inbound (EXO OnPremises), exo_outbound.",
          required=True, choices=_CONNECTOR_TYPES),
        F("servers", "list", "Servers", "Source servers (send) or the receiving server.",
          "Quellserver (Senden) bzw. empfangender Server."),
        F("address_spaces", "address_list", "AddressSpaces", "Address spaces, e.g. *.",
          "Adressräume, z. B. *."),
        F("smart_hosts", "list", "SmartHosts", "Smart hosts.", "Smarthosts."),
        F("remote_ip_ranges", "ip_ranges", "RemoteIPRanges", "Remote IP ranges or sender IPs.",
          "Remote-IP-Bereiche bzw. Absender-IPs."),
        F("fqdn", "text", "FQDN", "FQDN the connector announces.", "FQDN des Connectors."),
        F("cloud_mail_enabled", "bool", "CloudServicesMailEnabled", "Hybrid send connector flag.",
          "Kennzeichen des Hybrid-Sendeconnectors.", choices=_YES_NO),
        F("tls_certificate", "text", "TlsCertificate", "TLS certificate name.",
          "Name des TLS-Zertifikats."),
        F("site", "site", "Site", "AD site (Edge subscriptions).",
          "AD-Standort (Edge-Abonnement)."),
        F("bindings", "bindings", "Bindings", "Receive: IP addresses and ports, e.g. 0.0.0.0:25.",
          "Empfang: IP-Adressen und Ports, z. B. 0.0.0.0:25."),
        F("permission_groups", "list", "PermissionGroups",
          "Receive: permission groups, e.g. AnonymousUsers.",
          "Empfang: Berechtigungsgruppen, z. B. AnonymousUsers."),
        F("auth_mechanism", "list", "AuthMechanism", "Receive: authentication, e.g. Tls.",
          "Empfang: Authentifizierung, z. B. Tls."),
    )),
    Entity("relay_client", "RelayClients", "Relay clients", "Relay-Clients", (
        F("name", "text", "Name", "Application, device or printer.",
          "Anwendung, Gerät oder Drucker.", required=True),
        F("host", "text", "Host", "Host name or IP address.", "Hostname oder IP-Adresse."),
        F("connector", "text", "Connector", "Receive connector it uses.",
          "Genutzter Empfangsconnector."),
        F("server", "text", "Server", "Server it submits to.", "Server, an den er einliefert."),
        F("owner", "text", "Owner", "Who owns it at the customer.",
          "Verantwortlich beim Kunden."),
    )),
    Entity("namespace", "Namespaces", "Namespaces", "Namespaces", (
        F("name", "text", "Name", "Namespace, e.g. mail.contoso.com.",
          "Namespace, z. B. mail.contoso.com.", required=True),
        F("services", "list", "Services", "OWA, EAS, EWS, MAPI, Autodiscover, SMTP.",
          "OWA, EAS, EWS, MAPI, Autodiscover, SMTP."),
        F("servers", "list", "Servers", "Servers behind it.", "Server dahinter."),
        F("load_balancer", "text", "LoadBalancer", "Load balancer.", "Load Balancer."),
        F("certificate", "text", "Certificate", "Certificate (subject or thumbprint).",
          "Zertifikat (Antragsteller oder Fingerabdruck)."),
    )),
    Entity("exo_report", "ExoReport", "Exchange Online report", "Exchange-Online-Bericht", (
        F("server_fqdn", "text", "ServerFQDN", "As Get-OnPremServerReportInfo shows it.",
          "Wie Get-OnPremServerReportInfo ihn zeigt.", required=True),
        F("build", "text", "Build", "Build Exchange Online saw.",
          "Von Exchange Online erkannter Build."),
        F("first_detected", "date", "FirstDetectedDate", "First detection date.",
          "Datum der ersten Erkennung."),
        F("throttle_date", "date", "ThrottleEnabledDate", "Throttling start.",
          "Beginn Drosselung."),
        F("block_date", "date", "BlockingEnabledDate", "Blocking start.", "Beginn Blockierung."),
        F("exchange_server", "text", "ExchangeServer", "Product as Exchange Online names it.",
          "Produkt, wie Exchange Online es nennt."),
        F("recommended_builds", "list", "RecommendedBuildVersions",
          "Builds Exchange Online recommends.", "Von Exchange Online empfohlene Builds."),
        F("next_throttle_rate", "rate", "NextStageThrottleRate", "Throttling of the next stage.",
          "Drosselung der nächsten Stufe."),
        F("next_block_rate", "rate", "NextStageBlockRate", "Blocking of the next stage.",
          "Blockierung der nächsten Stufe."),
        F("next_stage_date", "date", "NextStageStartDate", "Start of the next stage.",
          "Beginn der nächsten Stufe."),
    )),
)


_FIELDS: dict[str, dict[str, FieldSpec]] = {e.key: {f.name: f for f in e.fields} for e in ENTITIES}
_BY_KEY: dict[str, Entity] = {e.key: e for e in ENTITIES}


def entity(key: str) -> Entity:
    """The entity with this key (``KeyError`` for an unknown one)."""
    return _BY_KEY[key]
