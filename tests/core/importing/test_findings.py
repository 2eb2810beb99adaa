"""Bad input becomes findings with a location; odd encodings and layouts still import."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from planner.core.importing import ImportResult, import_files, tabular
from planner.core.model import Severity
from tests.paths import MIXED

SERVERS_CSV = "Name,Site,Roles,Build\nEX01,Berlin,Mailbox,15.2.1748.39\n"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _codes(result: ImportResult) -> set[str]:
    return {f.code for f in result.findings}


def _find(result: ImportResult, code: str):  # type: ignore[no-untyped-def]
    return next(f for f in result.findings if f.code == code)


def test_encodings_and_delimiters(tmp_path: Path) -> None:
    text = "Servername;Standort;Rolle;Version\nEX01;München;Postfach;15.2.1748.39\n"
    for n, encoding in enumerate(("utf-8", "utf-8-sig", "utf-16", "cp1252")):
        result = import_files([_write(tmp_path / f"s{n}.csv", text, encoding)])
        [server] = result.estate.servers
        assert (server.name, server.site, server.roles) == ("EX01", "München", ("Mailbox",))


def test_unknown_role_and_unparseable_build_are_located(tmp_path: Path) -> None:
    text = "Name,Roles,Build\nEX01,Mailbox; Telepathy,not a build\n"
    result = import_files([_write(tmp_path / "s.csv", text)])
    role = _find(result, "IMPORT-ROLE-UNKNOWN")
    assert (role.file, role.row, role.column) == ("s.csv", 2, "B")
    build = _find(result, "IMPORT-BUILD-UNPARSEABLE")
    assert build.severity is Severity.ERROR and (build.row, build.column) == (2, "C")
    assert "not a build" in build.message("en") and build.message("de")


def test_dangling_references(tmp_path: Path) -> None:
    servers = "Name,Build,DAG\nEX01,15.2.1748.39,DAG9\n"
    connectors = "Name,Type,SourceTransportServers\nTo EXO,send,EX01;GHOST01\n"
    result = import_files([_write(tmp_path / "servers.csv", servers),
                           _write(tmp_path / "connectors.csv", connectors)])
    assert {"IMPORT-DAG-UNLISTED", "IMPORT-REF-UNKNOWN-SERVER"} <= _codes(result)
    assert result.estate.dag("DAG9").members == ("EX01",)
    ghost = _find(result, "IMPORT-REF-UNKNOWN-SERVER")
    assert "GHOST01" in ghost.message("en") and ghost.file == "connectors.csv"


def test_empty_and_non_spreadsheet_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    png = tmp_path / "logo.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "hello")
    result = import_files([empty, png, archive, tmp_path / "missing.csv"])
    by_file = {f.file: f.code for f in result.findings}
    assert by_file == {"empty.xlsx": "IMPORT-FILE-EMPTY", "logo.xlsx": "IMPORT-FILE-UNSUPPORTED",
                       "photos.zip": "IMPORT-FILE-UNSUPPORTED",
                       "missing.csv": "IMPORT-FILE-MISSING"}
    assert not result.read_anything
    # why, in the reader's words, not the system's (English) error text
    missing = next(f for f in result.findings if f.file == "missing.csv")
    assert missing.message("de") == "Die Datei lässt sich nicht öffnen: sie existiert nicht."
    zipped = next(f for f in result.findings if f.file == "photos.zip")
    assert "(ein ZIP-Archiv)" in zipped.message("de")


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_UNPACKED_BYTES", 1024**2)  # keeps the test fast
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 * 1024**2))
    result = import_files([bomb])
    assert _codes(result) == {"IMPORT-FILE-TOO-LARGE"}


def test_type_name_instead_of_values_says_how_to_reexport(tmp_path: Path) -> None:
    text = ('#TYPE Microsoft.Exchange.Management.SystemConfigurationTasks.'
            'DatabaseAvailabilityGroup\n'
            '"Name","Servers","WitnessServer"\n'
            '"DAG1","System.Collections.Generic.List`1[System.String]","FS01"\n')
    result = import_files([_write(tmp_path / "dag.csv", text)])
    finding = _find(result, "IMPORT-PS-TYPENAME")
    assert finding.severity is Severity.WARNING and finding.column == "B" and finding.row == 3
    assert "-join" in finding.message("en")
    assert result.estate.dags[0].members == ()


def test_conflicts_between_sources_keep_the_first_and_say_so(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.csv", SERVERS_CSV)
    second = _write(tmp_path / "b.csv",
                    "Name,Site,Build\nex01,Hamburg,Version 15.2 (Build 1748.39)\n")
    result = import_files([first, second])
    [server] = result.estate.servers
    assert server.site == "Berlin"
    # same build: no conflict
    [conflict] = [f for f in result.findings if f.code == "IMPORT-CONFLICT"]
    assert "Hamburg" in conflict.message("en") and conflict.file == "b.csv"


def test_duplicate_rows_in_one_table(tmp_path: Path) -> None:
    text = SERVERS_CSV + "EX01,Berlin,Mailbox,15.2.1748.39\n"
    result = import_files([_write(tmp_path / "s.csv", text)])
    assert len(result.estate.servers) == 1
    assert _find(result, "IMPORT-DUPLICATE").row == 3


def test_exchange_online_report_differences(tmp_path: Path) -> None:
    report = ("\nServerFQDN        : ex01.contoso.com\nBuild             : 15.2.1544.4\n"
              "FirstDetectedDate : 3/2/2026 12:00:00 AM\n\n"
              "ServerFQDN        : old01.contoso.com\nBuild             : 15.0.1497.2\n"
              "FirstDetectedDate : 3/2/2026 12:00:00 AM\n")
    result = import_files([_write(tmp_path / "s.csv", SERVERS_CSV),
                           _write(tmp_path / "report.txt", report)])
    assert {"IMPORT-EXO-BUILD-DIFFERS", "IMPORT-EXO-UNKNOWN-SERVER"} <= _codes(result)
    assert result.estate.exo_reports[0].first_detected.isoformat() == "2026-03-02"


def test_two_tables_on_one_sheet_below_a_title(tmp_path: Path) -> None:
    path = tmp_path / "kunde.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Übersicht")
    ws.write_row(0, 0, ["Exchange bei Kunde X"])
    ws.write_row(3, 0, ["Hostname", "Exchange-Version", "Rollen"])
    ws.write_row(4, 0, ["EX01", "15.2.1748.39", "Postfach"])
    ws.write_row(7, 0, ["DAG-Name", "Mitglieder", "Zeuge"])
    ws.write_row(8, 0, ["DAG1", "EX01", "FS01"])
    book.close()
    result = import_files([path])
    assert [s.name for s in result.estate.servers] == ["EX01"]
    assert result.estate.dags[0].members == ("EX01",)
    assert [(m.entity, m.header_row) for m in result.mappings] == [("server", 4), ("dag", 8)]


def test_template_import_has_no_findings_about_mapping() -> None:
    result = import_files([MIXED])
    assert all(m.entity for m in result.mappings)
    assert all(c.confidence == 1.0 for m in result.mappings for c in m.columns if c.field)
