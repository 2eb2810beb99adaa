"""Hostile inputs found by a tester with no view of the code (2026-12-07): each used to
crash the command, hang it or lose a file; now each gives a message that says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.core.importing import import_files

_RECV_HEAD = ("#Software: Microsoft Exchange Server\n#Version: 15.0.0.0\n"
              "#Log-type: SMTP Receive Protocol Log\n#Date: 2026-11-02T00:00:00.000Z\n"
              "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,"
              "remote-endpoint,event,data,context\n")


def _recv_line(stamp: str, seq: int, event: str, data: str) -> str:
    return (f"{stamp},EX01\\Default Frontend EX01,08DCF0000000002A,{seq},10.20.0.11:25,"
            f"10.20.9.20:32447,{event},{data},\n")


@pytest.mark.parametrize("stamp", ["2026-02-30T06:02:05.003Z", "2026-13-45T06:02:05.003Z",
                                   "0000-01-01T06:02:05.003Z"])
def test_a_log_line_dated_on_a_day_that_does_not_exist_is_a_malformed_line(
        tmp_path: Path, stamp: str) -> None:
    log = tmp_path / "RECV2026110200-1.LOG"
    log.write_text(_RECV_HEAD + _recv_line(stamp, 0, "+", "")
                   + _recv_line("2026-11-02T06:02:05.040Z", 1, "<", "EHLO app01")
                   + _recv_line("2026-11-02T06:02:05.050Z", 2, "<", "MAIL FROM:<a@b.c>"),
                   encoding="utf-8")
    result = import_files([tmp_path])  # used to raise ValueError: day is out of range
    assert [f for f in result.findings if f.code == "LOGS-MALFORMED"]


@pytest.mark.parametrize("option", [
    ["--pause", "2026-12-07:99999999999999999999"],  # OverflowError: int too large for C
    ["--pause", "9999-12-31:5"],  # OverflowError: date value out of range
    ["--pin", "Lizenzierung für Exchange Server SE prüfen=9999-12-31"],  # planned for minutes
    ["--not-before", "License=0001-01-01"],  # printed as 01.01.1
])
def test_a_date_or_length_beyond_the_settings_bounds_is_refused_with_the_bounds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str]) -> None:
    inventory = tmp_path / "servers.csv"
    inventory.write_text("Name,Roles,Build\nEX01,Mailbox,15.2.1748.10\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["plan", str(inventory), *option, "--json", str(tmp_path / "plan.json")])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert ("2000 to 2100" in err or "1 to 366" in err) and "Traceback" not in err
    assert not (tmp_path / "plan.json").exists()


@pytest.mark.parametrize(("encoded", "works"), [
    ("\ufeff[project]\nsolver_time_limit_s = 1\n".encode(), True),  # Notepad's UTF-8
    ("\ufeff[project]\nsolver_time_limit_s = 1\n".encode("utf-16-le"), True),  # Out-File
    (b"[project]\nname = \"M\xfcller\"\n", False),  # Latin-1: UnicodeDecodeError before
])
def test_a_settings_file_in_another_encoding_is_read_or_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], encoded: bytes,
        works: bool) -> None:
    inventory = tmp_path / "servers.csv"
    inventory.write_text("Name,Roles,Build\nEX01,Mailbox,15.2.1748.10\n", encoding="utf-8")
    settings = tmp_path / "settings.toml"
    settings.write_bytes(encoded)
    code = main(["plan", str(inventory), "--settings", str(settings),
                 "--json", str(tmp_path / "plan.json")])
    err = capsys.readouterr().err
    if works:
        assert code == 0 and (tmp_path / "plan.json").exists()
    else:
        assert code == 2 and "settings.toml" in err and "UTF-8" in err
        assert "Traceback" not in err and not (tmp_path / "plan.json").exists()


def _saved_project(folder: Path) -> tuple[Path, dict[str, object]]:
    """A project of one server saved with its plan, and its file's data to damage."""
    import json

    from planner.core.model import Estate, Server
    from planner.core.project import Project, save_project
    from planner.pipeline import make_plan
    from tests.core.scheduler.builders import settings

    estate = Estate(servers=(Server("EX01", roles=("Mailbox",), build="15.2.1748.10"),))
    config = settings(solver_time_limit_s=1)
    plan = make_plan(estate, (), config)
    path = folder / "customer.seplan"
    save_project(Project(estate=estate, settings=config, plan=plan), path)
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_a_saved_plan_without_its_steps_is_planned_afresh_not_exported_empty(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    path, data = _saved_project(tmp_path)
    project = data["project"]
    assert isinstance(project, dict)
    project["plan"] = {"garbage": 1}
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "plan.json"
    assert main(["plan", str(path), "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["steps"]  # was: 0 steps, "Ende None"
    assert "None" not in capsys.readouterr().out


@pytest.mark.parametrize(("part", "value"), [
    ("scenarios", "x"), ("sources", 7), ("mapping", [1]), ("findings", [{}])])
def test_a_hand_damaged_project_is_named_without_pythons_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str, value: object) -> None:
    import json

    path, data = _saved_project(tmp_path)
    project = data["project"]
    assert isinstance(project, dict)
    project[part] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["plan", str(path), "--json", str(tmp_path / "plan.json")]) == 2
    err = capsys.readouterr().err
    assert "customer.seplan" in err and "damaged" in err
    assert not any(word in err for word in ("object", "__init__", "NoneType", "iterable"))


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e308", "1" + "0" * 30,
                                    "-500.0"])  # a negative size planned a move of no days
def test_a_number_no_estate_holds_is_refused_naming_its_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str) -> None:
    """Python's JSON reader takes NaN and Infinity; they went on into the plan and made its
    JSON export invalid."""
    import json

    path, data = _saved_project(tmp_path)
    text = json.dumps(data).replace('"mailbox_data_gb": null', f'"mailbox_data_gb": {number}')
    assert number in text
    path.write_text(text, encoding="utf-8")
    assert main(["plan", str(path), "--json", str(tmp_path / "plan.json")]) == 2
    err = capsys.readouterr().err
    assert "mailbox_data_gb" in err and not (tmp_path / "plan.json").exists()


def test_formulas_without_values_and_error_cells_are_named_not_silently_empty(
        tmp_path: Path) -> None:
    """A workbook written by a script (openpyxl saves formulas without calculated values)
    and one with #REF! and #N/A cells: the reader gives these cells as empty."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Servers"
    sheet.append(["Name", "Roles", "Build", "Mailboxes", "MailboxDataGB"])
    sheet.append(["EX01", "Mailbox", "15.2.1748.10", "=100+80", "#REF!"])
    sheet.append(["EX02", "Mailbox", "15.2.1748.10", 170, "#N/A"])
    path = tmp_path / "inventory.xlsx"
    book.save(path)
    findings = {f.code: f for f in import_files([path]).findings}
    formulas = findings["IMPORT-FORMULAS-UNCALCULATED"]
    assert formulas.sheet == "Servers" and "D2" in formulas.message("en")
    errors = findings["IMPORT-CELL-ERRORS"].message("de")
    assert "E2 (#REF!)" in errors and "E3 (#N/A)" in errors


@pytest.mark.parametrize(("text", "read", "other"), [
    ("1.234", 1.234, "1234"), ("2,500", 2500.0, "2.5"), ("1.377 GB", 1.377, "1377")])
def test_a_size_that_reads_two_ways_says_which_it_took(
        tmp_path: Path, text: str, read: float, other: str) -> None:
    """Text "1.234" in a GB column is 1.234 GB in an English table and 1234 GB in a German
    one; the table cannot tell, so the reading taken and the other one are named."""
    path = tmp_path / "servers.csv"
    path.write_text(f'Name,Roles,Build,MailboxDataGB\nEX01,Mailbox,15.2.1748.10,"{text}"\n',
                    encoding="utf-8")
    result = import_files([path])
    assert result.estate.servers[0].mailbox_data_gb == read
    (warning,) = [f for f in result.findings if f.code == "IMPORT-NUMBER-AMBIGUOUS"]
    assert other in warning.message("en") and warning.row == 2


def test_an_unambiguous_size_gives_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "servers.csv"
    path.write_text('Name,Roles,Build,MailboxDataGB\nEX01,Mailbox,15.2.1748.10,"1,234.5"\n'
                    'EX02,Mailbox,15.2.1748.10,12.5\n', encoding="utf-8")
    assert not [f for f in import_files([path]).findings if f.code == "IMPORT-NUMBER-AMBIGUOUS"]


def test_a_report_row_dated_after_the_as_of_date_is_named() -> None:
    from datetime import date

    from planner.core.model import Estate, ExoReport, Server
    from planner.pipeline import make_plan
    from tests.core.scheduler.builders import settings

    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                    build="15.1.2507.61"),),
                    exo_reports=(ExoReport("ex01.contoso.com", "15.1.2507.61",
                                           date(2099, 1, 1)),))
    plan = make_plan(estate, (), settings(as_of=date(2026, 12, 7), solver_time_limit_s=1))
    (warning,) = [f for f in plan.findings if f.code == "EXO-REPORT-AFTER-AS-OF"]
    assert "01.01.2099" in warning.message("de") and "07.12.2026" in warning.message("de")


def test_a_report_cut_off_in_a_record_is_named(tmp_path: Path) -> None:
    path = tmp_path / "Get-OnPremServerReportInfo.txt"
    path.write_text("\nServerFQDN        : ex01.contoso.com\nBuild             : 15.1.2507.61\n"
                    "FirstDetectedDate : 11/16/2026 12:00:00 AM\nRecommendedBuildVersio",
                    encoding="utf-8")
    (cut,) = [f for f in import_files([path]).findings if f.code == "IMPORT-RECORD-CUT-OFF"]
    assert "FirstDetectedDate" in cut.message("en")
    whole = tmp_path / "whole.txt"
    whole.write_text(path.read_text(encoding="utf-8").rpartition("\n")[0] + "\n",
                     encoding="utf-8")
    assert not [f for f in import_files([whole]).findings if f.code == "IMPORT-RECORD-CUT-OFF"]


def test_a_zero_width_space_in_a_name_does_not_make_a_second_server(tmp_path: Path) -> None:
    path = tmp_path / "servers.csv"
    path.write_text("Name,Roles,Build\nEX01,Mailbox,15.2.1748.10\nEX\u200b01,Mailbox,"
                    "15.2.1748.10\nEX02\ufeff,Mailbox,15.2.1748.10\n", encoding="utf-8")
    assert [s.name for s in import_files([path]).estate.servers] == ["EX01", "EX02"]


def test_the_template_never_replaces_a_workbook_unless_told(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inventory = tmp_path / "inventory.xlsx"
    inventory.write_bytes(b"the customer's filled-in inventory")
    assert main(["template", str(inventory)]) == 2
    assert "exists" in capsys.readouterr().err
    assert inventory.read_bytes() == b"the customer's filled-in inventory"
    assert main(["template", str(inventory), "--force"]) == 0
    assert inventory.read_bytes().startswith(b"PK")


def test_a_malformed_log_line_is_named_with_its_servers_folder(tmp_path: Path) -> None:
    """Every server's folder has a RECV2026110200-1.LOG: the finding says whose."""
    good = _recv_line("2026-11-02T06:02:05.040Z", 1, "<", "EHLO app01")
    for server, extra in (("EX01", ""), ("EX02", "this line is damaged\n")):
        folder = tmp_path / "logs" / server
        folder.mkdir(parents=True)
        (folder / "RECV2026110200-1.LOG").write_text(_RECV_HEAD + good + extra,
                                                     encoding="utf-8")
    (bad,) = [f for f in import_files([tmp_path / "logs"]).findings
              if f.code == "LOGS-MALFORMED"]
    assert "logs/EX02/RECV2026110200-1.LOG" in bad.message("en")
