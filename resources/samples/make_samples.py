"""Regenerate the bundled sample estates: ``.venv/bin/python resources/samples/make_samples.py``.

Three estates in the inventory template (small, mixed, legacy), the mixed estate again as
PowerShell exports and as a messy German customer workbook. The output is deterministic.
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # a developer script run from the checkout

import xlsxwriter  # noqa: E402

from planner.core.importing.template import write_template  # noqa: E402

Rows = dict[str, list[dict[str, Any]]]


def _project(customer: str, subdivision: str, consultants: list[str]) -> dict[str, Any]:
    return {
        # no start: a sample is planned from the day it is opened, so it never shows work in
        # the past however old the release (the start is the day the plan is made)
        "project": {"customer": customer, "country": "DE",
                    "subdivision": subdivision, "language": "de"},
        "consultants": [{"name": n, "days_per_week": 5} for n in consultants],
        "freezes": [{"name": "Jahresendsperre", "start": date(2026, 12, 21),
                     "end": date(2027, 1, 6)}],
        "windows": {"maintenance_days": ["Sat"]},
    }


# --- small: one site, a 2019 CU14 DAG of two, a 2019 Edge ---------------------------------

SMALL: Rows = {
    "organization": [{"customer": "Fabrikam Maschinenbau GmbH", "hybrid": True,
                      "tenant": "fabrikam.onmicrosoft.com", "forest": "fabrikam.local"}],
    "site": [{"name": "Hamburg", "internet_facing": True, "country": "DE", "subdivision": "HH",
              "timezone": "Europe/Berlin"}],
    "server": [
        {"name": "FAB-EX01", "fqdn": "fab-ex01.fabrikam.local", "site": "Hamburg",
         "roles": "Mailbox", "build": "15.2.1544.36", "os": "Windows Server 2019",
         "dag": "FAB-DAG01", "virtual": True, "mailbox_count": 180, "mailbox_data_gb": 410},
        {"name": "FAB-EX02", "fqdn": "fab-ex02.fabrikam.local", "site": "Hamburg",
         "roles": "Mailbox", "build": "15.2.1544.36", "os": "Windows Server 2019",
         "dag": "FAB-DAG01", "virtual": True, "mailbox_count": 170, "mailbox_data_gb": 385},
        {"name": "FAB-EDGE01", "fqdn": "fab-edge01.dmz.fabrikam.de", "site": "Hamburg",
         "roles": "Edge", "build": "15.2.1544.36", "os": "Windows Server 2019",
         "virtual": True},
    ],
    "dag": [{"name": "FAB-DAG01", "members": "FAB-EX01; FAB-EX02", "witness": "FAB-FS01"}],
    "database": [
        {"name": "FAB-DB01", "dag": "FAB-DAG01", "size_gb": 402.5, "mailbox_count": 180},
        {"name": "FAB-DB02", "dag": "FAB-DAG01", "size_gb": 377.0, "mailbox_count": 170},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 3b9c1f0e", "type": "send", "servers": "FAB-EDGE01",
         "address_spaces": "fabrikam.mail.onmicrosoft.com", "cloud_mail_enabled": True,
         "fqdn": "mail.fabrikam.de", "tls_certificate": "mail.fabrikam.de"},
        {"name": "EdgeSync - Hamburg to Internet", "type": "send", "servers": "FAB-EDGE01",
         "address_spaces": "*"},
        {"name": "FAB-EDGE01", "type": "edge_subscription", "servers": "FAB-EDGE01",
         "site": "Hamburg"},
        {"name": "Inbound from 3b9c1f0e", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.10",
         "tls_certificate": "mail.fabrikam.de"},
    ],
    "namespace": [
        {"name": "mail.fabrikam.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "FAB-EX01; FAB-EX02", "load_balancer": "DNS round robin",
         "certificate": "mail.fabrikam.de"},
        {"name": "autodiscover.fabrikam.de", "services": "Autodiscover",
         "servers": "FAB-EX01; FAB-EX02", "certificate": "mail.fabrikam.de"},
    ],
}

# --- mixed: Berlin and München, 2016 CU23 DAG, 2019 CU15 servers, Edge, hybrid ---------------

_B16 = "15.1.2507.61"
_B19 = "15.2.1748.39"
_MIXED_SERVERS: list[dict[str, Any]] = [
    {"name": "BER-EX16-01", "fqdn": "ber-ex16-01.contoso.local", "site": "Berlin",
     "roles": "Mailbox", "build": _B16, "os": "Windows Server 2016", "dag": "DAG-BER16",
     "virtual": True, "mailbox_count": 620, "mailbox_data_gb": 1228.8, "dotnet": "4.8"},
    {"name": "BER-EX16-02", "fqdn": "ber-ex16-02.contoso.local", "site": "Berlin",
     "roles": "Mailbox", "build": _B16, "os": "Windows Server 2016", "dag": "DAG-BER16",
     "virtual": True, "mailbox_count": 590, "mailbox_data_gb": 1100, "dotnet": "4.8"},
    {"name": "BER-EX19-01", "fqdn": "ber-ex19-01.contoso.local", "site": "Berlin",
     "roles": "Mailbox", "build": _B19, "os": "Windows Server 2022", "virtual": True,
     "mailbox_count": 45, "mailbox_data_gb": 60, "dotnet": "4.8.1"},
    {"name": "MUC-EX19-01", "fqdn": "muc-ex19-01.contoso.local", "site": "München",
     "roles": "Mailbox", "build": _B19, "os": "Windows Server 2022", "dag": "DAG-MUC",
     "virtual": False, "mailbox_count": 410, "mailbox_data_gb": 850, "dotnet": "4.8.1"},
    {"name": "MUC-EX19-02", "fqdn": "muc-ex19-02.contoso.local", "site": "München",
     "roles": "Mailbox", "build": _B19, "os": "Windows Server 2022", "dag": "DAG-MUC",
     "virtual": False, "mailbox_count": 395, "mailbox_data_gb": 812.5, "dotnet": "4.8.1"},
    {"name": "BER-EDGE01", "fqdn": "ber-edge01.dmz.contoso.de", "site": "Berlin",
     "roles": "Edge", "build": _B19, "os": "Windows Server 2022", "virtual": True,
     "dotnet": "4.8.1"},
]

_MIXED_CONNECTORS: list[dict[str, Any]] = [
    {"name": "Outbound to Office 365 - 6f1c2a9d", "type": "send",
     "servers": "BER-EX19-01; BER-EX16-01", "address_spaces": "contoso.mail.onmicrosoft.com",
     "cloud_mail_enabled": True, "fqdn": "mail.contoso.de", "tls_certificate": "mail.contoso.de"},
    {"name": "EdgeSync - Berlin to Internet", "type": "send", "servers": "BER-EDGE01",
     "address_spaces": "*"},
    {"name": "BER-EDGE01", "type": "edge_subscription", "servers": "BER-EDGE01", "site": "Berlin"},
    {"name": "Default Frontend BER-EX19-01", "type": "receive", "servers": "BER-EX19-01",
     "remote_ip_ranges": "0.0.0.0-255.255.255.255"},
    {"name": "Relay Anonymous", "type": "receive", "servers": "BER-EX19-01",
     "remote_ip_ranges": "10.10.3.0/24; 10.10.1.20"},
    {"name": "Relay Anonymous", "type": "receive", "servers": "BER-EX16-01",
     "remote_ip_ranges": "10.10.1.20"},
    {"name": "Relay MUC", "type": "receive", "servers": "MUC-EX19-01",
     "remote_ip_ranges": "10.20.1.0/24"},
    {"name": "Inbound from 6f1c2a9d", "type": "exo_inbound",
     "remote_ip_ranges": "198.51.100.25", "tls_certificate": "mail.contoso.de"},
]

_MIXED_DATABASES: list[dict[str, Any]] = [
    {"name": "DB16-01", "dag": "DAG-BER16", "size_gb": 1228.8, "mailbox_count": 620},
    {"name": "DB16-02", "dag": "DAG-BER16", "size_gb": 1100, "mailbox_count": 590},
    {"name": "DB19-BER-01", "server": "BER-EX19-01", "size_gb": 60, "mailbox_count": 45},
    {"name": "DB19-MUC-01", "dag": "DAG-MUC", "size_gb": 850, "mailbox_count": 410},
    {"name": "DB19-MUC-02", "dag": "DAG-MUC", "size_gb": 812.5, "mailbox_count": 395},
]

MIXED: Rows = {
    "organization": [{"customer": "Contoso GmbH", "hybrid": True,
                      "tenant": "contoso.onmicrosoft.com", "forest": "contoso.local"}],
    "site": [
        {"name": "Berlin", "internet_facing": True, "country": "DE", "subdivision": "BE",
         "timezone": "Europe/Berlin"},
        {"name": "München", "internet_facing": False, "country": "DE", "subdivision": "BY",
         "timezone": "Europe/Berlin"},
    ],
    "server": _MIXED_SERVERS,
    "dag": [
        {"name": "DAG-BER16", "members": "BER-EX16-01; BER-EX16-02", "witness": "BER-FS01"},
        {"name": "DAG-MUC", "members": "MUC-EX19-01; MUC-EX19-02", "witness": "MUC-FS01"},
    ],
    "database": _MIXED_DATABASES,
    "connector": _MIXED_CONNECTORS,
    "relay_client": [
        {"name": "Scanner 3. OG", "host": "10.10.3.50", "connector": "Relay Anonymous",
         "server": "BER-EX19-01", "owner": "Facility Management"},
        {"name": "SAP ERP", "host": "10.10.1.20", "connector": "Relay Anonymous",
         "server": "BER-EX16-01", "owner": "SAP Basis"},
        {"name": "PRTG Monitoring", "host": "10.20.1.15", "connector": "Relay MUC",
         "server": "MUC-EX19-01", "owner": "IT Betrieb"},
    ],
    "namespace": [
        {"name": "mail.contoso.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "BER-EX16-01; BER-EX16-02; BER-EX19-01", "load_balancer": "F5 ber-lb01",
         "certificate": "*.contoso.de"},
        {"name": "autodiscover.contoso.de", "services": "Autodiscover",
         "servers": "BER-EX16-01; BER-EX16-02; BER-EX19-01", "load_balancer": "F5 ber-lb01",
         "certificate": "*.contoso.de"},
        {"name": "smtp.contoso.de", "services": "SMTP", "servers": "BER-EDGE01",
         "certificate": "mail.contoso.de"},
    ],
    "exo_report": [
        {"server_fqdn": "ber-ex16-01.contoso.local", "build": _B16,
         "first_detected": date(2026, 11, 16), "throttle_date": date(2026, 12, 16),
         "block_date": date(2027, 1, 15)},
    ],
}

# --- legacy: still an Exchange 2013 server and a 2019 CU12 server ------------------------

LEGACY: Rows = {
    "organization": [{"customer": "Northwind Handels AG", "hybrid": True,
                      "tenant": "northwind.onmicrosoft.com", "forest": "northwind.local"}],
    "site": [{"name": "Köln", "internet_facing": True, "country": "DE", "subdivision": "NW",
              "timezone": "Europe/Berlin"}],
    "server": [
        {"name": "NW-EX2013", "fqdn": "nw-ex2013.northwind.local", "site": "Köln",
         "roles": "Mailbox, ClientAccess", "build": "15.0.1497.48",
         "os": "Windows Server 2012 R2", "virtual": True, "mailbox_count": 140,
         "mailbox_data_gb": 310, "dotnet": "4.8"},
        {"name": "NW-EX2019", "fqdn": "nw-ex2019.northwind.local", "site": "Köln",
         "roles": "Mailbox", "build": "15.2.1118.7", "os": "Windows Server 2019",
         "virtual": True, "mailbox_count": 95, "mailbox_data_gb": 180, "dotnet": "4.8"},
    ],
    "database": [
        {"name": "DB2013-01", "server": "NW-EX2013", "size_gb": 310, "mailbox_count": 140},
        {"name": "DB2019-01", "server": "NW-EX2019", "size_gb": 180, "mailbox_count": 95},
    ],
    "connector": [
        {"name": "Internet", "type": "send", "servers": "NW-EX2013; NW-EX2019",
         "address_spaces": "*", "smart_hosts": "mailgw.northwind.de"},
        {"name": "Outbound to Office 365", "type": "send", "servers": "NW-EX2019",
         "address_spaces": "northwind.mail.onmicrosoft.com", "cloud_mail_enabled": True},
        {"name": "Relay Drucker", "type": "receive", "servers": "NW-EX2013",
         "remote_ip_ranges": "192.168.20.0/24"},
        {"name": "Inbound from 91ac44e0", "type": "exo_inbound",
         "remote_ip_ranges": "192.0.2.44", "tls_certificate": "mail.northwind.de"},
    ],
    "relay_client": [
        {"name": "Multifunktionsdrucker EG", "host": "192.168.20.31",
         "connector": "Relay Drucker", "server": "NW-EX2013", "owner": "Hausverwaltung"},
    ],
    "namespace": [
        {"name": "mail.northwind.de", "services": "OWA; EAS; EWS; Autodiscover",
         "servers": "NW-EX2013", "certificate": "mail.northwind.de"},
    ],
}

# --- the mixed estate as PowerShell exports ----------------------------------------------

_SITE_DN = "contoso.local/Configuration/Sites/"


def _admin_version(build: str) -> str:
    major, minor, rest = build.split(".", 2)
    return f"Version {major}.{minor} (Build {rest})"


def _ps_csv(columns: list[str], rows: list[list[str]], type_name: str | None,
            delimiter: str = ",") -> str:
    """Text exactly as Export-Csv writes it: every field quoted, optional #TYPE line."""
    out = io.StringIO()
    if type_name:
        out.write(f"#TYPE {type_name}\r\n")
    writer = csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def _powershell_files() -> dict[str, tuple[str, str]]:
    """File name -> (text, encoding)."""
    dag_of = {m: d["name"] for d in MIXED["dag"] for m in d["members"].split("; ")}
    servers = [[s["name"], s["fqdn"], _SITE_DN + s["site"], s["roles"],
                _admin_version(s["build"]), "Standard" if s["roles"] == "Edge" else "Enterprise",
                str(s["roles"] == "Edge")] for s in _MIXED_SERVERS]
    dbs = []
    for d in _MIXED_DATABASES:
        host = d.get("dag") or d["server"]
        active = d.get("server") or next(m for m, g in dag_of.items() if g == d["dag"])
        size = float(d["size_gb"])
        nbytes = int(size * 1024**3)
        shown = f"{size / 1024:.1f} TB" if size >= 1024 else f"{size:g} GB"
        dbs.append([d["name"], active, host, f"{shown} ({nbytes:,} bytes)", "False"])
    dags = [[d["name"], d["members"].replace("; ", " "), d["witness"].lower() + ".contoso.local"]
            for d in MIXED["dag"]]
    send = [[c["name"], ",".join(f"SMTP:{a};1" for a in c["address_spaces"].split("; ")),
             c["servers"].replace("; ", ","), "", str(bool(c.get("cloud_mail_enabled"))),
             c.get("fqdn", ""),
             f"<I>CN=GEANT OV RSA CA 4, O=GEANT Vereniging, C=NL<S>CN={c['tls_certificate']}"
             if c.get("tls_certificate") else ""]
            for c in _MIXED_CONNECTORS if c["type"] == "send"]
    receive = []
    for c in _MIXED_CONNECTORS:
        if c["type"] != "receive":
            continue
        frontend = c["name"].startswith("Default Frontend")
        # One multi-valued column left un-joined, as PowerShell writes it: a finding, not data.
        ranges = ("Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.IPRange]"
                  if frontend else c["remote_ip_ranges"].replace("; ", ","))
        receive.append([f"{c['servers']}\\{c['name']}", "[::]:25 0.0.0.0:25", ranges,
                        "AnonymousUsers, ExchangeServers" if frontend else "AnonymousUsers",
                        "FrontendTransport"])
    edge = [[c["name"], _SITE_DN + c["site"], "dmz.contoso.de"]
            for c in _MIXED_CONNECTORS if c["type"] == "edge_subscription"]
    inbound = [[c["name"], "OnPremises", c["remote_ip_ranges"], c["tls_certificate"], "True"]
               for c in _MIXED_CONNECTORS if c["type"] == "exo_inbound"]
    return {
        "Get-ExchangeServer.csv": (_ps_csv(
            ["Name", "Fqdn", "Site", "ServerRole", "AdminDisplayVersion", "Edition",
             "IsEdgeServer"], servers,
            "Deserialized.Microsoft.Exchange.Data.Directory.Management.ExchangeServer"),
            "utf-8-sig"),
        "Get-MailboxDatabase.csv": (_ps_csv(
            ["Name", "Server", "MasterServerOrAvailabilityGroup", "DatabaseSize", "Recovery"],
            dbs, None, delimiter=";"), "cp1252"),
        "Get-DatabaseAvailabilityGroup.csv": (_ps_csv(
            ["Name", "Servers", "WitnessServer"], dags,
            "Microsoft.Exchange.Management.SystemConfigurationTasks.DatabaseAvailabilityGroup"),
            "utf-8"),
        "Get-SendConnector.csv": (_ps_csv(
            ["Name", "AddressSpaces", "SourceTransportServers", "SmartHosts",
             "CloudServicesMailEnabled", "Fqdn", "TlsCertificateName"], send,
            "Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig"),
            "utf-8-sig"),
        "Get-ReceiveConnector.csv": (_ps_csv(
            ["Identity", "Bindings", "RemoteIPRanges", "PermissionGroups", "TransportRole"],
            receive, None), "utf-16"),
        "Get-EdgeSubscription.csv": (_ps_csv(["Name", "Site", "Domain"], edge,
            "Microsoft.Exchange.Data.Directory.SystemConfiguration.EdgeSubscription"), "utf-8"),
        "Get-InboundConnector.csv": (_ps_csv(
            ["Name", "ConnectorType", "SenderIPAddresses", "TlsSenderCertificateName", "Enabled"],
            inbound, "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration."
                     "InboundConnector"), "utf-8-sig"),
        "Get-OnPremServerReportInfo.txt": (_format_list(MIXED["exo_report"]), "utf-8"),
    }


def _us_date(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year} 12:00:00 AM"


def _format_list(rows: list[dict[str, Any]]) -> str:
    """Get-OnPremServerReportInfo | Format-List, as pasted from a console."""
    blocks = []
    for r in rows:
        blocks.append("\n".join([
            f"ServerFQDN               : {r['server_fqdn']}",
            f"Build                    : {r['build']}",
            f"ExchangeServer           : {r['server_fqdn'].split('.')[0].upper()}",
            f"FirstDetectedDate        : {_us_date(r['first_detected'])}",
            "RecommendedBuildVersions : {15.2.2562.46, 15.2.2562.45}",
            f"ThrottleEnabledDate      : {_us_date(r['throttle_date'])}",
            f"BlockingEnabledDate      : {_us_date(r['block_date'])}",
            "NextStageThrottleRate    : 20",
            "NextStageBlockRate       : 0",
        ]))
    return "\n\n" + "\n\n".join(blocks) + "\n\n"


# --- the mixed estate as a messy German customer workbook --------------------------------

def _de_number(value: float) -> str:
    text = f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return text[:-2] if text.endswith(",0") else text


def _de_size(gb: float) -> str:
    return f"{_de_number(round(gb / 1024, 1))} TB" if gb >= 1024 else f"{_de_number(gb)} GB"


def _write_messy(path: Path) -> None:
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": datetime(2025, 10, 14)})
    bold = book.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1})
    title = book.add_format({"bold": True, "font_size": 14})
    merged = book.add_format({"valign": "vcenter"})
    _messy_servers_sheet(book, bold, title, merged)
    _messy_simple_sheets(book, bold)
    book.close()


def _messy_servers_sheet(book: Any, bold: Any, title: Any, merged: Any) -> None:
    ws = book.add_worksheet("Exchange")
    ws.merge_range("A1:L1", "Exchange-Bestandsaufnahme Contoso GmbH", title)
    ws.write_string("A2", "Stand: 14.10.2025, erstellt von M. Huber (IT-Infrastruktur)")
    headers = ["Lfd. Nr.", "Servername", "Standort", "Rolle(n)", "Exchange-Version",
               "Betriebssystem", "VM?", "Anzahl Postfächer", "Postfachdaten", "DAG",
               "Bemerkung", "Installiert am"]
    ws.write_row(3, 0, headers, bold)
    row = 4
    for site in ("Berlin", "München"):
        group = [s for s in _MIXED_SERVERS if s["site"] == site]
        start = row
        for i, s in enumerate(group):
            build = _admin_version(s["build"]) if s["name"] == "BER-EX19-01" else s["build"]
            ws.write_number(row, 0, row - 3)
            ws.write_string(row, 1, s["name"].lower() if i == 1 else s["name"])
            ws.write_string(row, 3, "Edge-Transport" if s["roles"] == "Edge" else "Postfach")
            ws.write_string(row, 4, build)
            ws.write_string(row, 5, s["os"])
            ws.write_string(row, 6, "ja" if s["virtual"] else "nein")
            if s.get("mailbox_count"):
                ws.write_string(row, 7, _de_number(s["mailbox_count"]))
                ws.write_string(row, 8, _de_size(s["mailbox_data_gb"]))
            ws.write_string(row, 9, s.get("dag", ""))
            ws.write_string(row, 10, "DMZ, nicht in der Domäne" if s["roles"] == "Edge" else "")
            ws.write_string(row, 11, "14.10.2025")
            row += 1
        ws.merge_range(start, 2, row - 1, 2, site, merged)
        row += 1  # a blank row between the sites
    row += 1
    ws.write_string(row, 0, "Datenbanken", title)
    row += 1
    ws.write_row(row, 0, ["Datenbank", "Server/DAG", "Größe", "Postfächer"], bold)
    for d in _MIXED_DATABASES:
        row += 1
        ws.write_row(row, 0, [d["name"], d.get("dag") or d["server"], _de_size(d["size_gb"]),
                              _de_number(d["mailbox_count"])])


_ART = {"send": "Sendeconnector", "receive": "Empfangsconnector",
        "edge_subscription": "Edge-Abonnement", "exo_inbound": "EXO eingehend (OnPremises)"}


def _messy_simple_sheets(book: Any, bold: Any) -> None:
    ws = book.add_worksheet("Standorte")
    ws.write_row(0, 0, ["Standort", "Land", "Bundesland", "Internetanbindung"], bold)
    ws.write_row(1, 0, ["Berlin", "DE", "Berlin", "ja"])
    ws.write_row(2, 0, ["München", "DE", "Bayern", "nein"])
    ws = book.add_worksheet("DAGs")
    ws.write_row(0, 0, ["DAG-Name", "Mitglieder", "Zeugenserver"], bold)
    for r, d in enumerate(MIXED["dag"], start=1):
        ws.write_row(r, 0, [d["name"], d["members"].replace("; ", ", "), d["witness"]])
    ws = book.add_worksheet("Connectoren")
    ws.write_row(0, 0, ["Bezeichnung", "Art", "Server", "Adressraum", "Smarthost",
                        "IP-Bereiche", "Hybrid", "Zertifikat"], bold)
    for r, c in enumerate(_MIXED_CONNECTORS, start=1):
        ws.write_row(r, 0, [c["name"], _ART[c["type"]], c.get("servers", "").replace("; ", ", "),
                            c.get("address_spaces", ""), c.get("smart_hosts", ""),
                            c.get("remote_ip_ranges", "").replace("; ", ", "),
                            "ja" if c.get("cloud_mail_enabled") else "",
                            c.get("tls_certificate", "")])
    ws = book.add_worksheet("Relay")
    ws.write_row(0, 0, ["Gerät / Anwendung", "IP-Adresse", "Connector", "Server",
                        "Ansprechpartner"], bold)
    for r, rc in enumerate(MIXED["relay_client"], start=1):
        ws.write_row(r, 0, [rc["name"], rc["host"], rc["connector"], rc["server"], rc["owner"]])


def main() -> None:
    """Write every sample below resources/samples/."""
    for name, rows, project in (
        ("small", SMALL, _project("Fabrikam Maschinenbau GmbH", "HH", ["A. Berger"])),
        ("mixed", MIXED, _project("Contoso GmbH", "BY", ["A. Berger", "K. Yilmaz"])),
        ("legacy", LEGACY, _project("Northwind Handels AG", "NW", ["K. Yilmaz"])),
    ):
        (HERE / name).mkdir(exist_ok=True)
        write_template(HERE / name / "inventory.xlsx", rows, project)
    ps_dir = HERE / "mixed-powershell"
    ps_dir.mkdir(exist_ok=True)
    for file_name, (text, encoding) in _powershell_files().items():
        (ps_dir / file_name).write_bytes(text.encode(encoding))
    (HERE / "mixed-messy-de").mkdir(exist_ok=True)
    _write_messy(HERE / "mixed-messy-de" / "Bestand.xlsx")


if __name__ == "__main__":
    main()
