"""Receive connectors' bindings and remote IP ranges survive every export format whole:
Get-ReceiveConnector as CSV (Export-Csv, space-joined values), as Format-List text, as a
spreadsheet cell; a list PowerShell cut short is a finding, never a half address."""

from __future__ import annotations

from pathlib import Path

from planner.core.importing import import_files
from planner.core.model import Connector, ConnectorType

_CSV = (
    '"Identity","Bindings","RemoteIPRanges","PermissionGroups","TransportRole"\n'
    '"EX01\\Relay Scanner","[::]:25 0.0.0.0:25","10.10.3.0/24 10.10.1.20 - 10.10.1.29",'
    '"AnonymousUsers","FrontendTransport"\n'
    '"EX01\\Relay ERP","{[2001:db8::6]:25, 10.1.1.6:25}","{2001:db8:30::/48, 10.2.0.0/16}",'
    '"AnonymousUsers","FrontendTransport"\n'
)

_FORMAT_LIST = """
Identity         : EX02\\Relay Drucker
Bindings         : {[::]:25, 0.0.0.0:25}
RemoteIPRanges   : {10.20.1.0/24, 10.20.2.11, 10.20.2.12,
                   10.20.2.13}
PermissionGroups : AnonymousUsers
TransportRole    : FrontendTransport

Identity         : EX02\\Relay Lager
Bindings         : {[::]:25, 0.0.0.0:25}
RemoteIPRanges   : {10.30.1.1, 10.30.1.2, 10.30.1.3, 10.30.1.4...}
PermissionGroups : AnonymousUsers
TransportRole    : FrontendTransport
"""


def _receive(path: Path) -> tuple[dict[str, Connector], list[str]]:
    result = import_files([path])
    found = {c.name: c for c in result.estate.connectors if c.type is ConnectorType.RECEIVE}
    return found, [f.code for f in result.findings]


def test_get_receive_connector_csv_keeps_ipv6_brackets_and_whole_ranges(tmp_path: Path) -> None:
    path = tmp_path / "Get-ReceiveConnector.csv"
    path.write_text(_CSV, encoding="utf-8")
    found, _codes = _receive(path)
    assert found["Relay Scanner"].bindings == ("[::]:25", "0.0.0.0:25")
    assert found["Relay Scanner"].remote_ip_ranges == ("10.10.3.0/24", "10.10.1.20-10.10.1.29")
    assert found["Relay ERP"].bindings == ("[2001:db8::6]:25", "10.1.1.6:25")
    assert found["Relay ERP"].remote_ip_ranges == ("2001:db8:30::/48", "10.2.0.0/16")


def test_format_list_text_reads_wrapped_lists_and_reports_a_cut_one(tmp_path: Path) -> None:
    path = tmp_path / "receive.txt"
    path.write_text(_FORMAT_LIST, encoding="utf-8")
    found, codes = _receive(path)
    assert found["Relay Drucker"].bindings == ("[::]:25", "0.0.0.0:25")
    assert found["Relay Drucker"].remote_ip_ranges == (
        "10.20.1.0/24", "10.20.2.11", "10.20.2.12", "10.20.2.13")
    # "10.30.1.4..." is no address: left out, and the consultant is told to re-export
    assert found["Relay Lager"].remote_ip_ranges == ("10.30.1.1", "10.30.1.2", "10.30.1.3")
    assert "IMPORT-LIST-TRUNCATED" in codes


def test_the_mixed_powershell_sample_keeps_its_ipv6_bindings() -> None:
    sample = Path(__file__).resolve().parents[3] / "resources" / "samples" / "mixed-powershell"
    found, _codes = _receive(sample / "Get-ReceiveConnector.csv")
    assert all(c.bindings == ("[::]:25", "0.0.0.0:25") for c in found.values())
