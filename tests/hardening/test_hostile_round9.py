"""Hostile and odd inputs, third round (2026-12-07, an attacker's afternoon): numbers too big
for a float, TOML nested thousands deep, and relay clients listed by subnet. Each gets a
message that names the file or is read as meant; none stops the planner as "a bug"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.model import Finding
from tests.hardening.test_hostile_round7 import _saved_project
from tests.paths import SAMPLES


def _found(folder: Path, text: str, code: str) -> list[Finding]:
    """The findings of ``code`` when a CSV of ``text`` is imported."""
    from planner.core.importing import import_files

    inventory = folder / "servers.csv"
    inventory.write_text(text, encoding="utf-8")
    return [f for f in import_files([inventory]).findings if f.code == code]


@pytest.mark.parametrize("damage", ["10" + "0" * 4000, "1" * 5000])
def test_a_project_file_with_a_number_no_float_holds_is_named_as_damaged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    """10**4000 as a mailbox count stopped the planner with OverflowError, a 5,000-digit
    literal with Python's integer-string limit (exit 70, "a bug in the planner")."""
    path, _ = _saved_project(tmp_path)
    text = path.read_text(encoding="utf-8")
    count = '"mailbox_count": '
    assert count in text
    start = text.index(count) + len(count)
    end = start + len(text[start:].split(",", 1)[0].split("}", 1)[0])
    path.write_text(text[:start] + damage + text[end:], encoding="utf-8")
    assert main(["plan", str(path), "--json", str(tmp_path / "plan.json")]) == 2
    err = capsys.readouterr().err
    assert "customer.seplan" in err and "damaged" in err and "a bug" not in err
    assert not (tmp_path / "plan.json").exists()


def test_settings_nested_thousands_deep_are_not_valid_toml(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """tomllib recurses: "a = [[[[…" 5,000 deep ended in RecursionError (exit 70)."""
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    inventory = SAMPLES / "small" / "inventory.xlsx"
    code = main(["plan", str(inventory), "--settings", str(deep),
                 "--json", str(tmp_path / "plan.json")])
    assert code == 2
    err = capsys.readouterr().err
    assert "deep.toml" in err and "TOML" in err and "a bug" not in err


def test_a_project_file_written_by_hand_keeps_working_after_the_checks(tmp_path: Path) -> None:
    """The checks above do not refuse a sound file: the saved project plans as before."""
    path, data = _saved_project(tmp_path)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["plan", str(path), "--json", str(tmp_path / "plan.json")]) == 0
    assert (tmp_path / "plan.json").exists()


def test_a_server_name_that_is_a_powershell_command_is_refused_by_row(tmp_path: Path) -> None:
    """Every step puts the server's name into a command the admin pastes: a row named
    "EX01; Stop-Computer -Force" became `Set-ServerComponentState EX01; Stop-Computer
    -Force -Component HubTransport …` in the workbook, the XML and the report."""
    from planner.core.importing import import_files
    from planner.core.model import Severity
    from planner.pipeline import make_plan
    from tests.core.scheduler.builders import settings

    inventory = tmp_path / "servers.csv"
    inventory.write_text(
        "Name,Roles,Build,DAG\n"
        "EX01; Stop-Computer -Force,Mailbox,15.2.1748.10,\n"
        '"EX02$(Remove-Item C:\\ -Recurse)",Mailbox,15.2.1748.10,\n'
        "EX 03,Mailbox,15.2.1748.10,\n"
        "EX04,Mailbox,15.2.1748.10,DAG1;calc\n"
        "MÜN-EX05,Mailbox,15.2.1748.10,\n"
        "10.1.2.3,Mailbox,15.2.1748.10,\n"  # an address where a name belongs: was "10"
        "\u202eEX07\u202c,Mailbox,15.2.1748.10,\n"  # invisible marks: the server is EX07
        "EX06,Mailbox,15.2.1748.10,\n", encoding="utf-8")
    result = import_files([inventory])
    names = {s.name for s in result.estate.servers}
    assert names == {"EX04", "MÜN-EX05", "EX06", "EX07"}  # a name in any script stays
    refused = [f for f in result.findings if f.code == "IMPORT-SERVER-NAME-INVALID"]
    assert [f.severity for f in refused] == [Severity.ERROR] * 4
    assert {f.row for f in refused} == {2, 3, 4, 7}
    assert any("EX 03" in f.message("de") for f in refused)
    dag = [f for f in result.findings if f.code == "IMPORT-DAG-NAME-INVALID"]
    assert len(dag) == 1 and "DAG1;calc" in dag[0].message("en")
    assert all(not s.dag for s in result.estate.servers)
    plan = make_plan(result.estate, result.findings, settings(solver_time_limit_s=1))
    commands = "\n".join(s.command for s in plan.proposal.steps)
    assert "Stop-Computer" not in commands and "Remove-Item" not in commands
    assert "calc" not in commands


def test_a_freeze_without_its_end_on_the_project_sheet_costs_only_that_freeze() -> None:
    """A freeze row with a start and no end, beside a consultant on 0 days a week: the
    start date and the consultant's name went too, and the plan started today."""
    from datetime import date

    from planner.core.settings_sheet import settings_from_sheet

    table = {"project": {"start": date(2027, 3, 1)},
             "consultants": [{"name": "Anna", "days_per_week": 0}],
             "freezes": [{"start": date(2027, 4, 1)}]}
    settings, findings = settings_from_sheet(table)
    assert settings.start == date(2027, 3, 1)
    assert [c.name for c in settings.consultants] == ["Anna"]
    assert settings.freezes == ()
    keys = " ".join(f.message("en") for f in findings)
    assert "consultants[1].days_per_week" in keys and "freezes[1]" in keys


def test_two_server_names_with_one_fqdn_are_named(tmp_path: Path) -> None:
    """EX01 and EX01-NEW, both ex01.contoso.local, with different builds: two servers,
    each planned, and no word."""
    twice = _found(tmp_path, "Name,FQDN,Roles,Build\n"
                   "EX01,ex01.contoso.local,Mailbox,15.2.1748.10\n"
                   "EX01-NEW,EX01.contoso.local,Mailbox,15.2.1544.36\n"
                   "EX02,ex02.contoso.local,Mailbox,15.2.1748.10\n", "IMPORT-FQDN-TWICE")
    assert len(twice) == 1
    text = twice[0].message("en")
    assert "EX01" in text and "EX01-NEW" in text and "ex01.contoso.local" in text
    assert "EX02" not in text


# one relay session from 10.20.9.20: connect, EHLO, one message queued, close
_SESSION = "".join(
    f"2026-11-02T06:00:0{n}.000Z,EX01\\Relay EX01,08DC01,{n},10.20.0.11:25,"
    f"10.20.9.20:3244,{event},{data},\n" for n, (event, data) in enumerate(
        [("+", ""), ("<", "EHLO scanner01"), ("<", "MAIL FROM:<scan@contoso.de>"),
         ("<", "RCPT TO:<a@contoso.de>"),
         (">", "250 2.6.0 <1@contoso.de> [InternalId=1] Queued mail for delivery"),
         ("-", "")]))
_RECV_HEAD = ("#Software: Microsoft Exchange Server\n#Version: 15.0.0.0\n"
              "#Log-type: SMTP Receive Protocol Log\n#Date: 2026-11-02T00:00:00.000Z\n"
              "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,"
              "remote-endpoint,event,data,context\n")


def test_a_log_zip_that_would_unpack_a_thousand_times_is_refused_unread(tmp_path: Path) -> None:
    """1 MB holding a log header and 1 GB of empty lines ran for minutes (9.8 MB: an hour);
    the sizes the zip declares say so before anything is unpacked."""
    import zipfile

    from planner.core.importing import import_files

    bomb = tmp_path / "logs.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("RECV2026110200-1.LOG", _RECV_HEAD + "\n" * (24 << 20))
    assert bomb.stat().st_size < 200_000
    result = import_files([bomb])
    refused = [f for f in result.findings if f.code == "LOGS-ZIP-REFUSED"]
    assert len(refused) == 1 and "RECV2026110200-1.LOG" in refused[0].message("en")
    assert "nicht gelesen" in refused[0].message("de")


def test_an_overlong_log_line_is_one_malformed_line_and_the_rest_is_read(tmp_path: Path) -> None:
    """A log with one line of hundreds of megabytes held it whole (a 1-GB line: 3 GB); a
    line past the cap is read past in pieces and counted as malformed."""
    import io

    from planner.core.importing import import_files
    from planner.core.importing.log_files import LINE_CAP, OVERLONG, CappedLines

    lines = list(CappedLines(io.StringIO("a,b\n" + "x" * (LINE_CAP * 3) + "\nc,d\n")))
    assert lines == ["a,b\n", OVERLONG, "c,d\n"]  # never the long line whole

    log = tmp_path / "RECV2026110200-1.LOG"
    log.write_text(_RECV_HEAD + "x" * (LINE_CAP * 5 + 17) + "\n" + _SESSION, encoding="utf-8")
    result = import_files([tmp_path])
    assert [rc.host for rc in result.estate.relay_clients] == ["10.20.9.20"]
    malformed = [f for f in result.findings if f.code == "LOGS-MALFORMED"]
    assert len(malformed) == 1 and "1 " in malformed[0].message("en")


def test_rows_wider_than_their_csv_header_are_named(tmp_path: Path) -> None:
    """A comma-separated file with an unquoted decimal comma: "1,5" GB became 1 GB and the
    "5" was dropped as a cell beyond the header, without a word."""
    wider = _found(tmp_path, "Name,Build,Site,Mailbox data GB\n"
                   "EX1,15.1.2507.61,Berlin,1,5\n"
                   "EX2,15.1.2507.61,Berlin,12\n"
                   "EX3,15.1.2507.61,Berlin,12,75\n", "IMPORT-ROW-MORE-CELLS")
    assert len(wider) == 1 and wider[0].row == 2
    assert "2 rows" in wider[0].message("en") and "2 Zeilen" in wider[0].message("de")
    # a file whose rows fit their header says nothing
    assert not _found(tmp_path, "Name,Build\nEX1,15.1.2507.61\n", "IMPORT-ROW-MORE-CELLS")


def test_a_connector_name_with_quotes_stays_one_argument_of_the_pasted_command() -> None:
    """Connector names are quoted in the commands ('Relay Scanner'): a name holding a quote
    ("x'; Stop-Computer -Force; '", or a typographic one PowerShell reads alike) ended the
    string and ran the rest."""
    from planner.core import model as m
    from planner.core.rules import propose
    from planner.core.settings import Decisions, Settings
    from planner.pipeline import knowledge_for

    hostile = "x'; Stop-Computer -Force; \u2019"
    estate = m.Estate(
        organization=m.Organization(customer="Q", hybrid=True, tenant="q"),
        servers=(m.Server("EX16", roles=("Mailbox",), build="15.1.2507.61"),),
        connectors=(m.Connector(hostile, m.ConnectorType.RECEIVE, ("EX16",),
                                remote_ip_ranges=("10.0.0.9",), bindings=("0.0.0.0:25",),
                                permission_groups=("AnonymousUsers",)),
                    m.Connector("Bob's smart host", m.ConnectorType.SEND, ("EX16",), ("*",))),
        relay_clients=(m.RelayClient("Scanner", host="10.0.0.9", connector=hostile,
                                     server="EX16"),))
    settings = Settings()
    proposal = propose(estate, settings, Decisions(), knowledge_for(settings))
    commands = "\n".join(s.command for s in proposal.steps)
    assert "'x''; Stop-Computer -Force; \u2019\u2019'" in commands
    assert "'Bob''s smart host'" in commands
    assert "-Name 'x'; Stop" not in commands


def test_graphml_stays_well_formed_with_noncharacters_in_names(tmp_path: Path) -> None:
    """U+FFFE in a name went into the GraphML as "&#65534;", which no XML parser reads."""
    import xml.etree.ElementTree as ET

    inventory = tmp_path / "servers.csv"
    inventory.write_text("Name,Build,Site,Roles\n"
                         "EX1\ufffe\uffff,15.1.2507.61,Ber\ufffelin,Mailbox\n"
                         "EX2,15.2.1748.39,Berlin,Mailbox\n", encoding="utf-8")
    out = tmp_path / "graph.graphml"
    assert main(["plan", str(inventory), "--graphml", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    ET.fromstring(text)
    assert "&#65534;" not in text and "EX1" in text and "EX2" in text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_log_resaved_as_utf16_is_read(tmp_path: Path, encoding: str) -> None:
    """Windows PowerShell 5.1 writes UTF-16 when an admin re-saves a copied log (Out-File,
    ">"): it read as "not an Exchange transport log" and its relay clients were lost."""
    from planner.core.importing import import_files

    (tmp_path / "RECV2026110200-1.LOG").write_text(_RECV_HEAD + _SESSION, encoding=encoding)
    result = import_files([tmp_path])
    assert [rc.host for rc in result.estate.relay_clients] == ["10.20.9.20"]


def test_a_name_that_differs_only_by_an_invisible_character_stays_an_error(
        tmp_path: Path) -> None:
    """Dropping a soft hyphen from "EX\\u00ad01" must not make a second server called EX01
    beside the real one (two servers of one name): that row stays refused."""
    refused = _found(tmp_path, "Name,Roles,Build\nEX01,Mailbox,15.2.1748.10\n"
                     "EX\u00ad01,Mailbox,15.2.1748.39\n", "IMPORT-SERVER-NAME-INVALID")
    assert len(refused) == 1 and refused[0].row == 3
