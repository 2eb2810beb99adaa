"""Customers still send .xls and LibreOffice .ods: both read exactly like the .xlsx."""

from __future__ import annotations

import pytest

from planner.core.importing import import_files
from planner.core.model import Severity
from tests.paths import MIXED, ROOT

# Made from the mixed sample with `soffice --headless --convert-to ods|xls inventory.xlsx`.
DATA = ROOT / "tests" / "data"


@pytest.mark.parametrize("name", ["mixed-inventory.ods", "mixed-inventory.xls"])
def test_old_and_open_formats_give_the_same_estate(name: str) -> None:
    reference = import_files([MIXED]).estate
    result = import_files([DATA / name])
    assert not [f for f in result.findings if f.severity is Severity.ERROR]
    assert result.estate.servers == reference.servers
    assert result.estate.dags == reference.dags
    assert result.estate.connectors == reference.connectors
    assert result.estate.relay_clients == reference.relay_clients


def test_a_table_longer_than_the_cap_is_cut_with_an_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from planner.core.importing import tabular

    monkeypatch.setattr(tabular, "MAX_TABLE_ROWS", 5)
    path = tmp_path / "servers.csv"
    path.write_text("Name;Build\n" + "".join(f"EX{i:02d};15.2.1748.39\n" for i in range(10)))
    result = import_files([path])
    assert [s.name for s in result.estate.servers] == ["EX00", "EX01", "EX02", "EX03"]
    cut = [f for f in result.findings if f.code == "IMPORT-TABLE-TOO-LONG"]
    assert cut and cut[0].severity is Severity.ERROR and cut[0].file == "servers.csv"
