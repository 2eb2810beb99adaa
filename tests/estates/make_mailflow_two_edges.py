"""Write the unseen estate ``mailflow-two-edges``.

Run: ``python -m tests.estates.make_mailflow_two_edges``.

Mail flow on a shape no other estate has: two internet-facing sites, each with its own Edge
(a 2016 one and a 2019 CU13 one), a 2013 server at the second site that alone holds the client
namespace and Autodiscover, a standalone 2016 server with the public-folder and arbitration
mailboxes and a scanner relay of three IPs (one a range), a 2019 CU14 DAG that stays and
keeps its own application relay, and a send connector spread over both Edges.
"""

from __future__ import annotations

from datetime import date

from planner.core.importing.template import write_template
from tests.estates.make_estates import (
    CU13,
    CU14,
    E13,
    E16,
    HERE,
    Rows,
    _recv,
    _srv,
    project,
)

_D = "nordlicht.local"

TWO_EDGES: Rows = {
    "organization": [{"customer": "Nordlicht Reederei KG", "hybrid": True,
                      "tenant": "nordlicht.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Hamburg", "internet_facing": True, "country": "DE", "subdivision": "HH",
              "timezone": "Europe/Berlin"},
             {"name": "Bremen", "internet_facing": True, "country": "DE", "subdivision": "HB",
              "timezone": "Europe/Berlin"}],
    "server": [
        _srv("NL-EX13", "Bremen", E13, "Windows Server 2012 R2", _D,
             roles="Mailbox, ClientAccess", mailbox_count=35, mailbox_data_gb=140),
        _srv("NL-EX16", "Hamburg", E16, "Windows Server 2016", _D, mailbox_count=250,
             mailbox_data_gb=700, arbitration_mailboxes=9, public_folder_mailboxes=3),
        _srv("NL-EX19-01", "Hamburg", CU14, "Windows Server 2022", _D, dag="NL-DAG19",
             mailbox_count=300, mailbox_data_gb=600),
        _srv("NL-EX19-02", "Hamburg", CU14, "Windows Server 2022", _D, dag="NL-DAG19",
             mailbox_count=280, mailbox_data_gb=560),
        {"name": "NL-EDGE16", "fqdn": "nl-edge16.dmz.nordlicht.de", "site": "Hamburg",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
        {"name": "NL-EDGE19", "fqdn": "nl-edge19.dmz.nordlicht.de", "site": "Bremen",
         "roles": "Edge", "build": CU13, "os": "Windows Server 2019", "virtual": True},
    ],
    "dag": [{"name": "NL-DAG19", "members": "NL-EX19-01; NL-EX19-02", "witness": "NL-FS01"}],
    "database": [
        {"name": "DB13", "server": "NL-EX13", "size_gb": 140, "mailbox_count": 35},
        {"name": "DB16-PF", "server": "NL-EX16", "size_gb": 700, "mailbox_count": 250},
        {"name": "DB19-A", "dag": "NL-DAG19", "size_gb": 600, "mailbox_count": 300},
        {"name": "DB19-B", "dag": "NL-DAG19", "size_gb": 560, "mailbox_count": 280},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 4c2d", "type": "send",
         "servers": "NL-EX16; NL-EX19-01", "address_spaces": "nordlicht.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.nordlicht.de"},
        {"name": "EdgeSync - to Internet", "type": "send", "servers": "NL-EDGE16; NL-EDGE19",
         "address_spaces": "*"},
        {"name": "NL-EDGE16", "type": "edge_subscription", "servers": "NL-EDGE16",
         "site": "Hamburg"},
        {"name": "NL-EDGE19", "type": "edge_subscription", "servers": "NL-EDGE19",
         "site": "Bremen"},
        _recv("Default Frontend NL-EX16", "NL-EX16", tls_certificate="mail.nordlicht.de"),
        _recv("Default NL-EX16", "NL-EX16", 2525),
        _recv("Default Frontend NL-EX13", "NL-EX13"),
        _recv("Default internal receive connector NL-EDGE16", "NL-EDGE16"),
        _recv("Default internal receive connector NL-EDGE19", "NL-EDGE19"),
        _recv("Relay Hafenscanner", "NL-EX16",
              remote_ip_ranges="10.8.1.20; 10.8.1.21; 10.8.2.0/28",
              permission_groups="AnonymousUsers", auth_mechanism="None"),
        _recv("Relay Disposition", "NL-EX19-01", remote_ip_ranges="10.8.5.9",
              permission_groups="AnonymousUsers"),
        _recv("Relay Zoll", "NL-EX13", remote_ip_ranges="10.9.0.14",
              permission_groups="AnonymousUsers"),
        {"name": "Inbound from 4c2d", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.70",
         "tls_certificate": "mail.nordlicht.de"},
    ],
    "relay_client": [
        {"name": "Hafenscanner Kai 1", "host": "10.8.1.20", "connector": "Relay Hafenscanner",
         "server": "NL-EX16", "owner": "Hafenbetrieb"},
        {"name": "Hafenscanner Kai 2", "host": "10.8.1.21", "connector": "Relay Hafenscanner",
         "server": "NL-EX16", "owner": "Hafenbetrieb"},
        {"name": "Zollsystem", "host": "10.9.0.14", "connector": "Relay Zoll",
         "server": "NL-EX13", "owner": "Zollabteilung"},
    ],
    "namespace": [
        {"name": "mail.nordlicht.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "NL-EX13", "load_balancer": "", "certificate": "mail.nordlicht.de"},
        {"name": "autodiscover.nordlicht.de", "services": "Autodiscover", "servers": "NL-EX13",
         "certificate": "mail.nordlicht.de"},
    ],
}


def main() -> None:
    """Write tests/estates/mailflow-two-edges/inventory.xlsx."""
    folder = HERE / "mailflow-two-edges"
    folder.mkdir(exist_ok=True)
    one = [{"name": "M. Jansen", "days_per_week": 5}]
    write_template(folder / "inventory.xlsx", TWO_EDGES,
                   project("Nordlicht Reederei", date(2026, 12, 1), "HH", one))


if __name__ == "__main__":
    main()
