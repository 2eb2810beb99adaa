"""Odd workbooks, tenth round (2026-12-07, the attacker's leftovers): a hidden sheet of
decommissioned servers, two server tables side by side on one sheet, a log of one day.
Nothing is planned that the customer hid, and nothing the customer shows is lost."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from planner.core.importing import import_files
from planner.core.importing.mapping import ColumnMapping
from tests.hardening.workbooks import workbook

HEADER = ["Name", "FQDN", "Site", "Roles", "Build"]


def test_a_hidden_sheet_of_servers_is_not_planned_and_the_warning_names_it(
        tmp_path: Path) -> None:
    """A customer hides the sheet of servers decommissioned years ago; it had been planned
    as live (a 2013 server with its own removal), with no word."""
    path = workbook(tmp_path / "estate.xlsx", {
        "Servers": [HEADER, ["EX01", "ex01.contoso.local", "Berlin", "Mailbox",
                             "15.2.1748.39"]],
        "Decommissioned 2023": [HEADER,
                                ["EX2010OLD", "old.contoso.local", "Berlin", "Mailbox",
                                 "15.0.1497.2"],
                                ["EX2013OLD", "old2.contoso.local", "Berlin", "Mailbox",
                                 "15.0.1497.2"]],
    }, hidden=("Decommissioned 2023",))
    result = import_files([path])
    assert [s.name for s in result.estate.servers] == ["EX01"]
    hidden = [f for f in result.findings if f.code == "IMPORT-SHEET-HIDDEN"]
    assert len(hidden) == 1 and hidden[0].sheet == "Decommissioned 2023"
    assert "not read (2 rows)" in hidden[0].message("en")
    assert "ausgeblendet" in hidden[0].message("de") and "2 Zeilen" in hidden[0].message("de")


def test_a_very_hidden_sheet_is_not_read_either_and_an_empty_hidden_one_says_nothing(
        tmp_path: Path) -> None:
    path = workbook(tmp_path / "estate.xlsx", {
        "Servers": [HEADER, ["EX01", "", "Berlin", "Mailbox", "15.2.1748.39"]],
        "Lists": [["Site"]],  # a template's list for a drop-down: nothing to plan
        "Macro": [HEADER, ["EX99", "", "Berlin", "Mailbox", "15.2.1748.39"]],
    }, hidden=("Lists",))
    book = openpyxl.load_workbook(path)
    book["Macro"].sheet_state = "veryHidden"
    book.save(path)
    result = import_files([path])
    assert [s.name for s in result.estate.servers] == ["EX01"]
    assert [f.sheet for f in result.findings if f.code == "IMPORT-SHEET-HIDDEN"] == ["Macro"]


def test_two_server_tables_side_by_side_are_both_read(tmp_path: Path) -> None:
    """Berlin's servers in A-E and Hamburg's in H-L on one sheet: Hamburg's were dropped
    with a note that its columns were "not used"."""
    path = workbook(tmp_path / "estate.xlsx", {"Servers": [
        [*HEADER, None, None, *HEADER],
        ["EX01", "ex01.contoso.local", "Berlin", "Mailbox", "15.2.1748.39", None, None,
         "EX02", "ex02.contoso.local", "Hamburg", "Mailbox", "15.1.2507.61"],
        ["EX03", "ex03.contoso.local", "Berlin", "Mailbox", "15.2.1748.39", None, None,
         "EX04", "ex04.contoso.local", "Hamburg", "Mailbox", "not a build"],
        ["EX05", "ex05.contoso.local", "Berlin", "Mailbox", "15.2.1748.39"],
    ]})
    result = import_files([path])
    sites = {s.name: s.site for s in result.estate.servers}
    assert sites == {"EX01": "Berlin", "EX03": "Berlin", "EX05": "Berlin",
                     "EX02": "Hamburg", "EX04": "Hamburg"}
    assert not [f for f in result.findings if f.code == "IMPORT-COLUMNS-IGNORED"]
    # a finding in the right-hand table names the sheet's own row and column
    bad = [f for f in result.findings if f.code == "IMPORT-BUILD-UNPARSEABLE"]
    assert [(f.row, f.column) for f in bad] == [(3, "L")]
    # the mappings the import used (a project keeps them) read the same servers again
    again = import_files([path], ColumnMapping(result.mappings))
    assert {s.name: s.site for s in again.estate.servers} == sites


def test_a_right_hand_table_longer_than_the_left_reads_without_warnings(
        tmp_path: Path) -> None:
    path = workbook(tmp_path / "estate.xlsx", {"Servers": [
        [*HEADER, None, *HEADER],
        ["EX01", "", "Berlin", "Mailbox", "15.2.1748.39", None,
         "EX02", "", "Hamburg", "Mailbox", "15.2.1748.39"],
        [None, None, None, None, None, None,
         "EX04", "", "Hamburg", "Mailbox", "15.2.1748.39"],
    ]})
    result = import_files([path])
    assert sorted(s.name for s in result.estate.servers) == ["EX01", "EX02", "EX04"]
    assert not [f for f in result.findings if f.severity.name in ("ERROR", "WARNING")]


def test_a_spacer_column_inside_one_table_keeps_it_one_table(tmp_path: Path) -> None:
    """An empty column between a server's build and its DAG is a layout choice: the DAG
    column still belongs to the servers (no second table of DAGs is made of it)."""
    path = workbook(tmp_path / "estate.xlsx", {"Servers": [
        ["Name", "Site", "Build", None, "DAG"],
        ["EX01", "Berlin", "15.2.1748.39", None, "DAG01"],
        ["EX02", "Berlin", "15.2.1748.39", None, "DAG01"],
    ]})
    result = import_files([path])
    assert {s.name: s.dag for s in result.estate.servers} == {"EX01": "DAG01", "EX02": "DAG01"}


def test_an_exchange_older_than_2013_is_named_not_called_no_build(tmp_path: Path) -> None:
    """Exchange 2010's build 14.3.513.0 read "is not a build number": the consultant needs
    to hear that it blocks Exchange 2019 and SE and must go first."""
    inventory = tmp_path / "servers.csv"
    inventory.write_text("Name,Site,Roles,Build\n"
                         "EX2010,Berlin,Mailbox,Version 14.3 (Build 513.0)\n"
                         "EX2007,Berlin,Mailbox,8.3.485.1\n"
                         "EX01,Berlin,Mailbox,15.2.1748.39\n"
                         "EX02,Berlin,Mailbox,14.x\n", encoding="utf-8")
    findings = import_files([inventory]).findings
    old = {f.target: f for f in findings if f.code == "IMPORT-BUILD-TOO-OLD"}
    assert set(old) == {"server:EX2010", "server:EX2007"}
    assert "Exchange 2010" in old["server:EX2010"].message("en")
    assert "cannot be installed" in old["server:EX2010"].message("en")
    assert "Exchange 2007" in old["server:EX2007"].message("de")
    assert [f.target for f in findings if f.code == "IMPORT-BUILD-UNPARSEABLE"] == ["server:EX02"]


def _deflate64(path: Path, member: str, data: bytes) -> Path:
    """A one-member ZIP whose method fields say Deflate64 (9), as Windows writes them."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, data, compress_type=zipfile.ZIP_DEFLATED)
    raw = bytearray(path.read_bytes())
    local, central = raw.find(b"PK\x03\x04"), raw.find(b"PK\x01\x02")
    raw[local + 8:local + 10] = raw[central + 10:central + 12] = (9).to_bytes(2, "little")
    path.write_bytes(bytes(raw))
    return path


def test_a_zip_of_logs_that_cannot_be_unpacked_says_why(tmp_path: Path) -> None:
    """A password-protected or Deflate64 archive of transport logs read "Not a spreadsheet,
    CSV, text report or HealthChecker XML (a ZIP archive)": the consultant needs to know to
    unpack it, and that the planner will not ask for the password."""
    log = b"#Software: Microsoft Exchange Server\r\n#Log-type: SMTP Receive Protocol Log\r\n"
    sealed = tmp_path / "sealed.zip"
    with zipfile.ZipFile(sealed, "w") as archive:
        archive.writestr("RECV2026110200-1.LOG", log)
    raw = bytearray(sealed.read_bytes())  # the encryption flag: reading fails as it would
    local, central = raw.find(b"PK\x03\x04"), raw.find(b"PK\x01\x02")
    raw[local + 6] |= 1
    raw[central + 8] |= 1
    sealed.write_bytes(bytes(raw))
    packed = _deflate64(tmp_path / "packed.zip", "RECV2026110200-1.LOG", log)
    for path, why in ((sealed, "password"), (packed, "Deflate64")):
        result = import_files([path])
        found = [f for f in result.findings if f.code == "IMPORT-ZIP-SEALED"]
        assert len(found) == 1 and found[0].file == path.name, path.name
        assert why in found[0].message("en") and "unpack it" in found[0].message("en")
        assert "entpacken" in found[0].message("de")


def test_a_name_typed_full_width_is_the_plain_name_or_an_error_beside_it(
        tmp_path: Path) -> None:
    """"ＥＸ02" (typed on a Japanese keyboard) went into the commands as it was, and
    "EX０１" beside EX01 made two servers that look the same on every page."""
    inventory = tmp_path / "servers.csv"
    inventory.write_text("Name,Site,Roles,Build\n"
                         "EX０１,Berlin,Mailbox,15.2.1748.39\n"
                         "EX01,Berlin,Mailbox,15.2.1748.39\n"
                         "ＥＸ02,Berlin,Mailbox,15.2.1748.39\n", encoding="utf-8")
    result = import_files([inventory])
    assert sorted(s.name for s in result.estate.servers) == ["EX01", "EX02"]
    refused = [f for f in result.findings if f.code == "IMPORT-SERVER-NAME-INVALID"]
    assert [f.row for f in refused] == [2]
