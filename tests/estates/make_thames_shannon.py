"""Write the unseen estate ``thames-shannon`` (a consultant's review, 2026-12-07).

Run: ``python -m tests.estates.make_thames_shannon [outdir]`` (default:
tests/estates/thames-shannon). Deterministic: the same inputs on every run (the workbook's
document dates are fixed), so the committed files can be regenerated and compared.

Why: the review found a class of defect per finding (tests/e2e/test_thames_shannon.py):
contradictory builds in decommission steps, a monthly payroll run described as a daily
average, a relay client listed by an IP range that the logs' printers did not match, decision
dates after the step that needs them, old build knowledge presented as current, an Edge
connector set before its certificate, wording (number agreement, duplicates, counts, date
drivers, public folder order) and an undocumented Microsoft behaviour stated as fact.

Thames & Shannon Foods Ltd, food manufacturer, UK and Ireland, three sites:
London (GB-ENG, Internet-facing, DMZ with an Edge), Edinburgh (GB-SCT), Cork (IE).

- LON-DAG01: three Exchange 2016 CU23 members in London, six databases, about 2,500
  mailboxes. LON-EX16-01 (Nov24SUv2) and LON-EX16-02 (Apr25HU) are the source servers of
  the HCW send connector to Exchange Online; LON-EX16-03 (Nov24SUv2) carries no EXO mail.
- EDI-EX19-01: Exchange 2019 CU14 Nov24SUv2 (no Apr25HU, no Oct25SU), standalone, Edinburgh.
- CRK-EX19-01: Exchange 2019 CU15 Oct25SU, standalone, Cork, with a relay connector for the
  Cork office scanners.
- LON-EX13-01: Exchange 2013 CU23 Mar23SU, London, the last 2013 server: 4 public folder
  mailboxes (140 GB), the "Legacy Relay" receive connector (Zebra label printers in
  despatch by IP range, the ERP (Dynamics AX) AOS, the monthly payroll job nobody listed)
  and a TLS send connector to the payroll bureau.
- LON-EDGE01: Edge 2016 CU23 Oct25SU in London's DMZ, subscribed to London, MX target.
- Hybrid with thamesshannon.onmicrosoft.com (HCW 2020).
- Exchange Online report (Get-OnPremServerReportInfo | Export-Csv on an en-GB machine,
  day/month dates): LON-EX16-01 detected 28/10/2026, throttled since 27/11/2026, next stage
  (10 minutes an hour) 07/12/2026; LON-EX16-02 detected 16/11/2026, reported only.
- SMTP Receive protocol logs 2026-11-16 .. 2026-12-04 of LON-EX13-01, LON-EX16-02 and
  CRK-EX19-01: printers, ERP, the payroll job (only on 26 Nov, payday run), a multifunction
  printer submitting anonymously to LON-EX16-02's Default Frontend (not listed), the
  building management system's weekly report (Mondays), two Cork scanners (listed as one
  client by the range "10.40.20.10 - 20"), Exchange Online's inbound hybrid mail on
  LON-EX16-02.
- settings.toml: as of Monday 2026-12-07, start 2026-12-08, GB/ENG, two consultants
  (one 3 days a week, absent at half-term), Christmas freeze and financial-year-end freeze,
  Saturday windows, 40 pause days used in 2026.
"""
# ruff: noqa: E501  (the estate is data)
from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.estates.estate_files import (  # noqa: E402
    SERVER_COLS,
    server_row,
    smtp_session,
    write_receive_logs,
    write_workbook,
)

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "thames-shannon"
D = "tsfoods.local"
E16_NOV24 = "15.1.2507.44"   # 2016 CU23 Nov24SUv2
E16_APR25 = "15.1.2507.55"   # 2016 CU23 Apr25HU
E16_OCT25 = "15.1.2507.61"   # 2016 CU23 Oct25SU
CU14_NOV24 = "15.2.1544.14"  # 2019 CU14 Nov24SUv2 (before Apr25HU)
CU15_OCT25 = "15.2.1748.39"  # 2019 CU15 Oct25SU
E13 = "15.0.1497.48"         # 2013 CU23 Mar23SU
CERT = "mail.tsfoods.co.uk (Sectigo OV SAN, exp. 2027-02-26)"

def srv(*args, **kw):
    """A Servers row of this estate (its domain, .NET 4.8 unless given)."""
    return server_row(D, *args, **{"net": "4.8", **kw})


SHEETS = {
    "Organization": [["Customer", "Hybrid", "Tenant", "Forest"],
                     ["Thames & Shannon Foods Ltd", "yes", "thamesshannon.onmicrosoft.com", D]],
    "Sites": [["Site", "InternetFacing", "Country", "State", "TimeZone"],
              ["London", "yes", "GB", "ENG", "Europe/London"],
              ["Edinburgh", "no", "GB", "SCT", "Europe/London"],
              ["Cork", "no", "IE", None, "Europe/Dublin"]],
    "Servers": [SERVER_COLS,
                srv("LON-EX16-01", "London", E16_NOV24, "Windows Server 2016 Standard", "LON-DAG01", 900, 1550, 6, 0, ep="no",
                    notes="Hybrid (HCW 2020), source of Outbound to Office 365"),
                srv("LON-EX16-02", "London", E16_APR25, "Windows Server 2016 Standard", "LON-DAG01", 850, 1450, 0, 0, ep="no",
                    notes="Hybrid (HCW 2020), source of Outbound to Office 365"),
                srv("LON-EX16-03", "London", E16_NOV24, "Windows Server 2016 Standard", "LON-DAG01", 750, 1300, 0, 0, ep="no"),
                srv("EDI-EX19-01", "Edinburgh", CU14_NOV24, "Windows Server 2019 Standard", None, 320, 410, 0, 0, ep="yes",
                    notes="Scottish sales office and bakery plant; Apr25HU never installed"),
                srv("CRK-EX19-01", "Cork", CU15_OCT25, "Windows Server 2022 Standard", None, 280, 350, 0, 0, ep="yes", net="4.8.1",
                    notes="Irish dairy plant; relay for office scanners"),
                srv("LON-EX13-01", "London", E13, "Windows Server 2012 R2 Standard", None, 0, 0, 0, 4,
                    roles="Mailbox, ClientAccess",
                    notes="Public folders (4 PF mailboxes, 140 GB), Legacy Relay for label printers and ERP, TLS send connector to payroll bureau"),
                srv("LON-EDGE01", "London", E16_OCT25, "Windows Server 2016 Standard", roles="Edge",
                    fqdn="lon-edge01.dmz.tsfoods.co.uk", notes="DMZ, MX target (mx1.tsfoods.co.uk)")],
    "DAGs": [["Name", "Members", "Witness"],
             ["LON-DAG01", "LON-EX16-01; LON-EX16-02; LON-EX16-03", "LON-FS01"]],
    "Databases": [["Name", "Server", "DAG", "ServerOrDAG", "SizeGB", "Mailboxes"],
                  ["LON-DB01", None, "LON-DAG01", None, 760, 440],
                  ["LON-DB02", None, "LON-DAG01", None, 790, 460],
                  ["LON-DB03", None, "LON-DAG01", None, 720, 420],
                  ["LON-DB04", None, "LON-DAG01", None, 730, 430],
                  ["LON-DB05", None, "LON-DAG01", None, 650, 380],
                  ["LON-DB06", None, "LON-DAG01", None, 650, 370],
                  ["EDI-DB01", "EDI-EX19-01", None, None, 410, 320],
                  ["CRK-DB01", "CRK-EX19-01", None, None, 350, 280],
                  ["LON-PFDB13", "LON-EX13-01", None, None, 140, 0]],
    "Connectors": [["Name", "Type", "Servers", "AddressSpaces", "SmartHosts", "RemoteIPRanges",
                    "FQDN", "CloudServicesMailEnabled", "TlsCertificate", "Site", "Bindings",
                    "PermissionGroups", "AuthMechanism"],
                   ["Outbound to Office 365 - 5f1c2a9e", "send", "LON-EX16-01; LON-EX16-02",
                    "thamesshannon.mail.onmicrosoft.com", None, None, "mail.tsfoods.co.uk", "yes",
                    "mail.tsfoods.co.uk", None, None, None, None],
                   ["EdgeSync - London to Internet", "send", "LON-EDGE01", "*", None, None, None,
                    "no", None, None, None, None, None],
                   ["LON-EDGE01", "edge_subscription", "LON-EDGE01", None, None, None, None,
                    None, None, "London", None, None, None],
                   ["Payroll Bureau TLS", "send", "LON-EX13-01", "payroll-bureau.example.co.uk",
                    "smtp.payroll-bureau.example.co.uk", None, "mail.tsfoods.co.uk", "no", "mail.tsfoods.co.uk", None,
                    None, None, None],
                   ["Default internal receive connector LON-EDGE01", "receive", "LON-EDGE01", None,
                    None, None, None, None, "mail.tsfoods.co.uk", None, "0.0.0.0:25", "AnonymousUsers; ExchangeServers; Partners", "Tls; ExchangeServer"],
                   ["Default Frontend LON-EX16-01", "receive", "LON-EX16-01", None, None, None, None,
                    None, "mail.tsfoods.co.uk", None, "0.0.0.0:25", "AnonymousUsers; ExchangeServers; ExchangeLegacyServers", "Tls; Integrated; BasicAuth; BasicAuthRequireTLS; ExchangeServer"],
                   ["Default Frontend LON-EX16-02", "receive", "LON-EX16-02", None, None, None, None,
                    None, "mail.tsfoods.co.uk", None, "0.0.0.0:25", "AnonymousUsers; ExchangeServers; ExchangeLegacyServers", "Tls; Integrated; BasicAuth; BasicAuthRequireTLS; ExchangeServer"],
                   ["Legacy Relay", "receive", "LON-EX13-01", None, None,
                    "10.20.40.0/24; 10.20.10.15; 10.20.10.40; 10.20.60.5", None, None, None, None,
                    "10.20.0.13:25", "AnonymousUsers", "None"],
                   ["Relay Cork Scanners", "receive", "CRK-EX19-01", None, None, "10.40.20.0/24",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Inbound from 5f1c2a9e", "exo_inbound", None, None, None, None, None,
                    None, "mail.tsfoods.co.uk", None, None, None, None],
                   ["Outbound to 5f1c2a9e", "exo_outbound", None, "tsfoods.co.uk; tsfoods.ie",
                    "mail.tsfoods.co.uk", None, None, None, "mail.tsfoods.co.uk", None, None, None, None]],
    "RelayClients": [["Name", "Host", "Connector", "Server", "Owner"],
                     ["Zebra label printers, Park Royal despatch", "10.20.40.0/24", "Legacy Relay", "LON-EX13-01", "Warehouse Systems"],
                     ["Dynamics AX AOS (ERP)", "10.20.10.15", "Legacy Relay", "LON-EX13-01", "ERP Team"],
                     ["Building management system", "10.20.60.5", "Legacy Relay", "LON-EX13-01", "Facilities"],
                     # a range by its last octet, as a customer's sheet writes it
                     ["Cork office scanners", "10.40.20.10 - 20", "Relay Cork Scanners", "CRK-EX19-01", "IT Cork"]],
    "Namespaces": [["Name", "Services", "Servers", "LoadBalancer", "Certificate"],
                   ["mail.tsfoods.co.uk", "OWA; EAS; EWS; MAPI; OAB; SMTP",
                    "LON-EX16-01; LON-EX16-02; LON-EX16-03", "F5 LON-LB01", CERT],
                   ["autodiscover.tsfoods.co.uk", "Autodiscover",
                    "LON-EX16-01; LON-EX16-02; LON-EX16-03", "F5 LON-LB01", CERT],
                   ["mail.tsfoods.ie", "OWA; EAS; EWS; MAPI; Autodiscover",
                    "CRK-EX19-01", None, "mail.tsfoods.ie (DigiCert, exp. 2027-09-30)"]],
}

SERVERS = {"LON-EX13-01": ("10.20.0.13", f"lon-ex13-01.{D}"),
           "LON-EX16-02": ("10.20.0.22", f"lon-ex16-02.{D}"),
           "CRK-EX19-01": ("10.40.0.21", f"crk-ex19-01.{D}")}
# (server, connector, client ip, ehlo, sessions per day, messages per session, days: 'wd' weekdays,
#  'all', or a set of dates, auth)
SESSIONS = (
    ("LON-EX13-01", "Legacy Relay", "10.20.40.11", "ZT610-DESP-01", 14, 1, "wd", False),
    ("LON-EX13-01", "Legacy Relay", "10.20.40.12", "ZT610-DESP-02", 11, 1, "wd", False),
    ("LON-EX13-01", "Legacy Relay", "10.20.40.27", "ZT410-GOODSIN", 6, 1, "wd", False),
    ("LON-EX13-01", "Legacy Relay", "10.20.40.31", "ZT410-CHILL-3", 4, 1, "all", False),
    ("LON-EX13-01", "Legacy Relay", "10.20.10.15", "ax-aos01", 18, 3, "all", False),
    ("LON-EX13-01", "Legacy Relay", "10.20.10.40", "payroll01", 1, 2640, {date(2026, 11, 26)}, False),
    ("LON-EX16-02", "Default Frontend LON-EX16-02", "10.20.41.50", "KM-C450i-3F", 9, 1, "wd", False),
    ("CRK-EX19-01", "Relay Cork Scanners", "10.40.20.15", "SCAN-CRK-01", 7, 1, "wd", False),
    ("CRK-EX19-01", "Relay Cork Scanners", "10.40.20.16", "SCAN-CRK-02", 3, 1, "wd", False),
    # the building management system's weekly energy report, Mondays
    ("LON-EX13-01", "Legacy Relay", "10.20.60.5", "bms-lon01", 1, 12,
     {date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)}, False),
)
EXO_IPS = ("40.107.22.91", "52.101.73.14", "40.107.6.112")


def session(when, sid, server, connector, client, ehlo, msgs, tls=False):
    ip, fqdn = SERVERS[server]
    return smtp_session(when, sid, server, ip, fqdn, connector, client, ehlo, msgs,
                        "noreply@tsfoods.co.uk", "someone@tsfoods.co.uk", "CN=mail.tsfoods.co.uk" if tls else "")


def write_logs(folder: Path) -> None:
    sid = 0x08DE3A0000000000
    first = date(2026, 11, 16)
    for d in range(19):  # 16 Nov .. 4 Dec 2026
        day = first + timedelta(days=d)
        logs: dict[str, list[str]] = {}
        for server, conn, client, ehlo, per_day, msgs, days, _auth in SESSIONS:
            if days == "wd" and day.weekday() >= 5:
                continue
            if isinstance(days, set) and day not in days:
                continue
            for n in range(per_day):
                sid += 1
                when = datetime(day.year, day.month, day.day, 5 + (n * 13) // max(per_day, 1), (n * 7) % 60, n % 60)
                if isinstance(days, set):  # the payroll run, the weekly report: at 02:10
                    when = datetime(day.year, day.month, day.day, 2, 10)
                logs.setdefault(server, []).extend(session(when, sid, server, conn, client, ehlo, msgs))
        # Exchange Online's hybrid mail to LON-EX16-02's Default Frontend (TLS, 30 sessions a day)
        for n in range(30):
            sid += 1
            when = datetime(day.year, day.month, day.day, n % 24, (n * 11) % 60, 5)
            ip = EXO_IPS[n % 3]
            logs.setdefault("LON-EX16-02", []).extend(
                session(when, sid, "LON-EX16-02", "Default Frontend LON-EX16-02", ip,
                        f"GV{n % 9}PR0{n % 7}CU00{n % 5}.outbound.protection.outlook.com", 2, tls=True))
        write_receive_logs(folder, day, logs, "LON-EX13-01")


def gb(d: date | None) -> str:  # en-GB Export-Csv: 27/11/2026 00:00:00
    return f"{d:%d/%m/%Y} 00:00:00" if d else ""


def write_exo_report(path: Path) -> None:
    rec = "{15.1.2507.61, 15.2.2562.46}"
    rows = [
        (f"lon-ex16-01.{D}", E16_NOV24, gb(date(2026, 10, 28)), gb(date(2026, 11, 27)), "",
         "Exchange 2016", rec, "10", "0", gb(date(2026, 12, 7))),
        (f"lon-ex16-02.{D}", E16_APR25, gb(date(2026, 11, 16)), "", "",
         "Exchange 2016", rec, "5", "0", gb(date(2026, 12, 16))),
    ]
    cols = ["ServerFQDN", "Build", "FirstDetectedDate", "ThrottleEnabledDate",
            "BlockingEnabledDate", "ExchangeServer", "RecommendedBuildVersions",
            "NextStageThrottleRate", "NextStageBlockRate", "NextStageStartDate"]
    lines = ['#TYPE Deserialized.Microsoft.Exchange.Management.OnPremServerReportInfo',
             ",".join(f'"{c}"' for c in cols)]
    lines += [",".join(f'"{v}"' for v in r) for r in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")


SETTINGS = """\
[project]
customer = "Thames & Shannon Foods Ltd"
start = 2026-12-08
as_of = 2026-12-07
country = "GB"
subdivision = "ENG"
language = "en"
company = "Harbour Lane Consulting Ltd"
consultant_name = "R. Okafor"

[enforcement]
pause_days_used = { 2026 = 40 }

[[consultants]]
name = "R. Okafor"
days_per_week = 5
absent = [["2027-02-15", "2027-02-19"]]

[[consultants]]
name = "S. Byrne"
days_per_week = 3
absent = [["2027-04-12", "2027-04-16"]]

[[freezes]]
name = "Christmas trading freeze"
start = 2026-12-14
end = 2027-01-04

[[freezes]]
name = "Financial year end (31 March)"
start = 2027-03-22
end = 2027-04-09

[windows]
maintenance_days = ["Sat"]

[naming]
new_server = "{site}-EXSE{n:02}"
"""


def write_inventory(path: Path) -> None:
    write_workbook(path, SHEETS)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_inventory(OUT / "inventory.xlsx")
    write_logs(OUT / "transport-logs")
    write_exo_report(OUT / "exo-report.csv")
    (OUT / "settings.toml").write_text(SETTINGS, encoding="utf-8")
    print("written to", OUT)
