"""Write the unseen estates ``exo-report-elbtal`` and ``exo-report-ostsee``.

Run: ``python -m tests.estates.make_exo_report_elbtal_ostsee``.

Two customers whose Exchange Online report reached the consultant in shapes no other
estate has. ``exo-report-elbtal`` (German, Saxony): the report exported tab-separated
(``Export-Csv -Delimiter "`t"``) with its columns in another order and ISO dates
(``ToString('s')``); an Exchange 2013 server detected in 2023 and blocked since January 2024,
a 2016 server detected last week, a 2019 server blocked 15 days earlier than the stage table
says and one blocked 56 days later, a report row for a server the inventory lacks, 70 pause
days used this year and a change freeze over New Year. ``exo-report-ostsee`` (English,
Mecklenburg-Western Pomerania): the report copied into a workbook, columns in yet another
order, dates as real date cells beside text dates of two notations; a 2016 CU22 server
blocked since 2024, a 2019 server detected last Saturday, a 2019 server throttled earlier
than the table says, a 2016 server whose next stage comes later than the table says, a row
the inventory lacks, 85 pause days used (5 left this year) and a freeze over New Year.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlsxwriter

from tests.estates.make_estates import HERE, write_csv

_SERVER_TYPE = "Deserialized.Microsoft.Exchange.Data.Directory.Management.ExchangeServer"
_SEND_TYPE = "Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig"
_SERVER_HEAD = ["Name", "Fqdn", "Site", "ServerRole", "AdminDisplayVersion", "Edition",
                "IsEdgeServer"]
_SEND_HEAD = ["Name", "AddressSpaces", "SourceTransportServers", "SmartHosts",
              "CloudServicesMailEnabled", "Fqdn", "TlsCertificateName"]

# --- Elbtal: the report tab-separated, columns reordered, ISO dates -------------------------

_ELBTAL_REPORT_HEAD = ["ExchangeServer", "ServerFQDN", "Build", "FirstDetectedDate",
                       "ThrottleEnabledDate", "BlockingEnabledDate", "NextStageStartDate",
                       "NextStageBlockRate", "NextStageThrottleRate",
                       "RecommendedBuildVersions"]
_ELBTAL_REPORT = [
    # 2013, detected in 2023, blocked since 14.01.2024 (the table's rhythm), all mail blocked
    ["DD-EX13-01", "dd-ex13-01.elbtal.local", "15.0.1497.48", "2023-11-15T00:00:00",
     "2023-12-15T00:00:00", "2024-01-14T00:00:00", "2024-02-13T00:00:00", "100", "0",
     "{15.2.2562.46}"],
    # detected last week: report only, throttling by the table from 02.01.2027
    ["DD-EX16-01", "dd-ex16-01.elbtal.local", "15.1.2507.61", "2026-12-03T00:00:00",
     "", "", "2027-01-02T00:00:00", "0", "5", "{15.1.2507.69, 15.2.2562.46}"],
    # blocking 15 days earlier than the table (09.11. where the table says 24.11.)
    ["DD-EX19-01", "dd-ex19-01.elbtal.local", "15.2.1544.14", "2026-09-25T00:00:00",
     "2026-10-25T00:00:00", "2026-11-09T00:00:00", "2026-11-19T00:00:00", "10", "0",
     "{15.2.1544.36, 15.2.1748.39, 15.2.2562.46}"],
    # blocking 56 days later than the table (15.01.2027 where the table says 20.11.2026)
    ["DD-EX19-02", "dd-ex19-02.elbtal.local", "15.2.1748.36", "2026-09-21T00:00:00",
     "2026-10-21T00:00:00", "2027-01-15T00:00:00", "2027-01-15T00:00:00", "5", "30",
     "{15.2.1748.39, 15.2.2562.46}"],
    # a server Exchange Online sees that the inventory lacks
    ["DD-EX16-02", "dd-ex16-02.elbtal.local", "15.1.2507.39", "2026-06-01T00:00:00",
     "2026-07-01T00:00:00", "2026-07-31T00:00:00", "2026-08-30T00:00:00", "100", "0",
     "{15.1.2507.61}"],
]
_ELBTAL_SERVERS = [
    ["DD-EX13-01", "dd-ex13-01.elbtal.local", "elbtal.local/Configuration/Sites/Dresden",
     "Mailbox, ClientAccess", "Version 15.0 (Build 1497.48)", "Standard", "False"],
    ["DD-EX16-01", "dd-ex16-01.elbtal.local", "elbtal.local/Configuration/Sites/Dresden",
     "Mailbox", "Version 15.1 (Build 2507.61)", "Standard", "False"],
    ["DD-EX19-01", "dd-ex19-01.elbtal.local", "elbtal.local/Configuration/Sites/Dresden",
     "Mailbox", "Version 15.2 (Build 1544.14)", "Standard", "False"],
    ["DD-EX19-02", "dd-ex19-02.elbtal.local", "elbtal.local/Configuration/Sites/Pirna",
     "Mailbox", "Version 15.2 (Build 1748.36)", "Standard", "False"],
]
_ELBTAL_SETTINGS = """\
[project]
customer = "Elbtal Porzellan GmbH"
start = 2026-12-14
as_of = 2026-12-10
country = "DE"
subdivision = "SN"
language = "de"

[enforcement]
pause_days_used = { 2026 = 70 }

[[freezes]]
start = 2026-12-21
end = 2027-01-08
name = "Jahreswechsel"
"""

# --- Ostsee: the report copied into a workbook, date cells and two text notations ----------

_OSTSEE_REPORT_HEAD = ["RecommendedBuildVersions", "NextStageStartDate", "Build",
                       "ServerFQDN", "BlockingEnabledDate", "ThrottleEnabledDate",
                       "FirstDetectedDate", "NextStageThrottleRate", "NextStageBlockRate",
                       "ExchangeServer"]


def _d(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day)


_OSTSEE_REPORT: list[list[object]] = [
    # 2016 CU22 detected in 2024, blocked since 2024 (date cells)
    ["{15.2.2562.46}", _d(2024, 7, 1), "15.1.2375.37", "rs-ex16-01.ostsee.local",
     _d(2024, 6, 1), _d(2024, 5, 2), _d(2024, 4, 2), "0", "100", "RS-EX16-01"],
    # detected last Saturday: report only (US text dates as English PowerShell writes them)
    ["{15.2.1748.39, 15.2.2562.46}", "12/28/2026 12:00:00 AM", "15.2.1748.36",
     "rs-ex19-01.ostsee.local", "", "", "11/28/2026 12:00:00 AM", "5", "0", "RS-EX19-01"],
    # throttled 15 days earlier than the table (25.10. where the table says 09.11.); by the
    # table from there blocked 10 minutes an hour since 04.12., next stage 14.12.
    ["{15.2.1748.39, 15.2.2562.46}", "2026-12-14", "15.2.1544.14", "rs-ex19-02.ostsee.local",
     "", "2026-10-25", "2026-10-10", "0", "20", "RS-EX19-02"],
    # the next stage (partial blocking) 20.12. where the table says 07.11.: stage 4 until then
    ["{15.1.2507.61, 15.2.2562.46}", _d(2026, 12, 20), "15.1.2507.39",
     "rs-ex16-02.ostsee.local", "", _d(2026, 10, 8), _d(2026, 9, 8), "30", "5", "RS-EX16-02"],
    # a server Exchange Online sees that the inventory lacks
    ["{15.2.1748.39}", "12/19/2026 12:00:00 AM", "15.2.1748.24", "rs-ex19-03.ostsee.local",
     "", "11/19/2026 12:00:00 AM", "10/20/2026 12:00:00 AM", "20", "0", "RS-EX19-03"],
]
_OSTSEE_SERVERS = [
    ["RS-EX16-01", "rs-ex16-01.ostsee.local", "ostsee.local/Configuration/Sites/Rostock",
     "Mailbox", "Version 15.1 (Build 2375.37)", "Standard", "False"],
    ["RS-EX16-02", "rs-ex16-02.ostsee.local", "ostsee.local/Configuration/Sites/Rostock",
     "Mailbox", "Version 15.1 (Build 2507.39)", "Standard", "False"],
    ["RS-EX19-01", "rs-ex19-01.ostsee.local", "ostsee.local/Configuration/Sites/Stralsund",
     "Mailbox", "Version 15.2 (Build 1748.36)", "Standard", "False"],
    ["RS-EX19-02", "rs-ex19-02.ostsee.local", "ostsee.local/Configuration/Sites/Stralsund",
     "Mailbox", "Version 15.2 (Build 1544.14)", "Standard", "False"],
]
_OSTSEE_SETTINGS = """\
[project]
customer = "Ostsee Werften AG"
start = 2026-12-07
as_of = 2026-12-05
country = "DE"
subdivision = "MV"
language = "en"

[enforcement]
pause_days_used = { 2026 = 85 }

[[freezes]]
start = 2026-12-24
end = 2027-01-03
name = "Christmas and New Year"
"""


def _send(servers: list[list[str]], tenant: str, fqdn: str) -> list[list[str]]:
    names = ",".join(s[0] for s in servers)
    return [_SEND_HEAD, [f"Outbound to Office 365 - {tenant[:8]}",
                         f"SMTP:{tenant}.mail.onmicrosoft.com;1", names, "", "True", fqdn, ""]]


def _workbook(path: Path) -> None:
    """The report pasted into a sheet below a title, dates as date cells or text."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("EXO report")
    day = book.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write(0, 0, "Get-OnPremServerReportInfo, Ostsee Werften, 05.12.2026")
    for col, head in enumerate(_OSTSEE_REPORT_HEAD):
        sheet.write(2, col, head)
    for row, values in enumerate(_OSTSEE_REPORT, start=3):
        for col, value in enumerate(values):
            if isinstance(value, datetime):
                sheet.write_datetime(row, col, value, day)
            elif value != "":
                sheet.write_string(row, col, str(value))
    book.close()


def main() -> None:
    """Write both estates."""
    elbtal = HERE / "exo-report-elbtal"
    elbtal.mkdir(exist_ok=True)
    write_csv(elbtal / "Get-OnPremServerReportInfo.tsv",
              [_ELBTAL_REPORT_HEAD, *_ELBTAL_REPORT], "utf-8-sig", delimiter="\t")
    write_csv(elbtal / "Get-ExchangeServer.csv", [_SERVER_HEAD, *_ELBTAL_SERVERS], "utf-8-sig",
              delimiter=";", type_line=_SERVER_TYPE)
    write_csv(elbtal / "Get-SendConnector.csv", _send(_ELBTAL_SERVERS, "elbtal", "mail.elbtal.de"),
              "utf-8-sig", delimiter=";", type_line=_SEND_TYPE)
    (elbtal / "settings.toml").write_text(_ELBTAL_SETTINGS, encoding="utf-8")

    ostsee = HERE / "exo-report-ostsee"
    ostsee.mkdir(exist_ok=True)
    _workbook(ostsee / "EXO report.xlsx")
    write_csv(ostsee / "Get-ExchangeServer.csv", [_SERVER_HEAD, *_OSTSEE_SERVERS], "utf-8-sig",
              type_line=_SERVER_TYPE)
    write_csv(ostsee / "Get-SendConnector.csv", _send(_OSTSEE_SERVERS, "ostsee", "mail.ostsee.de"),
              "utf-8-sig", type_line=_SEND_TYPE)
    (ostsee / "settings.toml").write_text(_OSTSEE_SETTINGS, encoding="utf-8")


if __name__ == "__main__":
    main()
