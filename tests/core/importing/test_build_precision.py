"""Two sources name a server's build: the one that shows the update level wins."""

from __future__ import annotations

import gzip
from pathlib import Path

from planner.core.importing import import_files

DATA = Path(__file__).resolve().parents[2] / "data" / "healthchecker"
HC = DATA / "HealthChecker-E19_CU11.xml.gz"


def _healthchecker(tmp_path: Path, exsetup: str) -> Path:
    """The real 2019 CU11 HealthChecker file, its ExSetup version set to ``exsetup``."""
    text = gzip.decompress(HC.read_bytes()).decode("utf-8-sig")
    text = text.replace("15.02.0986.005", exsetup)  # ExSetup.exe's FileVersion notation
    path = tmp_path / "HealthChecker-SOLO-E19A.xml"
    path.write_text(text, encoding="utf-8")
    return path


def _inventory(tmp_path: Path, build: str) -> Path:
    path = tmp_path / "inventory.csv"
    path.write_text(f"Server;Build;Rollen\nSOLO-E19A;{build};Mailbox\n", encoding="utf-8")
    return path


def test_the_exsetup_update_level_beats_admin_display_version(tmp_path: Path) -> None:
    files = [_inventory(tmp_path, "Version 15.2 (Build 986.5)"),
             _healthchecker(tmp_path, "15.02.0986.037")]
    for order in (files, files[::-1]):
        result = import_files(order)
        (server,) = result.estate.servers
        assert server.build == "15.2.986.37", order  # CU11 Jan23SU, not the bare CU11
        codes = {f.code for f in result.findings}
        assert "IMPORT-CONFLICT" not in codes or order[0].suffix == ".xml"


def test_the_more_precise_source_is_named_in_a_finding(tmp_path: Path) -> None:
    result = import_files([_inventory(tmp_path, "15.2.986.5"),
                           _healthchecker(tmp_path, "15.02.0986.037")])
    (found,) = [f for f in result.findings if f.code == "IMPORT-BUILD-MORE-PRECISE"]
    assert "15.2.986.37" in found.message("en") and "15.2.986.37" in found.message("de")


def test_a_different_cu_stays_a_conflict_and_keeps_the_first(tmp_path: Path) -> None:
    result = import_files([_inventory(tmp_path, "15.2.1118.7"),  # 2019 CU12
                           _healthchecker(tmp_path, "15.02.0986.037")])
    (server,) = result.estate.servers
    assert server.build == "15.2.1118.7"
    assert "IMPORT-CONFLICT" in {f.code for f in result.findings}


def test_conflict_texts_name_the_server_and_the_row_in_each_language(tmp_path: Path) -> None:
    result = import_files([_inventory(tmp_path, "15.2.1118.7"),
                           _healthchecker(tmp_path, "15.02.0986.037")])
    (found,) = [f for f in result.findings if f.code == "IMPORT-CONFLICT"]
    assert found.message("en").startswith("Server SOLO-E19A:") and "row 2" in found.message("en")
    assert "Zeile 2" in found.message("de") and "server:" not in found.message("de")
