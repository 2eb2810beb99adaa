"""Exchange Online's Get-OnPremServerReportInfo: every column, as CSV and as Format-List text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.core.importing import import_files
from planner.core.model import ExoReport

CSV_US = (
    "#TYPE Deserialized.Microsoft.Exchange.Management.OnPremServerReportInfo\n"
    '"ServerFQDN","Build","ExchangeServer","FirstDetectedDate","RecommendedBuildVersions",'
    '"ThrottleEnabledDate","BlockingEnabledDate","NextStageThrottleRate","NextStageBlockRate",'
    '"NextStageStartDate"\n'
    '"ex01.contoso.com","15.1.2507.61","Exchange 2016","3/28/2024 12:00:00 AM",'
    '"{15.2.2562.46, 15.02.2562.046}","4/27/2024 12:00:00 AM","5/27/2024 12:00:00 AM",'
    '"0","100","6/26/2024 12:00:00 AM"\n'
)

FORMAT_LIST_DE = """

ServerFQDN               : ex01.contoso.com
Build                    : 15.1.2507.61
ExchangeServer           : Exchange 2016
FirstDetectedDate        : 28.03.2024 00:00:00
RecommendedBuildVersions : {15.2.2562.46,
                           15.02.2562.046}
ThrottleEnabledDate      : 27.04.2024 00:00:00
BlockingEnabledDate      : 27.05.2024 00:00:00
NextStageThrottleRate    : 0
NextStageBlockRate       : 100
NextStageStartDate       : 26.06.2024 00:00:00

"""

EXPECTED = ExoReport(
    "ex01.contoso.com", "15.1.2507.61", date(2024, 3, 28), date(2024, 4, 27),
    date(2024, 5, 27), "Exchange 2016", ("15.2.2562.46", "15.02.2562.046"), "0", "100",
    date(2024, 6, 26))


@pytest.mark.parametrize(("name", "text", "encoding"), [
    ("Get-OnPremServerReportInfo.csv", CSV_US, "utf-8-sig"),
    ("Get-OnPremServerReportInfo.txt", FORMAT_LIST_DE, "utf-16"),
])
def test_every_column_is_read(tmp_path: Path, name: str, text: str, encoding: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    result = import_files([path])
    assert result.estate.exo_reports == (EXPECTED,)
    ignored = [f for f in result.findings if f.code == "IMPORT-COLUMNS-IGNORED"]
    assert ignored == []
