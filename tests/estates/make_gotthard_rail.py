"""Write the unseen estate ``gotthard-rail`` (a consultant's review, 2026-12-08).

Run: ``python -m tests.estates.make_gotthard_rail [outdir]`` (default:
tests/estates/gotthard-rail). Deterministic: the same inputs on every run.

Gotthard Rail Services AG, rolling-stock maintenance, two sites in two countries:
Bellinzona (CH-TI, canton Ticino, Internet-facing, DMZ with an Edge) and Innsbruck (AT-7,
Tirol). Ticino keeps holidays Zürich does not (San Giuseppe 19 March, Corpus Christi,
Santi Pietro e Paolo 29 June, Immacolata 8 December); Tirol keeps Austria's (8 December,
26 October).

- DAG-BLZ: three Exchange 2019 CU14 members in Bellinzona. BLZ-EX19-01 and -02 on Oct25SU,
  BLZ-EX19-03 on Apr25HU (an older SU) and a source of the send connector to Exchange
  Online, detected by Exchange Online on 20 November 2026 (reported only).
- DAG-IBK: two Exchange 2016 CU23 members in Innsbruck (Nov24SUv2 and Apr25HU), two public
  folder mailboxes, the Innsbruck relay connector (Kyocera printers, the ERP). IBK-EX16-01
  is the other source of the send connector to Exchange Online and has been throttled
  since 28 October 2026 (weeks).
- IBK-EX13-01: Exchange 2013 CU23 Mar23SU, the last 2013 server, no users, still holding
  the seven arbitration mailboxes, and a "Legacy Relay" the timetable display gateway still
  uses (nobody listed it).
- BLZ-EDGE01: Edge 2019 CU14 Oct25SU in Bellinzona's DMZ, EdgeSync to DAG-BLZ, MX target.
- Hybrid with gotthardrail.onmicrosoft.com; the public certificate mail.gotthardrail.ch
  expires on 15 March 2027.
- Exchange Online report as Format-List text from a de-CH PowerShell (dd.MM.yyyy).
- SMTP Receive protocol logs 2026-11-23 .. 2026-12-04 of IBK-EX16-01, IBK-EX13-01 and
  BLZ-EX19-01.
- settings.toml: as of Monday 2026-12-07, start Tuesday 2026-12-08 (a holiday at both
  sites), CH-TI, German, two consultants, a Christmas freeze, Saturday windows, 75 pause
  days used in 2026.
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

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "gotthard-rail"
D = "gotthardrail.local"
CU14_OCT25 = "15.2.1544.36"  # 2019 CU14 Oct25SU
CU14_APR25 = "15.2.1544.25"  # 2019 CU14 Apr25HU
E16_NOV24 = "15.1.2507.44"   # 2016 CU23 Nov24SUv2
E16_APR25 = "15.1.2507.55"   # 2016 CU23 Apr25HU
E13 = "15.0.1497.48"         # 2013 CU23 Mar23SU
CERT_CH = "mail.gotthardrail.ch (SwissSign OV SAN, exp. 2027-03-15)"

def srv(*args, **kw):
    """A Servers row of this estate (its domain, .NET 4.8.1 unless given)."""
    return server_row(D, *args, **{"net": "4.8.1", **kw})


SHEETS = {
    "Organization": [["Customer", "Hybrid", "Tenant", "Forest"],
                     ["Gotthard Rail Services AG", "yes", "gotthardrail.onmicrosoft.com", D]],
    "Sites": [["Site", "InternetFacing", "Country", "State", "TimeZone"],
              ["Bellinzona", "yes", "CH", "TI", "Europe/Zurich"],
              ["Innsbruck", "no", "AT", "7", "Europe/Vienna"]],
    "Servers": [SERVER_COLS,
                srv("BLZ-EX19-01", "Bellinzona", CU14_OCT25, "Windows Server 2022 Standard", "DAG-BLZ", 420, 610, 0, 0, ep="yes"),
                srv("BLZ-EX19-02", "Bellinzona", CU14_OCT25, "Windows Server 2022 Standard", "DAG-BLZ", 410, 590, 0, 0, ep="yes"),
                srv("BLZ-EX19-03", "Bellinzona", CU14_APR25, "Windows Server 2022 Standard", "DAG-BLZ", 0, 0, 0, 0, ep="yes",
                    notes="Passive copies; source of Outbound to Office 365"),
                srv("IBK-EX16-01", "Innsbruck", E16_NOV24, "Windows Server 2016 Standard", "DAG-IBK", 310, 520, 0, 1, ep="no", net="4.8",
                    notes="Hybrid (HCW 2021), source of Outbound to Office 365"),
                srv("IBK-EX16-02", "Innsbruck", E16_APR25, "Windows Server 2016 Standard", "DAG-IBK", 290, 480, 0, 1, ep="no", net="4.8"),
                srv("IBK-EX13-01", "Innsbruck", E13, "Windows Server 2012 R2 Standard", None, 0, 0, 7, 0,
                    roles="Mailbox, ClientAccess", net="4.8",
                    notes="Leftover of the 2017 migration: arbitration mailboxes only"),
                srv("BLZ-EDGE01", "Bellinzona", CU14_OCT25, "Windows Server 2022 Standard", roles="Edge",
                    fqdn="blz-edge01.dmz.gotthardrail.ch", notes="DMZ, MX target (mx.gotthardrail.ch)")],
    "DAGs": [["Name", "Members", "Witness"],
             ["DAG-BLZ", "BLZ-EX19-01; BLZ-EX19-02; BLZ-EX19-03", "BLZ-FS01"],
             ["DAG-IBK", "IBK-EX16-01; IBK-EX16-02", "IBK-FS01"]],
    "Databases": [["Name", "Server", "DAG", "ServerOrDAG", "SizeGB", "Mailboxes"],
                  ["BLZ-DB01", None, "DAG-BLZ", None, 610, 420],
                  ["BLZ-DB02", None, "DAG-BLZ", None, 590, 410],
                  ["IBK-DB01", None, "DAG-IBK", None, 520, 310],
                  ["IBK-DB02", None, "DAG-IBK", None, 480, 290],
                  ["IBK-PFDB", None, "DAG-IBK", None, 60, 0],
                  ["IBK-DB13", "IBK-EX13-01", None, None, 2, 0]],
    "Connectors": [["Name", "Type", "Servers", "AddressSpaces", "SmartHosts", "RemoteIPRanges",
                    "FQDN", "CloudServicesMailEnabled", "TlsCertificate", "Site", "Bindings",
                    "PermissionGroups", "AuthMechanism"],
                   ["Outbound to Office 365 - 3b7d91e0", "send", "IBK-EX16-01; BLZ-EX19-03",
                    "gotthardrail.mail.onmicrosoft.com", None, None, "mail.gotthardrail.ch", "yes",
                    "mail.gotthardrail.ch", None, None, None, None],
                   ["EdgeSync - Bellinzona to Internet", "send", "BLZ-EDGE01", "*", None, None, None,
                    "no", None, None, None, None, None],
                   ["BLZ-EDGE01", "edge_subscription", "BLZ-EDGE01", None, None, None, None,
                    None, None, "Bellinzona", None, None, None],
                   ["Partner TLS OeBB Infra", "send", "IBK-EX16-01; IBK-EX16-02", "infra.example.at",
                    "mx.infra.example.at", None, "mail.gotthardrail.at", "no", "mail.gotthardrail.at", None,
                    None, None, None],
                   ["Default internal receive connector BLZ-EDGE01", "receive", "BLZ-EDGE01", None,
                    None, None, None, None, "mail.gotthardrail.ch", None, "0.0.0.0:25", "AnonymousUsers; ExchangeServers; Partners", "Tls; ExchangeServer"],
                   ["Default Frontend IBK-EX16-01", "receive", "IBK-EX16-01", None, None, None, None,
                    None, "mail.gotthardrail.ch", None, "0.0.0.0:25", "AnonymousUsers; ExchangeServers; ExchangeLegacyServers", "Tls; Integrated; BasicAuth; BasicAuthRequireTLS; ExchangeServer"],
                   ["Relay Innsbruck", "receive", "IBK-EX16-01", None, None, "10.70.30.0/24; 10.70.10.20",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Relay Innsbruck", "receive", "IBK-EX16-02", None, None, "10.70.30.0/24; 10.70.10.20",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Legacy Relay", "receive", "IBK-EX13-01", None, None, "10.70.0.0/16",
                    None, None, None, None, "10.70.0.13:25", "AnonymousUsers", "None"],
                   ["Relay Bellinzona", "receive", "BLZ-EX19-01", None, None, "10.60.40.0/24",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Relay Bellinzona", "receive", "BLZ-EX19-02", None, None, "10.60.40.0/24",
                    None, None, None, None, "0.0.0.0:25", "AnonymousUsers", "None"],
                   ["Inbound from 3b7d91e0", "exo_inbound", None, None, None, None, None,
                    None, "mail.gotthardrail.ch", None, None, None, None],
                   ["Outbound to 3b7d91e0", "exo_outbound", None, "gotthardrail.ch; gotthardrail.at",
                    "mail.gotthardrail.ch", None, None, None, "mail.gotthardrail.ch", None, None, None, None]],
    "RelayClients": [["Name", "Host", "Connector", "Server", "Owner"],
                     ["Kyocera printers Innsbruck workshop", "10.70.30.0/24", "Relay Innsbruck", "IBK-EX16-01", "IT Innsbruck"],
                     ["Abacus ERP", "10.70.10.20", "Relay Innsbruck", "IBK-EX16-01", "ERP team"],
                     ["Depot scanners Bellinzona", "10.60.40.0/24", "Relay Bellinzona", "BLZ-EX19-01", "IT Bellinzona"]],
    "Namespaces": [["Name", "Services", "Servers", "LoadBalancer", "Certificate"],
                   ["mail.gotthardrail.ch", "OWA; EAS; EWS; MAPI; OAB; SMTP",
                    "BLZ-EX19-01; BLZ-EX19-02; BLZ-EX19-03", "F5 BLZ-LB01", CERT_CH],
                   ["autodiscover.gotthardrail.ch", "Autodiscover",
                    "BLZ-EX19-01; BLZ-EX19-02; BLZ-EX19-03", "F5 BLZ-LB01", CERT_CH],
                   ["mail.gotthardrail.at", "OWA; EAS; EWS; MAPI; OAB; Autodiscover",
                    "IBK-EX16-01; IBK-EX16-02", "KEMP IBK-LB01", "mail.gotthardrail.at (Sectigo, exp. 2028-01-31)"],
                   ["smtp.gotthardrail.local", "SMTP", "IBK-EX16-01; IBK-EX16-02", "KEMP IBK-LB01", None]],
}

SERVERS = {"IBK-EX13-01": ("10.70.0.13", f"ibk-ex13-01.{D}"),
           "IBK-EX16-01": ("10.70.0.21", f"ibk-ex16-01.{D}"),
           "BLZ-EX19-01": ("10.60.0.21", f"blz-ex19-01.{D}")}
# (server, connector, client ip, ehlo, sessions a day, messages a session, 'wd' or 'all')
SESSIONS = (
    ("IBK-EX16-01", "Relay Innsbruck", "10.70.30.11", "KM-TASKALFA-WS1", 12, 1, "wd"),
    ("IBK-EX16-01", "Relay Innsbruck", "10.70.30.12", "KM-TASKALFA-WS2", 8, 1, "wd"),
    ("IBK-EX16-01", "Relay Innsbruck", "10.70.10.20", "abacus-app01", 20, 4, "all"),
    # the timetable display gateway: on the 2013 server, listed by nobody
    ("IBK-EX13-01", "Legacy Relay", "10.70.50.7", "fahrgastinfo-gw", 24, 1, "all"),
    ("BLZ-EX19-01", "Relay Bellinzona", "10.60.40.21", "SCAN-DEPOT-1", 6, 1, "wd"),
    ("BLZ-EX19-01", "Relay Bellinzona", "10.60.40.22", "SCAN-DEPOT-2", 4, 1, "wd"),
)


def session(when, sid, server, connector, client, ehlo, msgs):
    ip, fqdn = SERVERS[server]
    return smtp_session(when, sid, server, ip, fqdn, connector, client, ehlo, msgs,
                        "noreply@gotthardrail.ch", "werkstatt@gotthardrail.ch")


def write_logs(folder: Path) -> None:
    sid = 0x08DE4B0000000000
    first = date(2026, 11, 23)
    for d in range(12):  # 23 Nov .. 4 Dec 2026
        day = first + timedelta(days=d)
        logs: dict[str, list[str]] = {}
        for server, conn, client, ehlo, per_day, msgs, days in SESSIONS:
            if days == "wd" and day.weekday() >= 5:
                continue
            for n in range(per_day):
                sid += 1
                when = datetime(day.year, day.month, day.day, (n * 23) // max(per_day, 1), (n * 7) % 60, n % 60)
                logs.setdefault(server, []).extend(session(when, sid, server, conn, client, ehlo, msgs))
        write_receive_logs(folder, day, logs, "IBK-EX13-01")


def ch(d: date | None) -> str:  # de-CH Format-List: 28.10.2026 00:00:00
    return f"{d:%d.%m.%Y} 00:00:00" if d else ""


def write_exo_report(path: Path) -> None:
    """Get-OnPremServerReportInfo | Format-List, pasted from a de-CH shell."""
    rows = [
        {"ServerFQDN": f"ibk-ex16-01.{D}", "Build": E16_NOV24, "ExchangeServer": "IBK-EX16-01",
         "FirstDetectedDate": ch(date(2026, 9, 28)), "RecommendedBuildVersions": "{15.1.2507.61, 15.2.2562.46}",
         "ThrottleEnabledDate": ch(date(2026, 10, 28)), "BlockingEnabledDate": "",
         "NextStageThrottleRate": "30", "NextStageBlockRate": "5", "NextStageStartDate": ch(date(2026, 12, 7))},
        {"ServerFQDN": f"blz-ex19-03.{D}", "Build": CU14_APR25, "ExchangeServer": "BLZ-EX19-03",
         "FirstDetectedDate": ch(date(2026, 11, 20)), "RecommendedBuildVersions": "{15.2.1544.36, 15.2.2562.46}",
         "ThrottleEnabledDate": "", "BlockingEnabledDate": "",
         "NextStageThrottleRate": "5", "NextStageBlockRate": "0", "NextStageStartDate": ch(date(2026, 12, 20))},
    ]
    width = max(len(k) for k in rows[0])
    lines = [""]
    for r in rows:
        lines += [f"{k.ljust(width)} : {v}" for k, v in r.items()] + [""]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


SETTINGS = """\
[project]
customer = "Gotthard Rail Services AG"
start = 2026-12-08
as_of = 2026-12-07
country = "CH"
subdivision = "TI"
language = "de"
company = "Bergblick IT-Beratung GmbH"
consultant_name = "M. Huber"

[enforcement]
pause_days_used = { 2026 = 75 }

[[consultants]]
name = "M. Huber"
days_per_week = 5
absent = [["2027-02-08", "2027-02-12"]]

[[consultants]]
name = "L. Bernasconi"
days_per_week = 4

[[freezes]]
name = "Weihnachten / Fahrplanwechsel"
start = 2026-12-12
end = 2027-01-06

[windows]
maintenance_days = ["Sat"]

"""


def write_inventory(path: Path) -> None:
    write_workbook(path, SHEETS)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_inventory(OUT / "inventory.xlsx")
    write_logs(OUT / "transport-logs")
    write_exo_report(OUT / "Get-OnPremServerReportInfo.txt")
    (OUT / "settings.toml").write_text(SETTINGS, encoding="utf-8")
    print("written to", OUT)
