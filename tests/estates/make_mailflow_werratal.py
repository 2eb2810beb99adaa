"""Write the unseen estate ``mailflow-werratal`` (inventory and transport logs).

Run: ``python -m tests.estates.make_mailflow_werratal``.

Mail flow on a shape no other estate has: two Internet-facing sites (Kassel, Fulda), each
with its own Exchange 2016 DAG, and a third site that is not (Eschwege) with a standalone
2016 server. An Exchange 2013 server in Kassel alone holds Autodiscover and shares
mail.werratal.de with the Kassel DAG; Fulda has a namespace of its own
(fulda.werratal.de). A 2019 CU14 server in Fulda stays (upgraded in place). A 2016 Edge
subscribed to Fulda carries inbound internet mail; the hybrid send connector and the
internet send connector are on the Kassel DAG. "Relay Scanner" on both Kassel members admits
two scanners and a /24; the SMTP Receive logs of KS-EX16-01 show one client in the /24 that
nobody listed and an application on the 2013 server's relay. Arbitration and audit-log
mailboxes sit on the 2013 server and on the Kassel DAG, public folders on the Fulda DAG.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from planner.core.importing.template import write_template
from tests.estates.make_estates import CU14, E13, E16, HERE, Rows, _recv, _srv, project
from tests.transport_log_maker import RECV_FIELDS, SOFTWARE

_D = "werratal.local"

WERRATAL: Rows = {
    "organization": [{"customer": "Werratal Kali GmbH", "hybrid": True,
                      "tenant": "werratal.onmicrosoft.com", "forest": _D}],
    "site": [{"name": "Kassel", "internet_facing": True, "country": "DE", "subdivision": "HE",
              "timezone": "Europe/Berlin"},
             {"name": "Fulda", "internet_facing": True, "country": "DE", "subdivision": "HE",
              "timezone": "Europe/Berlin"},
             {"name": "Eschwege", "internet_facing": False, "country": "DE",
              "subdivision": "HE", "timezone": "Europe/Berlin"}],
    "server": [
        _srv("KS-EX13", "Kassel", E13, "Windows Server 2012 R2", _D,
             roles="Mailbox, ClientAccess", mailbox_count=25, mailbox_data_gb=48,
             arbitration_mailboxes=6),
        _srv("KS-EX16-01", "Kassel", E16, "Windows Server 2016", _D, dag="KS-DAG",
             mailbox_count=410, mailbox_data_gb=820, arbitration_mailboxes=4,
             public_folder_mailboxes=0),
        _srv("KS-EX16-02", "Kassel", E16, "Windows Server 2016", _D, dag="KS-DAG",
             mailbox_count=390, mailbox_data_gb=780, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
        _srv("FD-EX16-01", "Fulda", E16, "Windows Server 2016", _D, dag="FD-DAG",
             mailbox_count=220, mailbox_data_gb=410, arbitration_mailboxes=0,
             public_folder_mailboxes=2),
        _srv("FD-EX16-02", "Fulda", E16, "Windows Server 2016", _D, dag="FD-DAG",
             mailbox_count=200, mailbox_data_gb=380, arbitration_mailboxes=0,
             public_folder_mailboxes=1),
        _srv("FD-EX19", "Fulda", CU14, "Windows Server 2022", _D,
             mailbox_count=60, mailbox_data_gb=120),
        _srv("ES-EX16", "Eschwege", E16, "Windows Server 2016", _D,
             mailbox_count=70, mailbox_data_gb=95, arbitration_mailboxes=0,
             public_folder_mailboxes=0),
        {"name": "FD-EDGE", "fqdn": "fd-edge.dmz.werratal.de", "site": "Fulda",
         "roles": "Edge", "build": E16, "os": "Windows Server 2016", "virtual": True},
    ],
    "dag": [{"name": "KS-DAG", "members": "KS-EX16-01; KS-EX16-02", "witness": "KS-FS01"},
            {"name": "FD-DAG", "members": "FD-EX16-01; FD-EX16-02", "witness": "FD-FS01"}],
    "database": [
        {"name": "DB13", "server": "KS-EX13", "size_gb": 48, "mailbox_count": 25},
        {"name": "KS-DB1", "dag": "KS-DAG", "size_gb": 820, "mailbox_count": 410},
        {"name": "KS-DB2", "dag": "KS-DAG", "size_gb": 780, "mailbox_count": 390},
        {"name": "FD-DB1", "dag": "FD-DAG", "size_gb": 410, "mailbox_count": 220},
        {"name": "FD-DB2", "dag": "FD-DAG", "size_gb": 380, "mailbox_count": 200},
        {"name": "FD-DB19", "server": "FD-EX19", "size_gb": 120, "mailbox_count": 60},
        {"name": "ES-DB", "server": "ES-EX16", "size_gb": 95, "mailbox_count": 70},
    ],
    "connector": [
        {"name": "Outbound to Office 365 - 5a1f", "type": "send",
         "servers": "KS-EX16-01; KS-EX16-02", "address_spaces": "werratal.mail.onmicrosoft.com",
         "cloud_mail_enabled": True, "tls_certificate": "mail.werratal.de"},
        {"name": "Internet Kassel", "type": "send", "servers": "KS-EX16-01; KS-EX16-02",
         "address_spaces": "*"},
        {"name": "FD-EDGE", "type": "edge_subscription", "servers": "FD-EDGE", "site": "Fulda"},
        {"name": "EdgeSync - Fulda to Internet", "type": "send", "servers": "FD-EDGE",
         "address_spaces": "*"},
        _recv("Default Frontend KS-EX16-01", "KS-EX16-01", tls_certificate="mail.werratal.de"),
        _recv("Default Frontend KS-EX16-02", "KS-EX16-02", tls_certificate="mail.werratal.de"),
        _recv("Default Frontend FD-EX16-01", "FD-EX16-01"),
        _recv("Default Frontend FD-EX16-02", "FD-EX16-02"),
        _recv("Client Frontend KS-EX16-01", "KS-EX16-01", 587),
        _recv("Default KS-EX13", "KS-EX13", 2525),
        _recv("Default internal receive connector FD-EDGE", "FD-EDGE"),
        *(_recv("Relay Scanner", s, remote_ip_ranges="10.40.1.20; 10.40.1.21; 10.40.2.0/24",
                permission_groups="AnonymousUsers", auth_mechanism="None")
          for s in ("KS-EX16-01", "KS-EX16-02")),
        _recv("Relay Lohn", "KS-EX13", remote_ip_ranges="10.40.9.30",
              permission_groups="AnonymousUsers", auth_mechanism="None"),
        *(_recv("Partner Spedition", s, remote_ip_ranges="198.51.100.24",
                permission_groups="Partners", auth_mechanism="Tls",
                tls_certificate="mail.werratal.de") for s in ("FD-EX16-01", "FD-EX16-02")),
        {"name": "Inbound from 5a1f", "type": "exo_inbound", "remote_ip_ranges": "203.0.113.90",
         "tls_certificate": "mail.werratal.de"},
    ],
    "relay_client": [
        {"name": "Scanner Werk 1", "host": "10.40.1.20", "connector": "Relay Scanner",
         "server": "KS-EX16-01", "owner": "Werks-IT"},
        {"name": "Scanner Werk 2", "host": "10.40.1.21", "connector": "Relay Scanner",
         "server": "KS-EX16-02", "owner": "Werks-IT"},
    ],
    "namespace": [
        {"name": "mail.werratal.de", "services": "OWA; EAS; EWS; MAPI; OAB",
         "servers": "KS-EX13; KS-EX16-01; KS-EX16-02", "load_balancer": "F5 ks-lb",
         "certificate": "mail.werratal.de"},
        {"name": "autodiscover.werratal.de", "services": "Autodiscover", "servers": "KS-EX13",
         "load_balancer": "F5 ks-lb", "certificate": "mail.werratal.de"},
        {"name": "fulda.werratal.de", "services": "OWA; EAS; EWS; MAPI",
         "servers": "FD-EX16-01; FD-EX16-02", "load_balancer": "F5 fd-lb",
         "certificate": "mail.werratal.de"},
    ],
}

# (server, its IP and FQDN, connector, client IP, EHLO, sessions a day)
_SESSIONS = (
    ("KS-EX16-01", "10.40.0.11", "ks-ex16-01.werratal.local", "Relay Scanner", "10.40.1.20",
     "SCAN-W1", 6),
    ("KS-EX16-01", "10.40.0.11", "ks-ex16-01.werratal.local", "Relay Scanner", "10.40.2.55",
     "label-printer-07.werratal.local", 4),
    ("KS-EX13", "10.40.0.5", "ks-ex13.werratal.local", "Relay Lohn", "10.40.9.30",
     "lohn01.werratal.local", 3),
)


def _session(when: datetime, sid: int, server: tuple[str, str, str], connector: str,
             client: tuple[str, str]) -> list[str]:
    """One anonymous relay session as SMTP Receive protocol log lines."""
    name, ip, fqdn = server
    events = [("+", "", ""), (">", f"220 {fqdn} Microsoft ESMTP MAIL Service ready", ""),
              ("<", f"EHLO {client[1]}", ""), (">", f"250-{fqdn} Hello [{client[0]}]", ""),
              ("<", "MAIL FROM:<noreply@werratal.de>", ""), (">", "250 2.1.0 Sender OK", ""),
              ("<", "RCPT TO:<postfach@werratal.de>", ""), (">", "250 2.1.5 Recipient OK", ""),
              ("<", "DATA", ""), (">", "250 2.6.0 Queued mail for delivery", ""),
              ("<", "QUIT", ""), ("-", "", "Local")]
    out = []
    for seq, (ev, data, ctx) in enumerate(events):
        t = when + timedelta(milliseconds=40 * seq)
        stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        out.append(f"{stamp},{name}\\{connector},{sid:016X},{seq},{ip}:25,"
                   f"{client[0]}:{40000 + seq},{ev},{data},{ctx}")
    return out


def write_transport_logs(folder: Path, days: int = 3) -> None:
    """SMTP Receive protocol logs of KS-EX16-01 and KS-EX13 for ``days`` days."""
    sid = 0x08DD100000000000
    for d in range(days):
        day = date(2026, 11, 9) + timedelta(days=d)
        logs: dict[str, list[str]] = {}
        for server, ip, fqdn, connector, client, ehlo, per_day in _SESSIONS:
            for n in range(per_day):
                sid += 1
                when = datetime(day.year, day.month, day.day, 7 + n, 5 * n)
                logs.setdefault(server, []).extend(
                    _session(when, sid, (server, ip, fqdn), connector, (client, ehlo)))
        for server, lines in logs.items():
            midnight = f"{day:%Y-%m-%d}T00:00:00.000Z"
            header = [SOFTWARE, "#Version: 15.0.0.0", "#Log-type: SMTP Receive Protocol Log",
                      f"#Date: {midnight}", f"#Fields: {RECV_FIELDS}"]
            path = folder / server / f"RECV{day:%Y%m%d}00-1.LOG"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\r\n".join([*header, *sorted(lines)]) + "\r\n", encoding="utf-8")


def main() -> None:
    """Write tests/estates/mailflow-werratal/inventory.xlsx and its transport logs."""
    folder = HERE / "mailflow-werratal"
    folder.mkdir(exist_ok=True)
    settings = project("Werratal Kali", date(2027, 1, 11), "HE",
                       [{"name": "K. Eisenach", "days_per_week": 5},
                        {"name": "L. Rotenburg", "days_per_week": 3}])
    settings["naming"] = {"new_server": "{site}-EXSE{n:02}"}
    write_template(folder / "inventory.xlsx", WERRATAL, settings)
    write_transport_logs(folder / "transport-logs")


if __name__ == "__main__":
    main()
