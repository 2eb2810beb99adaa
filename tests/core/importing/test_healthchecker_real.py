"""Real HealthChecker files (CSS-Exchange's own test data): roles, ExSetup build, OS, .NET, EP."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from planner.core.importing import import_files

DATA = Path(__file__).resolve().parents[2] / "data" / "healthchecker"

FILES = {
    "HealthChecker-E15_CU23.xml": ("SOLO-E15A", "15.0.1497.2", ("Mailbox", "ClientAccess"),
                                   "2012 R2"),
    "HealthChecker-E16_CU18.xml": ("SOLO-E16A", "15.1.2106.2", ("Mailbox",), "2016"),
    "HealthChecker-E19_CU11.xml": ("SOLO-E19A", "15.2.986.5", ("Mailbox",), "2019"),
}


def _copy(tmp_path: Path, name: str, encoding: str, edge: bool = False) -> Path:
    text = gzip.decompress((DATA / f"{name}.gz").read_bytes()).decode("utf-8-sig")
    if edge:  # the same server as Get-ExchangeServer reports an Edge Transport server
        text = text.replace('<B N="IsEdgeServer">false</B>', '<B N="IsEdgeServer">true</B>')
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
@pytest.mark.parametrize("name", sorted(FILES))
def test_real_files_import_with_roles_and_update_level(
        tmp_path: Path, name: str, encoding: str) -> None:
    result = import_files([_copy(tmp_path, name, encoding)])
    (server,) = result.estate.servers
    host, build, roles, os_name = FILES[name]
    assert (server.name, server.build) == (host, build)  # ExSetup's file version
    assert set(roles) <= set(server.roles)
    assert os_name in server.os and server.dotnet == "4.8"
    assert server.extended_protection == "off"
    codes = {f.code for f in result.findings}
    assert "IMPORT-ROLES-MISSING" not in codes and "IMPORT-HEALTHCHECKER-PARTIAL" not in codes


def test_an_edge_file_in_utf16_is_an_edge_server(tmp_path: Path) -> None:
    result = import_files([_copy(tmp_path, "HealthChecker-E19_CU11.xml", "utf-16", edge=True)])
    (server,) = result.estate.servers
    assert server.roles == ("Edge",) and server.is_edge
