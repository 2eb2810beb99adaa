"""A bad value on the customer's Project sheet is a finding; the rest of the sheet still counts."""

from __future__ import annotations

from datetime import date

from planner.core.model import Severity
from planner.core.settings import Settings
from planner.core.settings_sheet import settings_from_sheet

GOOD = {
    "project": {"customer": "Contoso", "start": date(2026, 12, 1), "country": "DE"},
    "consultants": [{"name": "Anna", "days_per_week": 5}, {"name": "Ben", "days_per_week": 4}],
    "freezes": [{"start": date(2026, 12, 21), "end": date(2027, 1, 6)}],
    "windows": {"maintenance_days": ["Sat"]},
}


def test_a_good_sheet_gives_its_settings_and_no_finding() -> None:
    settings, findings = settings_from_sheet(GOOD)
    assert findings == ()
    assert settings.customer == "Contoso" and len(settings.consultants) == 2


def test_a_bad_value_falls_back_to_its_default_only() -> None:
    table = {**GOOD, "project": {**GOOD["project"], "start": "morgen"}}
    settings, findings = settings_from_sheet(table)
    assert [(f.code, f.severity, f.sheet, f.column) for f in findings] == [
        ("IMPORT-PROJECT-SETTING", Severity.ERROR, "Project", "project.start")]
    assert settings.start == Settings().start  # the default
    # what is wrong, in the reader's language (the settings reader's English stays in logs)
    assert findings[0].message("de") == (
        "Die Projekteinstellung project.start ist unbrauchbar und wird ignoriert (es gilt der "
        "Standard): erwartet ein Datum (JJJJ-MM-TT), erhalten „morgen“.")
    assert "expected a date (YYYY-MM-DD), got “morgen”" in findings[0].message("en")
    assert settings.customer == "Contoso" and [c.name for c in settings.consultants] == [
        "Anna", "Ben"]


def test_a_broken_list_entry_is_dropped_and_reported_once() -> None:
    table = {**GOOD, "consultants": [{"name": "Anna", "days_per_week": "x"},
                                     {"name": "Ben", "days_per_week": 4}],
             "freezes": [{"start": "bad", "end": date(2027, 1, 6)}],
             "windows": {"maintenance_days": ["Sat", "Blub"]}}
    settings, findings = settings_from_sheet(table)
    assert [f.column for f in findings] == [
        "consultants[1].days_per_week", "freezes[1].start", "windows.maintenance_days[1]"]
    assert settings.freezes == () and settings.maintenance_days == ("Sat",)
    assert [c.name for c in settings.consultants] == ["Anna", "Ben"]


def test_holidays_the_customer_works_come_from_one_cell() -> None:
    """The Project sheet's ``calendar.working_holidays``: names or dates separated by ';'."""
    table = {**GOOD, "calendar": {"working_holidays": "Epiphany; 2027-03-31"}}
    settings, findings = settings_from_sheet(table)
    assert findings == () and settings.working_holidays == ("Epiphany", "2027-03-31")
    settings, findings = settings_from_sheet({**GOOD, "calendar": {"working_holidays": 7}})
    assert [f.column for f in findings] == ["calendar.working_holidays"]
    assert settings.working_holidays == () and settings.customer == "Contoso"
