"""Generated files with the structures of #18: nested quotes, repeated rows and headers,
mixed encodings line by line, sparse cells and repeated rows and columns in workbooks.

Each property states what a consultant relies on (rows are not swallowed, nothing is
misread without a word, a grid too large is refused before it is built), not only that
nothing raises. Few examples each (``FUZZ``); PLANNER_LONG_FUZZ=1 runs thousands.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.importing import import_files
from planner.core.importing.delimited import read_records
from planner.core.importing.workbook_limits import MAX_SHEET_CELLS, workbook_problems
from tests.hardening import hostile_files as hf
from tests.hardening.fuzzing import FUZZ

_SMALL = 50_000  # grids up to this size are also imported (fast); larger ones only judged

# -- CSV: quotes inside cells, stray quotes ------------------------------------------------

_QUOTED_CELL = st.text(alphabet=st.sampled_from('ab;" \näö'), max_size=10)


@FUZZ
@given(rows=st.lists(st.lists(_QUOTED_CELL, min_size=3, max_size=3), min_size=1, max_size=8))
def test_nested_quotes_as_excel_writes_them_round_trip(rows: list[list[str]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\n")
    writer.writerow(["Name", "Ort", "Rolle"])
    writer.writerow(["x", "y", "z"])  # a plain line of data: the delimiter is sniffed on it
    writer.writerows(rows)
    records = read_records("x.csv", buf.getvalue(), 1000)
    assert [list(r) for r in records.rows[2:]] == [[c.strip() for c in row] for row in rows]
    assert not records.findings


@FUZZ
@given(line=st.integers(0, len(hf.CSV_ROWS) - 1), at=st.floats(0, 1),
       quotes=st.sampled_from(['"', '""', '"""', '"x"y"']))
def test_a_stray_quote_swallows_no_other_row(tmp_path_factory: pytest.TempPathFactory,
                                             line: int, at: float, quotes: str) -> None:
    rows = list(hf.CSV_ROWS)
    cut = int(len(rows[line]) * at)
    rows[line] = rows[line][:cut] + quotes + rows[line][cut:]
    path = tmp_path_factory.mktemp("quote") / "inventar.csv"
    path.write_bytes(("\n".join([hf.CSV_HEADER, *rows]) + "\n").encode("utf-8"))
    result = import_files([path])
    others = {r.split(";", 1)[0] for n, r in enumerate(hf.CSV_ROWS) if n != line}
    assert others <= {s.name for s in result.estate.servers}
    for f in result.findings:
        if f.code == "IMPORT-CSV-QUOTE-UNCLOSED":
            assert f.row == line + 2  # the line the quote opened on


# -- CSV: repeated rows and repeated headers -----------------------------------------------

@FUZZ
@given(order=st.lists(st.integers(0, len(hf.CSV_ROWS) - 1), min_size=1, max_size=25),
       headers=st.sets(st.integers(1, 25), max_size=4))
def test_repeated_rows_and_headers_give_each_server_once(
        tmp_path_factory: pytest.TempPathFactory, order: list[int], headers: set[int]) -> None:
    lines = [hf.CSV_HEADER]
    for n, index in enumerate(order, 1):
        if n in headers:
            lines.append(hf.CSV_HEADER)  # a paged export repeats its header
        lines.append(hf.CSV_ROWS[index])
    path = tmp_path_factory.mktemp("repeat") / "inventar.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    result = import_files([path])
    names = [hf.CSV_ROWS[i].split(";", 1)[0] for i in dict.fromkeys(order)]
    assert [s.name for s in result.estate.servers] == names
    duplicates = [f for f in result.findings if f.code == "IMPORT-DUPLICATE"]
    assert len(duplicates) == len(order) - len(names)
    assert "IMPORT-SHEET-UNRECOGNISED" not in {f.code for f in result.findings}


# -- CSV: each line in its own encoding ----------------------------------------------------

@FUZZ
@given(encodings=st.lists(st.sampled_from(["utf-8", "cp1252"]), min_size=len(hf.CSV_ROWS),
                          max_size=len(hf.CSV_ROWS)))
def test_lines_in_mixed_encodings_are_never_misread_silently(
        tmp_path_factory: pytest.TempPathFactory, encodings: list[str]) -> None:
    data = (hf.CSV_HEADER + "\n").encode("utf-8") + b"".join(
        (row + "\n").encode(enc) for row, enc in zip(hf.CSV_ROWS, encodings, strict=True))
    path = tmp_path_factory.mktemp("enc") / "inventar.csv"
    path.write_bytes(data)
    result = import_files([path])
    assert [s.name for s in result.estate.servers] == [r.split(";", 1)[0] for r in hf.CSV_ROWS]
    bad_lines: set[int] = set()
    for f in result.findings:
        if f.code == "IMPORT-ENCODING-BAD-LINES":
            bad_lines |= {int(n) for n in f.text.value("lines").split(", ")  # type: ignore[union-attr]
                          if n.isdigit()}
    whole_file = {f.code for f in result.findings} & {"IMPORT-ENCODING-WINDOWS",
                                                      "IMPORT-ENCODING-UNKNOWN"}
    for n, (server, row) in enumerate(zip(result.estate.servers, hf.CSV_ROWS, strict=True)):
        if server.site != row.split(";")[1]:  # misread: the file must say so
            assert n + 2 in bad_lines or whole_file, (n + 2, server.site)


# -- xlsx: sparse cells anywhere, with and without references ------------------------------

_COLUMN = st.integers(1, 16_384)
_ROW = st.sampled_from([1, 2, 3, 50, 1_000, 40_000, 65_536, 1_048_576]) | st.integers(1, 2_000)


def _letters(column: int) -> str:
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


@FUZZ
@given(cells=st.lists(st.tuples(_ROW, _COLUMN, st.booleans()), min_size=1, max_size=12))
def test_sparse_xlsx_cells_are_judged_by_their_true_grid(
        tmp_path_factory: pytest.TempPathFactory, cells: list[tuple[int, int, bool]]) -> None:
    """Cells at random places, some without a reference (placed after the previous one):
    a grid over the bound is refused before the reader builds it, a smaller one is read."""
    body, max_row, max_col = [], 0, 0
    for row in sorted({r for r, _c, _named in cells}):
        col, parts = 0, []
        for r, c, named in cells:
            if r != row:
                continue
            col = c if named else col + 1
            ref = f' r="{_letters(col)}{row}"' if named else ""
            parts.append(f'<c{ref} t="inlineStr"><is><t>x</t></is></c>')
            max_col = max(max_col, col)
        body.append(f'<row r="{row}">{"".join(parts)}</row>')
        max_row = max(max_row, row)
    path = tmp_path_factory.mktemp("sparse") / "sparse.xlsx"
    path.write_bytes(hf.xlsx_raw("".join(body)))
    too_large = max_row * max_col > MAX_SHEET_CELLS
    assert bool(workbook_problems(path, "zip").sheets) == too_large
    if too_large or max_row * max_col <= _SMALL:
        codes = {f.code for f in import_files([path]).findings}
        assert ("IMPORT-SHEET-TOO-LARGE" in codes) == too_large


# -- ods: rows and cells repeated ----------------------------------------------------------

_REPEAT = st.sampled_from([1, 2, 7, 1_000, 100_000, 5_000_000]) | st.integers(1, 30)


@FUZZ
@given(rows=st.lists(st.tuples(_REPEAT, st.lists(st.tuples(_REPEAT, st.booleans()),
                                                 max_size=4)), min_size=1, max_size=5))
def test_repeated_ods_rows_and_columns_are_judged_expanded(
        tmp_path_factory: pytest.TempPathFactory,
        rows: list[tuple[int, list[tuple[int, bool]]]]) -> None:
    """Repeats count as the rows and columns they make, up to the last cell with content."""
    body, total, used_rows, used_cols = [], 0, 0, 0
    for repeat, cells in rows:
        col, parts = 0, []
        for times, content in cells:
            col += times
            if content:
                used_cols = max(used_cols, col)
                parts.append(f'<table:table-cell office:value-type="string" '
                             f'table:number-columns-repeated="{times}"><text:p>x</text:p>'
                             "</table:table-cell>")
            else:
                parts.append(f'<table:table-cell table:number-columns-repeated="{times}"/>')
        total += repeat
        if any(content for _t, content in cells):
            used_rows = total
        body.append(f'<table:table-row table:number-rows-repeated="{repeat}">'
                    f'{"".join(parts)}</table:table-row>')
    path = tmp_path_factory.mktemp("ods") / "repeated.ods"
    path.write_bytes(hf._ods(f'<table:table table:name="T">{"".join(body)}</table:table>'))
    too_large = used_rows * used_cols > MAX_SHEET_CELLS
    assert (workbook_problems(path, "zip").file is not None) == too_large
    if too_large or used_rows * used_cols <= _SMALL:
        codes = {f.code for f in import_files([path]).findings}
        assert ("IMPORT-WORKBOOK-REFUSED" in codes) == too_large


def test_the_generators_write_what_the_reader_expects(tmp_path: Path) -> None:
    """A sanity check of the hand-written parts: a small sparse sheet reads its cells."""
    path = tmp_path / "s.xlsx"
    path.write_bytes(hf.xlsx_raw('<row r="1"><c r="A1" t="inlineStr"><is><t>Servername</t>'
                                 '</is></c><c r="B1" t="inlineStr"><is><t>Version</t></is></c>'
                                 '</row><row r="3"><c r="A3" t="inlineStr"><is><t>EX01</t>'
                                 '</is></c><c r="B3" t="inlineStr"><is><t>15.2.1544.4</t></is>'
                                 "</c></row>"))
    assert [s.name for s in import_files([path]).estate.servers] == ["EX01"]
