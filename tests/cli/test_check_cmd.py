"""``planner check``: summary, JSON shape and exit codes 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from tests.paths import MIXED, SAMPLES


def test_clean_sample_exits_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MIXED)]) == 0
    out = capsys.readouterr().out
    assert "6 servers" in out and "Exchange 2016 CU23" in out and "No findings." in out


def test_json_has_servers_with_product_and_release(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(p) for p in sorted((SAMPLES / "mixed-powershell").iterdir())]
    assert main(["check", *files, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    server = next(s for s in data["estate"]["servers"] if s["name"] == "BER-EX16-01")
    for key in ("name", "fqdn", "site", "roles", "build", "product", "release", "dag"):
        assert key in server
    assert (server["product"], server["release"], server["dag"]) == ("2016", "CU23 Oct25SU",
                                                                      "DAG-BER16")
    [typename] = [f for f in data["findings"] if f["code"] == "IMPORT-PS-TYPENAME"]
    assert set(typename) == {"severity", "code", "message", "file", "sheet", "row", "column"}
    assert (typename["file"], typename["row"], typename["column"]) == (
        "Get-ReceiveConnector.csv", 2, "C")


def test_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "servers.csv"
    bad.write_text("Name,Build\nEX01,kaputt\n", encoding="utf-8")
    assert main(["check", str(bad), "--lang", "de"]) == 1
    out = capsys.readouterr().out
    # people's words: severity, the cell, the message; the code only in --json
    assert "FEHLER   servers.csv › Zeile 2 › Spalte B: Server EX01: „kaputt“ ist keine " \
           "Buildnummer." in out
    assert "IMPORT-" not in out and "row 2" not in out


def test_nothing_readable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01garbage" * 10)
    assert main(["check", str(junk), str(tmp_path / "missing.csv"), "--json"]) == 2
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert codes == {"IMPORT-FILE-UNSUPPORTED", "IMPORT-FILE-MISSING"}


def test_mapping_is_saved_and_reused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "map.json"
    assert main(["check", str(MIXED), "--save-mapping", str(saved)]) == 0
    assert main(["check", str(MIXED), "--mapping", str(saved)]) == 0
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert main(["check", str(MIXED), "--mapping", str(tmp_path / "broken.json")]) == 2
    capsys.readouterr()


def test_template_command_writes_an_importable_workbook(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "vorlage.xlsx"
    assert main(["template", str(out)]) == 0
    assert out.exists()
    assert main(["check", str(out)]) == 0
    capsys.readouterr()
