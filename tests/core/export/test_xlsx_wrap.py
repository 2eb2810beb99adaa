"""Wrapped cells show all their text in LibreOffice: rows and header rows are high enough.

LibreOffice (and Excel) do not grow a row for wrapped text when they open an xlsx file, so the
workbook sets each row's height from the lines its text wraps to. Counting characters alone,
a long command wrapped to more lines than its row had and its end was cut off (Annahmen).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from planner.core.export.cells import row_height, text_lines
from planner.core.export.xlsx import write_workbook
from planner.core.export.xlsx_layout import pages_for
from planner.core.knowledge import load_knowledge
from planner.core.plan import Plan

HYBRID_APP = ".\\ConfigureExchangeHybridApplication.ps1 -FullyConfigureExchangeHybridApplication"
AD_PREP = "Setup.exe /PrepareSchema /IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF"
URL = "https://autodiscover.contoso.de/Autodiscover/Autodiscover.xml"


@pytest.mark.parametrize(("text", "width", "lines_in_libreoffice"), [
    # what LibreOffice 7 printed, each in a wrapped Calibri 10 cell of that width
    (HYBRID_APP, 21, 5), (HYBRID_APP, 27, 5), (AD_PREP, 21, 3), (URL, 21, 4),
    ("a" * 38, 21, 2), ("Get-OnPremServerReportInfo", 21, 1)])
def test_a_row_holds_as_many_lines_as_libreoffice_wraps_a_command_to(
        text: str, width: float, lines_in_libreoffice: int) -> None:
    assert text_lines(text, width) >= lines_in_libreoffice


def test_short_and_multi_line_text_count_their_lines() -> None:
    assert text_lines("", 10) == 1
    assert text_lines("kurz", 10) == 1
    assert text_lines("eins\nzwei\ndrei", 10) == 3
    assert text_lines("ein Satz aus Wörtern " * 4, 21) in (4, 5)  # 84 characters, not 8 lines


PADDING = 0.7109375  # what a stored width adds to the width set (Calibri's cell padding)


def _width(sheet: Worksheet, column: int) -> float:
    """A column's width (openpyxl keeps columns of equal width as one range)."""
    for dim in sheet.column_dimensions.values():
        if dim.min <= column <= dim.max:
            return float(dim.width)
    raise AssertionError(f"column {column} has no width")


@pytest.fixture(scope="module")
def assumptions(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Worksheet:
    path = tmp_path_factory.mktemp("wrap") / "plan.xlsx"
    write_workbook(plan, load_knowledge(), path, "de")
    return openpyxl.load_workbook(path)["Annahmen"]


def test_commands_in_the_assumptions_are_written_as_they_are_and_shown_whole(
        assumptions: Worksheet) -> None:
    # nothing inserted to help the wrap: a command copied from the cell must run
    cells = {c.value: c for row in assumptions.iter_rows() for c in row if c.value}
    for command in (HYBRID_APP,):
        cell = cells[command]
        assert cell.alignment.wrap_text
        width = _width(assumptions, cell.column)
        height = assumptions.row_dimensions[cell.row].height
        # heights are stored in whole pixels (0.75 pt)
        assert height >= row_height(max(text_lines(command, width), 5)) - 0.75
    assert any(str(v).startswith(AD_PREP) for v in cells)


def test_header_rows_hold_their_longest_heading(
        assumptions: Worksheet) -> None:
    # "Wert der Wissensbasis (überschrieben)" wraps to three lines in its narrow column and
    # lost the third in a header row two lines high
    checked = 0
    for row in assumptions.iter_rows():
        for cell in row:
            if cell.value and cell.font.bold and cell.fill.fgColor.rgb not in (None, "00000000") \
                    and cell.row > 3:
                width = _width(assumptions, cell.column)
                lines = text_lines(str(cell.value), width / 1.1)
                assert assumptions.row_dimensions[cell.row].height >= row_height(lines) - 0.75, \
                    cell.value
                checked += 1
    assert checked > 20


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_plan_headings_break_between_words_and_still_print_one_page_wide(
        plan: Plan, lang: str, tmp_path: Path) -> None:
    # "Arbeitsta|ge" and "Wartungsfenst|er" printed broken mid-word in their narrow columns
    path = tmp_path / "plan.xlsx"
    write_workbook(plan, load_knowledge(), path, lang)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    printed = 11  # ID … reason
    widths = [_width(sheet, c) - PADDING for c in range(1, printed + 1)]
    for cell, width in zip(sheet[4][:printed], widths, strict=True):
        for word in str(cell.value).split():
            assert text_lines(word, width / 1.1) == 1, (word, width)
    assert pages_for(widths) == 1
    assert sheet.page_setup.fitToWidth in (None, 1)  # fit to one page across (1 is the default)


def test_the_stage_table_gives_each_stages_last_day_as_the_report_does(
        assumptions: Worksheet) -> None:
    """"Bis Tag 30" beside the report's "0–29" read as a day's difference."""
    rows = [[c.value for c in row] for row in assumptions.iter_rows()]
    head = next(n for n, r in enumerate(rows) if "Ab Tag" in r and "Bis Tag" in r)
    first, until = rows[head].index("Ab Tag"), rows[head].index("Bis Tag")
    stages = [(r[first], r[until]) for r in rows[head + 1:head + 9]]
    assert stages[0] == (0, 29)
    for (_, end), (start, _) in pairwise(stages):
        assert end in (None, "") or start == end + 1  # each stage starts the day after
