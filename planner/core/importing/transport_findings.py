"""The findings the transport-log reader reports: codes, severities and en/de texts.

Counts are passed as :class:`~planner.core.importing.findings.Counted` (``transport.count.*``
in the catalogues), so each language words them with its own plural forms.
"""

from __future__ import annotations

from planner.core.model import Severity

__all__ = ["TRANSPORT_FINDINGS"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

TRANSPORT_FINDINGS: dict[str, tuple[Severity, str, str]] = {
    "LOGS-READ": (
        INFO, "Transport logs read: {receive} and {tracking}, {lines}; {clients} found, "
        "{new} of them not in the inventory. Only counts and the clients' own addresses and "
        "names were kept.",
        "Transportprotokolle gelesen: {receive} und {tracking}, {lines}; {clients} "
        "gefunden, davon {new} nicht im Bestand. Behalten wurden nur Zahlen und die Adressen "
        "und Namen der Clients selbst."),
    "LOGS-MALFORMED": (
        W, "{count} skipped in {files}, e.g. {first}.",
        "{count} in {files} übersprungen, z. B. {first}."),
    "LOGS-UNREADABLE": (W, "Log file could not be read to the end: {detail}",
                        "Protokolldatei ließ sich nicht ganz lesen: {detail}"),
    "LOGS-NO-RECEIVE": (
        INFO, "No SMTP Receive protocol logs among the files: relay clients cannot be found. "
        "Set the relay connectors' ProtocolLoggingLevel to Verbose and copy "
        "TransportRoles\\Logs\\FrontEnd\\ProtocolLog\\SmtpReceive after a few days.",
        "Keine SMTP-Empfangsprotokolle unter den Dateien: Relay-Clients lassen sich nicht "
        "finden. ProtocolLoggingLevel der Relay-Connectoren auf Verbose stellen und nach "
        "einigen Tagen TransportRoles\\Logs\\FrontEnd\\ProtocolLog\\SmtpReceive kopieren."),
    "LOGS-FILES-SKIPPED": (
        INFO, "{count}; skipped.",
        "{count}; übersprungen."),
    "LOGS-RELAY-DISCOVERED": (
        W, "Relay client {name} ({ip}) sends through {connector} on {server} and is not in the "
        "inventory: {messages} from {first} to {last}. It has been added; fill in "
        "its owner.",
        "Relay-Client {name} ({ip}) sendet über {connector} auf {server} und fehlt im Bestand: "
        "{messages} vom {first_de} bis {last_de}. Er wurde ergänzt; bitte den "
        "Verantwortlichen eintragen."),
    "LOGS-RELAY-UNSEEN": (
        W, "Relay client {name} is listed but sent nothing through {path} in the logs "
        "({first} to {last}): perhaps retired, perhaps using another server or path. Check "
        "before the old server is removed.",
        "Relay-Client {name} ist erfasst, hat laut Protokollen ({first_de} bis {last_de}) aber "
        "nichts über {path} gesendet: vielleicht stillgelegt, vielleicht über einen anderen "
        "Server oder Weg. Vor dem Abbau des alten Servers prüfen."),
    "LOGS-LOAD-BALANCER": (
        W, "All sessions on {connector} ({server}) come from one address, {ip}, announcing "
        "{names} different names: a load balancer or NAT hides the real clients. Find them "
        "on the load balancer (or log the client address there) before re-pointing.",
        "Alle Sitzungen auf {connector} ({server}) kommen von einer Adresse, {ip}, mit "
        "{names} verschiedenen Namen: ein Load Balancer oder NAT verbirgt die eigentlichen "
        "Clients. Diese vor dem Umstellen am Load Balancer ermitteln (oder dort die "
        "Client-Adresse protokollieren)."),
    "LOGS-RANGE-WIDE": (
        W, "Receive connector {connector} on {server} accepts {allowed} "
        "({ranges}), but {seen}: use {tighter} on the new connector.",
        "Empfangsconnector {connector} auf {server} nimmt {allowed} an "
        "({ranges}), {seen}: auf dem neuen Connector {tighter} verwenden."),
}
