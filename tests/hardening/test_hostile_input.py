"""Hostile files end in findings or a clear error: never a traceback, memory bounded (#11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.importing import import_files
from planner.core.model import Severity
from tests.hardening.fuzzing import FUZZ, corrupt, run_isolated, xlsx_bytes, zip_bomb
from tests.paths import MIXED, ROOT

SUFFIXES = [".xlsx", ".xls", ".ods", ".csv", ".xml", ".txt"]


def _import_one(path: Path) -> list[str]:
    """Import one file; return the finding codes (the call itself must not raise)."""
    result = import_files([path])
    return [f.code for f in result.findings]


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_give_findings(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                    suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"customer{suffix}"
    path.write_bytes(data)
    _import_one(path)  # findings or an empty estate; an exception fails the test


@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=0.999))
def test_truncated_workbook_gives_a_finding(tmp_path_factory: pytest.TempPathFactory,
                                            cut: float) -> None:
    data = MIXED.read_bytes()
    path = tmp_path_factory.mktemp("trunc") / "inventory.xlsx"
    path.write_bytes(data[: int(len(data) * cut)])
    codes = _import_one(path)
    assert codes, "a truncated workbook must be reported"


@FUZZ
@given(at=st.floats(min_value=0.0, max_value=0.99))
def test_corrupted_workbook_never_raises(tmp_path_factory: pytest.TempPathFactory,
                                         at: float) -> None:
    data = MIXED.read_bytes()
    path = tmp_path_factory.mktemp("corrupt") / "inventory.xlsx"
    path.write_bytes(corrupt(data, int(len(data) * at)))
    _import_one(path)


@FUZZ
@given(cells=st.lists(st.lists(st.text(max_size=300), min_size=1, max_size=8),
                      min_size=1, max_size=12))
def test_random_cell_contents_never_raise(tmp_path_factory: pytest.TempPathFactory,
                                          cells: list[list[str]]) -> None:
    header = ["Servername", "Version", "Standort", "Rolle", "DAG", "Postfächer"]
    path = tmp_path_factory.mktemp("cells") / "sheet.xlsx"
    # openpyxl refuses control characters in cells; a customer file cannot contain them either
    clean = [[c.translate({i: None for i in range(32)}) for c in row] for row in cells]
    path.write_bytes(xlsx_bytes([header, *clean]))
    _import_one(path)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.xlsx", declared_gb=2.0)
    assert bomb.stat().st_size < 20_000_000
    code, out, peak_mb = run_isolated(
        "from pathlib import Path\n"
        "from planner.core.importing import import_files\n"
        f"r = import_files([Path({str(bomb)!r})])\n"
        "print('CODES', [f.code for f in r.findings])\n"
    )
    assert code == 0, out[-2000:]
    assert "CODES [" in out and "CODES []" not in out
    assert peak_mb < 600, f"peak memory {peak_mb} MB while refusing a zip bomb"


def test_xml_with_external_entities_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CUSTOMER-DATA")
    xxe = tmp_path / "HealthChecker-EX01.xml"
    xxe.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        "<Objs><Obj><S>&x;</S></Obj></Objs>\n"
    )
    result = import_files([xxe])
    assert any(f.severity in (Severity.ERROR, Severity.WARNING) for f in result.findings)
    text = repr(result.estate) + repr(result.findings)
    assert "TOP-SECRET-CUSTOMER-DATA" not in text


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    path = tmp_path / "HealthChecker-EX02.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{lol}]><r>&l9;</r>')
    result = import_files([path])
    assert result.findings


def test_fifty_megabyte_csv_imports_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    line = "EX{n:07d};EX{n:07d}.contoso.com;Berlin;Mailbox;15.2.1748.39;DAG1;120;350,5\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Name;FQDN;Site;Roles;Build;DAG;Mailboxes;Size GB\n")
        n = 0
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(line.format(n=n))
            n += 1
    code, out, peak_mb = run_isolated(
        "from pathlib import Path\n"
        "from planner.core.importing import import_files\n"
        f"r = import_files([Path({str(path)!r})])\n"
        "print('SERVERS', len(r.estate.servers), 'CODES', sorted({f.code for f in r.findings}))\n"
    )
    assert code == 0, out[-2000:]
    assert "IMPORT-TABLE-TOO-LONG" in out, "the consultant must be told rows were not read"
    assert peak_mb < 1500, f"peak memory {peak_mb} MB for a 50 MB CSV"


def test_huge_cells_control_characters_and_rtl_marks(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    rows = [
        ["Servername", "Version", "Standort", "Rolle", "Notizen"],
        ["EX01", "15.2.1748.39", "Berlin", "Mailbox", "x" * 100_000],
        ["\u202eEX02\u202c", "15.2.1748.39", "Berlin", "Mailbox", "=HYPERLINK(\"http://x\")"],
        ["EX03", "15.2.1748.39", "Berlin\u200f", "Mailbox", "+cmd|' /C calc'!A0"],
    ]
    path.write_bytes(xlsx_bytes(rows))
    result = import_files([path])
    names = {s.name for s in result.estate.servers}
    assert "EX01" in names and len(result.estate.servers) == 3


PROJECT = ROOT / "tests" / "hardening" / "data" / "project-format-1.seplan"


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_as_a_project_file_give_a_clear_error(
        tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    from planner.core.project import ProjectError, load_project

    path = tmp_path_factory.mktemp("proj") / "customer.seplan"
    path.write_bytes(data)
    with pytest.raises(ProjectError, match=r"customer\.seplan"):
        load_project(path)


@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=0.999), flip=st.integers(0, 255))
def test_damaged_project_files_give_a_clear_error(tmp_path_factory: pytest.TempPathFactory,
                                                  cut: float, flip: int) -> None:
    from planner.core.project import ProjectError, load_project

    data = PROJECT.read_bytes()
    at = int(len(data) * cut)
    damaged = data[:at] + bytes([flip]) + data[at + 1:]
    path = tmp_path_factory.mktemp("proj") / "customer.seplan"
    path.write_bytes(damaged)
    try:
        load_project(path)  # a harmless byte change may still be a valid project
    except ProjectError as exc:
        assert "customer.seplan" in str(exc)
