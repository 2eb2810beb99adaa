"""Write the unseen estate ``mailflow-fichtelwerk``.

Run: ``python -m tests.estates.make_mailflow_fichtelwerk``.

Mail flow on a shape no other estate has: a 2013 server at the internet-facing site that alone
holds the client namespace and Autodiscover and the arbitration mailboxes; a 2016 DAG of two
members carrying a scanner relay connector of three scanner IPs and a whole /24 of label
printers (only two scanners inventoried), an application relay on one member whose client is
known by its owner, public folders, a TLS certificate on Default Frontend and Exchange's other
own connectors listed by name; a 2016 Edge carrying inbound internet mail; an unpatched 2019
CU13 server at the second site that stays; new servers named by ``FW-SE{n:02}``.
"""

from __future__ import annotations

from datetime import date

from planner.core.importing.template import write_template
from tests.estates.make_estates import CU13, E13, E16, HERE, Rows, _recv, _srv, project

_D = "fichtelwerk.local"
_SCANNERS = "10.8.1.21; 10.8.1.22; 10.8.1.23; 10.8.20.0/24"


def _scanner_relay(server: str) -> dict[str, object]:
    """One scanner relay connector of one name on each DAG member."""
    return _recv("Relay Scanner", server, remote_ip_ranges=_SCANNERS,
                 permission_groups="AnonymousUsers", auth_mechanism="None")


FICHTELWERK: Rows = {
    "organization": [{"customer": "Fichtelwerk Porzellan GmbH", "hybrid": True,
                      "tenant": "fichtelwerk.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Hof", "internet_facing": True, "country": "DE", "subdivision": "BY",
              "timezone": "Europe/Berlin"},
             {"name": "Selb", "internet_facing": False, "country": "DE", "subdivision": "BY",
              "timezone": "Europe/Berlin"}],
    "server": [
        _srv("FW-EX13", "Hof", E13, "Windows Server 2012 R2", _D,
             roles="Mailbox, ClientAccess", mailbox_count=4, mailbox_data_gb=12,
             arbitration_mailboxes=9, public_folder_mailboxes=0),
        _srv("FW-EX16A", "Hof", E16, "Windows Server 2016", _D, dag="FW-DAG",
             mailbox_count=240, mailbox_data_gb=480, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
        _srv("FW-EX16B", "Hof", E16, "Windows Server 2016", _D, dag="FW-DAG",
             mailbox_count=220, mailbox_data_gb=450, arbitration_mailboxes=0,
             public_folder_mailboxes=3),
        _srv("FW-EX19", "Selb", CU13, "Windows Server 2019", _D,
             mailbox_count=70, mailbox_data_gb=130),
        {"name": "FW-EDGE", "fqdn": "fw-edge.dmz.fichtelwerk.de", "site": "Hof",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
    ],
    "dag": [{"name": "FW-DAG", "members": "FW-EX16A; FW-EX16B", "witness": "FW-FS01"}],
    "database": [
        {"name": "DB13", "server": "FW-EX13", "size_gb": 12, "mailbox_count": 4},
        {"name": "DB16-1", "dag": "FW-DAG", "size_gb": 480, "mailbox_count": 240},
        {"name": "DB16-2", "dag": "FW-DAG", "size_gb": 450, "mailbox_count": 220},
        {"name": "DB19", "server": "FW-EX19", "size_gb": 130, "mailbox_count": 70},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 4c1a", "type": "send",
         "servers": "FW-EX16A; FW-EX16B", "address_spaces": "fichtelwerk.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.fichtelwerk.de"},
        {"name": "EdgeSync - Hof to Internet", "type": "send", "servers": "FW-EDGE",
         "address_spaces": "*"},
        {"name": "FW-EDGE", "type": "edge_subscription", "servers": "FW-EDGE", "site": "Hof"},
        _recv("Default Frontend FW-EX16A", "FW-EX16A", tls_certificate="mail.fichtelwerk.de",
              permission_groups="AnonymousUsers; ExchangeServers; ExchangeLegacyServers"),
        _recv("Default Frontend FW-EX16B", "FW-EX16B",
              permission_groups="AnonymousUsers; ExchangeServers; ExchangeLegacyServers"),
        _recv("Client Proxy FW-EX16A", "FW-EX16A", 465),
        _recv("Outbound Proxy Frontend FW-EX16B", "FW-EX16B", 717),
        _recv("Default FW-EX16B", "FW-EX16B", 2525),
        _recv("Default internal receive connector FW-EDGE", "FW-EDGE"),
        _recv("Default Frontend FW-EX13", "FW-EX13"),
        _scanner_relay("FW-EX16A"),
        _scanner_relay("FW-EX16B"),
        _recv("App Relay Warenwirtschaft", "FW-EX16B", remote_ip_ranges="10.8.5.40",
              permission_groups="AnonymousUsers", auth_mechanism="None"),
        {"name": "Inbound from 4c1a", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.44",
         "tls_certificate": "mail.fichtelwerk.de"},
    ],
    "relay_client": [
        {"name": "Scanner Malerei", "host": "10.8.1.21", "connector": "Relay Scanner",
         "server": "FW-EX16A", "owner": "Malerei"},
        {"name": "Scanner Versand", "host": "10.8.1.22", "connector": "Relay Scanner",
         "server": "FW-EX16B", "owner": ""},
        {"name": "Warenwirtschaft", "host": "10.8.5.40", "connector": "App Relay Warenwirtschaft",
         "server": "FW-EX16B", "owner": "ERP-Team"},
    ],
    "namespace": [
        {"name": "mail.fichtelwerk.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "FW-EX13", "load_balancer": "", "certificate": "mail.fichtelwerk.de"},
        {"name": "autodiscover.fichtelwerk.de", "services": "Autodiscover", "servers": "FW-EX13",
         "certificate": "mail.fichtelwerk.de"},
    ],
}


def main() -> None:
    """Write tests/estates/mailflow-fichtelwerk/inventory.xlsx."""
    folder = HERE / "mailflow-fichtelwerk"
    folder.mkdir(exist_ok=True)
    settings = project("Fichtelwerk", date(2027, 1, 18), "BY",
                       [{"name": "K. Wunsiedler", "days_per_week": 5}])
    settings["naming"] = {"new_server": "FW-SE{n:02}"}
    write_template(folder / "inventory.xlsx", FICHTELWERK, settings)


if __name__ == "__main__":
    main()
