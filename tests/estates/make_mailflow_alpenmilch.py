"""Write the unseen estate ``mailflow-alpenmilch``.

Run: ``python -m tests.estates.make_mailflow_alpenmilch``.

Mail flow on a shape no other estate has: a 2016 DAG of three members over two sites in two
countries (Kempten in Bavaria, Wien in Austria) with the scanner relay connector of the same
name on every member (four scanner IPs and a range, one IP no client explains), a changed
Client Frontend, a partner TLS connector; a 2013 server holding Autodiscover, its own
send connector to a bank and the arbitration mailboxes; public folders on the Vienna member;
a 2016 Edge carrying inbound internet mail behind a third-party gateway; an unpatched
2019 CU12 server in Vienna with its own application relay that stays.
"""

from __future__ import annotations

from datetime import date

from planner.core.importing.template import write_template
from tests.estates.make_estates import E13, E16, HERE, Rows, _recv, _srv, project

_D = "alpenmilch.local"
CU12 = "15.2.1118.7"  # 2019 CU12 RTM
_SCANNERS = "172.16.4.10; 172.16.4.11; 172.16.4.12; 172.16.4.13; 172.16.5.0/29"


def _scanner_relay(server: str) -> dict[str, object]:
    """The scanner relay as customers build it: one connector of one name on every member."""
    return _recv("Scanner Relay", server, remote_ip_ranges=_SCANNERS,
                 permission_groups="AnonymousUsers", auth_mechanism="None")


ALPENMILCH: Rows = {
    "organization": [{"customer": "Alpenmilch eG", "hybrid": True,
                      "tenant": "alpenmilch.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Kempten", "internet_facing": True, "country": "DE", "subdivision": "BY",
              "timezone": "Europe/Berlin"},
             {"name": "Wien", "internet_facing": False, "country": "AT", "subdivision": "9",
              "timezone": "Europe/Vienna"}],
    "server": [
        _srv("AM-EX13", "Kempten", E13, "Windows Server 2012 R2", _D,
             roles="Mailbox, ClientAccess", mailbox_count=12, mailbox_data_gb=40,
             arbitration_mailboxes=10, public_folder_mailboxes=0),
        _srv("AM-EX16-01", "Kempten", E16, "Windows Server 2016", _D, dag="AM-DAG16",
             mailbox_count=380, mailbox_data_gb=760, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
        _srv("AM-EX16-02", "Kempten", E16, "Windows Server 2016", _D, dag="AM-DAG16",
             mailbox_count=360, mailbox_data_gb=700, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
        _srv("AM-EX16-03", "Wien", E16, "Windows Server 2016", _D, dag="AM-DAG16",
             mailbox_count=150, mailbox_data_gb=300, arbitration_mailboxes=0,
             public_folder_mailboxes=2),
        _srv("AM-EX19", "Wien", CU12, "Windows Server 2019", _D,
             mailbox_count=40, mailbox_data_gb=90),
        {"name": "AM-EDGE16", "fqdn": "am-edge16.dmz.alpenmilch.de", "site": "Kempten",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
    ],
    "dag": [{"name": "AM-DAG16", "members": "AM-EX16-01; AM-EX16-02; AM-EX16-03",
             "witness": "AM-FS01"}],
    "database": [
        {"name": "DB13", "server": "AM-EX13", "size_gb": 40, "mailbox_count": 12},
        {"name": "DB16-KE1", "dag": "AM-DAG16", "size_gb": 760, "mailbox_count": 380},
        {"name": "DB16-KE2", "dag": "AM-DAG16", "size_gb": 700, "mailbox_count": 360},
        {"name": "DB16-WI", "dag": "AM-DAG16", "size_gb": 300, "mailbox_count": 150},
        {"name": "DB19-WI", "server": "AM-EX19", "size_gb": 90, "mailbox_count": 40},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 9e8f", "type": "send",
         "servers": "AM-EX16-01; AM-EX16-02", "address_spaces": "alpenmilch.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.alpenmilch.de"},
        {"name": "EdgeSync - Kempten to Internet", "type": "send", "servers": "AM-EDGE16",
         "address_spaces": "*"},
        {"name": "Bank TLS", "type": "send", "servers": "AM-EX13",
         "address_spaces": "raiffeisen.example", "smart_hosts": "mx.raiffeisen.example"},
        {"name": "AM-EDGE16", "type": "edge_subscription", "servers": "AM-EDGE16",
         "site": "Kempten"},
        _recv("Default Frontend AM-EX16-01", "AM-EX16-01", tls_certificate="mail.alpenmilch.de",
              permission_groups="AnonymousUsers; ExchangeServers; ExchangeLegacyServers"),
        _recv("Default Frontend AM-EX16-02", "AM-EX16-02",
              permission_groups="AnonymousUsers; ExchangeServers; ExchangeLegacyServers"),
        _recv("Default Frontend AM-EX16-03", "AM-EX16-03",
              permission_groups="AnonymousUsers; ExchangeServers; ExchangeLegacyServers"),
        _recv("Client Frontend AM-EX16-02", "AM-EX16-02", 587,
              remote_ip_ranges="172.16.0.0/16"),
        _recv("Default AM-EX16-03", "AM-EX16-03", 2525),
        _recv("Default internal receive connector AM-EDGE16", "AM-EDGE16"),
        _scanner_relay("AM-EX16-01"),
        _scanner_relay("AM-EX16-02"),
        _scanner_relay("AM-EX16-03"),
        _recv("Partner TLS Molkerei", "AM-EX16-03", remote_ip_ranges="198.51.100.0/24",
              permission_groups="Partners", auth_mechanism="Tls",
              tls_certificate="mail.alpenmilch.de"),
        _recv("Default Frontend AM-EX13", "AM-EX13"),
        _recv("Relay Laborsystem", "AM-EX19", remote_ip_ranges="172.16.9.30",
              permission_groups="AnonymousUsers"),
        {"name": "Inbound from 9e8f", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.90",
         "tls_certificate": "mail.alpenmilch.de"},
    ],
    "relay_client": [
        {"name": "Scanner Annahme", "host": "172.16.4.10", "connector": "Scanner Relay",
         "server": "AM-EX16-01", "owner": "Molkereibetrieb"},
        {"name": "Scanner Labor", "host": "172.16.4.11", "connector": "Scanner Relay",
         "server": "AM-EX16-02", "owner": "Labor"},
        {"name": "Scanner Buchhaltung", "host": "172.16.4.12", "connector": "Scanner Relay",
         "server": "AM-EX16-03", "owner": "Buchhaltung"},
        {"name": "Kopierer Etage 2", "host": "172.16.5.3", "connector": "Scanner Relay",
         "server": "AM-EX16-01", "owner": ""},
        {"name": "Laborsystem LIMS", "host": "172.16.9.30", "connector": "Relay Laborsystem",
         "server": "AM-EX19", "owner": "Labor"},
    ],
    "namespace": [
        {"name": "mail.alpenmilch.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "AM-EX13; AM-EX16-01; AM-EX16-02; AM-EX16-03",
         "load_balancer": "KEMP LoadMaster", "certificate": "mail.alpenmilch.de"},
        {"name": "autodiscover.alpenmilch.de", "services": "Autodiscover", "servers": "AM-EX13",
         "certificate": "mail.alpenmilch.de"},
    ],
}


def main() -> None:
    """Write tests/estates/mailflow-alpenmilch/inventory.xlsx."""
    folder = HERE / "mailflow-alpenmilch"
    folder.mkdir(exist_ok=True)
    two = [{"name": "S. Huber", "days_per_week": 5}, {"name": "P. Gruber", "days_per_week": 4}]
    write_template(folder / "inventory.xlsx", ALPENMILCH,
                   project("Alpenmilch", date(2027, 1, 11), "BY", two))


if __name__ == "__main__":
    main()
