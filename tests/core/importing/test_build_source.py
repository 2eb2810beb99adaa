"""Where a build was read travels with it: a CU's own build from ExSetup, HealthChecker or
Exchange Online's report is the exact level; from AdminDisplayVersion or an inventory it is a
guess with a warning."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from planner.core.builds import identify
from planner.core.importing import ImportResult, import_files
from planner.core.knowledge import load_knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.project import Project, project_from_plain, project_to_plain

DATA = Path(__file__).resolve().parents[2] / "data" / "healthchecker"


def _healthchecker(tmp_path: Path, name: str, encoding: str = "utf-8") -> Path:
    text = gzip.decompress((DATA / f"{name}.gz").read_bytes()).decode("utf-8-sig")
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _csv(tmp_path: Path, header: str, build: str, name: str = "SOLO-E19A") -> Path:
    path = tmp_path / f"inventory-{abs(hash((header, build))) % 10_000}.csv"
    path.write_text(f"Server;{header};Roles\n{name};{build};Mailbox\n", encoding="utf-8")
    return path


def _uncertain(result: ImportResult) -> list[str]:
    return [f.message("en") for f in result.findings if f.code == "IMPORT-BUILD-UNCERTAIN"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize(("name", "build"), [
    ("HealthChecker-E19_CU11.xml", "15.2.986.5"),  # ExSetup 15.02.0986.005: CU11 itself
    ("HealthChecker-E16_CU18.xml", "15.1.2106.2"),
    ("HealthChecker-E15_CU23.xml", "15.0.1497.2"),
])
def test_a_bare_cu_exsetup_version_from_healthchecker_is_exact(
        tmp_path: Path, name: str, build: str, encoding: str) -> None:
    result = import_files([_healthchecker(tmp_path, name, encoding)])
    (server,) = result.estate.servers
    assert (server.build, server.build_source) == (build, "healthchecker")
    assert _uncertain(result) == []


@pytest.mark.parametrize(("header", "build", "source", "warns"), [
    ("AdminDisplayVersion", "15.2.986.5", "admin_display", "AdminDisplayVersion shows only"),
    ("Build", "Version 15.2 (Build 986.5)", "admin_display", "AdminDisplayVersion shows only"),
    ("Build", "15.2.986.5", "inventory", "is the build of CU11 itself"),
    ("ExSetup version", "15.2.986.5", "exsetup", ""),
    ("Build", "15.2.986.37", "inventory", ""),  # an update's own number is exact anywhere
])
def test_the_header_or_notation_names_the_source_and_drives_the_warning(
        tmp_path: Path, header: str, build: str, source: str, warns: str) -> None:
    result = import_files([_csv(tmp_path, header, build)])
    (server,) = result.estate.servers
    assert server.build_source == source
    found = _uncertain(result)
    assert (found and warns in found[0]) if warns else found == [], found


def test_the_same_build_from_a_precise_source_takes_that_source(tmp_path: Path) -> None:
    files = [_csv(tmp_path, "AdminDisplayVersion", "Version 15.2 (Build 986.5)"),
             _healthchecker(tmp_path, "HealthChecker-E19_CU11.xml")]
    for order in (files, files[::-1]):
        result = import_files(order)
        (server,) = result.estate.servers
        assert (server.build, server.build_source) == ("15.2.986.5", "healthchecker")
        assert _uncertain(result) == []
        assert "IMPORT-CONFLICT" not in {f.code for f in result.findings}


def test_a_different_update_from_a_precise_source_is_a_disagreement(tmp_path: Path) -> None:
    """HealthChecker saw CU11 itself; an inventory says CU11 Jan23SU: a conflict, not a
    silent upgrade of a build that was read exactly."""
    result = import_files([_healthchecker(tmp_path, "HealthChecker-E19_CU11.xml"),
                           _csv(tmp_path, "Build", "15.2.986.37")])
    (server,) = result.estate.servers
    assert (server.build, server.build_source) == ("15.2.986.5", "healthchecker")
    assert "IMPORT-CONFLICT" in {f.code for f in result.findings}


def test_exchange_onlines_report_confirms_a_bare_cu_build(tmp_path: Path) -> None:
    inventory = _csv(tmp_path, "Build", "15.2.986.5")
    report = tmp_path / "report.csv"
    report.write_text("ServerFQDN,Build,FirstDetectedDate\n"
                      "SOLO-E19A.contoso.com,15.2.986.5,2026-09-14\n", encoding="utf-8")
    result = import_files([inventory, report])
    assert _uncertain(result) == []
    (server,) = result.estate.servers
    assert server.build_source == "inventory"  # the files' own word; the plan refines it


def test_the_source_survives_saving_the_project() -> None:
    estate = Estate(servers=(Server("EX01", build="15.1.2507.6", build_source="exsetup"),),
                    exo_reports=(ExoReport("ex01", first_detected=date(2026, 9, 14)),))
    again = project_from_plain(project_to_plain(Project(estate=estate)))
    assert again.estate.servers[0].build_source == "exsetup"


@pytest.mark.parametrize(("source", "exact"), [
    ("", False), ("inventory", False), ("admin_display", False),
    ("exsetup", True), ("healthchecker", True), ("exo_report", True)])
def test_identify_trusts_a_bare_cu_build_only_from_a_precise_source(
        source: str, exact: bool) -> None:
    info = identify("15.1.2507.6", load_knowledge(), source)
    assert info.release == "CU23" and info.exact is exact and bool(info.warning("en")) is not exact
