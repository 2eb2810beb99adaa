"""Hostile and odd inputs, second round (2026-12-07): a dual-stack listener's addresses,
logs without their field line, and damaged project files; each is named or read as meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.importing import import_files
from tests.paths import MIXED

_RECV_HEAD = ("#Software: Microsoft Exchange Server\n#Version: 15.0.0.0\n"
              "#Log-type: SMTP Receive Protocol Log\n#Date: 2026-11-02T00:00:00.000Z\n"
              "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,"
              "remote-endpoint,event,data,context\n")


def _session(sid: str, remote: str, hour: int) -> str:
    """One relay session from ``remote``: connect, EHLO, one message queued, close."""
    lines = [("+", ""), ("<", "EHLO scanner01"), ("<", "MAIL FROM:<scan@contoso.de>"),
             ("<", "RCPT TO:<a@contoso.de>"),
             (">", "250 2.6.0 <1@contoso.de> [InternalId=1] Queued mail for delivery"),
             ("-", "")]
    return "".join(
        f"2026-11-02T{hour:02}:00:0{n}.000Z,EX01\\Relay EX01,{sid},{n},10.20.0.11:25,"
        f"{remote},{event},{data},\n" for n, (event, data) in enumerate(lines))


def test_one_client_seen_over_ipv4_and_as_a_mapped_ipv6_address_is_one_relay_client(
        tmp_path: Path) -> None:
    """A dual-stack listener logs an IPv4 client as [::ffff:a.b.c.d]; upper-case and
    uncompressed IPv6 spellings of one address are one client too."""
    (tmp_path / "RECV2026110200-1.LOG").write_text(
        _RECV_HEAD + _session("08DC01", "10.20.9.20:32447", 6)
        + _session("08DC02", "[::ffff:10.20.9.20]:40001", 7)
        + _session("08DC03", "[2001:DB8:0:0::7]:5000", 8)
        + _session("08DC04", "[2001:db8::7]:5001", 9), encoding="utf-8")
    clients = import_files([tmp_path]).estate.relay_clients
    assert sorted((rc.host, rc.sessions) for rc in clients) == [  # type: ignore[attr-defined]
        ("10.20.9.20", 2), ("2001:db8::7", 2)]


def test_a_log_without_its_fields_line_is_named_not_passed_over(tmp_path: Path) -> None:
    """A protocol log whose #Fields line was cut off used to count as "another kind of log"
    and its relay clients were lost without a word; one whose #Fields lacks a column the
    reader needs was one "malformed line"."""
    cut = _RECV_HEAD.replace(_RECV_HEAD.splitlines(True)[-1], "")
    (tmp_path / "EX01").mkdir()
    (tmp_path / "EX01" / "RECV2026110200-1.LOG").write_text(
        cut + _session("08DC01", "10.20.9.20:32447", 6), encoding="utf-8")
    (tmp_path / "EX02").mkdir()
    (tmp_path / "EX02" / "RECV2026110200-1.LOG").write_text(
        _RECV_HEAD.replace("remote-endpoint,", "") + _session("08DC02", "10.20.9.21:1", 6),
        encoding="utf-8")
    result = import_files([tmp_path])
    named = {f.file: f.message("en") for f in result.findings
             if f.code == "LOGS-NO-FIELDS"}
    whose = tmp_path.name
    assert set(named) == {f"{whose}/EX01/RECV2026110200-1.LOG",
                          f"{whose}/EX02/RECV2026110200-1.LOG"}
    assert "lacks remote-endpoint" in named[f"{whose}/EX02/RECV2026110200-1.LOG"]
    assert "date-time, connector-id" in named[f"{whose}/EX01/RECV2026110200-1.LOG"]
    assert not [f for f in result.findings if f.code == "LOGS-MALFORMED"]


@pytest.mark.parametrize("text", [
    "Server,Version,Site\n",
    "#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.ExchangeServer\n"
    '"Name","AdminDisplayVersion","Site"\n\n\n',
])
def test_a_file_with_headers_and_no_rows_is_named_beside_other_files(
        tmp_path: Path, text: str) -> None:
    """Given with a full inventory, a header-only export was taken without a word."""
    (tmp_path / "servers.csv").write_text(text, encoding="utf-8")
    result = import_files([tmp_path / "servers.csv", MIXED])
    (empty,) = [f for f in result.findings if f.code == "IMPORT-TABLE-EMPTY"]
    assert empty.file == "servers.csv"
    assert "no rows below them" in empty.message("en")
    assert result.estate.servers  # the inventory beside it is read as before


def test_a_workbook_or_file_with_rows_gives_no_empty_table_warning() -> None:
    assert not [f for f in import_files([MIXED]).findings if f.code == "IMPORT-TABLE-EMPTY"]


def test_a_project_choosing_a_scenario_it_does_not_hold_is_named_not_exported_as_main(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A hand-edited "active_scenario" exported the main plan without a word."""
    import json

    from planner.cli import main
    from tests.hardening.test_hostile_round7 import _saved_project

    path, data = _saved_project(tmp_path)
    data["project"]["active_scenario"] = "Two consultants"  # type: ignore[index]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["plan", str(path), "--json", str(tmp_path / "plan.json")]) == 2
    err = capsys.readouterr().err
    assert "Two consultants" in err and "customer.seplan" in err
    assert not (tmp_path / "plan.json").exists()


def test_a_first_detection_recorded_for_a_server_the_inventory_lacks_is_named(
        tmp_path: Path) -> None:
    """A typo in the settings' first_detected ("EX0l") was ignored: the server's clock ran
    from the baseline estimate instead, and nobody was told."""
    from datetime import date
    from types import SimpleNamespace

    from planner.core.exo_view import unknown_detection_findings
    from planner.core.model import Estate, Server

    estate = Estate(servers=(Server("EX01", fqdn="ex01.contoso.de"),
                             Server("EX02", fqdn="mail2.contoso.de")))
    settings = SimpleNamespace(first_detected={
        "EX0l": date(2026, 9, 14), "ex01": date(2026, 9, 1), "MAIL2.contoso.de": date(2026, 9, 2),
        "mail2": date(2026, 9, 3)})
    (typo,) = unknown_detection_findings(estate, settings)  # type: ignore[arg-type]
    assert "EX0l" in typo.message("en") and "14 Sep 2026" in typo.message("en")
    assert "14.09.2026" in typo.message("de")


@pytest.mark.parametrize("pattern", ["{old.upper}-SE", "{old.__class__}", "{0}-SE", "{old!r}",
                                     "{old} SE", "{old", "{old:>20}", "{n:x}"])
def test_a_name_pattern_reaching_into_python_or_giving_no_server_name_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], pattern: str) -> None:
    """{old.upper} named new servers "<built-in method upper of str object at 0x…>" and
    {0} was refused in Python's words ("Replacement index 0 out of range …")."""
    from planner.cli import main

    toml = tmp_path / "project.toml"
    toml.write_text(f'[naming]\nnew_server = "{pattern}"\n', encoding="utf-8")
    assert main(["plan", str(MIXED), "--settings", str(toml), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "naming.new_server" in err
    assert any(w in err for w in ("known: {old}, {site}, {n}, {i}", "cannot take", "brace"))
    assert not any(w in err for w in ("Replacement index", "positional", "object at"))


@pytest.mark.parametrize("pattern", ["{old}-SE", "{site}-EXSE{n:02}", "EX{n:02d}", "SE{i}"])
def test_the_name_patterns_a_consultant_writes_stay_allowed(pattern: str) -> None:
    from planner.core.settings import check_new_server_pattern

    check_new_server_pattern(pattern)
