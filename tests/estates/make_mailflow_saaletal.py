"""Write the unseen estate ``mailflow-saaletal``.

Run: ``python -m tests.estates.make_mailflow_saaletal``.

The client namespace on a shape no other estate has: two Internet-facing sites (Jena, Gera)
behind one load balancer and a third site that is not (Zeitz). An Exchange 2013 server in
Jena holds Autodiscover and shares mail.saaletal.de with a 2016 DAG stretched over Jena and
Gera and a standalone 2016 server in Zeitz; a 2019 CU14 server in Gera that stays (upgraded
in place) serves no namespace yet; a 2019 CU13 server in Zeitz stays too; a 2016 Edge
subscribed to Gera with a relay connector for the perimeter network. New SE servers are named
by ``{site}-SE{n:02}``.
"""

from __future__ import annotations

from datetime import date

from planner.core.importing.template import write_template
from tests.estates.make_estates import CU13, CU14, E13, E16, HERE, Rows, _recv, _srv, project

_D = "saaletal.local"

SAALETAL: Rows = {
    "organization": [{"customer": "Saaletal Glas AG", "hybrid": True,
                      "tenant": "saaletal.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Jena", "internet_facing": True, "country": "DE", "subdivision": "TH",
              "timezone": "Europe/Berlin"},
             {"name": "Gera", "internet_facing": True, "country": "DE", "subdivision": "TH",
              "timezone": "Europe/Berlin"},
             {"name": "Zeitz", "internet_facing": False, "country": "DE", "subdivision": "ST",
              "timezone": "Europe/Berlin"}],
    "server": [
        _srv("SA-EX13", "Jena", E13, "Windows Server 2012 R2", _D,
             roles="Mailbox, ClientAccess", mailbox_count=12, mailbox_data_gb=30,
             arbitration_mailboxes=9),
        _srv("SA-EX16-J", "Jena", E16, "Windows Server 2016", _D, dag="SA-DAG",
             mailbox_count=300, mailbox_data_gb=600),
        _srv("SA-EX16-G", "Gera", E16, "Windows Server 2016", _D, dag="SA-DAG",
             mailbox_count=280, mailbox_data_gb=560),
        _srv("SA-EX16-Z", "Zeitz", E16, "Windows Server 2016", _D,
             mailbox_count=60, mailbox_data_gb=90),
        _srv("SA-EX19-G", "Gera", CU14, "Windows Server 2019", _D,
             mailbox_count=40, mailbox_data_gb=70),
        _srv("SA-EX19-Z", "Zeitz", CU13, "Windows Server 2019", _D,
             mailbox_count=20, mailbox_data_gb=35),
        {"name": "SA-EDGE", "fqdn": "sa-edge.dmz.saaletal.de", "site": "Gera",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
    ],
    "dag": [{"name": "SA-DAG", "members": "SA-EX16-J; SA-EX16-G", "witness": "SA-FS01"}],
    "database": [
        {"name": "DB13", "server": "SA-EX13", "size_gb": 30, "mailbox_count": 12},
        {"name": "DB-DAG-1", "dag": "SA-DAG", "size_gb": 600, "mailbox_count": 300},
        {"name": "DB-DAG-2", "dag": "SA-DAG", "size_gb": 560, "mailbox_count": 280},
        {"name": "DB16-Z", "server": "SA-EX16-Z", "size_gb": 90, "mailbox_count": 60},
        {"name": "DB19-G", "server": "SA-EX19-G", "size_gb": 70, "mailbox_count": 40},
        {"name": "DB19-Z", "server": "SA-EX19-Z", "size_gb": 35, "mailbox_count": 20},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 7d2e", "type": "send",
         "servers": "SA-EX16-J; SA-EX16-G", "address_spaces": "saaletal.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.saaletal.de"},
        {"name": "Internet", "type": "send", "servers": "SA-EX16-J; SA-EX16-G",
         "address_spaces": "*"},
        _recv("Default Frontend SA-EX16-J", "SA-EX16-J"),
        _recv("Default Frontend SA-EX16-G", "SA-EX16-G"),
        _recv("Default Frontend SA-EX16-Z", "SA-EX16-Z"),
        _recv("Default Frontend SA-EX13", "SA-EX13"),
        {"name": "SA-EDGE", "type": "edge_subscription", "servers": "SA-EDGE", "site": "Gera"},
        {"name": "EdgeSync - Gera to Internet", "type": "send", "servers": "SA-EDGE",
         "address_spaces": "*"},
        _recv("Relay DMZ", "SA-EDGE", remote_ip_ranges="192.168.60.16/28",
              permission_groups="AnonymousUsers", auth_mechanism="None"),
        {"name": "Inbound from 7d2e", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.70",
         "tls_certificate": "mail.saaletal.de"},
    ],
    "namespace": [
        {"name": "mail.saaletal.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "SA-EX13; SA-EX16-J; SA-EX16-G; SA-EX16-Z", "load_balancer": "HAProxy",
         "certificate": "mail.saaletal.de"},
        {"name": "autodiscover.saaletal.de", "services": "Autodiscover", "servers": "SA-EX13",
         "load_balancer": "HAProxy", "certificate": "mail.saaletal.de"},
    ],
}


def main() -> None:
    """Write tests/estates/mailflow-saaletal/inventory.xlsx."""
    folder = HERE / "mailflow-saaletal"
    folder.mkdir(exist_ok=True)
    settings = project("Saaletal", date(2027, 2, 1), "TH",
                       [{"name": "M. Kahla", "days_per_week": 5}])
    settings["naming"] = {"new_server": "{site}-SE{n:02}"}
    write_template(folder / "inventory.xlsx", SAALETAL, settings)


if __name__ == "__main__":
    main()
