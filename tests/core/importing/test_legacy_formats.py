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
