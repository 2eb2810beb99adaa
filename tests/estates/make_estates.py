"""Write the unseen test estates: ``.venv/bin/python tests/estates/make_estates.py``.

Hand-made, realistic customer estates that differ on purpose from the bundled samples in
``resources/samples`` (different sites, products, OS, file shapes and header texts), used by
``tests/e2e/test_unseen_estates.py`` to run the whole chain (import, check, plan, exports).
The output is deterministic; each estate lives in its own folder below ``tests/estates``.
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

CU14 = "15.2.1544.36"  # 2019 CU14 Oct25SU
CU15 = "15.2.1748.39"  # 2019 CU15 Oct25SU
CU13 = "15.2.1258.12"  # 2019 CU13 RTM
CU10 = "15.2.922.7"  # 2019 CU10 RTM
E16 = "15.1.2507.61"  # 2016 CU23 Oct25SU
E16_OLD = "15.1.2507.39"  # 2016 CU23 Apr24HU
E13 = "15.0.1497.48"  # 2013 CU23 Mar23SU


def project(customer: str, start: date, subdivision: str, consultants: list[dict[str, Any]],
            freezes: list[dict[str, Any]] | None = None, days: list[str] | None = None,
            country: str = "DE") -> dict[str, Any]:
    """A Project sheet in the settings TOML shape."""
    return {
        "project": {"customer": customer, "start": start, "country": country,
                    "subdivision": subdivision, "language": "de"},
        "consultants": consultants,
        "freezes": freezes or [],
        "windows": {"days": days or ["Sat"]},
    }


def _srv(name: str, site: str, build: str, os: str, domain: str, **kw: Any) -> dict[str, Any]:
    return {"name": name, "fqdn": f"{name.lower()}.{domain}", "site": site, "roles": "Mailbox",
            "build": build, "os": os, "virtual": True, **kw}


# --- 1. on-premises only: no hybrid, no OnPremises connector, nobody is judged -------------

ONPREM: Rows = {
    "organization": [{"customer": "Stadtwerke Lindenau", "hybrid": False,
                      "forest": "swl.intern"}],
    "site": [{"name": "Lindenau-RZ", "internet_facing": True, "country": "DE",
              "subdivision": "SN", "timezone": "Europe/Berlin"}],
    "server": [
        _srv("SWL-MBX1", "Lindenau-RZ", CU14, "Windows Server 2022 Standard", "swl.intern",
             dag="SWL-DAG", mailbox_count=310, mailbox_data_gb=540),
        _srv("SWL-MBX2", "Lindenau-RZ", CU14, "Windows Server 2022 Standard", "swl.intern",
             dag="SWL-DAG", mailbox_count=290, mailbox_data_gb=505),
        _srv("SWL-EX16", "Lindenau-RZ", E16, "Windows Server 2016 Standard", "swl.intern",
             mailbox_count=60, mailbox_data_gb=95, notes="Archiv-Postfächer, Leitstelle"),
    ],
    "dag": [{"name": "SWL-DAG", "members": "SWL-MBX1, SWL-MBX2", "witness": "SWL-FS1"}],
    "database": [
        {"name": "MDB01", "dag": "SWL-DAG", "size_gb": 540, "mailbox_count": 310},
        {"name": "MDB02", "dag": "SWL-DAG", "size_gb": 505, "mailbox_count": 290},
        {"name": "ARCH01", "server": "SWL-EX16", "size_gb": 95, "mailbox_count": 60},
    ],
    "connector": [
        {"name": "Internet via Gateway", "type": "send", "servers": "SWL-MBX1; SWL-MBX2",
         "address_spaces": "*", "smart_hosts": "smtp-gw.swl.intern"},
        {"name": "Relay Leitstelle", "type": "receive", "servers": "SWL-EX16",
         "remote_ip_ranges": "10.50.0.0/24"},
    ],
    "relay_client": [
        {"name": "Leitstellen-Alarmierung", "host": "10.50.0.12", "connector": "Relay Leitstelle",
         "server": "SWL-EX16", "owner": "Netzleitstelle"},
    ],
    "namespace": [
        {"name": "mail.stadtwerke-lindenau.de", "services": "OWA; EAS; EWS; MAPI; Autodiscover",
         "servers": "SWL-MBX1; SWL-MBX2; SWL-EX16", "load_balancer": "KEMP swl-lb",
         "certificate": "mail.stadtwerke-lindenau.de"},
    ],
}

# --- 2. Exchange 2016 only: three sites, two DAGs, a 2016 Edge carrying mail to EXO --------

_D2 = "holz.local"
EX2016: Rows = {
    "organization": [{"customer": "Holzmann Logistik SE", "hybrid": True,
                      "tenant": "holzmann.onmicrosoft.com", "forest": _D2}],
    "site": [
        {"name": "FRA", "internet_facing": True, "country": "DE", "subdivision": "HE",
         "timezone": "Europe/Berlin"},
        {"name": "LEJ", "internet_facing": False, "country": "DE", "subdivision": "SN",
         "timezone": "Europe/Berlin"},
        {"name": "VIE", "internet_facing": False, "country": "AT", "subdivision": "9",
         "timezone": "Europe/Vienna"},
    ],
    "server": [
        _srv("FRA-EX01", "FRA", E16, "Windows Server 2016 Datacenter", _D2, dag="DAG-FRA",
             mailbox_count=700, mailbox_data_gb=900),
        _srv("FRA-EX02", "FRA", E16, "Windows Server 2016 Datacenter", _D2, dag="DAG-FRA",
             mailbox_count=650, mailbox_data_gb=860),
        _srv("LEJ-EX01", "LEJ", E16, "Windows Server 2016 Datacenter", _D2, dag="DAG-LEJVIE",
             mailbox_count=300, mailbox_data_gb=420),
        _srv("VIE-EX01", "VIE", E16, "Windows Server 2016 Datacenter", _D2, dag="DAG-LEJVIE",
             mailbox_count=180, mailbox_data_gb=260),
        {"name": "FRA-EDGE01", "fqdn": "fra-edge01.dmz.holzmann.de", "site": "FRA",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016 Standard", "virtual": True},
    ],
    "dag": [{"name": "DAG-FRA", "members": "FRA-EX01; FRA-EX02", "witness": "FRA-FS01"},
            {"name": "DAG-LEJVIE", "members": "LEJ-EX01; VIE-EX01", "witness": "FRA-FS01"}],
    "connector": [
        {"name": "Outbound to Office 365 - 71be02c4", "type": "send",
         "servers": "FRA-EDGE01", "address_spaces": "holzmann.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.holzmann.de"},
        {"name": "FRA-EDGE01", "type": "edge_subscription",
         "servers": "FRA-EDGE01", "site": "FRA"},
        {"name": "Inbound from 71be02c4", "type": "exo_inbound",
         "remote_ip_ranges": "192.0.2.80", "tls_certificate": "mail.holzmann.de"},
        {"name": "Relay Lager", "type": "receive", "servers": "LEJ-EX01",
         "remote_ip_ranges": "10.30.8.0/24"},
    ],
    "relay_client": [
        {"name": "Lagerverwaltung (WMS)", "host": "10.30.8.20", "connector": "Relay Lager",
         "server": "LEJ-EX01", "owner": "Logistik-IT"},
        {"name": "Etikettendrucker Halle 3", "host": "10.30.8.77", "connector": "Relay Lager",
         "server": "LEJ-EX01", "owner": "Logistik-IT"},
    ],
    "namespace": [
        {"name": "mail.holzmann.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "FRA-EX01; FRA-EX02", "load_balancer": "Citrix ADC",
         "certificate": "*.holzmann.de"},
        {"name": "autodiscover.holzmann.de", "services": "Autodiscover",
         "servers": "FRA-EX01; FRA-EX02", "certificate": "*.holzmann.de"},
    ],
}

# --- 3. Exchange 2019 CU10 on Windows Server 2016 next to a CU10 on 2019 --------------------

_D3 = "bgm.local"
CU10_OLD_OS: Rows = {
    "organization": [{"customer": "Brauerei Gebr. Mayr", "hybrid": True,
                      "tenant": "brauerei-mayr.onmicrosoft.com", "forest": _D3}],
    "site": [{"name": "Kulmbach", "internet_facing": True, "country": "DE",
              "subdivision": "BY", "timezone": "Europe/Berlin"}],
    "server": [
        _srv("BGM-EX01", "Kulmbach", CU10, "Microsoft Windows Server 2016 Standard", _D3,
             mailbox_count=140, mailbox_data_gb=260, notes="alte Hardware, HPE Gen9"),
        _srv("BGM-EX02", "Kulmbach", CU10, "Windows Server 2019 Standard", _D3,
             mailbox_count=20, mailbox_data_gb=30),
    ],
    "database": [{"name": "DB-BGM01", "server": "BGM-EX01", "size_gb": 260},
                 {"name": "DB-BGM02", "server": "BGM-EX02", "size_gb": 30}],
    "connector": [
        {"name": "Outbound to Office 365", "type": "send", "servers": "BGM-EX01",
         "address_spaces": "brauerei-mayr.mail.onmicrosoft.com", "cloud_mail_enabled": True},
        {"name": "Inbound from bgm", "type": "exo_inbound", "remote_ip_ranges": "198.51.100.7"},
    ],
    "namespace": [{"name": "mail.brauerei-mayr.de", "services": "OWA; EAS; Autodiscover",
                   "servers": "BGM-EX01", "certificate": "mail.brauerei-mayr.de"}],
}

# --- 4. 2013 + 2016 + 2019 CU13, public folders and relay printers on the 2013 box ---------

_D4 = "ksh.local"
MIXED3: Rows = {
    "organization": [{"customer": "Kreissparkasse Hügelland", "hybrid": True,
                      "tenant": "ksk-huegelland.onmicrosoft.com", "forest": _D4}],
    "site": [{"name": "Hauptstelle", "internet_facing": True, "country": "DE",
              "subdivision": "NW", "timezone": "Europe/Berlin"},
             {"name": "Ausweich-RZ", "internet_facing": False, "country": "DE",
              "subdivision": "NW", "timezone": "Europe/Berlin"}],
    "server": [
        _srv("KSH-EX2016A", "Hauptstelle", E16, "Windows Server 2016", _D4, dag="KSH-DAG16",
             mailbox_count=400, mailbox_data_gb=610),
        _srv("KSH-EX2016B", "Ausweich-RZ", E16, "Windows Server 2016", _D4, dag="KSH-DAG16",
             mailbox_count=380, mailbox_data_gb=590),
        _srv("KSH-EX2013", "Hauptstelle", E13, "Windows Server 2012 R2", _D4,
             roles="Mailbox, ClientAccess", mailbox_count=35, mailbox_data_gb=120,
             notes="Öffentliche Ordner, Druckerrelay"),
        _srv("KSH-EX2019", "Hauptstelle", CU13, "Windows Server 2022", _D4,
             mailbox_count=50, mailbox_data_gb=80),
    ],
    "dag": [{"name": "KSH-DAG16", "members": "KSH-EX2016A; KSH-EX2016B", "witness": "KSH-FS"}],
    "database": [
        {"name": "DB16-A", "dag": "KSH-DAG16", "size_gb": 610, "mailbox_count": 400},
        {"name": "DB16-B", "dag": "KSH-DAG16", "size_gb": 590, "mailbox_count": 380},
        {"name": "PF-DB2013", "server": "KSH-EX2013", "size_gb": 120, "mailbox_count": 35},
        {"name": "DB2019", "server": "KSH-EX2019", "size_gb": 80, "mailbox_count": 50},
    ],
    "connector": [
        {"name": "Outbound to Office 365", "type": "send", "servers": "KSH-EX2016A; KSH-EX2016B",
         "address_spaces": "ksk-huegelland.mail.onmicrosoft.com", "cloud_mail_enabled": True},
        {"name": "Internet", "type": "send", "servers": "KSH-EX2013; KSH-EX2016A",
         "address_spaces": "*", "smart_hosts": "mx-out.ksh-dienstleister.de"},
        {"name": "Druckerrelay", "type": "receive", "servers": "KSH-EX2013",
         "remote_ip_ranges": "172.16.40.0/24"},
        {"name": "Inbound from ksh", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.90"},
    ],
    "relay_client": [
        {"name": "MFP 1. OG Kreditabteilung", "host": "172.16.40.11",
         "connector": "Druckerrelay", "server": "KSH-EX2013", "owner": "Haustechnik"},
        {"name": "MFP 2. OG Vorstand", "host": "172.16.40.12", "connector": "Druckerrelay",
         "server": "KSH-EX2013", "owner": "Haustechnik"},
    ],
    "namespace": [{"name": "owa.ksk-huegelland.de", "services": "OWA; EAS; EWS; MAPI",
                   "servers": "KSH-EX2013; KSH-EX2016A; KSH-EX2016B", "load_balancer": "F5"}],
}

# --- 5. One standalone 2019 CU14 server, no DAG, hybrid -------------------------------------

STANDALONE: Rows = {
    "organization": [{"customer": "Dr. Weber & Partner Steuerberater", "hybrid": True,
                      "tenant": "weber-stb.onmicrosoft.com", "forest": "weber.local"}],
    "site": [{"name": "Default-First-Site-Name", "internet_facing": True, "country": "DE",
              "subdivision": "BW", "timezone": "Europe/Berlin"}],
    "server": [_srv("WEBER-EX", "Default-First-Site-Name", CU14, "Windows Server 2019",
                    "weber.local", mailbox_count=38, mailbox_data_gb=210)],
    "database": [{"name": "Mailbox Database 0815", "server": "WEBER-EX", "size_gb": 210}],
    "connector": [
        {"name": "Outbound to Office 365 - 0c9d", "type": "send", "servers": "WEBER-EX",
         "address_spaces": "weber-stb.mail.onmicrosoft.com", "cloud_mail_enabled": True},
        {"name": "Inbound from 0c9d", "type": "exo_inbound", "remote_ip_ranges": "192.0.2.15"},
    ],
}

# --- 7. Mail flow through every cutover: a 2013 server holding Autodiscover, a 2016 DAG with
# custom and changed default receive connectors (a scanner relay with two IPs, a partner TLS
# connector, the HCW certificate on Default Frontend), a 2016 Edge carrying inbound internet
# mail, a 2019 CU13 server, public folders and arbitration mailboxes ----------------------

_D7 = "rheinwerk.local"
_ALL = "0.0.0.0-255.255.255.255"


def _recv(name: str, server: str, port: int = 25, **kw: Any) -> dict[str, Any]:
    return {"name": name, "type": "receive", "servers": server,
            "bindings": f"0.0.0.0:{port}; [::]:{port}", "remote_ip_ranges": _ALL, **kw}


MAILFLOW: Rows = {
    "organization": [{"customer": "Rheinwerk Maschinenbau GmbH", "hybrid": True,
                      "tenant": "rheinwerk.onmicrosoft.com", "forest": _D7}],
    "site": [{"name": "Duisburg", "internet_facing": True, "country": "DE", "subdivision": "NW",
              "timezone": "Europe/Berlin"},
             {"name": "Koblenz", "internet_facing": False, "country": "DE", "subdivision": "RP",
              "timezone": "Europe/Berlin"}],
    "server": [
        _srv("RW-EX13", "Duisburg", E13, "Windows Server 2012 R2", _D7,
             roles="Mailbox, ClientAccess", mailbox_count=20, mailbox_data_gb=90,
             arbitration_mailboxes=7, public_folder_mailboxes=2,
             notes="Autodiscover, Öffentliche Ordner, Warenwirtschaft-Relay"),
        _srv("RW-EX16-01", "Duisburg", E16, "Windows Server 2016", _D7, dag="RW-DAG16",
             mailbox_count=420, mailbox_data_gb=900, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
        _srv("RW-EX16-02", "Duisburg", E16, "Windows Server 2016", _D7, dag="RW-DAG16",
             mailbox_count=400, mailbox_data_gb=850),
        _srv("RW-EX19", "Koblenz", CU13, "Windows Server 2019", _D7,
             mailbox_count=60, mailbox_data_gb=120),
        {"name": "RW-EDGE16", "fqdn": "rw-edge16.dmz.rheinwerk.de", "site": "Duisburg",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
    ],
    "dag": [{"name": "RW-DAG16", "members": "RW-EX16-01; RW-EX16-02", "witness": "RW-FS01"}],
    "database": [
        {"name": "DB2013-PF", "server": "RW-EX13", "size_gb": 90, "mailbox_count": 20},
        {"name": "DB16-01", "dag": "RW-DAG16", "size_gb": 900, "mailbox_count": 420},
        {"name": "DB16-02", "dag": "RW-DAG16", "size_gb": 850, "mailbox_count": 400},
        {"name": "DB19-KO", "server": "RW-EX19", "size_gb": 120, "mailbox_count": 60},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 7a1b", "type": "send",
         "servers": "RW-EX16-01; RW-EX16-02", "address_spaces": "rheinwerk.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.rheinwerk.de"},
        {"name": "EdgeSync - Duisburg to Internet", "type": "send", "servers": "RW-EDGE16",
         "address_spaces": "*"},
        {"name": "RW-EDGE16", "type": "edge_subscription", "servers": "RW-EDGE16",
         "site": "Duisburg"},
        _recv("Default Frontend RW-EX16-01", "RW-EX16-01", tls_certificate="mail.rheinwerk.de",
              permission_groups="AnonymousUsers; ExchangeServers; ExchangeLegacyServers"),
        _recv("Default Frontend RW-EX16-02", "RW-EX16-02",
              permission_groups="AnonymousUsers; ExchangeServers; ExchangeLegacyServers"),
        _recv("Client Frontend RW-EX16-01", "RW-EX16-01", 587),
        _recv("Default RW-EX16-01", "RW-EX16-01", 2525),
        _recv("Client Proxy RW-EX16-02", "RW-EX16-02", 465),
        _recv("Outbound Proxy Frontend RW-EX16-02", "RW-EX16-02", 717),
        _recv("Default internal receive connector RW-EDGE16", "RW-EDGE16"),
        _recv("Relay Scanner", "RW-EX16-01", remote_ip_ranges="10.20.30.40; 10.20.30.41",
              permission_groups="AnonymousUsers", auth_mechanism="None"),
        _recv("Partner TLS Spedition", "RW-EX16-02", remote_ip_ranges="198.51.100.77",
              permission_groups="Partners", auth_mechanism="Tls",
              tls_certificate="mail.rheinwerk.de"),
        _recv("Relay Warenwirtschaft", "RW-EX13", remote_ip_ranges="10.20.40.5",
              permission_groups="AnonymousUsers"),
        _recv("Default Frontend RW-EX13", "RW-EX13"),
        {"name": "Inbound from 7a1b", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.44",
         "tls_certificate": "mail.rheinwerk.de"},
        {"name": "Outbound to 7a1b", "type": "exo_outbound", "smart_hosts": "mail.rheinwerk.de"},
    ],
    "relay_client": [
        {"name": "Scanner Halle 3", "host": "10.20.30.40", "connector": "Relay Scanner",
         "server": "RW-EX16-01", "owner": "Werksleitung"},
        {"name": "Scanner Versand", "host": "10.20.30.41", "connector": "Relay Scanner",
         "server": "RW-EX16-01", "owner": "Versand"},
        {"name": "Warenwirtschaft", "host": "10.20.40.5", "connector": "Relay Warenwirtschaft",
         "server": "RW-EX13", "owner": "IT-Anwendungen"},
    ],
    "namespace": [
        {"name": "mail.rheinwerk.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "RW-EX13; RW-EX16-01; RW-EX16-02", "load_balancer": "Kemp LM",
         "certificate": "mail.rheinwerk.de"},
        {"name": "autodiscover.rheinwerk.de", "services": "Autodiscover", "servers": "RW-EX13",
         "certificate": "mail.rheinwerk.de"},
    ],
}

# --- 6. Exchange Online names a server the inventory lacks, and a different build -----------

_D6 = "alpen.local"
EXO_MISMATCH: Rows = {
    "organization": [{"customer": "Alpenland Touristik GmbH", "hybrid": True,
                      "tenant": "alpenland.onmicrosoft.com", "forest": _D6}],
    "site": [{"name": "Garmisch", "internet_facing": True, "country": "DE", "subdivision": "BY",
              "timezone": "Europe/Berlin"}],
    "server": [
        _srv("ALP-EX01", "Garmisch", CU15, "Windows Server 2022", _D6, dag="ALP-DAG",
             mailbox_data_gb=300),
        _srv("ALP-EX02", "Garmisch", CU15, "Windows Server 2022", _D6, dag="ALP-DAG",
             mailbox_data_gb=280),
    ],
    "dag": [{"name": "ALP-DAG", "members": "ALP-EX01; ALP-EX02"}],
    "connector": [
        {"name": "Outbound to Office 365", "type": "send", "servers": "ALP-EX01",
         "address_spaces": "alpenland.mail.onmicrosoft.com", "cloud_mail_enabled": True},
        {"name": "Inbound from alp", "type": "exo_inbound", "remote_ip_ranges": "198.51.100.60"},
    ],
}

# Get-OnPremServerReportInfo | Export-Csv: ALP-EX01 with an older build than the inventory
# says, and a server (ALP-EX-OLD) that the inventory does not list at all.
EXO_REPORT_CSV = [
    ["ServerFQDN", "Build", "ExchangeServer", "FirstDetectedDate", "ThrottleEnabledDate",
     "BlockingEnabledDate"],
    ["alp-ex01.alpen.local", "15.2.1544.14", "ALP-EX01", "10/19/2026 12:00:00 AM",
     "11/18/2026 12:00:00 AM", "12/18/2026 12:00:00 AM"],
    ["alp-ex-old.alpen.local", "15.1.2507.39", "ALP-EX-OLD", "9/14/2026 12:00:00 AM",
     "10/14/2026 12:00:00 AM", "11/13/2026 12:00:00 AM"],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",",
              type_line: str | None = None) -> None:
    """A CSV as Export-Csv or Excel writes it (CRLF line ends)."""
    out = io.StringIO()
    if type_line:
        out.write(f"#TYPE {type_line}\r\n")
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL if type_line else
               csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))


# --- 7. A big estate: 40 servers in 6 DAGs, built on the synthetic generator ---------------

def big_rows() -> Rows:
    """40 servers from tests/synthetic.py regrouped into 6 DAGs, with connectors and an Edge."""
    from tests.synthetic import synthetic_case

    case = synthetic_case(40, seed=11)
    servers = sorted(case.estate.servers, key=lambda s: (s.build, s.name))
    sizes = [8, 7, 7, 6, 6, 6]  # 40 servers in 6 DAGs (max 16 members each)
    rows: list[dict[str, Any]] = []
    dags: list[dict[str, Any]] = []
    sites = ["Zentrale", "Nord", "Süd"]
    i = 0
    for d, size in enumerate(sizes, start=1):
        members = servers[i:i + size]
        i += size
        name = f"DAG{d:02}"
        # Keep one product per DAG: a DAG never mixes 2016 and 2019.
        build = members[0].build
        dags.append({"name": name, "members": "; ".join(m.name for m in members)})
        for k, m in enumerate(members):
            rows.append(_srv(m.name, sites[d % 3], build,
                             "Windows Server 2016" if build.startswith("15.1")
                             else "Windows Server 2022", "groß.local", dag=name,
                             mailbox_count=150 + 10 * k, mailbox_data_gb=200 + 15 * k))
    rows.append({"name": "EDGE-Z1", "fqdn": "edge-z1.dmz.gross.de", "site": "Zentrale",
                 "roles": "Edge", "build": CU15, "os": "Windows Server 2022"})
    judged = [r["name"] for r in rows if r.get("dag") == "DAG01"][:2]
    return {
        "organization": [{"customer": "Großhandel Nordstern AG", "hybrid": True,
                          "tenant": "nordstern.onmicrosoft.com", "forest": "gross.local"}],
        "site": [{"name": s, "internet_facing": s == "Zentrale", "country": "DE",
                  "subdivision": sub} for s, sub in zip(sites, ["HE", "HH", "BY"], strict=True)],
        "server": rows,
        "dag": dags,
        "connector": [
            {"name": "Outbound to Office 365", "type": "send", "servers": "; ".join(judged),
             "address_spaces": "nordstern.mail.onmicrosoft.com", "cloud_mail_enabled": True},
            {"name": "EdgeSync - Zentrale", "type": "edge_subscription", "servers": "EDGE-Z1",
             "site": "Zentrale"},
            {"name": "Inbound from ns", "type": "exo_inbound", "remote_ip_ranges": "192.0.2.200"},
        ],
    }


# --- 8. A customer's own CSV: German headers, semicolons, Windows-1252, decimal commas ------

GERMAN_CSV = [
    ["Exchange-Server", "FQDN", "AD-Standort", "Rolle", "Version (ExSetup)", "Betriebssystem",
     "DAG-Mitgliedschaft", "Anzahl Postfächer", "Datenvolumen (GB)", "Bemerkung"],
    ["MÜL-EX01", "muel-ex01.mueller-bau.local", "Mülheim", "Postfach", "15.02.1544.036",
     "Windows Server 2019 Datacenter", "DAG-MÜL", "1.120", "1.834,5", "Hauptstandort"],
    ["MÜL-EX02", "muel-ex02.mueller-bau.local", "Mülheim", "Postfach", "15.02.1544.036",
     "Windows Server 2019 Datacenter", "DAG-MÜL", "1.090", "1.702,25", ""],
    ["ESS-EX01", "ess-ex01.mueller-bau.local", "Essen", "Postfach", "15.01.2507.061",
     "Windows Server 2016 Standard", "", "210", "312,8", "Niederlassung Essen"],
    ["ESS-EX02", "ess-ex02.mueller-bau.local", "Essen", "Postfach", "unbekannt",
     "Windows Server 2016 Standard", "", "", "", "Build nicht erfasst"],
    ["MÜL-EX03", "muel-ex03.mueller-bau.local", "Mülheim", "Postfach", "15.02.1544.036",
     "Windows Server 2019 Datacenter", "DAG-MUEL", "40", "55,0", "Tippfehler in der DAG"],
]


def main() -> None:
    """Write every unseen estate below tests/estates/."""
    start = date(2026, 12, 1)
    one = [{"name": "J. Krüger", "days_per_week": 5}]
    two = [{"name": "J. Krüger", "days_per_week": 5},
           {"name": "S. Öztürk", "days_per_week": 4,
            "absent": [[date(2027, 2, 15), date(2027, 2, 26)]]}]
    year_end = [{"name": "Jahresabschluss", "start": date(2026, 12, 18),
                 "end": date(2027, 1, 8)}]
    templates: list[tuple[str, Rows, dict[str, Any]]] = [
        ("onprem-only", ONPREM, project("Stadtwerke Lindenau", start, "SN", one, year_end)),
        ("ex2016-three-sites", EX2016, project("Holzmann Logistik SE", date(2027, 3, 1), "HE",
                                               two, days=["Sun"])),
        ("cu10-old-os", CU10_OLD_OS, project("Brauerei Gebr. Mayr", start, "BY", one, year_end)),
        ("mixed-2013-2016-2019", MIXED3, project("Kreissparkasse Hügelland", start, "NW", two,
                                                 year_end)),
        ("standalone-2019", STANDALONE, project("Dr. Weber & Partner", start, "BW", one)),
        ("exo-mismatch", EXO_MISMATCH, project("Alpenland Touristik", start, "BY", one,
                                               year_end)),
        ("mailflow-rheinwerk", MAILFLOW, project("Rheinwerk Maschinenbau", start, "NW", one,
                                                 year_end)),
        ("big-40", big_rows(), project("Großhandel Nordstern", start, "HE",
                                        [*two, {"name": "T. Adeyemi", "days_per_week": 5}],
                                        year_end)),
    ]
    for name, rows, proj in templates:
        folder = HERE / name
        folder.mkdir(exist_ok=True)
        write_template(folder / "inventory.xlsx", rows, proj)
    write_csv(HERE / "exo-mismatch" / "Get-OnPremServerReportInfo.csv", EXO_REPORT_CSV,
              "utf-8-sig", type_line="Deserialized.Microsoft.Exchange.Management."
              "OnPremServerReportInfo")
    (HERE / "german-csv").mkdir(exist_ok=True)
    write_csv(HERE / "german-csv" / "Exchange-Übersicht.csv", GERMAN_CSV, "cp1252", ";")
    (HERE / "customer-sheet-en").mkdir(exist_ok=True)
    _customer_workbook(HERE / "customer-sheet-en" / "Exchange servers.xlsx")


def _customer_workbook(path: Path) -> None:
    """The same 2016 estate as the customer keeps it: English headers, a title, a total row."""
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": datetime(2026, 11, 2)})
    bold = book.add_format({"bold": True})
    ws = book.add_worksheet("Exchange Servers")
    ws.write_string(0, 0, "Holzmann Logistik - Exchange server list (exported 2026-11-02)", bold)
    ws.write_row(2, 0, ["Server Name", "AD Site", "Exchange Version", "Server Role",
                        "Operating System", "Member of DAG", "No. of Mailboxes",
                        "Mailbox Size (GB)"], bold)
    for r, s in enumerate(EX2016["server"], start=3):
        ws.write_row(r, 0, [s["name"], s["site"], f"Version 15.1 (Build {s['build'][5:]})",
                            "Edge" if s["roles"] == "Edge" else "Mailbox", s["os"],
                            s.get("dag", ""), s.get("mailbox_count", ""),
                            s.get("mailbox_data_gb", "")])
    book.close()


if __name__ == "__main__":
    main()
