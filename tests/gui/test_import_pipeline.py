"""The GUI's import and the CLI's read files the same way: one pipeline function (#14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from planner.gui import import_flow
from planner.gui.import_flow import read_inventory
from planner.pipeline import load_inputs
from tests.hardening.fuzzing import xlsx_bytes

_SERVERS = [["Servername", "Version", "Rolle", "Standort"],
            ["EX01", "15.1.2507.6", "Mailbox", "Berlin"]]


def _workbook(tmp_path: Path, project: list[list[Any]] | None) -> Path:
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(xlsx_bytes(_SERVERS))
    if project is not None:
        book = load_workbook(path)
        sheet = book.create_sheet("Project")
        for row in [["Key", "Value"], *project]:
            sheet.append(row)
        book.save(path)
    return path


def test_gui_import_reads_the_project_sheet_as_the_cli_does(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [["consultants.1.name", "A. Berger"],
                                ["project.throughput_gb_per_day", 0.01]])
    gui, cli = read_inventory([path]), load_inputs([path])
    assert gui.result.estate == cli.estate
    sheet = [f for f in gui.findings if f.code == "IMPORT-PROJECT-SETTING"]
    assert sheet and set(sheet) <= set(cli.findings)  # the bad value, named at its cell
    assert gui.settings is not None
    assert gui.settings.consultants[0].name == cli.settings.consultants[0].name == "A. Berger"


def test_a_workbook_without_project_sheet_keeps_the_projects_settings(tmp_path: Path) -> None:
    outcome = read_inventory([_workbook(tmp_path, None)])
    assert outcome.settings is None and [s.name for s in outcome.result.estate.servers] == ["EX01"]


def test_the_gui_import_reads_files_through_the_pipeline(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # one reading of files for GUI and CLI: the GUI's import is load_inputs, not a copy of it
    calls: list[tuple[Path, ...]] = []
    real = import_flow.load_inputs

    def spy(paths: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(tuple(paths))
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(import_flow, "load_inputs", spy)
    path = _workbook(tmp_path, None)
    outcome = read_inventory([path])
    assert calls == [(path,)] and outcome.result.estate.servers
