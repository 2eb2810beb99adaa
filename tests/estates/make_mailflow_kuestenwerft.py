"""Write the unseen estate ``mailflow-kuestenwerft``.

Run: ``python -m tests.estates.make_mailflow_kuestenwerft``.

Mail flow on a shape no other estate has: one standalone 2016 server holds every client
namespace, the public-folder and arbitration mailboxes and a custom relay connector whose
name begins like a default one ("Default Relay") admitting an address range written with a
dash; a 2019 CU14 Edge that stays carries inbound internet mail; a 2019 CU15 DAG stays; new
servers are named by the project's pattern.
"""

from __future__ import annotations

from datetime import date

from planner.core.importing.template import write_template
from tests.estates.make_estates import CU14, CU15, E16, HERE, Rows, _recv, _srv, project

_D = "werft.local"

KUESTENWERFT: Rows = {
    "organization": [{"customer": "Küstenwerft Emden GmbH", "hybrid": True,
                      "tenant": "kuestenwerft.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Emden", "internet_facing": True, "country": "DE", "subdivision": "NI",
              "timezone": "Europe/Berlin"}],
    "server": [
        _srv("KW-EX16", "Emden", E16, "Windows Server 2016", _D,
             roles="Mailbox", mailbox_count=210, mailbox_data_gb=520,
             arbitration_mailboxes=8, public_folder_mailboxes=3),
        _srv("KW-EX19-01", "Emden", CU15, "Windows Server 2022", _D, dag="KW-DAG19",
             mailbox_count=150, mailbox_data_gb=300),
        _srv("KW-EX19-02", "Emden", CU15, "Windows Server 2022", _D, dag="KW-DAG19",
             mailbox_count=140, mailbox_data_gb=280),
        {"name": "KW-EDGE19", "fqdn": "kw-edge19.dmz.kuestenwerft.de", "site": "Emden",
         "roles": "Edge", "build": CU14, "os": "Windows Server 2019", "virtual": False},
    ],
    "dag": [{"name": "KW-DAG19", "members": "KW-EX19-01; KW-EX19-02", "witness": "KW-FS01"}],
    "database": [
        {"name": "DB16", "server": "KW-EX16", "size_gb": 520, "mailbox_count": 210},
        {"name": "DB19-1", "dag": "KW-DAG19", "size_gb": 300, "mailbox_count": 150},
        {"name": "DB19-2", "dag": "KW-DAG19", "size_gb": 280, "mailbox_count": 140},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 5d6e", "type": "send",
         "servers": "KW-EX16; KW-EX19-01", "address_spaces": "kuestenwerft.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.kuestenwerft.de"},
        {"name": "EdgeSync - Emden to Internet", "type": "send", "servers": "KW-EDGE19",
         "address_spaces": "*"},
        {"name": "KW-EDGE19", "type": "edge_subscription", "servers": "KW-EDGE19",
         "site": "Emden"},
        _recv("Default Frontend KW-EX16", "KW-EX16"),
        _recv("Default KW-EX16", "KW-EX16", 2525),
        _recv("Client Proxy KW-EX16", "KW-EX16", 465),
        _recv("Default internal receive connector KW-EDGE19", "KW-EDGE19"),
        _recv("Default Relay", "KW-EX16", remote_ip_ranges="10.1.1.10-10.1.1.20; 10.1.2.5",
              permission_groups="AnonymousUsers"),
        {"name": "Inbound from 5d6e", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.55",
         "tls_certificate": "mail.kuestenwerft.de"},
    ],
    "relay_client": [
        {"name": "Plotter Konstruktion", "host": "10.1.1.12", "connector": "Default Relay",
         "server": "KW-EX16", "owner": "Konstruktion"},
        {"name": "Scanner Werfthalle", "host": "10.1.1.15", "connector": "Default Relay",
         "server": "KW-EX16", "owner": "Werftbetrieb"},
        {"name": "Zeiterfassung", "host": "10.1.2.5", "connector": "Default Relay",
         "server": "KW-EX16", "owner": "Personal"},
    ],
    "namespace": [
        {"name": "mail.kuestenwerft.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "KW-EX16", "certificate": "mail.kuestenwerft.de"},
        {"name": "autodiscover.kuestenwerft.de", "services": "Autodiscover", "servers": "KW-EX16",
         "certificate": "mail.kuestenwerft.de"},
    ],
}


def main() -> None:
    """Write tests/estates/mailflow-kuestenwerft/inventory.xlsx."""
    folder = HERE / "mailflow-kuestenwerft"
    folder.mkdir(exist_ok=True)
    settings = project("Küstenwerft", date(2027, 2, 1), "NI",
                       [{"name": "J. Visser", "days_per_week": 5}])
    settings["naming"] = {"new_server": "{site}-EXSE{n:02}"}
    write_template(folder / "inventory.xlsx", KUESTENWERFT, settings)


if __name__ == "__main__":
    main()
