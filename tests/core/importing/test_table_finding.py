"""Tables the importer must find and columns it must read, wherever the customer put them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from planner.core.importing import ColumnMapping, import_files


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Inventory"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("servers", [3, 49, 60, 500])
def test_a_second_table_right_under_the_first_is_found(tmp_path: Path, servers: int) -> None:
    """A DAG table straight under the server rows, no blank row between, below row 50 too."""
    rows: list[list[object]] = [["Name", "Build", "Roles", "DAG"]]
    rows += [[f"EX{n:03d}", "15.2.1748.39", "Mailbox", "DAG1" if n < 2 else ""]
             for n in range(servers)]
    rows += [["Name", "Members", "Witness"], ["DAG1", "EX000; EX001", "FS01"]]
    result = import_files([_sheet(tmp_path / "inventory.xlsx", rows)])
    assert len(result.estate.servers) == servers
    (dag,) = result.estate.dags
    assert dag.name == "DAG1" and dag.members == ("EX000", "EX001")


def test_data_rows_that_name_a_header_word_start_no_table(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Name", "Build", "Roles", "Notes"]]
    rows += [[f"EX{n:03d}", "15.2.1748.39", "Mailbox", "Build later"] for n in range(80)]
    result = import_files([_sheet(tmp_path / "inventory.xlsx", rows)])
    assert len(result.estate.servers) == 80 and not result.estate.dags


def test_a_do_not_import_column_is_recognised_again_under_a_new_header(
        tmp_path: Path) -> None:
    first = _sheet(tmp_path / "inventory.xlsx", [["Name", "Build", "Kommentar"],
                                                  ["EX01", "15.2.1748.39", "alt"]])
    read = import_files([first])
    # the consultant keeps "Kommentar" out of the import ("do not import")
    (mapping,) = read.mappings
    columns = tuple(replace(c, field="") if c.header == "Kommentar" else c
                    for c in mapping.columns)
    saved = ColumnMapping((replace(mapping, columns=columns),))
    (server,) = import_files([first], saved).estate.servers
    assert server.notes == ""
    # the customer's next export: that column is now the OS, and a .NET column is new
    later = _sheet(tmp_path / "inventory.xlsx", [["Name", "Build", "OS", "DotNet"],
                                                  ["EX01", "15.2.1748.39",
                                                   "Windows Server 2019", "4.8.1"]])
    (server,) = import_files([later], saved).estate.servers
    assert (server.os, server.dotnet) == ("Windows Server 2019", "4.8.1")


def test_a_do_not_import_choice_still_holds_for_its_own_header(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "inventory.xlsx", [["Name", "Build", "OS"],
                                                 ["EX01", "15.2.1748.39", "Windows"]])
    (mapping,) = import_files([path]).mappings
    columns = tuple(replace(c, field="") if c.header == "OS" else c for c in mapping.columns)
    saved = ColumnMapping((replace(mapping, columns=columns),))
    (server,) = import_files([path], saved).estate.servers
    assert server.os == ""
