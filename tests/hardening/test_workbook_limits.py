"""Workbooks that made python-calamine abort, panic or take gigabytes end in a finding (#18)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner.core import importing
from planner.core.importing import import_files
from planner.core.model import Severity
from tests.hardening.fuzzing import run_isolated
from tests.hardening.hostile_files import (
    HOSTILE,
    many_properties_xml,
    overlapping_merges_xlsx,
    trailing_empty_rows_ods,
    write_all,
)

_CHILD = """
import json
from pathlib import Path
from planner.core.importing import import_files
out = {}
for path in sorted(Path(FOLDER).iterdir()):
    result = import_files([path])
    out[path.name] = [(f.code, f.severity.value, f.file) for f in result.findings]
print("RESULT", json.dumps(out))
"""


def test_every_hostile_workbook_is_a_finding_within_one_gigabyte(tmp_path: Path) -> None:
    write_all(tmp_path, HOSTILE)
    code, out, peak_mb = run_isolated(_CHILD.replace("FOLDER", repr(str(tmp_path))),
                                      timeout=300)
    assert code == 0, out[-3000:]
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    results = json.loads(line[len("RESULT "):])
    assert set(results) == set(HOSTILE)
    for name, findings in results.items():
        errors = [c for c, severity, file in findings if severity == "error" and file == name]
        assert errors, f"{name}: no error finding naming the file ({findings})"
    assert peak_mb < 1000, f"peak memory {peak_mb} MB"


def test_a_sheet_too_large_is_named_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "corner.xlsx"
    path.write_bytes(HOSTILE["corner-cells.xlsx"]())
    result = import_files([path])
    found = [f for f in result.findings if f.code == "IMPORT-SHEET-TOO-LARGE"]
    assert found and found[0].sheet == "S0" and found[0].severity is Severity.ERROR
    assert "17,179,869,184" in found[0].message("en")


def test_a_truncated_xls_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "cut.xls"
    path.write_bytes(HOSTILE["truncated.xls"]())
    codes = [f.code for f in import_files([path]).findings]
    assert "IMPORT-FILE-UNREADABLE" in codes


def test_libreoffice_trailing_empty_rows_still_import(tmp_path: Path) -> None:
    path = tmp_path / "inventory.ods"
    path.write_bytes(trailing_empty_rows_ods())
    result = import_files([path])
    assert [s.name for s in result.estate.servers] == ["EX01"]
    assert not [f for f in result.findings if f.code.startswith(("IMPORT-WORKBOOK",
                                                                 "IMPORT-SHEET-TOO"))]


def test_a_workbook_whose_strings_repeat_is_read_not_refused(tmp_path: Path) -> None:
    """Excel and XlsxWriter declare how often strings are used (count) beside how many there
    are (uniqueCount); 400 servers at one site, one build, one OS use their strings 3,200
    times in a table of 415, and the whole workbook was refused as a shared-string bomb."""
    import xlsxwriter

    path = tmp_path / "inventory.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Server")
    sheet.write_row(0, 0, ["Name", "Site", "Roles", "Build", "OS", "DAG", "Virtual", "Notes"])
    for i in range(400):
        sheet.write_row(i + 1, 0, [f"EX{i:03d}", "Berlin", "Mailbox", "15.2.1748.39",
                                   "Windows Server 2019", "DAG1", "yes", "ok"])
    book.close()
    result = import_files([path])
    assert len(result.estate.servers) == 400
    assert "IMPORT-WORKBOOK-REFUSED" not in {f.code for f in result.findings}


def test_a_report_too_large_to_parse_is_refused_without_parsing(tmp_path: Path) -> None:
    """A 150 MB HealthChecker XML took 2.4 GB; past 40 MB a report is refused unparsed."""
    path = tmp_path / "HealthChecker-EX01.xml"
    item = b'<Obj N="P"><MS><S N="Name">value</S></MS></Obj>'
    path.write_bytes(b'<?xml version="1.0"?><Objs><Obj><MS>' + item * 900_000
                     + b"</MS></Obj></Objs>")
    code, out, peak_mb = run_isolated(
        "from pathlib import Path\nfrom planner.core.importing import import_files\n"
        f"r = import_files([Path({str(path)!r})])\nprint('CODES', [f.code for f in r.findings])\n")
    assert code == 0, out[-2000:]
    assert "IMPORT-TEXT-TOO-LARGE" in out
    assert peak_mb < 400, f"peak memory {peak_mb} MB"


def test_a_report_just_within_the_limit_is_read_within_one_gigabyte(tmp_path: Path) -> None:
    """The size guard admits a 39 MB HealthChecker XML: read as a stream, only the wanted
    properties kept, it stays far under 1 GB (it took 1.3 GB parsed whole)."""
    path = tmp_path / "HealthChecker-EX01.xml"
    path.write_bytes(many_properties_xml())
    code, out, peak_mb = run_isolated(
        "from pathlib import Path\nfrom planner.core.importing import import_files\n"
        f"r = import_files([Path({str(path)!r})])\n"
        "print('FOUND', [(f.code, f.file) for f in r.findings])\n", timeout=300)
    assert code == 0, out[-2000:]
    assert "('IMPORT-HEALTHCHECKER-PARTIAL', 'HealthChecker-EX01.xml')" in out, out[-2000:]
    assert peak_mb < 1000, f"peak memory {peak_mb} MB"


def test_overlapping_merged_cells_are_read_once_and_grouped_sites_still_fill(
        tmp_path: Path) -> None:
    """200,000 overlapping merge ranges over 2,000 rows: each cell is visited once (walking
    each range's rows took minutes; a hang guard, not a speed target); the real vertical
    merges of the site column still give every server its site."""
    path = tmp_path / "merges.xlsx"
    path.write_bytes(overlapping_merges_xlsx())
    result = import_files([path])
    sites = {s.name: s.site for s in result.estate.servers}
    assert sites == {f"EX{i:02d}": "Berlin" if i <= 5 else "München" for i in range(1, 11)}
    errors = {f.code for f in result.findings if f.severity is Severity.ERROR}
    assert errors == {"IMPORT-BUILD-MISSING"}  # the file names no builds: nothing else is wrong


def test_sheets_each_within_bounds_but_too_many_together_are_refused(tmp_path: Path) -> None:
    """Eight sheets of 1.2 million cells each pass the per-sheet check; the book's total
    refuses the file before the reader allocates any of them."""
    path = tmp_path / "eight.xlsx"
    path.write_bytes(HOSTILE["eight-sheets.xlsx"]())
    found = [f for f in import_files([path]).findings if f.code == "IMPORT-WORKBOOK-REFUSED"]
    assert found and found[0].severity is Severity.ERROR and found[0].file == "eight.xlsx"
    assert "9,600,000" in found[0].message("en")


def test_an_unreadable_file_is_said_in_words_without_the_library_s_exception(
        tmp_path: Path) -> None:
    """A damaged workbook, a truncated .xls and a bug while reading say what is wrong in the
    reader's language; no exception class (BadZipFile, struct.error, KeyError) reaches people."""
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    cut = tmp_path / "cut.xls"
    cut.write_bytes(HOSTILE["truncated.xls"]())
    found = [f for f in import_files([damaged, cut]).findings
             if f.code == "IMPORT-FILE-UNREADABLE"]
    assert {f.file for f in found} == {"damaged.xlsx", "cut.xls"}
    for f in found:
        for lang in ("en", "de"):
            text = f.message(lang)
            assert not re.search(r"[A-Z]\w*(Error|Exception|File)\b|struct\.", text), text
    assert "beschädigt" in found[0].message("de")


def test_a_bug_while_reading_is_logged_and_said_as_a_bug(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "servers.csv"
    path.write_text("Name,Version\nEX01,15.2.1748.39\n", encoding="utf-8")
    logged: list[str] = []
    monkeypatch.setattr(importing, "read_file", lambda p: {}["boom"])  # a KeyError: a bug
    monkeypatch.setattr(importing, "log_bug", lambda what, trace: logged.append(trace))
    found = [f for f in import_files([path]).findings if f.code == "IMPORT-FILE-UNREADABLE"]
    assert found and "KeyError" not in found[0].message("en")
    assert "log file" in found[0].message("en") and "KeyError" in logged[0]
