"""Write the unseen estate ``nordwind-logistik`` (a consultant's review, 2026-12-07 night).

Run: ``python -m tests.estates.make_nordwind [outdir]``. Nordwind Logistik GmbH (Hamburg DE-HH, Bremen DE-HB): inventory.xlsx (openpyxl),
exo-report.csv (Get-OnPremServerReportInfo | Export-Csv, en-US dates), logs/ (SMTP Receive).

As of 2026-12-07. 4-member 2019 CU15 Oct25SU DAG across HH+HB; HH-EX19-05 2019 CU14 Nov24SUv2
(below EXO baseline, throttled); HB-EX16-01 2016 CU23 Nov24SUv2 carries the hybrid send
connector (with HH-EX19-05) and is BLOCKED (stage 5 since 08.11.2026, day 89 today, full block
from 08.12.2026); HH-EDGE01 2019 CU15 Edge for internet mail. 30 pause days used in 2026.
"""
# ruff: noqa: E501  (the estate is data, as the generators beside it)
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "nordwind-logistik"
D = "nordwind.local"
CU15 = "15.2.1748.39"
CU14_OLD = "15.2.1544.14"
E16_OLD = "15.1.2507.44"

def srv(name, site, build, os, **kw):
    r = {"Name": name, "FQDN": f"{name.lower()}.{D}", "Site": site, "Roles": "Mailbox",
         "Build": build, "OS": os, "Virtual": "yes"}
    r.update(kw)
    return r

SHEETS = {
 "Organization": [{"Customer": "Nordwind Logistik GmbH", "Hybrid": "yes",
                   "Tenant": "nordwind-logistik.onmicrosoft.com", "Forest": D}],
 "Sites": [{"Site": "Hamburg", "InternetFacing": "yes", "Country": "DE", "State": "HH",
            "TimeZone": "Europe/Berlin"},
           {"Site": "Bremen", "InternetFacing": "no", "Country": "DE", "State": "HB",
            "TimeZone": "Europe/Berlin"}],
 "Servers": [
    srv("HH-EX19-01", "Hamburg", CU15, "Windows Server 2022", DAG="NW-DAG01", Mailboxes=520, MailboxDataGB=940, ArbitrationMailboxes=5),
    srv("HH-EX19-02", "Hamburg", CU15, "Windows Server 2022", DAG="NW-DAG01", Mailboxes=480, MailboxDataGB=880),
    srv("HB-EX19-01", "Bremen", CU15, "Windows Server 2022", DAG="NW-DAG01", Mailboxes=310, MailboxDataGB=560),
    srv("HB-EX19-02", "Bremen", CU15, "Windows Server 2022", DAG="NW-DAG01", Mailboxes=290, MailboxDataGB=530),
    srv("HH-EX19-05", "Hamburg", CU14_OLD, "Windows Server 2019", Mailboxes=40, MailboxDataGB=60,
        SendsToEXO="yes", Notes="Journal/Archiv, seit 2024 nicht gepatcht"),
    srv("HB-EX16-01", "Bremen", E16_OLD, "Windows Server 2016", Mailboxes=85, MailboxDataGB=140,
        ArbitrationMailboxes=1, PublicFolderMailboxes=1, SendsToEXO="yes",
        Notes="Hybrid-Server (HCW 2021), Relay Lager Bremen"),
    {"Name": "HH-EDGE01", "FQDN": "hh-edge01.dmz.nordwind-logistik.de", "Site": "Hamburg",
     "Roles": "Edge", "Build": CU15, "OS": "Windows Server 2022", "Virtual": "yes"},
 ],
 "DAGs": [{"Name": "NW-DAG01", "Members": "HH-EX19-01; HH-EX19-02; HB-EX19-01; HB-EX19-02",
           "Witness": "HH-FS01"}],
 "Databases": [
    {"Name": "NW-DB01", "DAG": "NW-DAG01", "SizeGB": 940, "Mailboxes": 520},
    {"Name": "NW-DB02", "DAG": "NW-DAG01", "SizeGB": 880, "Mailboxes": 480},
    {"Name": "NW-DB03", "DAG": "NW-DAG01", "SizeGB": 560, "Mailboxes": 310},
    {"Name": "NW-DB04", "DAG": "NW-DAG01", "SizeGB": 530, "Mailboxes": 290},
    {"Name": "ARCH-DB", "Server": "HH-EX19-05", "SizeGB": 60, "Mailboxes": 40},
    {"Name": "HB16-DB", "Server": "HB-EX16-01", "SizeGB": 140, "Mailboxes": 85},
 ],
 "Connectors": [
    {"Name": "Outbound to Office 365 - 3c9e7a21", "Type": "send",
     "Servers": "HB-EX16-01; HH-EX19-05", "AddressSpaces": "nordwind-logistik.mail.onmicrosoft.com",
     "CloudServicesMailEnabled": "yes", "TlsCertificate": "mail.nordwind-logistik.de"},
    {"Name": "HH-EDGE01", "Type": "edge_subscription", "Servers": "HH-EDGE01", "Site": "Hamburg"},
    {"Name": "EdgeSync - Hamburg to Internet", "Type": "send", "Servers": "HH-EDGE01",
     "AddressSpaces": "*"},
    {"Name": "Default internal receive connector HH-EDGE01", "Type": "receive",
     "Servers": "HH-EDGE01", "Bindings": "0.0.0.0:25"},
    {"Name": "Default Frontend HB-EX16-01", "Type": "receive", "Servers": "HB-EX16-01",
     "Bindings": "0.0.0.0:25", "TlsCertificate": "mail.nordwind-logistik.de"},
    {"Name": "Default Frontend HH-EX19-01", "Type": "receive", "Servers": "HH-EX19-01", "Bindings": "0.0.0.0:25"},
    {"Name": "Default Frontend HH-EX19-02", "Type": "receive", "Servers": "HH-EX19-02", "Bindings": "0.0.0.0:25"},
    {"Name": "Relay Lager Bremen", "Type": "receive", "Servers": "HB-EX16-01",
     "Bindings": "0.0.0.0:25", "RemoteIPRanges": "10.62.8.0/24",
     "PermissionGroups": "AnonymousUsers", "AuthMechanism": "None"},
    {"Name": "Relay ERP", "Type": "receive", "Servers": "HH-EX19-05",
     "Bindings": "0.0.0.0:25", "RemoteIPRanges": "10.61.4.15",
     "PermissionGroups": "AnonymousUsers", "AuthMechanism": "None"},
    {"Name": "Inbound from 3c9e7a21", "Type": "exo_inbound", "RemoteIPRanges": "203.0.113.44",
     "TlsCertificate": "mail.nordwind-logistik.de"},
 ],
 "RelayClients": [
    {"Name": "Lagerverwaltung Bremen (WMS)", "Host": "10.62.8.20", "Connector": "Relay Lager Bremen", "Server": "HB-EX16-01", "Owner": "Logistik-IT"},
    {"Name": "Etikettendrucker Halle 2", "Host": "10.62.8.71", "Connector": "Relay Lager Bremen", "Server": "HB-EX16-01", "Owner": "Logistik-IT"},
    {"Name": "SAP ERP", "Host": "10.61.4.15", "Connector": "Relay ERP", "Server": "HH-EX19-05", "Owner": "SAP-Basis"},
 ],
 "Namespaces": [
    {"Name": "mail.nordwind-logistik.de", "Services": "OWA; EAS; EWS; MAPI; OAB",
     "Servers": "HH-EX19-01; HH-EX19-02; HB-EX19-01; HB-EX19-02; HB-EX16-01",
     "LoadBalancer": "KEMP hh-lb", "Certificate": "mail.nordwind-logistik.de"},
    {"Name": "autodiscover.nordwind-logistik.de", "Services": "Autodiscover",
     "Servers": "HH-EX19-01; HH-EX19-02; HB-EX16-01", "LoadBalancer": "KEMP hh-lb",
     "Certificate": "mail.nordwind-logistik.de"},
 ],
}

HEADERS = {
 "Organization": ["Customer", "Hybrid", "Tenant", "Forest"],
 "Sites": ["Site", "InternetFacing", "Country", "State", "TimeZone"],
 "Servers": ["Name", "FQDN", "Site", "Roles", "Build", "OS", "DAG", "Virtual", "Mailboxes", "MailboxDataGB", "ArbitrationMailboxes", "PublicFolderMailboxes", "DotNet", "SendsToEXO", "ExtendedProtection", "Notes"],
 "DAGs": ["Name", "Members", "Witness"],
 "Databases": ["Name", "Server", "DAG", "ServerOrDAG", "SizeGB", "Mailboxes"],
 "Connectors": ["Name", "Type", "Servers", "AddressSpaces", "SmartHosts", "RemoteIPRanges", "FQDN", "CloudServicesMailEnabled", "TlsCertificate", "Site", "Bindings", "PermissionGroups", "AuthMechanism"],
 "RelayClients": ["Name", "Host", "Connector", "Server", "Owner"],
 "Namespaces": ["Name", "Services", "Servers", "LoadBalancer", "Certificate"],
}

PROJECT = [
 ("project.customer", "Nordwind Logistik GmbH"),
 ("project.start", datetime(2026, 12, 8)),
 ("project.as_of", datetime(2026, 12, 7)),
 ("project.country", "DE"),
 ("project.subdivision", "HH"),
 ("project.language", "en"),
 ("consultants.1.name", "J. Petersen"),
 ("consultants.1.days_per_week", 5),
 ("consultants.2.name", "M. Brinkmann"),
 ("consultants.2.days_per_week", 3),
 ("freezes.1.name", "Jahresabschluss"),
 ("freezes.1.start", datetime(2026, 12, 21)),
 ("freezes.1.end", datetime(2027, 1, 4)),
 ("windows.maintenance_days", '["Sat"]'),
 ("enforcement.pause_days_used.2026", 30),
]

def write_inventory():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, head in HEADERS.items():
        ws = wb.create_sheet(sheet)
        ws.append(head)
        for r in SHEETS[sheet]:
            ws.append([r.get(h) for h in head])
    ws = wb.create_sheet("Project")
    ws.append(["Key", "Value"])
    for k, v in PROJECT:
        ws.append([k, v])
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, datetime):
                    c.number_format = "yyyy-mm-dd"
    wb.save(OUT / "inventory.xlsx")

def us(d):
    return f"{d.month}/{d.day}/{d.year} 12:00:00 AM" if d else ""

REPORT = [  # fqdn, build, name, detected, recommended, throttle, block, rate_t, rate_b, next
 ("hb-ex16-01.nordwind.local", E16_OLD, "HB-EX16-01", date(2026, 9, 9),
  "{15.1.2507.61, 15.2.2562.46}", date(2026, 10, 9), date(2026, 11, 8), "0", "100", date(2026, 12, 8)),
 ("hh-ex19-05.nordwind.local", CU14_OLD, "HH-EX19-05", date(2026, 10, 19),
  "{15.2.1748.39, 15.2.2562.46}", date(2026, 11, 18), None, "20", "0", date(2026, 12, 8)),
]

def write_report():
    cols = ["ServerFQDN", "Build", "ExchangeServer", "FirstDetectedDate", "RecommendedBuildVersions",
            "ThrottleEnabledDate", "BlockingEnabledDate", "NextStageThrottleRate",
            "NextStageBlockRate", "NextStageStartDate"]
    lines = ['#TYPE Deserialized.Microsoft.Exchange.Management.OnPremServerReportInfo',
             ",".join(f'"{c}"' for c in cols)]
    for f, b, n, det, rec, thr, blk, rt, rb, nxt in REPORT:
        vals = [f, b, n, us(det), rec, us(thr), us(blk), rt, rb, us(nxt)]
        lines.append(",".join(f'"{v}"' for v in vals))
    (OUT / "exo-report.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")

FIELDS = "date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context"

def write_logs():
    sid = 0x08DE200000000000
    for d in range(3):
        day = date(2026, 11, 30) + timedelta(days=d)
        lines = []
        for client, ehlo, n_per in (("10.62.8.20", "wms01.nordwind.local", 5), ("10.62.8.93", "kuehl-monitor-3", 3)):
            for n in range(n_per):
                sid += 1
                t0 = datetime(day.year, day.month, day.day, 6 + n, 7 * n)
                ev = [("+", ""), (">", "220 hb-ex16-01.nordwind.local Microsoft ESMTP MAIL Service ready"),
                      ("<", f"EHLO {ehlo}"), (">", f"250-hb-ex16-01.nordwind.local Hello [{client}]"),
                      ("<", "MAIL FROM:<noreply@nordwind-logistik.de>"), (">", "250 2.1.0 Sender OK"),
                      ("<", "RCPT TO:<lager@nordwind-logistik.de>"), (">", "250 2.1.5 Recipient OK"),
                      ("<", "DATA"), (">", "250 2.6.0 Queued mail for delivery"), ("<", "QUIT"), ("-", "")]
                for seq, (e, data) in enumerate(ev):
                    t = t0 + timedelta(milliseconds=40 * seq)
                    stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
                    ctx = "Local" if e == "-" else ""
                    lines.append(f"{stamp},HB-EX16-01\\Relay Lager Bremen,{sid:016X},{seq},10.62.0.21:25,{client}:{41000+seq},{e},{data},{ctx}")
        head = ["#Software: Microsoft Exchange Server", "#Version: 15.0.0.0",
                "#Log-type: SMTP Receive Protocol Log", f"#Date: {day:%Y-%m-%d}T00:00:00.000Z", f"#Fields: {FIELDS}"]
        p = OUT / "logs" / "HB-EX16-01" / f"RECV{day:%Y%m%d}00-1.LOG"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\r\n".join(head + sorted(lines)) + "\r\n", encoding="utf-8")

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_inventory()
    write_report()
    write_logs()
