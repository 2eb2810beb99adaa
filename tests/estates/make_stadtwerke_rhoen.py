"""Write the unseen estate ``stadtwerke-rhoen`` (inventory and transport logs).

Run: ``python -m tests.estates.make_stadtwerke_rhoen``.

Written for the review of 2026-12-08. A public utility with two AD sites in two federal
states (Meiningen in Thuringia: Weltkindertag 20.09., Reformationstag 31.10.; Bad Neustadt
in Bavaria: Heilige Drei Könige 06.01., Allerheiligen 01.11.) and an Edge in a perimeter
site of its own:

- SWR-EX13 (Meiningen): Exchange 2013 with the arbitration mailboxes, one public folder
  mailbox and the Autodiscover name; its Default Frontend takes mail from the meter-reading
  server and a network printer, so both must be re-pointed before 2013 goes (and 2013 must
  go before SE is installed).
- SWR-EX19-01 (Meiningen), SWR-EX19-02 (Bad Neustadt): 2019 CU14 in one DAG, upgraded in
  place.
- SWR-EX16-HUB (Bad Neustadt): a 2016 server without mailboxes that carries the hybrid
  send connector, so Exchange Online judges it (throttled since 2027-01-04 in its report),
  and a relay connector for the SCADA alarm gateway and the billing system.
- SWR-EDGE (site "Perimeter"): a 2016 Edge subscribed to Meiningen, sending to the Internet.
- SMTP Receive protocol logs 2026-11-23 .. 2026-12-04 of SWR-EX13 and SWR-EX16-HUB.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from planner.core.importing.template import write_template
from tests.estates.estate_files import write_weekday_logs
from tests.estates.make_estates import CU14, E13, E16, HERE, Rows, _recv, _srv, project

_D = "swr.intern"
_CERT = "mail.stadtwerke-rhoen.de"

RHOEN: Rows = {
    "organization": [{"customer": "Stadtwerke Rhön-Grabfeld AöR", "hybrid": True,
                      "tenant": "swrhoen.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Meiningen", "internet_facing": True, "country": "DE",
              "subdivision": "TH", "timezone": "Europe/Berlin"},
             {"name": "Bad-Neustadt", "internet_facing": False, "country": "DE",
              "subdivision": "BY", "timezone": "Europe/Berlin"},
             {"name": "Perimeter", "internet_facing": True, "country": "DE",
              "subdivision": "TH", "timezone": "Europe/Berlin"}],
    "server": [
        _srv("SWR-EX13", "Meiningen", E13, "Windows Server 2012 R2", _D,
             roles="Mailbox, ClientAccess", mailbox_count=8, mailbox_data_gb=25,
             arbitration_mailboxes=9, public_folder_mailboxes=1,
             notes="Autodiscover, Öffentliche Ordner, Zählerfernauslesung-Relay"),
        _srv("SWR-EX19-01", "Meiningen", CU14, "Windows Server 2019", _D, dag="SWR-DAG",
             mailbox_count=220, mailbox_data_gb=410),
        _srv("SWR-EX19-02", "Bad-Neustadt", CU14, "Windows Server 2019", _D, dag="SWR-DAG",
             mailbox_count=190, mailbox_data_gb=350),
        _srv("SWR-EX16-HUB", "Bad-Neustadt", E16, "Windows Server 2016", _D,
             mailbox_count=0, mailbox_data_gb=0, notes="Hybrid-Transport, SCADA-Relay"),
        {"name": "SWR-EDGE", "fqdn": "swr-edge.dmz.stadtwerke-rhoen.de", "site": "Perimeter",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
    ],
    "dag": [{"name": "SWR-DAG", "members": "SWR-EX19-01; SWR-EX19-02", "witness": "SWR-FS01"}],
    "database": [
        {"name": "DB13", "server": "SWR-EX13", "size_gb": 25, "mailbox_count": 8},
        {"name": "DB-MEI", "dag": "SWR-DAG", "size_gb": 410, "mailbox_count": 220},
        {"name": "DB-NES", "dag": "SWR-DAG", "size_gb": 350, "mailbox_count": 190},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 4a1f", "type": "send", "servers": "SWR-EX16-HUB",
         "address_spaces": "swrhoen.mail.onmicrosoft.com", "cloud_mail_enabled": True,
         "tls_certificate": _CERT},
        {"name": "SWR-EDGE", "type": "edge_subscription", "servers": "SWR-EDGE",
         "site": "Meiningen"},
        {"name": "EdgeSync - Meiningen to Internet", "type": "send", "servers": "SWR-EDGE",
         "address_spaces": "*"},
        _recv("Default Frontend SWR-EX13", "SWR-EX13", tls_certificate=_CERT),
        _recv("Default Frontend SWR-EX19-01", "SWR-EX19-01", tls_certificate=_CERT),
        _recv("Default Frontend SWR-EX19-02", "SWR-EX19-02", tls_certificate=_CERT),
        _recv("Default Frontend SWR-EX16-HUB", "SWR-EX16-HUB", tls_certificate=_CERT),
        _recv("Relay Leitstelle", "SWR-EX16-HUB", remote_ip_ranges="10.72.30.0/24",
              permission_groups="AnonymousUsers", auth_mechanism="None"),
        {"name": "Inbound from 4a1f", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.90",
         "tls_certificate": _CERT},
    ],
    "relay_client": [
        {"name": "SCADA-Alarmgateway", "host": "10.72.30.11", "connector": "Relay Leitstelle",
         "server": "SWR-EX16-HUB", "owner": "Netzleitstelle"},
        {"name": "Abrechnung SAP IS-U", "host": "10.72.30.40", "connector": "Relay Leitstelle",
         "server": "SWR-EX16-HUB", "owner": "Kundenservice"},
        {"name": "Zählerfernauslesung", "host": "10.71.5.20",
         "connector": "Default Frontend SWR-EX13", "server": "SWR-EX13", "owner": "Messwesen"},
    ],
    "namespace": [
        {"name": _CERT, "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "SWR-EX19-01; SWR-EX19-02; SWR-EX13", "load_balancer": "F5 swr-lb",
         "certificate": _CERT},
        {"name": "autodiscover.stadtwerke-rhoen.de", "services": "Autodiscover",
         "servers": "SWR-EX13", "load_balancer": "F5 swr-lb", "certificate": _CERT},
    ],
    "exo_report": [
        {"server_fqdn": "swr-ex16-hub.swr.intern", "build": E16,
         "first_detected": date(2026, 12, 5), "throttle_date": date(2027, 1, 4)},
    ],
}

# (server, its address, connector, client address, EHLO, sessions on a weekday)
SESSIONS = (
    ("SWR-EX13", "10.71.0.13", "Default Frontend SWR-EX13", "10.71.5.20", "ZFA-MEI-01", 4),
    ("SWR-EX13", "10.71.0.13", "Default Frontend SWR-EX13", "10.71.8.33", "KM-C3350-MEI", 3),
    ("SWR-EX16-HUB", "10.72.0.16", "Relay Leitstelle", "10.72.30.11", "SCADA-GW1", 6),
    ("SWR-EX16-HUB", "10.72.0.16", "Relay Leitstelle", "10.72.30.40", "sapisu-app1", 5),
)


def write_transport_logs(folder: Path) -> None:
    """SMTP Receive protocol logs of SWR-EX13 and SWR-EX16-HUB, 23 Nov to 4 Dec 2026."""
    write_weekday_logs(folder, date(2026, 11, 23), 12, SESSIONS, _D,
                       "noreply@stadtwerke-rhoen.de", "leitstelle@stadtwerke-rhoen.de",
                       0x08DE5D0000000000, legacy="SWR-EX13", minute_step=11, first_hour=6)


def main() -> None:
    """Write tests/estates/stadtwerke-rhoen/inventory.xlsx and its transport logs."""
    folder = HERE / "stadtwerke-rhoen"
    folder.mkdir(exist_ok=True)
    settings = project("Stadtwerke Rhön-Grabfeld", date(2027, 1, 4), "TH",
                       [{"name": "K. Vogt", "days_per_week": 5}],
                       freezes=[{"name": "Jahresabrechnung", "start": date(2027, 1, 25),
                                 "end": date(2027, 2, 5)}])
    write_template(folder / "inventory.xlsx", RHOEN, settings)
    write_transport_logs(folder / "transport-logs")


if __name__ == "__main__":
    main()
