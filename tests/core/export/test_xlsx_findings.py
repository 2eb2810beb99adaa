"""The workbook's Findings sheet as a PMO reads it: every finding says where it was found.

Its place columns (file, sheet, row, column) once stood empty for every finding that is not
the importer's: the transport logs' relay clients and connectors, the rules', the schedule's.
Read back with openpyxl from the plans of estates with transport logs, an inventory with
cell findings and a sample.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from planner.core.catalogue import catalogue
from planner.core.export.xlsx import write_workbook
from planner.core.model import Finding
from planner.core.outline import finding_place
from planner.core.plan import Plan
from planner.core.report.assumptions import findings_table
from planner.core.report.wording import load_wording
from planner.pipeline import knowledge_for
from tests.paths import ROOT, SAMPLES
from tests.sample_plans import estate_plan

TODAY = date(2026, 12, 8)
ESTATES = ROOT / "tests" / "estates"
# estate -> its input files: two with transport logs, the sample with its logs (a malformed
# line gives a finding with a file), an inventory with cell findings and rule findings
INPUTS: dict[str, tuple[Path, ...]] = {
    "gotthard-rail": (ESTATES / "gotthard-rail" / "inventory.xlsx",
                      ESTATES / "gotthard-rail" / "Get-OnPremServerReportInfo.txt",
                      ESTATES / "gotthard-rail" / "transport-logs"),
    "thames-shannon": (ESTATES / "thames-shannon" / "inventory.xlsx",
                       ESTATES / "thames-shannon" / "exo-report.csv",
                       ESTATES / "thames-shannon" / "transport-logs"),
    "mixed": (SAMPLES / "mixed" / "inventory.xlsx", SAMPLES / "mixed-transport-logs.zip"),
    "german-csv": tuple(sorted((ESTATES / "german-csv").iterdir())),
}
_CODE = re.compile(r"\b(?:server|relay|connector|dag|site|milestone):\S")


def _plan(name: str) -> Plan:
    return estate_plan([p for p in INPUTS[name] if p.name != "settings.toml"])


def _findings_rows(plan: Plan, lang: str, folder: Path) -> tuple[list[str], list[list[str]]]:
    """The Findings sheet's header and rows, as Excel shows them."""
    path = folder / f"plan-{lang}.xlsx"
    write_workbook(plan, knowledge_for(plan.settings), path, lang, today=TODAY)
    sheet = openpyxl.load_workbook(path)[catalogue(lang)("export.sheet.findings")]
    rows = [["" if v is None else str(v) for v in r]
            for r in sheet.iter_rows(min_row=4, values_only=True)]
    return rows[0], rows[1:]


def _knows_a_place(f: Finding) -> bool:
    return bool(f.file or f.sheet or f.row is not None or f.column or f.log_place or f.target)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", list(INPUTS))
def test_every_finding_row_says_where_it_was_found(name: str, lang: str,
                                                   tmp_path: Path) -> None:
    plan = _plan(name)
    head, rows = _findings_rows(plan, lang, tmp_path)
    words = catalogue(lang)
    assert head == [words(f"export.col.{k}") for k in ("severity", "area", "message", "where")]
    assert len(rows) == len(plan.findings)
    # no column stands empty for a kind of finding: every cell of every row is filled
    assert all(all(cell.strip() for cell in row) for row in rows), rows
    by_message: dict[str, set[str]] = {}
    for row in rows:
        by_message.setdefault(row[2], set()).add(row[3])
    for f in plan.findings:
        if _knows_a_place(f):
            assert finding_place(f, lang) in by_message[f.message(lang)]
            assert "–" not in by_message[f.message(lang)], f.code
    assert not any(_CODE.search(cell) for row in rows for cell in row)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", ["gotthard-rail", "thames-shannon", "mixed"])
def test_a_transport_log_finding_names_the_server_connector_and_client_it_was_seen_at(
        name: str, lang: str, tmp_path: Path) -> None:
    plan = _plan(name)
    _, rows = _findings_rows(plan, lang, tmp_path)
    where = {row[2]: row[3] for row in rows}
    logged = [f for f in plan.findings if f.code.startswith("LOGS-") and not f.file]
    assert any(f.code == "LOGS-RANGE-WIDE" for f in logged)
    assert all(f.log_place is not None for f in logged), [f.code for f in logged]
    for f in logged:
        cell = where[f.message(lang)]
        assert f.log_place is not None
        for part in (*f.log_place.servers, f.log_place.connector, f.log_place.client):
            assert part in cell, (f.code, part, cell)
    discovered = [f for f in logged if f.code == "LOGS-RELAY-DISCOVERED"]
    assert discovered and all(f.log_place and f.log_place.servers and f.log_place.connector
                              and f.log_place.client for f in discovered)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_report_names_the_same_place_as_the_workbook(lang: str, tmp_path: Path) -> None:
    plan = _plan("gotthard-rail")
    _, rows = _findings_rows(plan, lang, tmp_path)
    table, _ = findings_table(plan, load_wording(lang))
    assert {(r.cells[1], r.cells[2]) for r in table.rows} == {(r[2], r[3]) for r in rows}
