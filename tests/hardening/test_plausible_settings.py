"""Project-sheet values outside sane bounds fall back to the default with an error (#18).

Each of these once made planning hang or overflow (a throughput of 0.01 GB a day, a step
of a billion days, an absence until 9999, a start in 9999, 100,000 consultants).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.core.model import Severity
from planner.core.settings import Settings
from planner.pipeline import load_inputs
from tests.hardening.fuzzing import xlsx_bytes

_SERVERS = [["Servername", "Version", "Rolle", "Standort"],
            ["EX01", "15.1.2507.6", "Mailbox", "Berlin"]]


def _inputs(tmp_path: Path, rows: list[list[Any]]) -> Any:
    from openpyxl import load_workbook

    path = tmp_path / "inventory.xlsx"
    path.write_bytes(xlsx_bytes(_SERVERS))
    book = load_workbook(path)
    sheet = book.create_sheet("Project")
    for row in [["Key", "Value"], *rows]:
        sheet.append(row)
    book.save(path)
    return load_inputs([path])


@pytest.mark.parametrize(("key", "value"), [
    ("project.throughput_gb_per_day", 0.01),
    ("durations.ad_prep", 1e9),
    ("durations.mailbox_moves_gb_per_day", 0.01),
    ("project.start", "9999-12-01"),
    ("project.start", "1899-12-30"),
    ("project.solver_time_limit_s", 1e12),
    ("consultants.1.absent", '[["2026-01-05", "9999-12-31"]]'),
])
def test_an_insane_project_value_is_an_error_and_the_default_applies(
        tmp_path: Path, key: str, value: Any) -> None:
    rows = [["consultants.1.name", "A. Berger"], [key, value]]
    inputs = _inputs(tmp_path, rows)
    bad = [f for f in inputs.findings if f.code == "IMPORT-PROJECT-SETTING"]
    assert bad and bad[0].severity is Severity.ERROR
    assert key.split(".")[-1] in bad[0].message("en")
    # the cell: the key's row on the Project sheet of this workbook (row 3: header, name)
    assert (bad[0].file, bad[0].sheet, bad[0].row) == ("inventory.xlsx", "Project", 3)
    default = Settings()
    assert inputs.settings.throughput_gb_per_day == default.throughput_gb_per_day
    assert inputs.settings.start.year < 2100


def test_a_hundred_thousand_consultants_are_refused(tmp_path: Path) -> None:
    table = {"consultants": [{"name": f"C{i}"} for i in range(100_000)]}
    from planner.core.settings_sheet import settings_from_sheet

    settings, findings = settings_from_sheet(table)
    assert len(settings.consultants) == len(Settings().consultants)
    assert any("consultants" in f.message("en") for f in findings)


def test_sane_values_still_count(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path, [["project.throughput_gb_per_day", 300],
                                ["project.start", "2027-01-04"]])
    assert inputs.settings.throughput_gb_per_day == 300
    assert inputs.settings.start == date(2027, 1, 4)
    assert not [f for f in inputs.findings if f.code == "IMPORT-PROJECT-SETTING"]
