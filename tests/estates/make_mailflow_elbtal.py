"""Write the unseen estate ``mailflow-elbtal``.

Run: ``python -m tests.estates.make_mailflow_elbtal``.

Mail flow on a shape no other estate has: in Leipzig (Internet-facing) an Exchange 2013
server alone holds mail.elbtal.de and Autodiscover beside a 2019 CU13 server that stays
(CU15 first, then in place), and a 2016 Edge carries inbound internet mail with the
customer's certificate on its default internal connector and a relay for the perimeter
network; in Dresden (Internet-facing, no Edge) a 2016 DAG receives internet mail itself
through a gateway, carries the hybrid send connector and a scanner relay of three addresses
and a /24 with one scanner listed; in Chemnitz (not Internet-facing) a standalone 2016
server holds the public folders. Arbitration mailboxes sit on the 2013 server and the DAG.
"""

from __future__ import annotations

from datetime import date

from planner.core.importing.template import write_template
from tests.estates.make_estates import CU13, E13, E16, HERE, Rows, _recv, _srv, project

_D = "elbtal.local"

ELBTAL: Rows = {
    "organization": [{"customer": "Elbtal Porzellan AG", "hybrid": True,
                      "tenant": "elbtal.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Leipzig", "internet_facing": True, "country": "DE", "subdivision": "SN",
              "timezone": "Europe/Berlin"},
             {"name": "Dresden", "internet_facing": True, "country": "DE", "subdivision": "SN",
              "timezone": "Europe/Berlin"},
             {"name": "Chemnitz", "internet_facing": False, "country": "DE",
              "subdivision": "SN", "timezone": "Europe/Berlin"}],
    "server": [
        _srv("LE-EX13", "Leipzig", E13, "Windows Server 2012 R2", _D,
             roles="Mailbox, ClientAccess", mailbox_count=40, mailbox_data_gb=90,
             arbitration_mailboxes=7, public_folder_mailboxes=0),
        _srv("LE-EX19", "Leipzig", CU13, "Windows Server 2019", _D,
             mailbox_count=120, mailbox_data_gb=240, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
        _srv("DD-EX16-01", "Dresden", E16, "Windows Server 2016", _D, dag="DD-DAG",
             mailbox_count=350, mailbox_data_gb=700, arbitration_mailboxes=3,
             public_folder_mailboxes=0),
        _srv("DD-EX16-02", "Dresden", E16, "Windows Server 2016", _D, dag="DD-DAG",
             mailbox_count=330, mailbox_data_gb=650, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
        _srv("CH-EX16", "Chemnitz", E16, "Windows Server 2016", _D,
             mailbox_count=80, mailbox_data_gb=150, arbitration_mailboxes=0,
             public_folder_mailboxes=2),
        {"name": "LE-EDGE", "fqdn": "le-edge.dmz.elbtal.de", "site": "Leipzig",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
    ],
    "dag": [{"name": "DD-DAG", "members": "DD-EX16-01; DD-EX16-02", "witness": "DD-FS01"}],
    "database": [
        {"name": "DB13", "server": "LE-EX13", "size_gb": 90, "mailbox_count": 40},
        {"name": "DB19", "server": "LE-EX19", "size_gb": 240, "mailbox_count": 120},
        {"name": "DD-DB1", "dag": "DD-DAG", "size_gb": 700, "mailbox_count": 350},
        {"name": "DD-DB2", "dag": "DD-DAG", "size_gb": 650, "mailbox_count": 330},
        {"name": "CH-PF", "server": "CH-EX16", "size_gb": 150, "mailbox_count": 80},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 9b3e", "type": "send",
         "servers": "DD-EX16-01; DD-EX16-02", "address_spaces": "elbtal.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.elbtal.de"},
        {"name": "Internet Dresden", "type": "send", "servers": "DD-EX16-01; DD-EX16-02",
         "address_spaces": "*", "smart_hosts": "smtp-gw.elbtal.de"},
        {"name": "LE-EDGE", "type": "edge_subscription", "servers": "LE-EDGE",
         "site": "Leipzig"},
        {"name": "EdgeSync - Leipzig to Internet", "type": "send", "servers": "LE-EDGE",
         "address_spaces": "*"},
        _recv("Default Frontend DD-EX16-01", "DD-EX16-01", tls_certificate="mail.elbtal.de"),
        _recv("Default Frontend DD-EX16-02", "DD-EX16-02", tls_certificate="mail.elbtal.de"),
        _recv("Client Frontend DD-EX16-01", "DD-EX16-01", 587),
        _recv("Default Frontend CH-EX16", "CH-EX16"),
        _recv("Default Frontend LE-EX13", "LE-EX13"),
        _recv("Default internal receive connector LE-EDGE", "LE-EDGE",
              tls_certificate="mail.elbtal.de"),
        _recv("Relay DMZ", "LE-EDGE", remote_ip_ranges="172.16.5.10",
              permission_groups="AnonymousUsers", auth_mechanism="None"),
        *(_recv("Relay Drucker", s,
                remote_ip_ranges="10.60.3.11; 10.60.3.12; 10.60.3.13; 10.60.4.0/24",
                permission_groups="AnonymousUsers", auth_mechanism="None")
          for s in ("DD-EX16-01", "DD-EX16-02")),
        {"name": "Inbound from 9b3e", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.95",
         "tls_certificate": "mail.elbtal.de"},
    ],
    "relay_client": [
        {"name": "Drucker Versand", "host": "10.60.3.11", "connector": "Relay Drucker",
         "server": "DD-EX16-01", "owner": "Versand"},
        {"name": "DMZ Webformular", "host": "172.16.5.10", "connector": "Relay DMZ",
         "server": "LE-EDGE", "owner": "Marketing"},
    ],
    "namespace": [
        {"name": "mail.elbtal.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "LE-EX13", "load_balancer": "", "certificate": "mail.elbtal.de"},
        {"name": "autodiscover.elbtal.de", "services": "Autodiscover", "servers": "LE-EX13",
         "certificate": "mail.elbtal.de"},
    ],
}


def main() -> None:
    """Write tests/estates/mailflow-elbtal/inventory.xlsx."""
    folder = HERE / "mailflow-elbtal"
    folder.mkdir(exist_ok=True)
    settings = project("Elbtal Porzellan", date(2027, 3, 1), "SN",
                       [{"name": "R. Meissen", "days_per_week": 5}])
    settings["naming"] = {"new_server": "{site}-EXSE{n:02}"}
    write_template(folder / "inventory.xlsx", ELBTAL, settings)


if __name__ == "__main__":
    main()
