"""Exchange Online's Get-OnPremServerReportInfo: every column, as CSV and as Format-List text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.core.importing import import_files
from planner.core.model import ExoReport
from planner.core.outline import finding_place

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


CSV_DAY_FIRST = (
    '"ServerFQDN","Build","FirstDetectedDate","ThrottleEnabledDate","NextStageStartDate"\n'
    '"ex01.contoso.com","15.1.2507.61","28/03/2024 00:00:00","27/04/2024 00:00:00",'
    '"26/06/2024 00:00:00"\n'
    '"ex02.contoso.com","15.1.2507.61","03/10/2026 00:00:00","02/11/2026 00:00:00",'
    '"04/12/2026 00:00:00"\n'
)


def test_a_day_first_report_is_read_day_first_in_every_row(tmp_path: Path) -> None:
    """A report exported on a British, French or Australian machine: 28/03/2024 says the
    table writes day/month, so 03/10/2026 is 3 October, not 10 March (which made a server
    throttled since November 'blocked since June') and no date of the table is refused."""
    path = tmp_path / "Get-OnPremServerReportInfo.csv"
    path.write_text(CSV_DAY_FIRST, encoding="utf-8")
    result = import_files([path])
    rows = {r.server_fqdn: r for r in result.estate.exo_reports}
    assert (rows["ex01.contoso.com"].first_detected, rows["ex01.contoso.com"].throttle_date) \
        == (date(2024, 3, 28), date(2024, 4, 27))
    assert (rows["ex02.contoso.com"].first_detected, rows["ex02.contoso.com"].throttle_date,
            rows["ex02.contoso.com"].next_stage_date) \
        == (date(2026, 10, 3), date(2026, 11, 2), date(2026, 12, 4))
    assert not [f for f in result.findings if f.code == "IMPORT-VALUE-INVALID"]
    # a US report whose days are all 12 or less keeps month/day, as PowerShell writes it
    path.write_text(CSV_DAY_FIRST.replace("28/03/2024", "03/12/2024")
                    .replace("27/04/2024", "04/11/2024").replace("26/06/2024", "06/10/2024"),
                    encoding="utf-8")
    rows = {r.server_fqdn: r for r in import_files([path]).estate.exo_reports}
    assert rows["ex02.contoso.com"].first_detected == date(2026, 3, 10)


def test_a_list_format_list_cut_short_is_reported_not_read_as_a_build(tmp_path: Path) -> None:
    """Format-List stops a collection at $FormatEnumerationLimit (4) and marks it "...":
    the marked entry was kept as a build "15.02.1748.039..." and named so in the customer's
    baseline finding; now the cut is a warning saying how to export the whole list."""
    path = tmp_path / "Get-OnPremServerReportInfo.txt"
    path.write_text(FORMAT_LIST_DE.replace(
        "{15.2.2562.46,\n                           15.02.2562.046}",
        "{15.2.1748.39, 15.02.1748.039, 15.2.2562.46, 15.02.2562.046...}"), encoding="utf-8")
    result = import_files([path])
    (row,) = result.estate.exo_reports
    assert row.recommended_builds == ("15.2.1748.39", "15.02.1748.039", "15.2.2562.46")
    cut = [f for f in result.findings if f.code == "IMPORT-LIST-TRUNCATED"]
    assert len(cut) == 1 and "$FormatEnumerationLimit" in cut[0].message("en")


def test_a_format_list_finding_names_the_line_and_field_never_a_column(tmp_path: Path) -> None:
    """A Format-List has no columns: a bad date in the second record is named by the line
    the record begins on and the field's name (it was 'row 2 › column D', a letter no one
    can find in a text file)."""
    second = FORMAT_LIST_DE.strip("\n").replace("ex01", "ex02").replace(
        "28.03.2024 00:00:00", "31.02.2024 00:00:00")
    path = tmp_path / "Get-OnPremServerReportInfo.txt"
    path.write_text(FORMAT_LIST_DE + second + "\n", encoding="utf-8")
    result = import_files([path])
    (bad,) = [f for f in result.findings if "31.02.2024" in f.message("en")]
    assert (bad.row, bad.column) == (15, "FirstDetectedDate")  # its ServerFQDN line
    assert finding_place(bad, "en").endswith("row 15 › FirstDetectedDate")
    assert "column" not in finding_place(bad, "en") and "Spalte" not in finding_place(bad, "de")
