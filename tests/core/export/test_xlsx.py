"""The Excel project plan, read back with openpyxl as a customer's Excel would see it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from planner.core.catalogue import catalogue
from planner.core.export.cells import looks_like_formula
from planner.core.export.project_calendar import ProjectCalendar
from planner.core.export.xlsx import write_workbook
from planner.core.knowledge import Knowledge
from planner.core.model import Severity
from planner.core.outline import Outline, OutlineRow, build_outline, finding_area
from planner.core.pause_policy import pause_budget, pause_command
from planner.core.plan import Pause, Phase, Plan
from planner.core.vocabulary import COLOURS, PHASES, SEVERITIES, STAGE_KINDS, StageKind

TODAY = date(2026, 11, 4)
HEADER_ROW = 4  # 1-based, as openpyxl counts


@pytest.fixture(scope="module")
def book_de(plan: Plan, knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "plan-de.xlsx"
    write_workbook(plan, knowledge, path, "de", today=TODAY)
    return path


def _day(value: object) -> date:
    assert isinstance(value, datetime), value
    return value.date()


def test_sheets_in_both_languages(plan: Plan, knowledge: Knowledge, book_de: Path,
                                  tmp_path: Path) -> None:
    assert openpyxl.load_workbook(book_de).sheetnames == [
        "Plan", "Gantt", "Durchsetzung", "Umgebung", "Befunde", "Annahmen"]
    write_workbook(plan, knowledge, tmp_path / "en.xlsx", "en", today=TODAY)
    book = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert book.sheetnames == ["Plan", "Gantt", "Enforcement", "Estate", "Findings",
                               "Assumptions"]
    assert book["Plan"].cell(HEADER_ROW, 4).value == "Start"
    assert book["Plan"].cell(HEADER_ROW + 1, 4).number_format == "d mmm yyyy"  # as the report
    assert "Created 4 Nov 2026" in book["Plan"].cell(2, 1).value
    assert openpyxl.load_workbook(book_de)["Plan"].cell(
        HEADER_ROW + 1, 4).number_format == "dd.mm.yyyy"


def test_customer_text_is_never_a_formula(book_de: Path) -> None:
    book = openpyxl.load_workbook(book_de)
    risky = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and looks_like_formula(cell.value):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    risky.append(cell.value)
    assert '=HYPERLINK("http://evil","click")' in risky  # a server's notes
    assert "+49 89 1234" in risky and "@Outbound to O365" in risky and "=owner" in risky
    assert "\tScanner 3" in risky


def test_plan_rows_carry_outline_dates_and_links(plan: Plan, book_de: Path) -> None:
    sheet = openpyxl.load_workbook(book_de)["Plan"]
    outline = build_outline(plan, "de")
    assert sheet.freeze_panes == "D5"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A4:")
    for row in outline.rows:
        r = HEADER_ROW + row.id
        assert sheet.cell(r, 1).value == row.id
        assert sheet.cell(r, 2).value == row.wbs
        assert sheet.cell(r, 3).value == row.title
        assert (sheet.row_dimensions[r].outline_level or 0) == row.level - 1
        if row.start is not None:
            assert _day(sheet.cell(r, 4).value) == row.start
            assert _day(sheet.cell(r, 5).value) == row.end
        if row.step is not None:
            assert sheet.cell(r, 15).value == (row.step.command_in("de") or None)
            assert sheet.cell(r, 16).value is None  # no internal step id
            assert (sheet.cell(r, 7).value or "") == outline.predecessors(row, "de")
    ss_row = next(r for r in outline.rows if r.step and r.step.id == "sbs:EXSE-02:install")
    assert sheet.cell(HEADER_ROW + ss_row.id, 7).value.endswith("AA+2T")
    customer_step = next(r for r in outline.rows if r.step and r.step.id == "prep:license")
    assert sheet.cell(HEADER_ROW + customer_step.id, 8).value == "Kunde"


def test_window_column_names_the_maintenance_days_and_milestones_have_no_owner(
        plan: Plan, book_de: Path) -> None:
    # The column once said "erforderlich"; a planner wants to know which day, and a milestone
    # showed "Kunde" as owner while the report shows "–".
    sheet = openpyxl.load_workbook(book_de)["Plan"]
    outline = build_outline(plan, "de")
    window = next(r for r in outline.rows if r.step and r.step.needs_window)
    assert sheet.cell(HEADER_ROW + window.id, 10).value == "Sa"
    assert sheet.cell(HEADER_ROW + window.id, 8).value != "–"
    milestone = next(r for r in outline.rows if r.step and r.step.milestone)
    assert sheet.cell(HEADER_ROW + milestone.id, 8).value == "–"


def test_plan_prints_landscape_fit_to_width_with_titles(book_de: Path) -> None:
    sheet = openpyxl.load_workbook(book_de)["Plan"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth or 1) == 1  # 1 is the default, so it may be omitted
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$4:$4"
    assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text


def test_tables_print_at_eight_points_or_more(book_de: Path) -> None:
    # Fit-to-width shrank "Umgebung" and "Annahmen" to about 4 pt; a sheet now takes as many
    # pages across as it needs for 8 pt (10 pt text at 80 %) on a landscape page.
    from openpyxl.utils import column_index_from_string

    book = openpyxl.load_workbook(book_de)
    for name in ("Plan", "Umgebung", "Befunde", "Annahmen"):
        sheet = book[name]
        last = sheet.max_column
        if sheet.print_area:
            area = sheet.print_area if isinstance(sheet.print_area, str) else \
                sheet.print_area[0]
            last = column_index_from_string(re.findall(r"\$([A-Z]+)\$\d+", area)[-1])
        widths = [sheet.column_dimensions[get_column_letter(c)].width or 8.43
                  for c in range(1, last + 1)]
        points = sum(5.25 * w + 3.75 for w in widths)
        scale = min(1.0, 770 * (sheet.page_setup.fitToWidth or 1) / points)
        assert scale * 10 >= 8, (name, round(scale * 10, 1))
    assert (book["Plan"].page_setup.fitToWidth or 1) == 1  # the plan itself stays one page wide
    # The assumptions wrap in their columns: two pages across printed one lone column apart.
    assert (book["Annahmen"].page_setup.fitToWidth or 1) == 1


def test_long_reasons_print_a_sentence_and_keep_the_full_text_in_a_note(
        plan: Plan, knowledge: Knowledge, tmp_path: Path) -> None:
    long = "Der erste Satz nennt den Grund. " + "Weitere Einzelheiten folgen hier. " * 20
    steps = tuple(replace(s, why_de=long) if i == 0 else s
                  for i, s in enumerate(plan.proposal.steps))
    changed = replace(plan, proposal=replace(plan.proposal, steps=steps))
    write_workbook(changed, knowledge, tmp_path / "long.xlsx", "de", today=TODAY)
    sheet = openpyxl.load_workbook(tmp_path / "long.xlsx")["Plan"]
    cells = [row[10] for row in sheet.iter_rows(min_row=5) if row[10].value]
    cell = next(c for c in cells if str(c.value).startswith("Der erste Satz"))
    assert cell.value == "Der erste Satz nennt den Grund. …"
    assert cell.comment is not None and cell.comment.text.strip() == long.strip()
    assert all(c.comment is None for c in cells if c is not cell)


def _rgb(colour: str) -> str:
    return colour.lstrip("#").upper()


def test_gantt_has_bars_shading_pauses_and_today(plan: Plan, book_de: Path) -> None:
    sheet = openpyxl.load_workbook(book_de)["Gantt"]
    labels = [sheet.cell(5, c).value for c in range(6, sheet.max_column + 1)]
    assert labels[0] == "KW41"  # the mixed fixture spans more than 14 weeks
    today_col = 6 + labels.index("KW45")
    assert sheet.cell(5, today_col).fill.fgColor.rgb.endswith(_rgb(COLOURS["today"]))
    pause_row = 6
    assert sheet.cell(pause_row, 3).value == "Durchsetzungspause"
    december = 6 + labels.index("KW50")
    paused = _rgb(STAGE_KINDS[StageKind.PAUSED].colour)
    assert sheet.cell(pause_row, december).fill.fgColor.rgb.endswith(paused)
    freeze_week = 6 + labels.index("KW52")
    assert sheet.cell(pause_row + 3, freeze_week).fill.fgColor.rgb.endswith(_rgb(COLOURS["freeze"]))
    first_step = pause_row + 3  # phase, target, then the first step
    assert sheet.cell(first_step, 6).fill.fgColor.rgb.endswith(_rgb(PHASES[Phase.PREPARE].colour))


def test_enforcement_sheet_has_exposure_pauses_budget_and_commands(book_de: Path) -> None:
    sheet = openpyxl.load_workbook(book_de)["Durchsetzung"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts.count("EX16-01") == 2  # exposure table and stage strip
    assert ("New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays 31"
            in texts)
    assert ("New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays 14"
            in texts)
    assert {"2026", "2027"} <= set(texts)


def test_pause_budget_counts_days_per_calendar_year() -> None:
    pauses = [Pause(date(2026, 12, 20), date(2027, 1, 9), 21)]
    assert pause_budget(pauses, {2026: 30}) == {2026: 12, 2027: 9}


@pytest.mark.parametrize("cmdlet", [
    "New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays",
    "New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays <n>",
    "New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays {days}",
    "New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer",
])
def test_pause_command_fills_in_the_days(cmdlet: str) -> None:
    assert pause_command(cmdlet, 12) == (
        "New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays 12")


def test_failed_export_leaves_no_half_file(plan: Plan, knowledge: Knowledge,
                                           tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "plan.xlsx"
    with pytest.raises(OSError):
        write_workbook(plan, knowledge, target, "en", today=TODAY)
    assert not target.exists()


def test_mixed_sample_workbook_reads_back(mixed: tuple[Plan, Knowledge], tmp_path: Path) -> None:
    plan, knowledge = mixed
    write_workbook(plan, knowledge, tmp_path / "mixed.xlsx", "en")
    book = openpyxl.load_workbook(tmp_path / "mixed.xlsx")
    sheet = book["Plan"]
    outline = build_outline(plan, "en")
    assert len(outline.ids) == len(plan.proposal.steps) > 0
    for row in outline.rows:
        r = HEADER_ROW + row.id
        assert sheet.cell(r, 2).value == row.wbs
        assert (sheet.row_dimensions[r].outline_level or 0) == row.level - 1
        if row.step is not None:
            assert (sheet.cell(r, 7).value or "") == outline.predecessors(row, "en")
            dated = plan.schedule.for_step(row.step.id)
            if dated is not None:
                assert _day(sheet.cell(r, 4).value) == dated.start
                assert _day(sheet.cell(r, 5).value) == dated.end
    assert any(outline.predecessors(r, "en") for r in outline.rows)
    server_names = {c.value for c in book["Estate"]["A"] if isinstance(c.value, str)}
    assert {s.name for s in plan.estate.servers} <= server_names
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)


def test_durations_count_each_task_in_its_calendar_and_summaries_with_their_window_days(
        plan: Plan) -> None:
    # A Saturday window step is one day of the window calendar; its phase, from that Saturday
    # to a Monday step, counts the Standard working days in between and the Saturday its step
    # works (2), and the server group of the Saturday step alone that Saturday (it printed 0).
    step = next(s for s in plan.proposal.steps if not s.milestone)
    window_step = replace(step, needs_window=True)
    milestone = replace(step, milestone=True)
    saturday, monday = date(2026, 12, 12), date(2026, 12, 14)
    rows = (OutlineRow(1, "1", 1, "Phase", Phase.UPDATE, "", saturday, monday),
            OutlineRow(2, "1.1", 2, "EX01", Phase.UPDATE, "server:EX01", saturday, saturday),
            OutlineRow(3, "1.1.1", 3, "CU", Phase.UPDATE, "server:EX01", saturday, saturday,
                       window_step),
            OutlineRow(4, "1.2", 2, "EX02", Phase.UPDATE, "server:EX02", monday, monday),
            OutlineRow(5, "1.2.1", 3, "CU", Phase.UPDATE, "server:EX02", monday, monday, step),
            OutlineRow(6, "2", 1, "Milestones", Phase.MILESTONE, "", monday, monday),
            OutlineRow(7, "2.1", 2, "Org", Phase.MILESTONE, "org", monday, monday),
            OutlineRow(8, "2.1.1", 3, "Done", Phase.MILESTONE, "org", monday, monday,
                       milestone))
    cal = ProjectCalendar("Standard", "Window", window={saturday})
    assert cal.durations(Outline(rows, {})) == {1: 2, 2: 1, 3: 1, 4: 1, 5: 1, 6: 0, 7: 0, 8: 0}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_raw_identifiers_on_the_printed_sheets(plan: Plan, knowledge: Knowledge,
                                                  tmp_path: Path, lang: str) -> None:
    # Internal codes ("baseline", "exo_report", "in_place", a bare "block") mean nothing
    # to a customer; the enforcement sheet's source column and legend once showed them.
    path = tmp_path / f"{lang}.xlsx"
    write_workbook(plan, knowledge, path, lang, today=TODAY)
    book = openpyxl.load_workbook(path)
    raw = {"baseline", "exo_report", "settings", "report", "throttle", "block", "paused",
           "in_place", "side_by_side", "cu_then_in_place"}
    sheet = book[book.sheetnames[2]]
    texts = {c.value for r in sheet.iter_rows() for c in r if isinstance(c.value, str)}
    assert not texts & raw
    legend = "Estimate (minimum version date)" if lang == "en" else "Durchsetzung pausiert"
    assert legend in texts


@pytest.mark.parametrize("lang", ["en", "de"])
def test_findings_sheet_names_the_area_never_the_code(plan: Plan, knowledge: Knowledge,
                                                      tmp_path: Path, lang: str) -> None:
    path = tmp_path / f"{lang}.xlsx"
    write_workbook(plan, knowledge, path, lang, today=TODAY)
    sheet = openpyxl.load_workbook(path)[catalogue(lang)("export.sheet.findings")]
    texts = [str(c.value) for r in sheet.iter_rows() for c in r if c.value is not None]
    assert plan.findings and not {f.code for f in plan.findings} & set(texts)
    assert catalogue(lang)("export.col.area") in texts
    assert {finding_area(f, lang) for f in plan.findings} <= set(texts)
    # the severity in the words the report and the GUI use ("Note", not "info")
    words = catalogue(lang)
    severities = {words(SEVERITIES[f.severity.value].label_key) for f in plan.findings}
    assert severities <= set(texts)
    assert not {s.value for s in Severity} & set(texts)


def test_stage_strip_shows_the_days_the_stage_table_counts(plan: Plan, knowledge: Knowledge,
                                                           tmp_path: Path) -> None:
    # The strip once showed a stage-7 day before the plan start that the table did not count.
    start = plan.settings.start
    if start.weekday() == 0:  # a Monday start would hide the bug: start mid-week
        start += timedelta(days=2)
    steps = tuple(replace(s, start=max(s.start, start), end=max(s.end, start))
                  for s in plan.schedule.steps if s.start < start + timedelta(days=20))
    short = replace(plan, settings=replace(plan.settings, start=start),
                    schedule=replace(plan.schedule, steps=steps, pauses=()))
    path = tmp_path / "short.xlsx"
    write_workbook(short, knowledge, path, "de", today=TODAY)
    sheet = openpyxl.load_workbook(path)["Durchsetzung"]
    note = next(c for row in sheet.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("Gezeigt:"))
    end = max(s.end for s in steps)
    assert f"{start:%d.%m.%Y} (erster Tag, den der Plan zählt) bis {end:%d.%m.%Y}" in note.value
    months = [sheet.cell(note.row + 1, c).value for c in range(2, sheet.max_column + 1)]
    assert any(m and m[:3] in {"Okt", "Nov", "Dez", "Jan"} for m in months)
    row = note.row + 3
    for exp in short.schedule.exposure:
        assert sheet.cell(row, 1).value == exp.server
        # Days before the plan start are there too, hatched as history (see test_xlsx_history).
        marked = sum(1 for c in range(2, sheet.max_column + 1) if sheet.cell(row, c).value
                     and sheet.cell(row, c).fill.patternType == "solid")
        first = max(start, exp.first_detected)
        last = min(end, exp.cutover) if exp.cutover else end
        assert marked == max(0, (last - first).days + 1)
        row += 1


def test_every_printed_gantt_page_names_its_month_and_the_legend_is_above_the_chart(
        knowledge: Knowledge, tmp_path: Path) -> None:
    from tests.sample_plans import sample_plan

    write_workbook(sample_plan("mixed"), knowledge, tmp_path / "mixed.xlsx", "de", today=TODAY)
    sheet = openpyxl.load_workbook(tmp_path / "mixed.xlsx")["Gantt"]
    breaks = [b.id for b in sheet.col_breaks.brk]
    assert breaks, "the mixed sample's day axis spans more than one printed page"
    assert sheet.page_setup.scale == 80 and not sheet.sheet_properties.pageSetUpPr.fitToPage
    months = {"Okt", "Nov", "Dez", "Jan", "Feb", "Mär", "Sep"}
    for column in breaks:  # a break after column `id`: the next page starts at id + 1
        label = sheet.cell(4, column + 1).value
        assert label and str(label)[:3] in months, (column, label)
    legend = [c.value for c in sheet[2] if isinstance(c.value, str)]
    assert "Durchsetzung pausiert" in legend or "Pause" in legend


@pytest.mark.parametrize("name", ["legacy", "mixed", "mixed-powershell", "small"])
def test_the_enforcement_sheet_prints_its_tables_on_whole_pages_at_eight_points(
        name: str, knowledge: Knowledge, tmp_path: Path) -> None:
    from tests.sample_plans import sample_plan

    write_workbook(sample_plan(name), knowledge, tmp_path / "plan.xlsx", "de", today=TODAY)
    sheet = openpyxl.load_workbook(tmp_path / "plan.xlsx")["Durchsetzung"]
    scale = sheet.page_setup.scale or 100
    assert scale >= 80 and not sheet.sheet_properties.pageSetUpPr.fitToPage  # 10 pt -> 8 pt
    last = openpyxl.utils.cell.range_boundaries(str(sheet.print_area).split("!")[-1])[2]
    # A break after column `id`: a printed page across runs from the break before to it.
    edges = [0, *(b.id for b in sheet.col_breaks.brk), last]
    pages = list(zip([e + 1 for e in edges[:-1]], edges[1:], strict=True))
    assert sheet.row_breaks.brk, "the stage strip starts a page of its own"

    widths = {c: dim.width for dim in sheet.column_dimensions.values() if dim.min
              for c in range(dim.min, (dim.max or dim.min) + 1)}

    def points(column: int) -> float:  # the file holds the width with its padding
        return 5.25 * widths.get(column, 9.14)

    for first, end in pages:  # column A repeats on every page after the first
        across = sum(points(c) for c in range(first, end + 1)) + (points(1) if first > 1 else 0)
        assert across * scale / 100 <= 770, (first, end, across)
    for merged in sheet.merged_cells.ranges:  # no title or month cut by a page edge
        assert any(first <= merged.min_col and merged.max_col <= end for first, end in pages), \
            (str(merged), pages)


def test_the_gantt_legend_names_today_only_when_the_chart_shows_it(
        plan: Plan, knowledge: Knowledge, tmp_path: Path) -> None:
    # today before the chart: no column carries the line, so the legend does not promise one
    words = catalogue("en")
    first = min(r.start for r in build_outline(plan, "en").rows if r.start)
    for today, shown in ((first - timedelta(days=60), False), (first, True)):
        path = tmp_path / f"{today}.xlsx"
        write_workbook(plan, knowledge, path, "en", today=today)
        sheet = openpyxl.load_workbook(path)[words("export.sheet.gantt")]
        texts = {c.value for r in sheet.iter_rows(max_row=3) for c in r}
        assert (words("export.gantt.today") in texts) is shown, today


@pytest.mark.parametrize("name", ["mixed", "legacy", "mixed-powershell"])
def test_printed_pages_never_end_on_a_phase_or_group_row(
        name: str, knowledge: Knowledge, tmp_path: Path) -> None:
    """The Plan and the Gantt break their pages before a group row, so it prints with its
    first step (page one of the Plan ended with "Servergruppe BER-EX19-01")."""
    from tests.sample_plans import sample_plan

    plan = sample_plan(name)
    path = tmp_path / "plan.xlsx"
    write_workbook(plan, knowledge, path, "de", today=TODAY)
    book = openpyxl.load_workbook(path)
    summaries = {row.id for row in build_outline(plan, "de").rows if row.summary}
    for sheet in book.worksheets[:2]:
        feet = [sheet.cell(b.id, 1).value for b in sheet.row_breaks.brk]
        assert feet and all(isinstance(f, int) for f in feet), (sheet.title, feet)
        assert not summaries & set(feet), (sheet.title, feet)
