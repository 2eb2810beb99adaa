"""Write the unseen estate ``alpenglas`` (inventory, transport logs, Exchange Online report).

Run: ``python -m tests.estates.make_alpenglas [outdir]`` (default: tests/estates/alpenglas).

Alpenglas AG, glass manufacturer, three sites in two countries:
Linz (AT-4, Upper Austria, Internet-facing), Graz (AT-6, Styria) and Zürich (CH-ZH,
Internet-facing for the Swiss domain). A stretched 2019 CU14 DAG (DAG-AT: two members in
Linz, two in Graz, witness in Zürich), a 2016 CU23 DAG in Zürich (three members), a 2019
CU13 journaling server in Graz, an Exchange 2013 server in Linz that still hosts the public
folder mailboxes, the SMTP relay of the ERP and the arbitration mailboxes, and an Edge 2016
in Linz's DMZ subscribed to Linz. Hybrid: the Office 365 send connector is on the two Linz
members and the two first Zürich members. Relay clients: scanners in Linz and Zürich, SAP
ERP on the 2013 server, PRTG in Graz. The logs show a SAP QA system and a label printer
nobody listed. Exchange Online's report: LNZ-EX19-01 throttled since 25 Nov 2026.
Project: 2 consultants (one 3 days a week), Christmas freeze, Saturday windows.
"""
# ruff: noqa: E501  (the estate is data: one server, connector or log line per row)
from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "alpenglas"
D = "alpenglas.local"
CU14 = "15.2.1544.36"      # 2019 CU14 Oct25SU
CU14_OLD = "15.2.1544.25"  # 2019 CU14 Apr25HU
CU13 = "15.2.1258.39"      # 2019 CU13 Nov24SUv2
E16 = "15.1.2507.61"       # 2016 CU23 Oct25SU
E13 = "15.0.1497.48"       # 2013 CU23 Mar23SU

SERVER_COLS = ["Name", "FQDN", "Site", "Roles", "Build", "OS", "DAG", "Virtual", "Mailboxes",
               "MailboxDataGB", "ArbitrationMailboxes", "PublicFolderMailboxes", "DotNet",
               "SendsToEXO", "ExtendedProtection", "Notes"]


def srv(name, site, build, os_, dag=None, mbx=None, gb=None, arb=None, pf=None, roles="Mailbox",
        notes=None, fqdn=None, ep=None):
    return [name, fqdn or f"{name.lower()}.{D}", site, roles, build, os_, dag, "yes", mbx, gb,
            arb, pf, "4.8.1", None, ep, notes]


SHEETS = {
    "Organization": [["Customer", "Hybrid", "Tenant", "Forest"],
                     ["Alpenglas AG", "yes", "alpenglas.onmicrosoft.com", D]],
    "Sites": [["Site", "InternetFacing", "Country", "State", "TimeZone"],
              ["Linz", "yes", "AT", "4", "Europe/Vienna"],
              ["Graz", "no", "AT", "6", "Europe/Vienna"],
              ["Zuerich", "yes", "CH", "ZH", "Europe/Zurich"]],
    "Servers": [SERVER_COLS,
                srv("LNZ-EX19-01", "Linz", CU14, "Windows Server 2022 Standard", "DAG-AT", 380, 720, 0, 0, ep="yes"),
                srv("LNZ-EX19-02", "Linz", CU14, "Windows Server 2022 Standard", "DAG-AT", 370, 700, 0, 0, ep="yes"),
                srv("GRZ-EX19-01", "Graz", CU14_OLD, "Windows Server 2019 Standard", "DAG-AT", 260, 480, 0, 0, ep="yes"),
                srv("GRZ-EX19-02", "Graz", CU14_OLD, "Windows Server 2019 Standard", "DAG-AT", 250, 460, 0, 0, ep="yes"),
                srv("GRZ-EX19-JRN", "Graz", CU13, "Windows Server 2019 Standard", None, 2, 350, 0, 0,
                    notes="Journaling mailbox (Revisionsarchiv), 350 GB"),
                srv("ZRH-EX16-01", "Zuerich", E16, "Windows Server 2016 Standard", "DAG-CH", 210, 390, 0, 0),
                srv("ZRH-EX16-02", "Zuerich", E16, "Windows Server 2016 Standard", "DAG-CH", 200, 380, 0, 0),
                srv("ZRH-EX16-03", "Zuerich", E16, "Windows Server 2016 Standard", "DAG-CH", 0, 0, 0, 0,
                    notes="Passive copies only"),
                srv("LNZ-EX13-PF", "Linz", E13, "Windows Server 2012 R2 Standard", None, 0, 0, 5, 3,
                    roles="Mailbox, ClientAccess",
                    notes="Public folders (3 PF mailboxes, 85 GB), arbitration mailboxes, SAP relay"),
                srv("LNZ-EDGE01", "Linz", E16, "Windows Server 2016 Standard", roles="Edge",
                    fqdn="lnz-edge01.dmz.alpenglas.at")],
    "DAGs": [["Name", "Members", "Witness"],
             ["DAG-AT", "LNZ-EX19-01; LNZ-EX19-02; GRZ-EX19-01; GRZ-EX19-02", "ZRH-FS01"],
             ["DAG-CH", "ZRH-EX16-01; ZRH-EX16-02; ZRH-EX16-03", "ZRH-FS02"]],
    "Databases": [["Name", "Server", "DAG", "ServerOrDAG", "SizeGB", "Mailboxes"],
                  ["DB-LNZ-01", None, "DAG-AT", None, 720, 380],
                  ["DB-LNZ-02", None, "DAG-AT", None, 700, 370],
                  ["DB-GRZ-01", None, "DAG-AT", None, 480, 260],
                  ["DB-GRZ-02", None, "DAG-AT", None, 460, 250],
                  ["DB-JRN", "GRZ-EX19-JRN", None, None, 350, 2],
                  ["DB-ZRH-01", None, "DAG-CH", None, 390, 210],
                  ["DB-ZRH-02", None, "DAG-CH", None, 380, 200],
                  ["DB-PF13", "LNZ-EX13-PF", None, None, 85, 0]],
    "Connectors": [["Name", "Type", "Servers", "AddressSpaces", "SmartHosts", "RemoteIPRanges",
                    "FQDN", "CloudServicesMailEnabled", "TlsCertificate", "Site", "Bindings",
                    "PermissionGroups", "AuthMechanism"],
                   ["Outbound to Office 365 - 7c2e", "send",
                    "LNZ-EX19-01; LNZ-EX19-02; ZRH-EX16-01; ZRH-EX16-02",
                    "alpenglas.mail.onmicrosoft.com", None, None, "mail.alpenglas.at", "yes",
                    "mail.alpenglas.at", None, None, None, None],
                   ["EdgeSync - Linz to Internet", "send", "LNZ-EDGE01", "*", None, None, None,
                    "no", None, None, None, None, None],
                   ["LNZ-EDGE01", "edge_subscription", "LNZ-EDGE01", None, None, None, None,
                    None, None, "Linz", None, None, None],
                   ["Internet Zuerich", "send", "ZRH-EX16-01; ZRH-EX16-02", "alpenglas.ch", None,
                    None, None, "no", None, None, None, None, None],
                   ["Partner TLS Glaswerk Hall", "send", "LNZ-EX13-PF", "glaswerk-hall.example.at",
                    "mx.glaswerk-hall.example.at", None, None, "no", "mail.alpenglas.at", None,
                    None, None, None],
                   ["Inbound from 7c2e", "exo_inbound", None, None, None, "203.0.113.44", None,
                    None, "mail.alpenglas.at", None, None, None, None],
                   ["Relay Scanner LNZ", "receive", "LNZ-EX19-01", None, None, "10.10.20.0/24",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Relay Scanner LNZ", "receive", "LNZ-EX19-02", None, None, "10.10.20.0/24",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Relay ERP", "receive", "LNZ-EX13-PF", None, None, "10.10.50.10; 10.10.50.11",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Relay Monitoring", "receive", "GRZ-EX19-01", None, None, "10.20.5.15",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Relay Scanner ZRH", "receive", "ZRH-EX16-01", None, None, "10.30.20.0/24",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Relay Scanner ZRH", "receive", "ZRH-EX16-02", None, None, "10.30.20.0/24",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"]],
    "RelayClients": [["Name", "Host", "Connector", "Server", "Owner"],
                     ["SAP ERP PRD", "10.10.50.10", "Relay ERP", "LNZ-EX13-PF", "SAP Basis"],
                     ["Scanner Linz Halle 2", "10.10.20.31", "Relay Scanner LNZ", "LNZ-EX19-01", "Werks-IT Linz"],
                     ["PRTG Monitoring", "10.20.5.15", "Relay Monitoring", "GRZ-EX19-01", "IT Betrieb"],
                     ["Scanner Zuerich Buero", "10.30.20.12", "Relay Scanner ZRH", "ZRH-EX16-01", "IT Schweiz"]],
    "Namespaces": [["Name", "Services", "Servers", "LoadBalancer", "Certificate"],
                   ["mail.alpenglas.at", "OWA; EAS; EWS; MAPI; OAB",
                    "LNZ-EX19-01; LNZ-EX19-02; GRZ-EX19-01; GRZ-EX19-02", "KEMP LNZ-LB",
                    "mail.alpenglas.at"],
                   ["autodiscover.alpenglas.at", "Autodiscover", "LNZ-EX13-PF; LNZ-EX19-01; LNZ-EX19-02",
                    "KEMP LNZ-LB", "mail.alpenglas.at"],
                   ["mail.alpenglas.ch", "OWA; EAS; EWS; MAPI; OAB; Autodiscover",
                    "ZRH-EX16-01; ZRH-EX16-02", "KEMP ZRH-LB", "mail.alpenglas.ch"],
                   ["smtp.alpenglas.local", "SMTP", "LNZ-EX19-01; LNZ-EX19-02", "KEMP LNZ-LB", None]],
    "Project": [["Key", "Value", "Description / Beschreibung"],
                ["project.customer", "Alpenglas AG", None],
                ["project.start", datetime(2026, 12, 14), None],
                ["project.as_of", datetime(2026, 12, 7), None],
                ["project.country", "AT", None],
                ["project.subdivision", "4", None],
                ["project.language", "de", None],
                ["consultants.1.name", "A. Gruber", None],
                ["consultants.1.days_per_week", 5, None],
                ["consultants.2.name", "S. Bachmann", None],
                ["consultants.2.days_per_week", 3, None],
                ["consultants.2.absent", "[[2027-02-15, 2027-02-19]]", None],
                ["freezes.1.name", "Weihnachten / Jahresabschluss", None],
                ["freezes.1.start", datetime(2026, 12, 21), None],
                ["freezes.1.end", datetime(2027, 1, 8), None],
                ["windows.maintenance_days", '["Sat"]', None]],
}


def write_inventory(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in SHEETS.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    wb.save(path)


RECV_FIELDS = ("date-time,connector-id,session-id,sequence-number,local-endpoint,"
               "remote-endpoint,event,data,context")
# (server, server ip, fqdn, connector, client ip, ehlo, sessions a day)
SESSIONS = (
    ("LNZ-EX13-PF", "10.10.0.13", f"lnz-ex13-pf.{D}", "Relay ERP", "10.10.50.10", "sapprd01", 8),
    ("LNZ-EX13-PF", "10.10.0.13", f"lnz-ex13-pf.{D}", "Relay ERP", "10.10.50.11", "sapqas01", 2),
    ("LNZ-EX19-01", "10.10.0.21", f"lnz-ex19-01.{D}", "Relay Scanner LNZ", "10.10.20.31", "SCAN-H2", 5),
    ("GRZ-EX19-01", "10.20.0.21", f"grz-ex19-01.{D}", "Relay Monitoring", "10.20.5.15", "prtg01", 12),
    ("ZRH-EX16-01", "10.30.0.21", f"zrh-ex16-01.{D}", "Relay Scanner ZRH", "10.30.20.12", "SCAN-ZH-1", 4),
    ("ZRH-EX16-01", "10.30.0.21", f"zrh-ex16-01.{D}", "Relay Scanner ZRH", "10.30.20.77", "zebra-lager-03", 6),
)


def session(when, sid, server, connector, client):
    name, ip, fqdn = server
    events = [("+", "", ""), (">", f"220 {fqdn} Microsoft ESMTP MAIL Service ready", ""),
              ("<", f"EHLO {client[1]}", ""), (">", f"250-{fqdn} Hello [{client[0]}]", ""),
              ("<", "MAIL FROM:<noreply@alpenglas.at>", ""), (">", "250 2.1.0 Sender OK", ""),
              ("<", "RCPT TO:<versand@alpenglas.at>", ""), (">", "250 2.1.5 Recipient OK", ""),
              ("<", "DATA", ""), (">", "250 2.6.0 Queued mail for delivery", ""),
              ("<", "QUIT", ""), ("-", "", "Local")]
    out = []
    for seq, (ev, data, ctx) in enumerate(events):
        t = when + timedelta(milliseconds=40 * seq)
        stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        out.append(f"{stamp},{name}\\{connector},{sid:016X},{seq},{ip}:25,"
                   f"{client[0]}:{40000 + seq},{ev},{data},{ctx}")
    return out


def write_logs(folder: Path, days: int = 3) -> None:
    sid = 0x08DE200000000000
    for d in range(days):
        day = date(2026, 11, 23) + timedelta(days=d)
        logs: dict[str, list[str]] = {}
        for server, ip, fqdn, connector, client, ehlo, per_day in SESSIONS:
            for n in range(per_day):
                sid += 1
                when = datetime(day.year, day.month, day.day, 6 + n, 3 * n)
                logs.setdefault(server, []).extend(
                    session(when, sid, (server, ip, fqdn), connector, (client, ehlo)))
        for server, lines in logs.items():
            lines.sort()
            sub = folder / server
            sub.mkdir(parents=True, exist_ok=True)
            header = ["#Software: Microsoft Exchange Server", "#Version: 15.0.0.0",
                      "#Log-type: SMTP Receive Protocol Log",
                      f"#Date: {day:%Y-%m-%d}T00:00:00.000Z", f"#Fields: {RECV_FIELDS}"]
            (sub / f"RECV{day:%Y%m%d}00-1.LOG").write_text(
                "\r\n".join(header + lines) + "\r\n", encoding="utf-8")


def write_exo_report(path: Path) -> None:
    rec = "{15.2.2562.46, 15.02.2562.046}"
    rows = [
        ("lnz-ex19-01.alpenglas.local", CU14, "10/26/2026 12:00:00 AM", "11/25/2026 12:00:00 AM",
         "", "LNZ-EX19-01", rec, "20", "0", "12/15/2026 12:00:00 AM"),
        ("lnz-ex19-02.alpenglas.local", CU14, "11/16/2026 12:00:00 AM", "", "",
         "LNZ-EX19-02", rec, "5", "0", "12/16/2026 12:00:00 AM"),
        ("zrh-ex16-01.alpenglas.local", E16, "11/30/2026 12:00:00 AM", "", "",
         "ZRH-EX16-01", rec, "5", "0", "12/30/2026 12:00:00 AM"),
        ("zrh-ex16-02.alpenglas.local", E16, "11/30/2026 12:00:00 AM", "", "",
         "ZRH-EX16-02", rec, "5", "0", "12/30/2026 12:00:00 AM"),
    ]
    cols = ["ServerFQDN", "Build", "FirstDetectedDate", "ThrottleEnabledDate",
            "BlockingEnabledDate", "ExchangeServer", "RecommendedBuildVersions",
            "NextStageThrottleRate", "NextStageBlockRate", "NextStageStartDate"]
    lines = ['#TYPE Selected.Microsoft.Exchange.Management.OnPremServerReportInfo',
             ",".join(f'"{c}"' for c in cols)]
    lines += [",".join(f'"{v}"' for v in r) for r in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_inventory(OUT / "inventory.xlsx")
    write_logs(OUT / "transport-logs")
    write_exo_report(OUT / "exo-report.csv")
    print("written to", OUT)
