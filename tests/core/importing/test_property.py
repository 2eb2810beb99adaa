"""Whatever the bytes, the importer answers with findings, never with an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.importing import import_files
from tests.paths import MIXED

_SETTINGS = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])
_MIXED_BYTES = MIXED.read_bytes()


def _import_bytes(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        result = import_files([path])
        assert all(f.code and f.message("en") and f.message("de") for f in result.findings)


@_SETTINGS
@given(st.binary(max_size=2048), st.sampled_from(["x.xlsx", "x.csv", "x.xml", "x.txt", "x.ods"]))
def test_random_bytes(data: bytes, name: str) -> None:
    _import_bytes(data, name)


@_SETTINGS
@given(st.integers(min_value=0, max_value=len(_MIXED_BYTES) - 1))
def test_truncated_workbook(cut: int) -> None:
    _import_bytes(_MIXED_BYTES[:cut], "inventory.xlsx")


_CELL = st.one_of(st.none(), st.text(max_size=30), st.integers(-10**12, 10**12),
                  st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                  st.sampled_from(["Name", "Build", "Servername", "Rolle(n)", "DAG", "Typ",
                                   "15.2.1748.39", "1,2 TB", "14.10.2025", "ja",
                                   "System.Object[]", "EXAMPLE"]))


@_SETTINGS
@given(st.lists(st.lists(_CELL, min_size=1, max_size=6), min_size=1, max_size=8))
def test_random_cells(rows: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.xlsx"
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet("Servers")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
        book.close()
        import_files([path])
