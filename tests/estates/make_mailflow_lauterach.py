"""Write the unseen estate ``mailflow-lauterach`` (inventory and transport logs).

Run: ``python -m tests.estates.make_mailflow_lauterach``.

Written for two defects of the relay steps (2026-12-09): a default receive connector whose
remote IP ranges the customer changed, and re-point steps that named the server of a
device's connector as its SMTP setting. Kabelwerk Lauterach GmbH, one site in Vorarlberg
(AT-8), an Exchange 2016 DAG of two members replaced side by side, no SMTP name.

- "Default Frontend LKW-EX16-01" and "... LKW-EX16-02": the customer narrowed them from
  "every address" to the internal network and the provider's mail gateway ("10.50.0.0/16;
  192.0.2.25"); the /16 holds both servers (10.50.0.21, 10.50.0.22). A label printer
  nobody listed sends through the first (10.50.40.7), an office printer through the second
  (10.50.41.9).
- "Relay Plotter" on LKW-EX16-01 admits the plotters' /24 and one more address nobody
  explains (10.50.70.5). The plotter 10.50.60.14 sends through it; the time-recording
  server, listed by its name on the same connector, sent nothing while the logs ran.
- SMTP Receive protocol logs 2026-11-23 .. 2026-12-04 of both servers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from planner.core.importing.template import write_template
from tests.estates.estate_files import write_weekday_logs
from tests.estates.make_estates import E16, HERE, Rows, _recv, _srv, project

_D = "kabelwerk.local"
_CERT = "mail.kabelwerk-lauterach.at"
_CHANGED = "10.50.0.0/16; 192.0.2.25"  # the customer's edit of both Default Frontends

LAUTERACH: Rows = {
    "organization": [{"customer": "Kabelwerk Lauterach GmbH", "hybrid": True,
                      "tenant": "kabelwerklauterach.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Lauterach", "internet_facing": True, "country": "AT",
              "subdivision": "8", "timezone": "Europe/Vienna"}],
    "server": [
        _srv("LKW-EX16-01", "Lauterach", E16, "Windows Server 2016", _D, dag="LKW-DAG",
             mailbox_count=180, mailbox_data_gb=310, arbitration_mailboxes=7,
             public_folder_mailboxes=0),
        _srv("LKW-EX16-02", "Lauterach", E16, "Windows Server 2016", _D, dag="LKW-DAG",
             mailbox_count=170, mailbox_data_gb=290, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
    ],
    "dag": [{"name": "LKW-DAG", "members": "LKW-EX16-01; LKW-EX16-02", "witness": "LKW-FS01"}],
    "database": [
        {"name": "LKW-DB1", "dag": "LKW-DAG", "size_gb": 310, "mailbox_count": 180},
        {"name": "LKW-DB2", "dag": "LKW-DAG", "size_gb": 290, "mailbox_count": 170},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 7c2e", "type": "send",
         "servers": "LKW-EX16-01; LKW-EX16-02",
         "address_spaces": "kabelwerklauterach.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": _CERT},
        {"name": "Internet Lauterach", "type": "send", "servers": "LKW-EX16-01; LKW-EX16-02",
         "address_spaces": "*"},
        *(_recv(f"Default Frontend {s}", s, tls_certificate=_CERT, remote_ip_ranges=_CHANGED)
          for s in ("LKW-EX16-01", "LKW-EX16-02")),
        _recv("Relay Plotter", "LKW-EX16-01", remote_ip_ranges="10.50.60.0/24; 10.50.70.5",
              permission_groups="AnonymousUsers", auth_mechanism="None"),
        {"name": "Inbound from 7c2e", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.70",
         "tls_certificate": _CERT},
    ],
    "relay_client": [
        {"name": "Plotter Konstruktion", "host": "10.50.60.0/24", "connector": "Relay Plotter",
         "server": "LKW-EX16-01", "owner": "Konstruktion"},
        {"name": "Zeiterfassung", "host": "zeit01.kabelwerk.local",
         "connector": "Relay Plotter", "server": "LKW-EX16-01", "owner": "Personalabteilung"},
    ],
    "namespace": [
        {"name": _CERT, "services": "OWA; EAS; EWS; MAPI; OAB; Autodiscover",
         "servers": "LKW-EX16-01; LKW-EX16-02", "load_balancer": "KEMP lkw-lb",
         "certificate": _CERT},
    ],
}

# (server, its address, connector, client address, EHLO, sessions on a weekday)
SESSIONS = (
    ("LKW-EX16-01", "10.50.0.21", "Relay Plotter", "10.50.60.14", "HP-T1700-KONS", 5),
    ("LKW-EX16-01", "10.50.0.21", "Default Frontend LKW-EX16-01", "10.50.40.7",
     "ZD621-VERSAND", 8),
    ("LKW-EX16-02", "10.50.0.22", "Default Frontend LKW-EX16-02", "10.50.41.9",
     "MFP-BUERO-2", 6),
)


def write_transport_logs(folder: Path) -> None:
    """SMTP Receive protocol logs of both servers, 23 Nov to 4 Dec 2026, weekdays."""
    write_weekday_logs(folder, date(2026, 11, 23), 12, SESSIONS, _D,
                       "noreply@kabelwerk-lauterach.at", "versand@kabelwerk-lauterach.at",
                       0x08DE5C0000000000)


def main() -> None:
    """Write tests/estates/mailflow-lauterach/inventory.xlsx and its transport logs."""
    folder = HERE / "mailflow-lauterach"
    folder.mkdir(exist_ok=True)
    settings = project("Kabelwerk Lauterach", date(2027, 1, 11), "8",
                       [{"name": "R. Dornbirner", "days_per_week": 5}], country="AT")
    write_template(folder / "inventory.xlsx", LAUTERACH, settings)
    write_transport_logs(folder / "transport-logs")


if __name__ == "__main__":
    main()
