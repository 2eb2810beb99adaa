"""The enforcement sheet's stage strip starts at first detection, the history hatched."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from planner.core.export.xlsx import write_workbook
from planner.core.export.xlsx_enforcement import history_columns
from planner.core.knowledge import Knowledge
from planner.core.plan import Plan

TODAY = date(2026, 11, 4)


def _strip_rows(sheet: Worksheet) -> tuple[int, int]:
    """The strip's column-label row and its first server row."""
    note = next(c for row in sheet.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith(("Shown:", "Gezeigt:")))
    return note.row + 2, note.row + 3


def _detected_2024(plan: Plan) -> Plan:
    first, *rest = plan.schedule.exposure
    early = replace(first, first_detected=date(2024, 3, 28), first_detected_source="exo_report")
    return replace(plan, schedule=replace(plan.schedule, exposure=(early, *rest)))


def test_a_server_detected_in_2024_shows_its_past_stages_as_months(
        plan: Plan, knowledge: Knowledge, tmp_path: Path) -> None:
    old = _detected_2024(plan)
    path = tmp_path / "history.xlsx"
    write_workbook(old, knowledge, path, "en", today=TODAY)
    sheet = openpyxl.load_workbook(path)["Enforcement"]
    labels_row, first_row = _strip_rows(sheet)
    server = old.schedule.exposure[0].server
    assert sheet.cell(first_row, 1).value == server
    # March 2024 up to the plan's first week (Monday 05.10.2026, CW41): a column per month.
    months = history_columns(date(2024, 3, 28), date(2026, 10, 5), "en")
    assert [c.label for c in months[:3]] == ["03", "04", "05"] and len(months) == 32
    assert [sheet.cell(labels_row, c).value for c in range(2, 5)] == ["03", "04", "05"]
    assert sheet.cell(labels_row - 1, 2).value == "2024"
    cells = [sheet.cell(first_row, c) for c in range(2, 2 + len(months))]
    assert all(c.value and c.fill.patternType not in (None, "solid") for c in cells)
    # Detected in March 2024 the server is blocked long before the plan starts.
    assert cells[-1].value == str(knowledge.policy.stages[-1].number)
    plan_cells = [sheet.cell(first_row, c) for c in range(2 + len(months), sheet.max_column + 1)
                  if sheet.cell(first_row, c).value]
    assert plan_cells and all(c.fill.patternType == "solid" for c in plan_cells)
    texts = {c.value for r in sheet.iter_rows() for c in r if isinstance(c.value, str)}
    assert "Before the plan counts (history)" in texts
    # Printable: a month per column keeps the page count close to the plan's own.
    assert len(sheet.col_breaks.brk) + 1 <= 4  # pages across (our breaks at a fixed scale)


def test_a_short_history_prints_a_column_per_week() -> None:
    weeks = history_columns(date(2026, 8, 20), date(2026, 10, 5), "de")
    assert [c.label for c in weeks] == ["34", "35", "36", "37", "38", "39", "40"]
    assert weeks[0].start == date(2026, 8, 20) and weeks[-1].end == date(2026, 10, 4)
    assert history_columns(date(2026, 10, 5), date(2026, 10, 5), "de") == ()


def test_days_the_plan_counts_before_its_work_starts_are_the_plans_not_history(
        plan: Plan, knowledge: Knowledge, tmp_path: Path) -> None:
    """Planned today for work that starts weeks later, the plan counts from today (a pause
    requested now): the strip starts today, not with those days in the history columns."""
    today = plan.settings.start - timedelta(days=27)
    early = replace(plan, as_of=today)
    assert early.counted_from == today
    path = tmp_path / "today.xlsx"
    write_workbook(early, knowledge, path, "en", today=today)
    sheet = openpyxl.load_workbook(path)["Enforcement"]
    note = next(c.value for row in sheet.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("Shown:"))
    assert note.startswith(f"Shown: {today.day} {today:%b %Y} (the first day the plan counts)")
