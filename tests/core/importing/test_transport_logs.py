"""Transport logs: the relay clients and mail flows the generator put in come out exactly."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from planner.core.importing import ImportCancelled, import_files
from planner.core.importing.log_files import find_logs
from planner.core.importing.transport_logs import read_transport_logs
from planner.core.model import Estate, MailFlowKind
from planner.core.plain import estate_to_plain
from tests.paths import MIXED
from tests.transport_log_maker import EXO_IP, SECRETS, Truth, write_logs


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Truth]:
    folder = tmp_path_factory.mktemp("logs")
    return folder, write_logs(folder)


def _discovered(folder: Path) -> dict[tuple[str, str, str], object]:
    result = import_files([folder])
    return {(rc.server, rc.connector, rc.host): rc for rc in result.estate.relay_clients}


def test_relay_clients_are_exactly_the_generated_ones(logs: tuple[Path, Truth]) -> None:
    folder, truth = logs
    found = _discovered(folder)
    assert set(found) == set(truth.relay)  # no Exchange, EXO, load balancer or probe among them
    for key, want in truth.relay.items():
        rc = found[key]
        assert (rc.ehlo, rc.first_seen, rc.last_seen, rc.sessions, rc.messages,  # type: ignore[attr-defined]
                rc.authenticated, rc.tls) == (  # type: ignore[attr-defined]
            want.ehlo, want.first, want.last, want.sessions, want.messages,
            want.authenticated, want.tls)


def test_flow_volumes_per_server_and_day_are_exact(logs: tuple[Path, Truth]) -> None:
    folder, truth = logs
    flows = import_files([folder]).estate.mail_flows
    got = {(f.server, f.flow.value, f.day): f.messages for f in flows}
    assert got == dict(truth.flows)
    assert {f.flow for f in flows} == set(MailFlowKind)


def test_malformed_lines_are_counted_and_reported_never_fatal(logs: tuple[Path, Truth]) -> None:
    folder, truth = logs
    sources, _, _ = find_logs([folder])
    read = read_transport_logs(sources, Estate())
    assert read.malformed == truth.malformed
    findings = import_files([folder]).findings
    [bad] = [f for f in findings if f.code == "LOGS-MALFORMED"]
    assert str(truth.malformed) in bad.message("en")


def test_logs_are_recognised_by_header_not_name(logs: tuple[Path, Truth]) -> None:
    folder, _ = logs
    sources, others, skipped = find_logs([folder])
    names = {s.name.rsplit("/", 1)[-1] for s in sources}
    assert "export-1.txt" in names  # a renamed protocol log
    assert "README.txt" not in names and skipped == 1
    assert others == []
    # The SMTP Send log is recognised and skipped: its remote host is not a relay client.
    assert all(rc.host != EXO_IP for rc in import_files([folder]).estate.relay_clients)


def test_a_zip_of_logs_reads_like_the_folder(logs: tuple[Path, Truth], tmp_path: Path) -> None:
    folder, truth = logs
    archive = tmp_path / "logs.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for f in folder.rglob("*"):
            if f.is_file():
                z.write(f, f.relative_to(folder).as_posix())
    assert set(_discovered(archive)) == set(truth.relay)


def test_progress_rises_and_cancel_stops(logs: tuple[Path, Truth]) -> None:
    folder, _ = logs
    seen: list[float] = []
    import_files([folder], progress=lambda f, _name: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 10
    with pytest.raises(ImportCancelled):
        import_files([folder], cancelled=lambda: len(seen) > 3)


def test_merge_with_the_inventory(logs: tuple[Path, Truth]) -> None:
    folder, _ = logs
    result = import_files([MIXED, folder])
    clients = {rc.name: rc for rc in result.estate.relay_clients}
    sap = clients["SAP ERP"]  # listed, matched by address, keeps name and owner
    assert sap.owner == "SAP Basis" and sap.messages == 150 and not sap.discovered
    assert sap.messages_per_day == 50.0
    assert clients["webshop01.contoso.local"].discovered
    codes = {(f.code, f.target) for f in result.findings}
    assert ("LOGS-RELAY-UNSEEN", "relay:PRTG Monitoring") in codes
    assert ("LOGS-LOAD-BALANCER", "connector:Relay MUC") in codes
    [wide] = [f for f in result.findings if f.code == "LOGS-RANGE-WIDE"]
    assert "10.10.3.50, 10.10.3.61, 10.10.3.80" in wide.message("en")
    # how long the logs looked, and that an in-place upgrade keeps the connector (a review:
    # "on the new connector" for a server that gets none, and no word of a monthly job)
    assert re.search(r"in \d+ days of logs", wide.message("en"))
    assert "upgraded in place" in wide.message("en")
    assert re.search(r"in \d+ Tagen Protokoll", wide.message("de"))
    # A connector the logs prove exists joins the estate beside its server.
    assert any(c.name == "Client Frontend BER-EX16-02" for c in result.estate.connectors)
    to_exo = sum(f.messages for f in result.estate.mail_flows
                 if f.server == "BER-EX16-01" and f.flow is MailFlowKind.TO_EXO
                 and f.day == date(2026, 11, 2))
    assert to_exo == 65


def test_the_estate_keeps_no_subject_or_recipient(logs: tuple[Path, Truth]) -> None:
    folder, _ = logs
    result = import_files([MIXED, folder])
    text = json.dumps(estate_to_plain(result.estate)) + json.dumps(
        [f.message("en") + f.message("de") for f in result.findings])
    for secret in (*SECRETS, "noreply@contoso.de"):
        assert secret not in text


def test_bom_and_old_tracking_fields_are_read(logs: tuple[Path, Truth]) -> None:
    folder, _ = logs
    # MUC's protocol logs carry a BOM, BER-EX16-01's tracking logs the 2013 field list.
    muc = next((folder / "MUC-EX19-01").rglob("RECV*"))
    assert muc.read_bytes().startswith(b"\xef\xbb\xbf")
    found = _discovered(folder)
    assert ("MUC-EX19-01", "Default Frontend MUC-EX19-01", "10.20.9.20") in found
    flows = import_files([folder]).estate.mail_flows
    assert any(f.server == "BER-EX16-01" for f in flows)


def test_a_folder_without_logs_is_read_as_inventory_files() -> None:
    folder = MIXED.parents[1] / "mixed-powershell"
    result = import_files([folder])
    assert {s.name for s in result.estate.servers} >= {"BER-EX16-01", "MUC-EX19-01"}
    assert not result.estate.mail_flows
