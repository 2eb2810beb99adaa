"""Write the unseen estate ``mailflow-moselbrau``.

Run: ``python -m tests.estates.make_mailflow_moselbrau``.

Relay clients on a shape no other estate has: a 2016 DAG whose members both carry one scanner
relay connector admitting five scanner addresses (two of them in the inventory, three known
only from the connector), a whole /24 of label printers and an IPv6 address, bound to IPv6
first ("[::]:25" opens the cell); an application relay bound to one IPv4 and one IPv6
address with a range written "a - b" that one listed client explains; the Client Frontend
connectors left at Exchange's defaults (ExchangeUsers) on one member and opened to
AnonymousUsers on the other; a TLS certificate on Default Frontend; a 2013 server with a
relay of its own for a device nobody listed; a 2016 Edge that carries inbound internet mail,
with a certificate on its default connector and a relay of its own for the perimeter network
(a listed web shop and a /28 nobody listed).
"""

from __future__ import annotations

from datetime import date

from planner.core.importing.template import write_template
from tests.estates.make_estates import E13, E16, HERE, Rows, _srv, project

_D = "moselbrau.local"
_ALL = "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff; 0.0.0.0-255.255.255.255"


def _recv(name: str, server: str, port: int = 25, **kw: object) -> dict[str, object]:
    """A receive connector bound as setup binds them, IPv6 first as Exchange lists it."""
    return {"name": name, "type": "receive", "servers": server,
            "bindings": f"[::]:{port}, 0.0.0.0:{port}", "remote_ip_ranges": _ALL, **kw}


def _scanners(server: str) -> dict[str, object]:
    return _recv("Relay Scanner", server,
                 remote_ip_ranges="{10.30.5.11, 10.30.5.12, 10.30.5.13, 10.30.5.14, "
                                  "10.30.5.15, 10.30.8.0/24, 2001:db8:30::25}",
                 permission_groups="AnonymousUsers", auth_mechanism="None")


MOSELBRAU: Rows = {
    "organization": [{"customer": "Moselbräu Trier AG", "hybrid": True,
                      "tenant": "moselbrau.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Trier", "internet_facing": True, "country": "DE", "subdivision": "RP",
              "timezone": "Europe/Berlin"}],
    "server": [
        _srv("MB-EX13", "Trier", E13, "Windows Server 2012 R2", _D,
             roles="Mailbox, ClientAccess", mailbox_count=20, mailbox_data_gb=60),
        _srv("MB-EX16-01", "Trier", E16, "Windows Server 2016", _D, dag="MB-DAG16",
             mailbox_count=160, mailbox_data_gb=410),
        _srv("MB-EX16-02", "Trier", E16, "Windows Server 2016", _D, dag="MB-DAG16",
             mailbox_count=150, mailbox_data_gb=380),
        {"name": "MB-EDGE16", "fqdn": "mb-edge16.dmz.moselbrau.de", "site": "Trier",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
    ],
    "dag": [{"name": "MB-DAG16", "members": "MB-EX16-01; MB-EX16-02", "witness": "MB-FS01"}],
    "database": [
        {"name": "DB13", "server": "MB-EX13", "size_gb": 60, "mailbox_count": 20},
        {"name": "DB16-1", "dag": "MB-DAG16", "size_gb": 410, "mailbox_count": 160},
        {"name": "DB16-2", "dag": "MB-DAG16", "size_gb": 380, "mailbox_count": 150},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 7a1b", "type": "send",
         "servers": "MB-EX16-01; MB-EX16-02", "address_spaces": "moselbrau.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.moselbrau.de"},
        {"name": "EdgeSync - Trier to Internet", "type": "send", "servers": "MB-EDGE16",
         "address_spaces": "*"},
        {"name": "MB-EDGE16", "type": "edge_subscription", "servers": "MB-EDGE16",
         "site": "Trier"},
        _recv("Default Frontend MB-EX16-01", "MB-EX16-01", tls_certificate="mail.moselbrau.de",
              permission_groups="AnonymousUsers, ExchangeServers, ExchangeLegacyServers"),
        _recv("Default Frontend MB-EX16-02", "MB-EX16-02",
              permission_groups="AnonymousUsers, ExchangeServers, ExchangeLegacyServers"),
        _recv("Client Frontend MB-EX16-01", "MB-EX16-01", 587, permission_groups="ExchangeUsers"),
        _recv("Client Frontend MB-EX16-02", "MB-EX16-02", 587,
              permission_groups="AnonymousUsers, ExchangeUsers"),
        _recv("Default MB-EX16-01", "MB-EX16-01", 2525,
              permission_groups="ExchangeUsers, ExchangeServers, ExchangeLegacyServers"),
        _recv("Client Proxy MB-EX16-02", "MB-EX16-02", 465,
              permission_groups="ExchangeServers, ExchangeUsers"),
        _recv("Default internal receive connector MB-EDGE16", "MB-EDGE16",
              bindings="0.0.0.0:25", remote_ip_ranges="0.0.0.0-255.255.255.255",
              permission_groups="AnonymousUsers, ExchangeServers, Partners",
              tls_certificate="mx.moselbrau.de"),
        _recv("Relay DMZ", "MB-EDGE16", bindings="0.0.0.0:25",
              remote_ip_ranges="192.168.50.20; 192.168.50.32/28",
              permission_groups="AnonymousUsers"),
        _scanners("MB-EX16-01"),
        _scanners("MB-EX16-02"),
        _recv("Relay ERP", "MB-EX16-02", bindings="10.30.1.6:25; [2001:db8:30::6]:25",
              remote_ip_ranges="10.30.9.10 - 10.30.9.19", permission_groups="AnonymousUsers"),
        _recv("Relay Waage", "MB-EX13", remote_ip_ranges="10.30.7.40",
              permission_groups="AnonymousUsers"),
        {"name": "Inbound from 7a1b", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.70",
         "tls_certificate": "mail.moselbrau.de"},
    ],
    "relay_client": [
        {"name": "Scanner Sudhaus", "host": "10.30.5.11", "connector": "Relay Scanner",
         "owner": "Brauerei-IT"},
        {"name": "Scanner Versand", "host": "10.30.5.12", "connector": "Relay Scanner",
         "owner": "Logistik"},
        {"name": "Webshop", "host": "192.168.50.20", "connector": "Relay DMZ",
         "server": "MB-EDGE16", "owner": "E-Commerce"},
        {"name": "ERP Braumeister", "host": "10.30.9.15", "connector": "Relay ERP",
         "server": "MB-EX16-02", "owner": "ERP-Team"},
    ],
    "namespace": [
        {"name": "mail.moselbrau.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "MB-EX16-01; MB-EX16-02", "certificate": "mail.moselbrau.de"},
        {"name": "autodiscover.moselbrau.de", "services": "Autodiscover",
         "servers": "MB-EX16-01; MB-EX16-02", "certificate": "mail.moselbrau.de"},
    ],
}


def main() -> None:
    """Write tests/estates/mailflow-moselbrau/inventory.xlsx."""
    folder = HERE / "mailflow-moselbrau"
    folder.mkdir(exist_ok=True)
    settings = project("Moselbräu", date(2027, 2, 1), "RP",
                       [{"name": "K. Wagner", "days_per_week": 5}])
    write_template(folder / "inventory.xlsx", MOSELBRAU, settings)


if __name__ == "__main__":
    main()
