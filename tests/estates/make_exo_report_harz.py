"""Write the unseen estate ``exo-report-harz``.

Run: ``python -m tests.estates.make_exo_report_harz``.

A customer in Saxony-Anhalt whose consultant got the as-of date a few working days before the
plan start, over Easter: as-of Thursday 25.03.2027, Good Friday and Easter Monday in between,
plan start Tuesday 30.03.2027, an inventory freeze 12.-16.04., 30 pause days used in 2027.
Exchange Online's report arrives as ``Format-List`` text in UTF-16 with US dates and times:
an Exchange 2013 server detected in February 2024 and blocked since April 2024, a 2016 server
throttled since 03.03.2027 (the table's rhythm), a 2019 CU15 server the knowledge base calls
compliant that the report judges, recommending the Dec25SU (the baseline moved), and a 2019
CU14 server whose blocking the report dates 20 days earlier than the stage table does.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.estates.make_estates import HERE, write_csv

_SERVER_TYPE = "Deserialized.Microsoft.Exchange.Data.Directory.Management.ExchangeServer"
_SERVERS = [
    ["Name", "Fqdn", "Site", "ServerRole", "AdminDisplayVersion", "Edition", "IsEdgeServer"],
    ["HZ-EX13-01", "hz-ex13-01.harz.local", "harz.local/Configuration/Sites/Wernigerode",
     "Mailbox, ClientAccess", "Version 15.0 (Build 1497.48)", "Standard", "False"],
    ["HZ-EX16-01", "hz-ex16-01.harz.local", "harz.local/Configuration/Sites/Wernigerode",
     "Mailbox", "Version 15.1 (Build 2507.39)", "Standard", "False"],
    ["HZ-EX19-01", "hz-ex19-01.harz.local", "harz.local/Configuration/Sites/Halberstadt",
     "Mailbox", "Version 15.2 (Build 1748.39)", "Standard", "False"],
    ["HZ-EX19-02", "hz-ex19-02.harz.local", "harz.local/Configuration/Sites/Halberstadt",
     "Mailbox", "Version 15.2 (Build 1544.36)", "Standard", "False"],
]


def _us(day: date | None) -> str:
    """A date as PowerShell in en-US writes a DateTime: 3/28/2024 12:00:00 AM."""
    return f"{day.month}/{day.day}/{day.year} 12:00:00 AM" if day else ""


# fqdn, build, name, detected, recommended, throttle, block, next throttle/block rate, next
_REPORT = [
    ("hz-ex13-01.harz.local", "15.0.1497.48", "HZ-EX13-01", date(2024, 2, 10),
     "{15.2.2562.46}", date(2024, 3, 11), date(2024, 4, 10), "0", "100", None),
    ("hz-ex16-01.harz.local", "15.1.2507.39", "HZ-EX16-01", date(2027, 2, 1),
     "{15.1.2507.61, 15.2.2562.46}", date(2027, 3, 3), None, "", "", None),
    # CU15 Oct25SU: compliant by the knowledge base, judged and told to install Dec25SU
    ("hz-ex19-01.harz.local", "15.2.1748.39", "HZ-EX19-01", date(2027, 3, 10),
     "{15.2.1748.42, 15.2.2562.46}", None, None, "", "", None),
    # blocking 20 days earlier than the table (29.01. where it says 18.02.)
    ("hz-ex19-02.harz.local", "15.2.1544.36", "HZ-EX19-02", date(2026, 12, 20),
     "{15.2.1748.42, 15.2.2562.46}", date(2027, 1, 19), date(2027, 1, 29), "", "", None),
]


def _format_list() -> str:
    blocks = []
    for fqdn, build, name, detected, recommended, throttle, block, rate_t, rate_b, nxt in \
            _REPORT:
        blocks.append("\n".join([
            f"ServerFQDN               : {fqdn}",
            f"Build                    : {build}",
            f"ExchangeServer           : {name}",
            f"FirstDetectedDate        : {_us(detected)}",
            f"RecommendedBuildVersions : {recommended}",
            f"ThrottleEnabledDate      : {_us(throttle)}",
            f"BlockingEnabledDate      : {_us(block)}",
            f"NextStageThrottleRate    : {rate_t}",
            f"NextStageBlockRate       : {rate_b}",
            f"NextStageStartDate       : {_us(nxt)}",
        ]))
    return "\r\n\r\n" + "\r\n\r\n".join(b.replace("\n", "\r\n") for b in blocks) + "\r\n\r\n"


_SETTINGS = """[project]
customer = "Harzer Gießerei GmbH"
start = 2027-03-30
as_of = 2027-03-25
country = "DE"
subdivision = "ST"
language = "en"

[enforcement]
pause_days_used = { 2027 = 30 }

[[freezes]]
start = 2027-04-12
end = 2027-04-16
name = "Inventur"
"""


def write(folder: Path = HERE / "exo-report-harz") -> None:
    """Write the estate's files."""
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(folder / "Get-ExchangeServer.csv", _SERVERS, "utf-8-sig", type_line=_SERVER_TYPE)
    (folder / "Get-OnPremServerReportInfo.txt").write_bytes(_format_list().encode("utf-16"))
    (folder / "settings.toml").write_text(_SETTINGS, encoding="utf-8")


if __name__ == "__main__":
    write()
