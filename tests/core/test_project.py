"""The project file: reopens exactly, saves atomically, migrates, refuses clearly."""

from __future__ import annotations

import errno
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.core import project as project_module
from planner.core import replace_file as replace_file_module
from planner.core.catalogue import catalogue
from planner.core.errors import error_words
from planner.core.explanation import Driver
from planner.core.model import (
    Connector,
    ConnectorType,
    Estate,
    ExoReport,
    Finding,
    Organization,
    Server,
    Severity,
    Site,
)
from planner.core.plan import (
    Dependency,
    Exposure,
    MigrationPath,
    Objective,
    Pause,
    Phase,
    Plan,
    Proposal,
    Schedule,
    ScheduledStep,
    ServerAssessment,
    Step,
)
from planner.core.project import (
    FORMAT_VERSION,
    MIGRATIONS,
    Project,
    ProjectError,
    Scenario,
    load_project,
    save_project,
)
from planner.core.project_io import from_plain
from planner.core.settings import Consultant, Decisions, Freeze, Settings


def _project() -> Project:
    estate = Estate(
        organization=Organization("Contoso", True, "contoso.onmicrosoft.com"),
        sites=(Site("München", True, "DE", "BY"),),
        servers=(Server("EX01", "ex01.contoso.local", "München", ("Mailbox",), "15.2.1544.4",
                        mailbox_data_gb=512.5, virtual=True),
                 Server("EX02", site="München", build="15.1.2507.6", judged_by_exo=None)),
        connectors=(Connector("Outbound to O365", ConnectorType.SEND, ("EX01",), ("*",)),),
        exo_reports=(ExoReport("ex01.contoso.local", "15.2.1544.4", date(2025, 5, 1)),),
    )
    settings = Settings(customer="Contoso", start=date(2026, 3, 2), language="de",
                        consultants=(Consultant("Anna", 4, ((date(2026, 4, 1),
                                                             date(2026, 4, 3)),)),),
                        freezes=(Freeze(date(2026, 12, 20), date(2027, 1, 6), "Jahresende"),),
                        pause_days_used={2026: 12}, first_detected={"EX01": date(2025, 5, 1)},
                        policy_overrides={"pause.max_days_per_year": 60})
    decisions = Decisions(excluded_servers=frozenset({"EX02"}), paths={"EX01": "in_place"},
                          pins={"inplace:EX01": date(2026, 3, 9)})
    step = Step("inplace:EX01", "Upgrade EX01", "EX01 aktualisieren", "inplace_upgrade",
                Phase.IN_PLACE, "server:EX01", 2, "R-INPLACE", "2019 CU14", "2019 CU14",
                (Dependency("prep:ad", "FS", 1),), deadline=date(2026, 10, 1),
                resources=("server:EX01",), exits_exo_view=("EX01",))
    # the step it waits for: a saved plan linking to a step it does not have is not shown
    prep = Step("prep:ad", "Prepare AD", "AD vorbereiten", "ad_prep", Phase.PREPARE, "org", 1,
                "R-ADPREP", "SE needs it", "SE braucht es")
    proposal = Proposal((prep, step), (ServerAssessment("EX01", "2019", "CU14", "15.2.1544.4",
                                                   MigrationPath.IN_PLACE, True, True),),
                        (("inplace:EX01",),),
                        (Finding(Severity.INFO, "RULE-X", "note", "Hinweis"),))
    schedule = Schedule(
        (ScheduledStep("prep:ad", date(2026, 3, 2), date(2026, 3, 2), "Anna"),
         ScheduledStep("inplace:EX01", date(2026, 3, 9), date(2026, 3, 10), "Anna",
                       Driver("pin", "pinned", date(2026, 3, 9)))),
        (Pause(date(2026, 5, 1), date(2026, 5, 30), 30),),
        (Exposure("EX01", date(2025, 5, 1), date(2026, 3, 10), (30, 60, 0), 0, "exo_report"),),
        Objective(0, 12, 30, date(2026, 3, 10), "optimal", 0.0, "why", "warum"),
    )
    findings = (Finding(Severity.WARNING, "IMPORT-X", "w", "W", "inv.xlsx", "Servers", 7),)
    plan = Plan(estate, settings, decisions, findings + proposal.findings, proposal, schedule)
    scenario_settings = replace(settings, fixed_pauses=())
    return Project(estate, findings, settings, decisions,
                   {"version": 1, "sheets": []}, ("inv.xlsx",), plan,
                   (Scenario("No pause", scenario_settings, decisions, None),), "No pause")


def test_save_and_reopen_gives_the_same_project(tmp_path: Path) -> None:
    project = _project()
    path = tmp_path / "Contoso.seplan"
    save_project(project, path)
    assert load_project(path) == project


def test_a_stale_plan_is_not_saved(tmp_path: Path) -> None:
    project = _project()
    moved = replace(project, settings=replace(project.settings, customer="Fabrikam"))
    save_project(moved, tmp_path / "p.seplan")
    assert load_project(tmp_path / "p.seplan").plan is None


def test_saving_is_atomic_and_leaves_no_temporary_files(tmp_path: Path,
                                                        monkeypatch: Any) -> None:
    path = tmp_path / "p.seplan"
    save_project(_project(), path)
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(replace_file_module.os, "replace", broken_replace)
    with pytest.raises(ProjectError, match="No space left"):
        save_project(Project(), path)
    assert path.read_bytes() == before  # the old file survives a failed save
    assert [p.name for p in tmp_path.iterdir()] == ["p.seplan"]


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", r"damaged one \(line 1, column 2\)"),
    ('{"format": "something else"}', "not a project file"),
    ('{"format": "exchange-se-planner-project", "format_version": 99, "project": {}}',
     "newer version"),
    ('{"format": "exchange-se-planner-project", "format_version": 1, '
     '"project": {"estate": {"servers": [{"fqdn": "no name"}]}}}', "damaged"),
])
def test_bad_files_are_refused_with_a_clear_message(tmp_path: Path, content: str,
                                                    message: str) -> None:
    path = tmp_path / "bad.seplan"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProjectError, match=message) as info:
        load_project(path)
    assert "bad.seplan" in str(info.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="does not exist"):
        load_project(tmp_path / "gone.seplan")


@pytest.mark.parametrize(("content", "german"), [
    (None, "gone.seplan: die Datei existiert nicht"),
    ("{not json", "bad.seplan: keine Projektdatei oder eine beschädigte (Zeile 1, Spalte 2)"),
    ('{"format": "exchange-se-planner-project", "format_version": 99, "project": {}}',
     "bad.seplan: von einer neueren Version des Planers geschrieben (?, Format 99)"),
    ('{"format": "exchange-se-planner-project", "format_version": 1, '
     '"project": {"estate": {"servers": [{"fqdn": "no name"}]}}}',
     "bad.seplan: die Projektdaten sind beschädigt; die Einzelheiten stehen in der "
     "Protokolldatei"),
])
def test_a_project_error_reads_in_the_readers_language_with_the_file_name_only(
        tmp_path: Path, content: str | None, german: str) -> None:
    """What a window shows (error_words): German words, the file's name, no folder, no
    Python or JSON library text."""
    path = tmp_path / ("gone.seplan" if content is None else "bad.seplan")
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(path)
    shown = error_words(info.value, "de")
    assert shown.startswith(german)
    assert str(tmp_path) not in shown and "Expecting" not in shown and "fqdn" not in shown


def test_the_systems_own_error_text_is_not_shown() -> None:
    """An OS error without words of ours says so in the reader's language and logs the rest."""
    other = OSError(errno.EIO, "Input/output error")
    assert error_words(other, "de") == ("das System hat es abgelehnt; die Einzelheiten stehen "
                                        "in der Protokolldatei")
    assert error_words(OSError(errno.ENOSPC, "No space left on device"), "en") == \
        "the disk is full"


def test_older_formats_are_migrated(tmp_path: Path, monkeypatch: Any) -> None:
    """A file of the current format opens in a program one format newer, through the table."""
    path = tmp_path / "old.seplan"
    save_project(_project(), path)

    def one_to_two(doc: dict[str, Any]) -> dict[str, Any]:
        doc["project"]["sources"] = [s.upper() for s in doc["project"]["sources"]]
        return doc

    current = project_module.FORMAT_VERSION
    monkeypatch.setattr(project_module, "FORMAT_VERSION", current + 1)
    monkeypatch.setitem(project_module.MIGRATIONS, current, one_to_two)
    assert load_project(path).sources == ("INV.XLSX",)


def test_file_is_versioned_json(tmp_path: Path) -> None:
    path = tmp_path / "p.seplan"
    save_project(Project(), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "exchange-se-planner-project"
    assert doc["format_version"] == FORMAT_VERSION
    assert set(doc["project"]) >= {"estate", "settings", "decisions", "mapping", "plan",
                                   "scenarios"}


def test_a_format_1_schedule_keeps_its_driver_text_as_data() -> None:
    old = {"project": {"plan": {"schedule": {"steps": [{
        "step_id": "cu:EX1", "start": "2026-10-05", "end": "2026-10-05", "consultant": "",
        "driver_kind": "holiday", "driver_en": "Public holiday: Christmas (2026-12-25)",
        "driver_de": "Feiertag: Weihnachten (25.12.2026)"}]}}}}
    new = MIGRATIONS[1](old)
    step = new["project"]["plan"]["schedule"]["steps"][0]
    dated = from_plain(ScheduledStep, step)
    assert dated.driver_kind == "holiday" and dated.driver.key == "legacy"
    assert "driver_en" not in step
    assert catalogue("en")("plan.driver.legacy", name=dated.driver.name).startswith("Public")


def test_an_output_file_that_cannot_be_written_is_worded_with_its_name_only(tmp_path):
    """What a window shows for a failed export: the reader's words and the file's name;
    the English text (log, terminal) keeps the whole path."""
    from planner.core.errors import OutputFileError
    from planner.core.replace_file import refuse_overwriting, replace_text

    target = tmp_path / "gone" / "plan.xlsx"
    with pytest.raises(OutputFileError) as missing:
        replace_text(target, "x")
    assert str(target) in str(missing.value)
    assert error_words(missing.value, "de") == \
        "plan.xlsx: kann nicht geschrieben werden: Der Ordner existiert nicht"
    source = tmp_path / "inventory.xlsx"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(OutputFileError) as same:
        refuse_overwriting([source], [source])
    assert error_words(same.value, "en") == \
        "inventory.xlsx: not written: it is one of the input files"


def test_a_bug_is_worded_as_a_bug_never_by_its_text():
    assert error_words(KeyError("server:EX01"), "en") == \
        "an error in the planner; the details are in the log file"


def test_the_project_written_in_pieces_is_what_json_dumps_wrote(tmp_path):
    """The project's JSON is written a few thousand encoder pieces at a time (one join of
    a large project's millions held the interpreter lock for a tenth of a second while the
    window waited); the file is the same, byte for byte."""
    from planner.core.project import JOIN_PIECES, json_pieces

    data = {"servers": [{"name": f"MÜC-EX{n:04}", "dbs": [1.5, None, True, "a\"b\\n"],
                         "site": {"city": "München", "state": "BY"}} for n in range(400)],
            "empty": {}, "none": [], "n": 3}
    assert "".join(json_pieces(data)) == json.dumps(data, ensure_ascii=False, indent=1)
    pieces = json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data)
    assert sum(1 for _ in pieces) > 2 * JOIN_PIECES  # several batches joined
    project = _project()
    path = tmp_path / "p.json"
    save_project(project, path)
    written = path.read_text(encoding="utf-8")
    assert written == json.dumps(json.loads(written), ensure_ascii=False, indent=1) + "\n"
    assert load_project(path) == project
