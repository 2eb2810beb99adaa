"""``--settings`` over a workbook's Project sheet: what the file names wins, the rest stays.

A review's case: a TOML holding only ``[enforcement] pause_days_used`` (the sheet could not
hold it then) made the planner drop the whole Project sheet: the plan started today, with
Bavaria's holidays, no freezes and "Consultant 1", and nothing said so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from planner.core.regions import region_findings
from planner.pipeline import load_inputs


def _inventory(path: Path) -> Path:
    book = openpyxl.Workbook()
    servers = book.active
    servers.title = "Servers"
    servers.append(["Name", "Site", "Roles", "Build"])
    servers.append(["EX01", "Columbus", "Mailbox", "15.2.1748.39"])
    project = book.create_sheet("Project")
    for row in (["Key", "Value"], ["project.start", "2027-01-04"],
                ["project.country", "US"], ["project.subdivision", "OH"],
                ["consultants.1.name", "D. Alvarez"],
                ["freezes.1.start", "2026-12-18"], ["freezes.1.end", "2027-01-03"],
                ["enforcement.pause_days_used.2026", 10],
                ["naming.new_server", "{site}-SE{n:02}"]):
        project.append(row)
    book.save(path)
    return path


def test_a_settings_file_changes_only_what_it_names(tmp_path: Path) -> None:
    toml = tmp_path / "settings.toml"
    toml.write_text("[enforcement]\npause_days_used = { 2026 = 45 }\n", encoding="utf-8")
    inputs = load_inputs([_inventory(tmp_path / "estate.xlsx")], settings_path=toml)
    s = inputs.settings
    assert (s.start, s.country, s.subdivision) == (date(2027, 1, 4), "US", "OH")
    assert [c.name for c in s.consultants] == ["D. Alvarez"]
    assert [(f.start, f.end) for f in s.freezes] == [(date(2026, 12, 18), date(2027, 1, 3))]
    assert s.pause_days_used == {2026: 45}  # the file's, not the sheet's 10
    assert s.new_server_pattern == "{site}-SE{n:02}"  # braces, but no table
    said = [f for f in inputs.findings if f.code == "IMPORT-SETTINGS-OVER-SHEET"]
    assert len(said) == 1 and said[0].file == "settings.toml"
    assert "enforcement.pause_days_used" in said[0].message("en")


def test_another_country_in_the_file_does_not_keep_the_sheets_state(tmp_path: Path) -> None:
    toml = tmp_path / "settings.toml"
    toml.write_text('[project]\ncountry = "NL"\n', encoding="utf-8")
    inputs = load_inputs([_inventory(tmp_path / "estate.xlsx")], settings_path=toml)
    assert (inputs.settings.country, inputs.settings.subdivision) == ("NL", "")
    assert inputs.settings.start == date(2027, 1, 4)


def test_the_sheet_holds_a_years_pause_days_and_a_state_less_country(tmp_path: Path) -> None:
    """``enforcement.pause_days_used.2026`` read as item 2026 of a list ("expected a table");
    a Dutch project without a state got Bavaria's ("NL-BY", an error the customer never
    made)."""
    path = _inventory(tmp_path / "estate.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Project"]
    for row in sheet.iter_rows():
        if row[0].value == "project.country":
            row[1].value = "NL"
        if row[0].value == "project.subdivision":
            row[0].value = row[1].value = None
    sheet.append(["enforcement.pause_days_used.2027", "3"])
    book.save(path)
    inputs = load_inputs([path])
    assert inputs.settings.pause_days_used == {2026: 10, 2027: 3}
    assert (inputs.settings.country, inputs.settings.subdivision) == ("NL", "")
    assert not [f for f in inputs.findings if f.code == "IMPORT-PROJECT-SETTING"]
    assert region_findings(inputs.settings.country, inputs.settings.subdivision) == ()
